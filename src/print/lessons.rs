//! The views of `mini-node lessons` and `mini-node lesson ID`: the list with progress (or as
//! JSON), a lesson's title, text and demo commands, in English or Chinese. Every label is a
//! [`Msg`], written in both languages in one `match`, so a missing translation does not compile.
//! It prints; the lessons, their checks and progress are the engine's (`crate::lessons`).

use std::io::{self, Write};

use colored::Colorize;
use serde::Serialize;

use super::markdown::{render_markdown, text_width};
use crate::lessons::markdown;
use crate::lessons::progress::Progress;
use crate::lessons::{DemoLink, Lang, Lesson, Problem};

/// Every label of the lessons' command-line views, in both languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Msg<'a> {
    /// The list: a lesson read with every quiz right.
    Done,
    /// The list: a lesson read, `right` of its `total` quizzes answered right.
    ReadRight {
        right: usize,
        total: usize,
    },
    /// The list: a lesson not read yet, with `total` quizzes.
    New {
        total: usize,
    },
    /// Under the list.
    ReadOneHint,
    /// Before a lesson's demo commands.
    SeeItLive,
    /// After a lesson's demo commands.
    OrInTui,
    /// A quiz's heading: "Quiz 1/3".
    Quiz {
        n: usize,
        total: usize,
    },
    /// The engine failed on a quiz snippet (the error follows).
    EngineCouldNotAnswer,
    /// Ctrl-D before the last quiz.
    InputEnded,
    /// Before the answer when nobody is asked.
    Answer,
    /// Before the answer after the student's try.
    TheAnswer,
    /// Before the shuffled lines.
    Shuffled,
    /// The prompt for an order.
    WhichOrder,
    Right,
    NotQuite,
    /// After a lesson read without a terminal.
    AnswerInATerminal {
        id: &'a str,
    },
}

impl Msg<'_> {
    /// The message in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        let [en, zh]: [String; 2] = match *self {
            Msg::Done => ["✔ done".into(), "✔ 已完成".into()],
            Msg::ReadRight { right, total } => [
                format!("read, {right}/{total} quizzes right"),
                format!("已读，{right}/{total} 题答对"),
            ],
            Msg::New { total } => [
                format!(
                    "new, {total} {}",
                    if total == 1 { "quiz" } else { "quizzes" }
                ),
                format!("未读，{total} 道题"),
            ],
            Msg::ReadOneHint => [
                "Read one with `mini-node lesson ID` (add --lang zh for Chinese).".into(),
                "用 `mini-node lesson ID --lang zh` 阅读一课。".into(),
            ],
            Msg::SeeItLive => ["See it live:".into(), "现场演示：".into()],
            Msg::OrInTui => [
                "or in `mini-node tui`: Lessons tab, \"run this\"".into(),
                "或在 `mini-node tui` 的 Lessons 标签页里点 “run this”".into(),
            ],
            Msg::Quiz { n, total } => [format!("Quiz {n}/{total}"), format!("测验 {n}/{total}")],
            Msg::EngineCouldNotAnswer => [
                "The engine could not answer:".into(),
                "引擎无法给出答案：".into(),
            ],
            Msg::InputEnded => [
                "Input ended (Ctrl-D): the other quizzes wait for next time.".into(),
                "输入已结束（Ctrl-D）：其余测验留到下次。".into(),
            ],
            Msg::Answer => [
                "Answer, computed now by mini-node's event loop:".into(),
                "答案（由 mini-node 的事件循环现场算出）：".into(),
            ],
            Msg::TheAnswer => [
                "The answer, computed now by mini-node's event loop:".into(),
                "答案（由 mini-node 的事件循环现场算出）：".into(),
            ],
            Msg::Shuffled => [
                "The snippet prints these lines, shuffled:".into(),
                "这段代码会打印下面这些行（顺序已打乱）：".into(),
            ],
            Msg::WhichOrder => [
                "In which order does node print them? (e.g. 3 1 2, Enter to see the answer)".into(),
                "node 会按什么顺序打印？（例如 3 1 2，直接回车看答案）".into(),
            ],
            Msg::Right => ["✔ Right!".into(), "✔ 答对了！".into()],
            Msg::NotQuite => ["✘ Not quite.".into(), "✘ 不太对。".into()],
            Msg::AnswerInATerminal { id } => [
                format!(
                    "Run `mini-node lesson {id}` in a terminal to answer the quizzes yourself."
                ),
                format!("在终端里运行 `mini-node lesson {id} --lang zh`，自己来答题。"),
            ],
        };
        match lang {
            Lang::En => en,
            Lang::Zh => zh,
        }
    }
}

