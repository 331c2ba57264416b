//! The course: lessons embedded from `lessons/` (one folder per lesson: `lesson.toml`, `en.md`,
//! `zh.md`, quiz snippets as `.js`), validated, with quizzes whose answers the scheduler computes
//! at run time. Nothing here draws: the command-line view (`print/lessons.rs`) prints, the TUI's
//! Lessons tab renders.
//!
//! - [`catalog`] is the embedded course; [`load_dir`] reads a folder on disk (for authors and
//!   `mini-node lessons --check --dir DIR`).
//! - [`check`] runs what loading cannot: every quiz snippet under the engine, every demo link
//!   against the engine's built-in examples. Problems print as `file:line: message`.
//! - [`answer`] asks the scheduler what a quiz snippet prints: the answers are never stored.
//! - [`markdown`] turns a lesson's text into typed blocks for the views; [`progress`] remembers
//!   what the student has read and answered.

mod load;
pub mod markdown;
pub mod progress;

use std::fmt;
use std::time::Duration;

use anyhow::{bail, Context as _};

use crate::eventloop::{RunOptions, Stream};

pub use load::load_dir;

/// The two languages of the course (and of every view that shows it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    En,
    Zh,
}

impl Lang {
    /// Every language, in the order the views list them.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Zh];

    /// The language's code as the command line writes it: `en`, `zh`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh",
        }
    }
}

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

impl DemoLink {
    /// The demo's kind as written in `lesson.toml`: `fork`, `cluster` or `event-loop`.
    pub fn kind(&self) -> &'static str {
        match self {
            DemoLink::Fork => "fork",
            DemoLink::Cluster => "cluster",
            DemoLink::EventLoop { .. } => "event-loop",
        }
    }
}

/// A predict-the-output quiz: the student orders the lines; the scheduler computes the answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quiz {
    pub id: String,
    pub question: Bilingual,
    /// The snippet's file name inside the lesson's folder, and its source.
    pub file: String,
    pub source: String,
    /// The snippet's path as the course shows it (`lessons/05-microtasks/quiz1.js`): the script's
    /// `__filename` when the engine runs it.
    pub path: String,
    /// The line of the quiz's `snippet` key in `lesson.toml` (for problems), 0 if unknown.
    pub line: usize,
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
    /// The lesson's folder as the course shows it, e.g. `lessons/01-fork`.
    pub dir: String,
    /// The line in `lesson.toml` of the demo's link (its `example` or `snippet` key, else the
    /// `[demo]` table), for problems; 0 if unknown.
    pub demo_line: usize,
}

impl Lesson {
    /// `lesson.toml` of this lesson, as problems name it.
    pub fn index_path(&self) -> String {
        format!("{}/lesson.toml", self.dir)
    }
}

/// Something wrong with a lesson, printed as `file:line: message` (`file: message` when the line
/// is not known, e.g. for a missing file).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub file: String,
    /// 1-based; 0 when unknown.
    pub line: usize,
    pub message: String,
}

impl Problem {
    pub fn new(file: impl Into<String>, line: usize, message: impl Into<String>) -> Self {
        Problem {
            file: file.into(),
            line,
            message: message.into(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line > 0 {
            write!(f, "{}:{}: {}", self.file, self.line, self.message)
        } else {
            write!(f, "{}: {}", self.file, self.message)
        }
    }
}

/// The course embedded in the binary at build time (see `build.rs`).
static EMBEDDED: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/lessons_files.rs"));

/// The embedded course, in folder order. It is validated by the tests, so a problem here is a
/// build of broken content: the error lists every problem.
pub fn catalog() -> anyhow::Result<Vec<Lesson>> {
    let (lessons, problems) = load_embedded();
    if !problems.is_empty() {
        let list: Vec<String> = problems.iter().map(ToString::to_string).collect();
        bail!(
            "the embedded lessons are broken ({} problems): {}",
            problems.len(),
            list.join("; ")
        );
    }
    if lessons.is_empty() {
        bail!("this build of mini-node has no lessons (lessons/ was empty when it was built)");
    }
    Ok(lessons)
}

/// The embedded course with the problems loading found (for `mini-node lessons --check`).
pub fn load_embedded() -> (Vec<Lesson>, Vec<Problem>) {
    let files = EMBEDDED
        .iter()
        .map(|(path, text)| (path.to_string(), Ok(text.to_string())))
        .collect();
    load::load_files("lessons", files)
}

/// The lesson with this id, or by its number in the course (`4`, `04`).
pub fn find<'a>(lessons: &'a [Lesson], key: &str) -> Option<&'a Lesson> {
    lessons.iter().find(|l| l.id == key).or_else(|| {
        let n: usize = key.parse().ok()?;
        lessons.get(n.checked_sub(1)?)
    })
}

