//! `mini-node lessons` (list, `--json`, `--check`, `--reset`) and `mini-node lesson ID` (read a
//! lesson in colour and answer its predict-the-output quizzes). A view: the lessons, their checks
//! and the quiz answers come from the engine in `super`; this only prints and asks.

use std::io::{self, BufRead, IsTerminal, Write};

use colored::Colorize;
use serde::Serialize;

use super::markdown::{self, Block, Inline};
use super::progress::{self, Progress};
use super::{DemoLink, Lesson, Quiz};
use crate::cli::{Lang, LessonArgs, LessonsArgs};
use crate::error::{code, Exit};

/// A label in the reader's language.
fn t(lang: Lang, en: &'static str, zh: &'static str) -> &'static str {
    match lang {
        Lang::En => en,
        Lang::Zh => zh,
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

/// `mini-node lessons [--json | --check [--dir DIR] | --reset]`.
pub fn list(args: LessonsArgs) -> anyhow::Result<()> {
    quiet_broken_pipe(list_lessons(args))
}

fn list_lessons(args: LessonsArgs) -> anyhow::Result<()> {
    if args.check {
        return check(&args);
    }
    if args.reset {
        let file = progress::path()?;
        let mut out = io::stdout().lock();
        if progress::reset_at(&file)? {
            writeln!(out, "progress reset ({} removed)", file.display())?;
        } else {
            writeln!(
                out,
                "no progress to reset ({} does not exist)",
                file.display()
            )?;
        }
        return Ok(());
    }
    let lessons = super::catalog()?;
    let progress = progress::load()?;
    let stdout = io::stdout();
    let mut out = stdout.lock();
    if args.json {
        let rows: Vec<LessonJson> = lessons
            .iter()
            .enumerate()
            .map(|(i, l)| LessonJson {
                number: i + 1,
                id: &l.id,
                title: l.title.get(args.lang),
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
        serde_json::to_writer_pretty(&mut out, &rows)?;
        writeln!(out)?;
        return Ok(());
    }
    print_list(&lessons, &progress, args.lang, &mut out)?;
    Ok(())
}

/// The list of lessons: number, id, title, progress.
fn print_list(
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
            format!("✔ {}", t(lang, "done", "已完成"))
                .green()
                .to_string()
        } else if progress.is_read(&lesson.id) {
            format!(
                "{}{}{right}/{total} {}",
                t(lang, "read", "已读"),
                t(lang, ", ", "，"),
                t(lang, "quizzes right", "题答对")
            )
            .yellow()
            .to_string()
        } else {
            format!(
                "{}{}{total} {}",
                t(lang, "new", "未读"),
                t(lang, ", ", "，"),
                match (lang, total) {
                    (Lang::En, 1) => "quiz",
                    (Lang::En, _) => "quizzes",
                    (Lang::Zh, _) => "道题",
                }
            )
            .dimmed()
            .to_string()
        };
        writeln!(
            out,
            "{:>2}. {}  {title}{pad}  {status}",
            i + 1,
            format!("{:<id_width$}", lesson.id).bold(),
        )?;
    }
    writeln!(
        out,
        "\n{}",
        t(
            lang,
            "Read one with `mini-node lesson ID` (add --lang zh for Chinese).",
            "用 `mini-node lesson ID --lang zh` 阅读一课。"
        )
        .dimmed()
    )
}

/// `mini-node lessons --check [--dir DIR]`.
fn check(args: &LessonsArgs) -> anyhow::Result<()> {
    let (lessons, mut problems) = match &args.dir {
        Some(dir) => super::load_dir(dir),
        None => super::load_embedded(),
    };
    let shown = args
        .dir
        .as_ref()
        .map_or("lessons".to_string(), |d| d.display().to_string());
    if lessons.is_empty() && problems.is_empty() {
        problems.push(super::Problem::new(
            shown,
            0,
            "no lessons found: each lesson is a folder with lesson.toml, en.md and zh.md",
        ));
    }
    problems.extend(super::check(&lessons));
    let stdout = io::stdout();
    let mut out = stdout.lock();
    if problems.is_empty() {
        let n = lessons.len();
        writeln!(out, "{n} lesson{} OK", if n == 1 { "" } else { "s" })?;
        return Ok(());
    }
    for problem in &problems {
        writeln!(out, "{problem}")?;
    }
    Err(Exit::new(
        code::FAILURE,
        format!(
            "{} problem{} found in the lessons",
            problems.len(),
            if problems.len() == 1 { "" } else { "s" }
        ),
    )
    .into())
}

/// `mini-node lesson ID [--lang zh|en] [--answers]`.
pub fn show(args: LessonArgs) -> anyhow::Result<()> {
    quiet_broken_pipe(show_lesson(args))
}

/// Output cut short by the reader (`mini-node lesson fork | head`) is not an error.
fn quiet_broken_pipe(result: anyhow::Result<()>) -> anyhow::Result<()> {
    match result {
        Err(err)
            if err
                .downcast_ref::<io::Error>()
                .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe) =>
        {
            Ok(())
        }
        other => other,
    }
}