/// One lesson in `mini-node lessons --json`.
#[derive(Debug, Serialize)]
struct LessonJson<'a> {
    number: usize,
    id: &'a str,
    /// In `--lang` (English by default).
    title: &'a str,
    title_en: &'a str,
    title_zh: &'a str,
    demo: Option<DemoJson<'a>>,
    quizzes: usize,
    read: bool,
    quizzes_right: usize,
    completed: bool,
}

#[derive(Debug, Serialize)]
struct DemoJson<'a> {
    kind: &'static str,
    example: Option<&'a str>,
    snippet: Option<&'a str>,
}

/// `mini-node lessons --json`: every lesson with the student's progress, as a JSON array.
pub fn json(
    lessons: &[Lesson],
    progress: &Progress,
    lang: Lang,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let rows: Vec<LessonJson> = lessons
        .iter()
        .enumerate()
        .map(|(i, l)| LessonJson {
            number: i + 1,
            id: &l.id,
            title: l.title.get(lang),
            title_en: &l.title.en,
            title_zh: &l.title.zh,
            demo: l.demo.as_ref().map(|d| match d {
                DemoLink::EventLoop { example, snippet } => DemoJson {
                    kind: d.kind(),
                    example: example.as_deref(),
                    snippet: snippet.as_ref().map(|(file, _)| file.as_str()),
                },
                _ => DemoJson {
                    kind: d.kind(),
                    example: None,
                    snippet: None,
                },
            }),
            quizzes: l.quizzes.len(),
            read: progress.is_read(&l.id),
            quizzes_right: progress.quizzes_right(l),
            completed: progress.completed(l),
        })
        .collect();
    serde_json::to_writer_pretty(&mut *out, &rows)?;
    writeln!(out)?;
    Ok(())
}

/// `mini-node lessons --reset`: whether a progress file was removed.
pub fn reset(file: &std::path::Path, removed: bool, out: &mut dyn Write) -> io::Result<()> {
    if removed {
        writeln!(out, "progress reset ({} removed)", file.display())
    } else {
        writeln!(
            out,
            "no progress to reset ({} does not exist)",
            file.display()
        )
    }
}

/// `mini-node lessons --check`: each problem as `file:line: message`, or how many lessons are OK.
pub fn checked(lessons: usize, problems: &[Problem], out: &mut dyn Write) -> io::Result<()> {
    if problems.is_empty() {
        let s = if lessons == 1 { "" } else { "s" };
        return writeln!(out, "{lessons} lesson{s} OK");
    }
    for problem in problems {
        writeln!(out, "{problem}")?;
    }
    Ok(())
}

