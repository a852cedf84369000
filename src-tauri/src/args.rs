use std::path::PathBuf;

/// Command-line options of the app. `--export-dir DIR` exists for the
/// end-to-end tests, which cannot drive a native dialog: no file dialog is
/// shown; exports and « Enregistrer sous… » write `DIR/<suggested name>`,
/// and « Ouvrir… » reads the most recently modified `.dce` file of `DIR`
/// (as if the dialog were closed when there is none). In normal use the
/// dialogs are always shown. Any other argument is a file to open: the file
/// manager starts `dce-unique FILE.dce` when a `.dce` is double-clicked.
#[derive(Debug, Default, Clone)]
pub struct Args {
    pub db: Option<PathBuf>,
    pub export_dir: Option<PathBuf>,
    pub files: Vec<PathBuf>,
}

impl Args {
    pub fn parse(args: impl Iterator<Item = String>) -> Args {
        let mut out = Args::default();
        let mut args = args.peekable();
        while let Some(arg) = args.next() {
            let (name, inline) = match arg.split_once('=').filter(|_| arg.starts_with("--")) {
                Some((n, v)) => (n.to_string(), Some(v.to_string())),
                None => (arg, None),
            };
            let mut value = || inline.clone().or_else(|| args.next()).map(PathBuf::from);
            match name.as_str() {
                "--db" => out.db = value(),
                "--export-dir" => out.export_dir = value(),
                _ if !name.starts_with('-') => out.files.push(PathBuf::from(name)),
                _ => {}
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(v: &[&str]) -> Args {
        Args::parse(v.iter().map(|s| s.to_string()))
    }

    #[test]
    fn both_forms_are_read() {
        let a = parse(&["--db", "/tmp/a.db", "--export-dir=/tmp/out"]);
        assert_eq!(a.db, Some(PathBuf::from("/tmp/a.db")));
        assert_eq!(a.export_dir, Some(PathBuf::from("/tmp/out")));
    }

    #[test]
    fn a_trailing_option_without_value_is_absent() {
        let a = parse(&["--db", "a.db", "--export-dir"]);
        assert_eq!(a.db, Some(PathBuf::from("a.db")));
        assert_eq!(a.export_dir, None);
    }

    #[test]
    fn the_last_occurrence_wins() {
        let a = parse(&["--export-dir", "/tmp/a", "--export-dir=/tmp/b"]);
        assert_eq!(a.export_dir, Some(PathBuf::from("/tmp/b")));
    }

    #[test]
    fn unknown_options_are_ignored() {
        let a = parse(&["--verbose", "-x"]);
        assert!(a.db.is_none() && a.export_dir.is_none() && a.files.is_empty());
    }

    #[test]
    fn other_arguments_are_files_to_open() {
        let a = parse(&["--db", "a.db", "/home/m/RS-01.dce", "prix=2026.dce"]);
        assert_eq!(a.db, Some(PathBuf::from("a.db")));
        assert_eq!(
            a.files,
            [
                PathBuf::from("/home/m/RS-01.dce"),
                PathBuf::from("prix=2026.dce")
            ]
        );
    }
}