fn show_lesson(args: LessonArgs) -> anyhow::Result<()> {
    let lessons = super::catalog()?;
    let Some(lesson) = super::find(&lessons, &args.id) else {
        let ids: Vec<String> = lessons
            .iter()
            .enumerate()
            .map(|(i, l)| format!("{} {}", i + 1, l.id))
            .collect();
        return Err(Exit::new(
            code::USAGE,
            format!(
                "unknown lesson {:?}: the lessons are {} (see `mini-node lessons`)",
                args.id,
                ids.join(", ")
            ),
        )
        .into());
    };
    let lang = args.lang;
    // Progress is a convenience: without a data directory the lesson is still shown.
    let file = match progress::path() {
        Ok(file) => Some(file),
        Err(err) => {
            eprintln!("mini-node: warning: progress is not kept: {err:#}");
            None
        }
    };
    let mut progress = match &file {
        Some(file) => progress::load_from(file)?,
        None => Progress::default(),
    };
    let save = |progress: &Progress| {
        if let Some(file) = &file {
            if let Err(err) = progress::save_to(file, progress) {
                eprintln!("mini-node: warning: progress not saved: {err:#}");
            }
        }
    };

    let stdout = io::stdout();
    let mut out = stdout.lock();
    render_lesson(lesson, lang, &mut out)?;
    progress.mark_read(&lesson.id);
    save(&progress);

    let interactive = !args.answers && io::stdin().is_terminal();
    let stdin = io::stdin();
    let mut input = stdin.lock();
    let total = lesson.quizzes.len();
    for (n, quiz) in lesson.quizzes.iter().enumerate() {
        render_quiz_head(quiz, n + 1, total, lang, &mut out)?;
        let answer = match super::answer(quiz) {
            Ok(lines) => lines,
            Err(err) => {
                writeln!(
                    out,
                    "{} {err:#}",
                    t(lang, "The engine could not answer:", "引擎无法给出答案：").red()
                )?;
                continue;
            }
        };
        if interactive {
            match ask(&answer, lang, &mut input, &mut out)? {
                Reply::Right => {
                    progress.mark_right(&lesson.id, &quiz.id);
                    save(&progress);
                }
                Reply::Wrong | Reply::Skipped => {}
                // Ctrl-D: the student is done; the other quizzes wait for next time.
                Reply::InputEnded => {
                    if n + 1 < total {
                        writeln!(
                            out,
                            "{}",
                            t(
                                lang,
                                "Input ended (Ctrl-D): the other quizzes wait for next time.",
                                "输入已结束（Ctrl-D）：其余测验留到下次。"
                            )
                            .dimmed()
                        )?;
                    }
                    break;
                }
            }
        } else {
            writeln!(
                out,
                "{}",
                t(
                    lang,
                    "Answer, computed now by mini-node's event loop:",
                    "答案（由 mini-node 的事件循环现场算出）："
                )
                .bold()
            )?;
            print_lines(&answer, &mut out)?;
        }
    }
    if total > 0 && !interactive {
        let hint = match lang {
            Lang::En => format!(
                "Run `mini-node lesson {}` in a terminal to answer the quizzes yourself.",
                lesson.id
            ),
            Lang::Zh => format!(
                "在终端里运行 `mini-node lesson {} --lang zh`，自己来答题。",
                lesson.id
            ),
        };
        writeln!(out, "{}", hint.dimmed())?;
    }
    Ok(())
}