/// The list of lessons: number, id, title, progress.
pub fn list(
    lessons: &[Lesson],
    progress: &Progress,
    lang: Lang,
    out: &mut dyn Write,
) -> io::Result<()> {
    let id_width = lessons.iter().map(|l| l.id.len()).max().unwrap_or(0);
    let title_width = lessons
        .iter()
        .map(|l| markdown::width(l.title.get(lang)))
        .max()
        .unwrap_or(0);
    for (i, lesson) in lessons.iter().enumerate() {
        let title = lesson.title.get(lang);
        let pad = " ".repeat(title_width - markdown::width(title));
        let right = progress.quizzes_right(lesson);
        let total = lesson.quizzes.len();
        let status = if progress.completed(lesson) {
            Msg::Done.text(lang).green().to_string()
        } else if progress.is_read(&lesson.id) {
            Msg::ReadRight { right, total }
                .text(lang)
                .yellow()
                .to_string()
        } else {
            Msg::New { total }.text(lang).dimmed().to_string()
        };
        writeln!(
            out,
            "{:>2}. {}  {title}{pad}  {status}",
            i + 1,
            format!("{:<id_width$}", lesson.id).bold(),
        )?;
    }
    writeln!(out, "\n{}", Msg::ReadOneHint.text(lang).dimmed())
}

/// The lesson's title, text and the demo it opens.
pub fn lesson(lesson: &Lesson, lang: Lang, out: &mut dyn Write) -> io::Result<()> {
    let title = lesson.title.get(lang);
    writeln!(out, "{}", title.bold().bright_cyan())?;
    writeln!(out, "{}", "═".repeat(markdown::width(title)).bright_cyan())?;
    writeln!(out)?;
    render_markdown(
        without_title(lesson.body.get(lang), title),
        text_width(),
        out,
    )?;
    if let Some(demo) = &lesson.demo {
        writeln!(
            out,
            "{} {}",
            "▶".green().bold(),
            Msg::SeeItLive.text(lang).bold()
        )?;
        for command in demo_commands(demo) {
            writeln!(out, "    {}", command.yellow())?;
        }
        writeln!(out, "    {}", Msg::OrInTui.text(lang).dimmed())?;
        writeln!(out)?;
    }
    Ok(())
}

/// The lesson's text without its first `# heading` when that only repeats the title printed above.
fn without_title<'a>(body: &'a str, title: &str) -> &'a str {
    let start = body.trim_start();
    let (first, rest) = start.split_once('\n').unwrap_or((start, ""));
    match first.strip_prefix("# ") {
        Some(heading) if heading.trim() == title.trim() => rest,
        _ => body,
    }
}

/// The commands that open a lesson's demo.
pub fn demo_commands(demo: &DemoLink) -> Vec<String> {
    match demo {
        DemoLink::Fork => vec![
            "mini-node demo fork --requests 5".into(),
            "mini-node demo fork --as-written --requests 5".into(),
        ],
        DemoLink::Cluster => vec![
            "mini-node demo cluster --workers 2 --load 32 --duration 5".into(),
            "mini-node demo cluster --workers 2 --kill-every 2000 --duration 10".into(),
        ],
        DemoLink::EventLoop {
            example: Some(name),
            ..
        } => vec![format!("mini-node demo event-loop --example {name}")],
        DemoLink::EventLoop {
            snippet: Some((file, _)),
            ..
        } => vec![format!(
            "mini-node demo event-loop {file}   ({file} is shown below: save it first)"
        )],
        DemoLink::EventLoop { .. } => vec!["mini-node demo event-loop --list".into()],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_heading_that_repeats_the_title_is_printed_once() {
        colored::control::set_override(false);
        for l in &crate::lessons::catalog().unwrap() {
            for lang in [Lang::En, Lang::Zh] {
                let mut out = Vec::new();
                lesson(l, lang, &mut out).unwrap();
                let text = String::from_utf8(out).unwrap();
                let title = l.title.get(lang);
                let times = text.lines().filter(|l| l.trim() == title).count();
                assert_eq!(
                    times, 1,
                    "{} ({lang:?}): the title {title:?} printed {times} times",
                    l.id
                );
            }
        }
        assert_eq!(without_title("# Other\n\ntext", "Title"), "# Other\n\ntext");
        assert_eq!(without_title("# Title\n\ntext", "Title"), "\ntext");
    }
}
