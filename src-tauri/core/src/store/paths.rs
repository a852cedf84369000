use std::ffi::OsString;
use std::path::PathBuf;

/// Where the database lives: `--db PATH` first, then the `DCE_DB`
/// environment variable (its value passed in by the caller), then the OS
/// data directory.
pub fn resolve_db_path(cli: Option<PathBuf>, env: Option<OsString>) -> Option<PathBuf> {
    cli.or_else(|| env.filter(|v| !v.is_empty()).map(PathBuf::from))
        .or_else(default_db_path)
}

/// The database in the OS data directory (reads the user's environment:
/// call it from a binary, not from library code).
pub fn default_db_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("fr", "", "dce-unique").map(|d| d.data_dir().join("dce.db"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn command_line_wins_over_environment() {
        let p = resolve_db_path(Some("a.db".into()), Some("b.db".into()));
        assert_eq!(p, Some(PathBuf::from("a.db")));
    }

    #[test]
    fn environment_wins_over_default() {
        assert_eq!(
            resolve_db_path(None, Some("b.db".into())),
            Some(PathBuf::from("b.db"))
        );
    }

    #[test]
    fn empty_environment_is_ignored() {
        assert_eq!(resolve_db_path(None, Some("".into())), default_db_path());
    }
}