/// The lesson's title, text and the demo it opens.
pub fn render_lesson(lesson: &Lesson, lang: Lang, out: &mut dyn Write) -> io::Result<()> {
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
            t(lang, "See it live:", "现场演示：").bold()
        )?;
        for command in demo_commands(demo) {
            writeln!(out, "    {}", command.yellow())?;
        }
        writeln!(
            out,
            "    {}",
            t(
                lang,
                "or in `mini-node tui`: Lessons tab, \"run this\"",
                "或在 `mini-node tui` 的 Lessons 标签页里点 “run this”"
            )
            .dimmed()
        )?;
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

/// Lesson Markdown, coloured for a terminal (and still readable without colour).
pub fn render_markdown(text: &str, width: Option<usize>, out: &mut dyn Write) -> io::Result<()> {
    let mut previous_was_item = false;
    for (n, block) in markdown::parse(text).into_iter().enumerate() {
        let is_item = matches!(block, Block::Item { .. });
        // A blank line between blocks, none between the items of one list.
        if n > 0 && !(is_item && previous_was_item) {
            writeln!(out)?;
        }
        previous_was_item = is_item;
        match block {
            Block::Heading { level, text } => {
                let plain: String = text.iter().map(inline_text).collect();
                if level <= 1 {
                    writeln!(out, "{}", plain.bold().bright_cyan().underline())?;
                } else {
                    writeln!(out, "{}", plain.bold().cyan())?;
                }
                let rule = if level <= 1 { "━" } else { "─" };
                writeln!(out, "{}", rule.repeat(markdown::width(&plain)).cyan())?;
            }
            Block::Paragraph(text) => {
                for line in wrap(&text, width, 0) {
                    writeln!(out, "{line}")?;
                }
            }
            Block::Item {
                marker,
                indent,
                text,
            } => {
                let lead = "  ".repeat(indent + 1);
                let hang = markdown::width(&lead) + markdown::width(&marker) + 1;
                for (k, line) in wrap(&text, width, hang).into_iter().enumerate() {
                    if k == 0 {
                        writeln!(out, "{lead}{} {line}", marker.cyan().bold())?;
                    } else {
                        writeln!(out, "{}{line}", " ".repeat(hang))?;
                    }
                }
            }
            Block::Quote(text) => {
                for line in wrap(&text, width, 4) {
                    writeln!(out, "  {} {}", "┃".magenta(), line.italic())?;
                }
            }
            Block::Code { lang, lines } => {
                let tag = if lang.is_empty() { "code" } else { &lang };
                writeln!(out, "  {}", format!("┌─ {tag}").dimmed())?;
                for line in lines {
                    writeln!(out, "  {} {}", "│".dimmed(), line.yellow())?;
                }
                writeln!(out, "  {}", "└─".dimmed())?;
            }
            Block::Rule => writeln!(out, "{}", "─".repeat(40).dimmed())?,
        }
    }
    writeln!(out)
}

fn inline_text(inline: &Inline) -> &str {
    match inline {
        Inline::Text(t) | Inline::Bold(t) | Inline::Italic(t) | Inline::Code(t) => t,
    }
}

/// How a piece of wrapped text is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Look {
    Plain,
    Bold,
    Italic,
    Code,
    BoldCode,
}

/// One unbreakable piece of a paragraph: a word, or a single wide (Chinese) character.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Piece {
    text: String,
    look: Look,
    /// A space separates it from the piece before.
    space_before: bool,
    wide: bool,
}

