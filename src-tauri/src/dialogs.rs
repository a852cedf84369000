//! The native file dialogs, and the test hook that replaces them.
//!
//! With `--export-dir DIR` (end-to-end tests: WebDriver cannot drive a
//! native dialog) no dialog is shown: saving writes `DIR/<suggested name>`
//! and opening picks the newest file of the filter's extension in `DIR`.
//! The UI never sends a path: files are only reached through these.

use std::path::{Path, PathBuf};

/// A file type offered by a dialog, e.g. « Dossier DCE Unique » (`.dce`).
#[derive(Debug, Clone, Copy)]
pub struct Filter<'a> {
    pub name: &'a str,
    pub extension: &'a str,
}

/// Where to write `file_name`: in the hook folder, or where the user chose
/// in the save dialog; `None` when the dialog was closed. The filter's
/// extension is added when the user typed a name without one.
pub fn save_path(
    hook_dir: Option<&Path>,
    title: &str,
    file_name: &str,
    filter: Filter<'_>,
) -> Option<PathBuf> {
    let path = match hook_dir {
        Some(dir) => dir.join(file_name),
        None => rfd::FileDialog::new()
            .set_title(title)
            .set_file_name(file_name)
            .add_filter(filter.name, &[filter.extension])
            .save_file()?,
    };
    Some(with_default_extension(path, filter.extension))
}

/// The file to read: the newest matching file of the hook folder, or the
/// user's choice in the open dialog; `None` when there is none or the
/// dialog was closed.
pub fn open_path(hook_dir: Option<&Path>, title: &str, filter: Filter<'_>) -> Option<PathBuf> {
    match hook_dir {
        Some(dir) => newest_with_extension(dir, filter.extension),
        None => rfd::FileDialog::new()
            .set_title(title)
            .add_filter(filter.name, &[filter.extension])
            .pick_file(),
    }
}

/// The most recently modified file of `dir` ending in `.{extension}`
/// (case-insensitive); on equal times, the last name.
pub fn newest_with_extension(dir: &Path, extension: &str) -> Option<PathBuf> {
    std::fs::read_dir(dir)
        .ok()?
        .filter_map(|e| e.ok())
        .filter(|e| {
            e.path()
                .extension()
                .is_some_and(|x| x.eq_ignore_ascii_case(extension))
        })
        .filter_map(|e| {
            let meta = e.metadata().ok().filter(|m| m.is_file())?;
            Some((meta.modified().ok(), e.path()))
        })
        .max()
        .map(|(_, path)| path)
}

fn with_default_extension(path: PathBuf, extension: &str) -> PathBuf {
    if path.extension().is_some() {
        path
    } else {
        path.with_extension(extension)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, SystemTime};

    const DCE: Filter<'static> = Filter {
        name: "Dossier DCE Unique",
        extension: "dce",
    };

    fn touch(path: &Path, age_secs: u64) {
        std::fs::write(path, b"{}").unwrap();
        let time = SystemTime::now() - Duration::from_secs(age_secs);
        std::fs::File::options()
            .write(true)
            .open(path)
            .unwrap()
            .set_modified(time)
            .unwrap();
    }

    #[test]
    fn opening_picks_the_newest_dce_file() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(open_path(Some(dir.path()), "Ouvrir un dossier", DCE), None);
        touch(&dir.path().join("ancien.dce"), 300);
        touch(&dir.path().join("recent.DCE"), 10);
        touch(&dir.path().join("plus-recent.pdf"), 0);
        std::fs::create_dir(dir.path().join("dossier.dce")).unwrap();
        assert_eq!(
            open_path(Some(dir.path()), "Ouvrir un dossier", DCE),
            Some(dir.path().join("recent.DCE"))
        );
    }

    #[test]
    fn a_missing_hook_folder_is_like_a_closed_dialog() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(
            newest_with_extension(&dir.path().join("absent"), "dce"),
            None
        );
    }

    #[test]
    fn saving_writes_the_suggested_name_in_the_hook_folder() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(
            save_path(Some(dir.path()), "Enregistrer", "RS-01_DCE.dce", DCE),
            Some(dir.path().join("RS-01_DCE.dce"))
        );
    }

    #[test]
    fn a_name_typed_without_extension_gets_one() {
        assert_eq!(
            with_default_extension("/tmp/mon dossier".into(), "dce"),
            PathBuf::from("/tmp/mon dossier.dce")
        );
        assert_eq!(
            with_default_extension("/tmp/a.json".into(), "dce"),
            PathBuf::from("/tmp/a.json")
        );
    }
}
