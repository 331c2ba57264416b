//! The course: lessons embedded from `lessons/` (one folder per lesson: `lesson.toml`, `en.md`,
//! `zh.md`, quiz snippets as `.js`), validated, with quizzes whose answers the scheduler computes
//! at run time. Nothing here draws; `cli` prints, the TUI's Lessons tab renders.

pub mod cli;

use crate::cli::Lang;

/// A text in both languages of the course.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bilingual {
    pub en: String,
    pub zh: String,
}

impl Bilingual {
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Zh => &self.zh,
        }
    }
}

/// The live demo a lesson opens ("run this").
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DemoLink {
    Fork,
    Cluster,
    /// The Event Loop tab with a built-in example or one of the lesson's snippets loaded.
    EventLoop {
        example: Option<String>,
        /// (file name, source) of a snippet under the lesson's folder.
        snippet: Option<(String, String)>,
    },
}

/// A predict-the-output quiz: the student orders the lines; the scheduler computes the answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quiz {
    pub id: String,
    pub question: Bilingual,
    /// The snippet's file name inside the lesson's folder, and its source.
    pub file: String,
    pub source: String,
}

/// One lesson of the course.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lesson {
    pub id: String,
    pub title: Bilingual,
    /// The lesson's text, Markdown.
    pub body: Bilingual,
    pub demo: Option<DemoLink>,
    pub quizzes: Vec<Quiz>,
}