/// Split inline runs into pieces: words at spaces, each wide character on its own.
fn pieces(text: &[Inline]) -> Vec<Piece> {
    let mut runs: Vec<(&str, Look)> = Vec::new();
    for inline in text {
        match inline {
            Inline::Text(t) => runs.push((t, Look::Plain)),
            Inline::Italic(t) => runs.push((t, Look::Italic)),
            Inline::Code(t) => runs.push((t, Look::Code)),
            // `code` inside bold keeps its code colour.
            Inline::Bold(t) => {
                for (i, part) in t.split('`').enumerate() {
                    runs.push((
                        part,
                        if i % 2 == 1 {
                            Look::BoldCode
                        } else {
                            Look::Bold
                        },
                    ));
                }
            }
        }
    }
    let mut out: Vec<Piece> = Vec::new();
    let mut space = false;
    for (run, look) in runs {
        let mut word = String::new();
        let flush = |word: &mut String, space: &mut bool, out: &mut Vec<Piece>| {
            if !word.is_empty() {
                out.push(Piece {
                    text: std::mem::take(word),
                    look,
                    space_before: std::mem::take(space),
                    wide: false,
                });
            }
        };
        for c in run.chars() {
            if c == ' ' {
                flush(&mut word, &mut space, &mut out);
                space = true;
            } else if markdown::width(c.encode_utf8(&mut [0; 4])) == 2 {
                flush(&mut word, &mut space, &mut out);
                out.push(Piece {
                    text: c.to_string(),
                    look,
                    space_before: std::mem::take(&mut space),
                    wide: true,
                });
            } else {
                word.push(c);
            }
        }
        flush(&mut word, &mut space, &mut out);
    }
    out
}

/// Wrap inline runs to `width` columns (the first `used` columns are taken by a prefix on every
/// line), styled for the terminal. `None`: one line, as the terminal or pager will wrap it.
fn wrap(text: &[Inline], width: Option<usize>, used: usize) -> Vec<String> {
    let room = width.map_or(usize::MAX, |w| w.saturating_sub(used).max(20));
    // Glue pieces that cannot be split (`(` + `code` + `),`) into groups; lines break between groups.
    let mut groups: Vec<Vec<Piece>> = Vec::new();
    for piece in pieces(text) {
        let glued = match groups.last().and_then(|g| g.last()) {
            Some(prev) => !(piece.space_before || piece.wide || prev.wide),
            None => false,
        };
        match groups.last_mut() {
            Some(group) if glued => group.push(piece),
            _ => groups.push(vec![piece]),
        }
    }
    let mut lines: Vec<Vec<Piece>> = vec![Vec::new()];
    let mut filled = 0;
    for mut group in groups {
        let line = lines.last_mut().expect("one line at least");
        let gap = usize::from(group[0].space_before && !line.is_empty());
        let w: usize = group.iter().map(|p| markdown::width(&p.text)).sum();
        if !line.is_empty() && filled + gap + w > room {
            group[0].space_before = false;
            lines.push(group);
            filled = w;
        } else {
            filled += gap + w;
            line.extend(group);
        }
    }
    lines
        .into_iter()
        .map(|line| {
            let mut out = String::new();
            for (k, piece) in line.iter().enumerate() {
                if k > 0 && piece.space_before {
                    out.push(' ');
                }
                let t = piece.text.as_str();
                let styled = match piece.look {
                    Look::Plain => t.normal(),
                    Look::Bold => t.bold(),
                    Look::Italic => t.italic(),
                    Look::Code => t.yellow(),
                    Look::BoldCode => t.bold().yellow(),
                };
                out.push_str(&styled.to_string());
            }
            out
        })
        .collect()
}

/// The width to wrap lesson text to: the terminal's (at most 100 columns, for reading), or none
/// when the output is not a terminal.
fn text_width() -> Option<usize> {
    if !io::stdout().is_terminal() {
        return None;
    }
    crossterm::terminal::size()
        .ok()
        .filter(|&(cols, _)| cols > 0)
        .map(|(cols, _)| usize::from(cols).min(100))
}

