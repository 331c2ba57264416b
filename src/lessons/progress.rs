//! The student's progress: which lessons were read and which quizzes were answered right, kept as
//! `progress.json` in the user's data directory (the `directories` crate; `MINI_NODE_DATA_DIR`
//! overrides it, for tests and portable installs). It stores no answers, only ids.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use anyhow::Context as _;
use serde::{Deserialize, Serialize};

use super::Lesson;

/// What the student has done.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    /// Ids of the lessons read.
    #[serde(default)]
    pub read: BTreeSet<String>,
    /// `lesson/quiz` ids of the quizzes answered right.
    #[serde(default)]
    pub right: BTreeSet<String>,
}

impl Progress {
    /// Mark a lesson read.
    pub fn mark_read(&mut self, lesson: &str) {
        self.read.insert(lesson.to_string());
    }

    /// Mark a quiz answered right.
    pub fn mark_right(&mut self, lesson: &str, quiz: &str) {
        self.right.insert(format!("{lesson}/{quiz}"));
    }

    pub fn is_read(&self, lesson: &str) -> bool {
        self.read.contains(lesson)
    }

    /// How many of the lesson's quizzes were answered right.
    pub fn quizzes_right(&self, lesson: &Lesson) -> usize {
        lesson
            .quizzes
            .iter()
            .filter(|q| self.right.contains(&format!("{}/{}", lesson.id, q.id)))
            .count()
    }

    /// Read, and every quiz answered right.
    pub fn completed(&self, lesson: &Lesson) -> bool {
        self.is_read(&lesson.id) && self.quizzes_right(lesson) == lesson.quizzes.len()
    }
}

/// Where the progress lives: `$MINI_NODE_DATA_DIR/progress.json`, or the platform's data
/// directory (`~/.local/share/mini-node/progress.json` on Linux).
pub fn path() -> anyhow::Result<PathBuf> {
    if let Some(dir) = std::env::var_os("MINI_NODE_DATA_DIR").filter(|d| !d.is_empty()) {
        return Ok(PathBuf::from(dir).join("progress.json"));
    }
    let dirs = directories::ProjectDirs::from("", "", "mini-node").context(
        "no home directory to keep lesson progress in: set MINI_NODE_DATA_DIR to a folder",
    )?;
    Ok(dirs.data_dir().join("progress.json"))
}

/// Load the progress from `file`; none yet is empty progress. A damaged file is an error that
/// says how to start again.
pub fn load_from(file: &Path) -> anyhow::Result<Progress> {
    match std::fs::read_to_string(file) {
        Ok(text) => serde_json::from_str(&text).with_context(|| {
            format!(
                "{} is not a progress file mini-node can read: run `mini-node lessons --reset` to start again",
                file.display()
            )
        }),
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => Ok(Progress::default()),
        Err(err) => Err(err).with_context(|| format!("cannot read {}", file.display())),
    }
}

/// Save the progress to `file`, creating its folder.
pub fn save_to(file: &Path, progress: &Progress) -> anyhow::Result<()> {
    if let Some(dir) = file.parent() {
        std::fs::create_dir_all(dir).with_context(|| {
            format!(
                "cannot create {} to keep lesson progress (set MINI_NODE_DATA_DIR to another folder)",
                dir.display()
            )
        })?;
    }
    let text = serde_json::to_string_pretty(progress).expect("progress serializes");
    let tmp = file.with_extension("json.tmp");
    std::fs::write(&tmp, text + "\n")
        .and_then(|()| std::fs::rename(&tmp, file))
        .with_context(|| format!("cannot write {}", file.display()))
}

/// Forget all progress. Returns whether there was any.
pub fn reset_at(file: &Path) -> anyhow::Result<bool> {
    match std::fs::remove_file(file) {
        Ok(()) => Ok(true),
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => Ok(false),
        Err(err) => Err(err).with_context(|| format!("cannot remove {}", file.display())),
    }
}

/// The progress at the default [`path`].
pub fn load() -> anyhow::Result<Progress> {
    load_from(&path()?)
}

/// Save at the default [`path`].
pub fn save(progress: &Progress) -> anyhow::Result<()> {
    save_to(&path()?, progress)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_round_trips_and_resets() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("sub/progress.json");
        assert_eq!(load_from(&file).unwrap(), Progress::default());
        let mut progress = Progress::default();
        progress.mark_read("fork");
        progress.mark_right("fork", "q1");
        save_to(&file, &progress).unwrap();
        assert_eq!(load_from(&file).unwrap(), progress);
        assert!(reset_at(&file).unwrap());
        assert!(!reset_at(&file).unwrap());
        assert_eq!(load_from(&file).unwrap(), Progress::default());
    }

    #[test]
    fn a_damaged_file_says_how_to_start_again() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("progress.json");
        std::fs::write(&file, "{nope").unwrap();
        let err = format!("{:#}", load_from(&file).unwrap_err());
        assert!(err.contains("mini-node lessons --reset"), "{err}");
    }
}
