//! `mini-node lessons` and `mini-node lesson ID`.

use crate::cli::{LessonArgs, LessonsArgs};

pub fn list(_args: LessonsArgs) -> anyhow::Result<()> {
    anyhow::bail!("`lessons` is being built")
}

pub fn show(_args: LessonArgs) -> anyhow::Result<()> {
    anyhow::bail!("`lesson` is being built")
}