/// A quiz's question and its snippet with line numbers.
fn render_quiz_head(
    quiz: &Quiz,
    n: usize,
    total: usize,
    lang: Lang,
    out: &mut dyn Write,
) -> io::Result<()> {
    writeln!(
        out,
        "{} {}",
        format!("{} {n}/{total}", t(lang, "Quiz", "测验"))
            .bold()
            .magenta(),
        quiz.question.get(lang).bold()
    )?;
    writeln!(out, "  {}", format!("┌─ {}", quiz.file).dimmed())?;
    for (i, line) in quiz.source.lines().enumerate() {
        writeln!(
            out,
            "  {} {}",
            format!("{:>3} │", i + 1).dimmed(),
            line.yellow()
        )?;
    }
    writeln!(out, "  {}", "└─".dimmed())
}

/// Numbered output lines.
fn print_lines(lines: &[String], out: &mut dyn Write) -> io::Result<()> {
    for (i, line) in lines.iter().enumerate() {
        writeln!(out, "  {} {line}", format!("{}.", i + 1).cyan())?;
    }
    writeln!(out)
}

/// A shuffled copy of `lines` that differs from them when it can.
fn shuffled(lines: &[String]) -> Vec<String> {
    let mut out = lines.to_vec();
    for _ in 0..20 {
        fastrand::shuffle(&mut out);
        if out != lines {
            break;
        }
    }
    out
}

/// Parse "3 1 2" (or "312" when there are fewer than 10 lines) into 0-based indexes: a
/// permutation of `0..n`, or why not.
fn parse_order(text: &str, n: usize) -> Result<Vec<usize>, String> {
    let text = text.trim();
    let parts: Vec<&str> = if n < 10 && !text.contains([' ', ',']) {
        text.char_indices()
            .map(|(i, c)| &text[i..i + c.len_utf8()])
            .collect()
    } else {
        text.split([' ', ',']).filter(|p| !p.is_empty()).collect()
    };
    let mut order = Vec::with_capacity(n);
    for part in parts {
        let k: usize = part
            .parse()
            .map_err(|_| format!("{part:?} is not a line number"))?;
        if k == 0 || k > n {
            return Err(format!("{k} is not between 1 and {n}"));
        }
        if order.contains(&(k - 1)) {
            return Err(format!("{k} appears twice"));
        }
        order.push(k - 1);
    }
    if order.len() != n {
        return Err(format!("give all {n} numbers, each once"));
    }
    Ok(order)
}

/// How a quiz question ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reply {
    Right,
    Wrong,
    /// An empty line, or three orders that could not be read.
    Skipped,
    /// End of input (Ctrl-D): no more questions.
    InputEnded,
}