/// How long a quiz snippet may run under the engine before it counts as broken.
const QUIZ_TIMEOUT: Duration = Duration::from_secs(5);

/// The lines a quiz snippet prints on stdout, computed by the scheduler now (never read from a
/// file). A snippet that fails, exits non-zero or prints nothing is an error naming the quiz.
pub fn answer(quiz: &Quiz) -> anyhow::Result<Vec<String>> {
    let mut opts = RunOptions::new(&quiz.path);
    opts.timeout = QUIZ_TIMEOUT;
    let outcome = crate::eventloop::run(&quiz.source, &opts, &mut |_| {})
        .with_context(|| format!("quiz {:?} ({}) does not run", quiz.id, quiz.file))?;
    if outcome.exit_code != 0 {
        let stderr: Vec<&str> = outcome
            .output
            .iter()
            .filter(|(stream, _)| *stream == Stream::Stderr)
            .map(|(_, line)| line.trim())
            .filter(|l| !l.is_empty())
            .collect();
        bail!(
            "quiz {:?} ({}) exits with code {} under the engine{}",
            quiz.id,
            quiz.file,
            outcome.exit_code,
            error_summary(&stderr)
        );
    }
    // The outcome holds whole lines, each without its newline.
    let lines: Vec<String> = outcome
        .output
        .into_iter()
        .filter(|(stream, _)| *stream == Stream::Stdout)
        .map(|(_, line)| line)
        .collect();
    if lines.is_empty() {
        bail!(
            "quiz {:?} ({}) prints nothing: a quiz needs output lines to order",
            quiz.id,
            quiz.file
        );
    }
    Ok(lines)
}

/// What loading cannot see: every quiz snippet must run under the engine, exit 0 and print at
/// least two lines (something to order); an event-loop demo's example must be one the engine has.
pub fn check(lessons: &[Lesson]) -> Vec<Problem> {
    let mut problems = Vec::new();
    let examples = crate::eventloop::examples();
    for lesson in lessons {
        if let Some(DemoLink::EventLoop {
            example: Some(name),
            ..
        }) = &lesson.demo
        {
            if !examples.iter().any(|e| e.name == name.as_str()) {
                let known: Vec<&str> = examples.iter().map(|e| e.name).collect();
                problems.push(Problem::new(
                    lesson.index_path(),
                    lesson.demo_line,
                    format!(
                        "broken demo link: the engine has no example {name:?} (it has: {})",
                        known.join(", ")
                    ),
                ));
            }
        }
        for quiz in &lesson.quizzes {
            match answer(quiz) {
                Ok(lines) if lines.len() < 2 => problems.push(Problem::new(
                    lesson.index_path(),
                    quiz.line,
                    format!(
                        "quiz {:?} ({}) prints only one line: nothing to put in order",
                        quiz.id, quiz.file
                    ),
                )),
                Ok(_) => {}
                Err(err) => problems.push(Problem::new(
                    lesson.index_path(),
                    quiz.line,
                    first_line(&format!("{err:#}")),
                )),
            }
        }
    }
    problems
}

/// ": Error: boom (at quiz1.js:2)" from what node prints for an uncaught error: the error's own
/// line (`SomethingError: ...`) and where it was thrown (node's first line, `file:line`).
fn error_summary(stderr: &[&str]) -> String {
    let error = stderr.iter().find(|l| {
        l.split_once(':')
            .is_some_and(|(name, _)| name.ends_with("Error") && !name.contains(' '))
    });
    let at = stderr.first().and_then(|l| {
        let (file, line) = l.rsplit_once(':')?;
        line.parse::<u32>().ok()?;
        let base = file.rsplit('/').next().unwrap_or(file);
        Some(format!("{base}:{line}"))
    });
    match (error, at) {
        (Some(error), Some(at)) => format!(": {error} (at {at})"),
        (Some(error), None) => format!(": {error}"),
        (None, _) => stderr.first().map_or(String::new(), |l| format!(": {l}")),
    }
}

/// The first line of a message (problems are one line each).
fn first_line(message: &str) -> String {
    message.lines().next().unwrap_or("").to_string()
}