/// Ask the student to order the shuffled output (the answer is shown in every case).
fn ask(
    answer: &[String],
    lang: Lang,
    input: &mut dyn BufRead,
    out: &mut dyn Write,
) -> io::Result<Reply> {
    let shown = shuffled(answer);
    writeln!(
        out,
        "{}",
        t(
            lang,
            "The snippet prints these lines, shuffled:",
            "这段代码会打印下面这些行（顺序已打乱）："
        )
        .bold()
    )?;
    print_lines(&shown, out)?;
    let mut verdict = Reply::Skipped;
    for _ in 0..3 {
        write!(
            out,
            "{} ",
            t(
                lang,
                "In which order does node print them? (e.g. 3 1 2, Enter to see the answer)",
                "node 会按什么顺序打印？（例如 3 1 2，直接回车看答案）"
            )
        )?;
        out.flush()?;
        let mut line = String::new();
        if input.read_line(&mut line)? == 0 {
            writeln!(out)?;
            verdict = Reply::InputEnded;
            break;
        }
        if line.trim().is_empty() {
            writeln!(out)?;
            break;
        }
        match parse_order(&line, shown.len()) {
            Ok(order) => {
                let given: Vec<&String> = order.iter().map(|&i| &shown[i]).collect();
                let right = given.iter().zip(answer).all(|(a, b)| *a == b);
                if right {
                    writeln!(
                        out,
                        "{}",
                        format!("✔ {}", t(lang, "Right!", "答对了！"))
                            .green()
                            .bold()
                    )?;
                } else {
                    writeln!(
                        out,
                        "{}",
                        format!("✘ {}", t(lang, "Not quite.", "不太对。"))
                            .red()
                            .bold()
                    )?;
                }
                verdict = if right { Reply::Right } else { Reply::Wrong };
                break;
            }
            Err(why) => writeln!(out, "{} {why}", "?".yellow().bold())?,
        }
    }
    writeln!(
        out,
        "{}",
        t(
            lang,
            "The answer, computed now by mini-node's event loop:",
            "答案（由 mini-node 的事件循环现场算出）："
        )
        .bold()
    )?;
    print_lines(answer, out)?;
    Ok(verdict)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn paragraphs_wrap_at_spaces_and_between_chinese_characters() {
        colored::control::set_override(false);
        let en =
            markdown::inlines("the poll phase waits **at most** until the nearest timer is due");
        assert_eq!(
            wrap(&en, Some(24), 0),
            lines(&[
                "the poll phase waits at",
                "most until the nearest",
                "timer is due"
            ])
        );
        assert_eq!(wrap(&en, None, 0).len(), 1);
        let zh = markdown::inlines("事件循环的六个阶段，每个阶段有自己的回调队列");
        let wrapped = wrap(&zh, Some(20), 0);
        assert_eq!(
            wrapped,
            lines(&["事件循环的六个阶段，", "每个阶段有自己的回调", "队列"])
        );
        // Punctuation stays with the code it follows.
        let code = markdown::inlines("we recommend `setImmediate()`, always");
        assert_eq!(
            wrap(&code, Some(20), 0),
            lines(&["we recommend", "setImmediate(),", "always"])
        );
    }

    #[test]
    fn a_heading_that_repeats_the_title_is_printed_once() {
        colored::control::set_override(false);
        for lesson in &crate::lessons::catalog().unwrap() {
            for lang in [Lang::En, Lang::Zh] {
                let mut out = Vec::new();
                render_lesson(lesson, lang, &mut out).unwrap();
                let text = String::from_utf8(out).unwrap();
                let title = lesson.title.get(lang);
                let times = text.lines().filter(|l| l.trim() == title).count();
                assert_eq!(
                    times, 1,
                    "{} ({lang:?}): the title {title:?} printed {times} times",
                    lesson.id
                );
            }
        }
        assert_eq!(without_title("# Other\n\ntext", "Title"), "# Other\n\ntext");
        assert_eq!(without_title("# Title\n\ntext", "Title"), "\ntext");
    }

    #[test]
    fn orders_parse_with_or_without_spaces() {
        assert_eq!(parse_order("3 1 2", 3), Ok(vec![2, 0, 1]));
        assert_eq!(parse_order("312\n", 3), Ok(vec![2, 0, 1]));
        assert_eq!(parse_order("3,1,2", 3), Ok(vec![2, 0, 1]));
        assert!(parse_order("1 1 2", 3).unwrap_err().contains("twice"));
        assert!(parse_order("1 2", 3).unwrap_err().contains("all 3"));
        assert!(parse_order("1 2 9", 3)
            .unwrap_err()
            .contains("between 1 and 3"));
        assert!(parse_order("a b c", 3).is_err());
    }

    #[test]
    fn shuffled_differs_when_it_can() {
        let answer = lines(&["a", "b"]);
        for _ in 0..10 {
            assert_eq!(shuffled(&answer), lines(&["b", "a"]));
        }
        assert_eq!(shuffled(&lines(&["x", "x"])), lines(&["x", "x"]));
    }

    /// Answer the shuffled lines by looking them up in the answer (the right order) or reversed.
    fn play(answer: &[String], reverse: bool) -> (Reply, String) {
        // The shuffled order is printed first; read it back from a dry run's output is not
        // possible, so answer through a reader that computes the order from what was printed.
        struct Student<'a> {
            answer: &'a [String],
            reverse: bool,
            printed: std::rc::Rc<std::cell::RefCell<Vec<u8>>>,
            done: bool,
        }
        impl io::Read for Student<'_> {
            fn read(&mut self, _: &mut [u8]) -> io::Result<usize> {
                unreachable!("read through BufRead")
            }
        }
        impl BufRead for Student<'_> {
            fn fill_buf(&mut self) -> io::Result<&[u8]> {
                unreachable!("read_line is overridden")
            }
            fn consume(&mut self, _: usize) {}
            fn read_line(&mut self, buf: &mut String) -> io::Result<usize> {
                if self.done {
                    return Ok(0);
                }
                self.done = true;
                let printed = String::from_utf8(self.printed.borrow().clone()).unwrap();
                let shown: Vec<String> = printed
                    .lines()
                    .filter_map(|l| l.trim().split_once(". ").map(|(_, s)| s.to_string()))
                    .collect();
                let mut want: Vec<&String> = self.answer.iter().collect();
                if self.reverse {
                    want.reverse();
                }
                let order: Vec<String> = want
                    .iter()
                    .map(|w| (shown.iter().position(|s| s == *w).unwrap() + 1).to_string())
                    .collect();
                buf.push_str(&order.join(" "));
                buf.push('\n');
                Ok(buf.len())
            }
        }
        struct Shared(std::rc::Rc<std::cell::RefCell<Vec<u8>>>);
        impl Write for Shared {
            fn write(&mut self, b: &[u8]) -> io::Result<usize> {
                self.0.borrow_mut().extend_from_slice(b);
                Ok(b.len())
            }
            fn flush(&mut self) -> io::Result<()> {
                Ok(())
            }
        }
        colored::control::set_override(false);
        let printed = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
        let mut student = Student {
            answer,
            reverse,
            printed: printed.clone(),
            done: false,
        };
        let mut out = Shared(printed.clone());
        let verdict = ask(answer, Lang::En, &mut student, &mut out).unwrap();
        let text = String::from_utf8(printed.borrow().clone()).unwrap();
        (verdict, text)
    }

    #[test]
    fn a_right_order_is_right_and_a_wrong_one_wrong() {
        let answer = lines(&["script start", "script end", "nextTick", "promise"]);
        let (verdict, text) = play(&answer, false);
        assert_eq!(verdict, Reply::Right, "{text}");
        assert!(text.contains("✔ Right!"), "{text}");
        let (verdict, text) = play(&answer, true);
        assert_eq!(verdict, Reply::Wrong, "{text}");
        assert!(text.contains("✘ Not quite."), "{text}");
        assert!(
            text.ends_with("1. script start\n  2. script end\n  3. nextTick\n  4. promise\n\n"),
            "{text}"
        );
    }

    #[test]
    fn no_input_shows_the_answer() {
        colored::control::set_override(false);
        let mut out = Vec::new();
        let verdict = ask(
            &lines(&["a", "b"]),
            Lang::Zh,
            &mut io::Cursor::new(Vec::new()),
            &mut out,
        )
        .unwrap();
        assert_eq!(verdict, Reply::InputEnded);
        let text = String::from_utf8(out).unwrap();
        assert!(text.contains("答案"), "{text}");
    }

    #[test]
    fn enter_skips_one_quiz_and_ctrl_d_ends_them_all() {
        colored::control::set_override(false);
        let quiz = lines(&["a", "b"]);
        let reply = |typed: &str| {
            let mut input = io::Cursor::new(typed.as_bytes().to_vec());
            ask(&quiz, Lang::En, &mut input, &mut Vec::new()).unwrap()
        };
        assert_eq!(reply("\n"), Reply::Skipped);
        assert_eq!(reply("x\ny\nz\n"), Reply::Skipped);
        assert_eq!(reply(""), Reply::InputEnded);
        assert_eq!(reply("x\n"), Reply::InputEnded);
    }
}
