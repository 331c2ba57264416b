//! `mini-node lessons` (list, `--json`, `--check`, `--reset`) and `mini-node lesson ID` (read a
//! lesson and answer its quizzes): the lessons engine loads, checks and answers; the views in
//! `crate::print::lessons` and `crate::print::quiz` print and ask; this picks which and the exit
//! code, and keeps the student's progress.

use std::io::{self, IsTerminal};

use crate::cli::{LessonArgs, LessonsArgs};
use crate::error::{code, Exit};
use crate::lessons::progress::{self, Progress};
use crate::lessons::{self, Problem};
use crate::print::lessons as view;
use crate::print::quiz::{self, Reply};

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
        let removed = progress::reset_at(&file)?;
        view::reset(&file, removed, &mut io::stdout().lock())?;
        return Ok(());
    }
    let lessons = lessons::catalog()?;
    let progress = progress::load()?;
    let stdout = io::stdout();
    let mut out = stdout.lock();
    if args.json {
        return view::json(&lessons, &progress, args.lang, &mut out);
    }
    view::list(&lessons, &progress, args.lang, &mut out)?;
    Ok(())
}

/// `mini-node lessons --check [--dir DIR]`.
fn check(args: &LessonsArgs) -> anyhow::Result<()> {
    let (lessons, mut problems) = match &args.dir {
        Some(dir) => lessons::load_dir(dir),
        None => lessons::load_embedded(),
    };
    let shown = args
        .dir
        .as_ref()
        .map_or("lessons".to_string(), |d| d.display().to_string());
    if lessons.is_empty() && problems.is_empty() {
        problems.push(Problem::new(
            shown,
            0,
            "no lessons found: each lesson is a folder with lesson.toml, en.md and zh.md",
        ));
    }
    problems.extend(lessons::check(&lessons));
    view::checked(lessons.len(), &problems, &mut io::stdout().lock())?;
    if problems.is_empty() {
        return Ok(());
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
    let lessons = lessons::catalog()?;
    let Some(lesson) = lessons::find(&lessons, &args.id) else {
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
    view::lesson(lesson, lang, &mut out)?;
    progress.mark_read(&lesson.id);
    save(&progress);

    let interactive = !args.answers && io::stdin().is_terminal();
    let stdin = io::stdin();
    let mut input = stdin.lock();
    let total = lesson.quizzes.len();
    for (n, q) in lesson.quizzes.iter().enumerate() {
        quiz::head(q, n + 1, total, lang, &mut out)?;
        let answer = match lessons::answer(q) {
            Ok(lines) => lines,
            Err(err) => {
                quiz::engine_failed(&err, lang, &mut out)?;
                continue;
            }
        };
        if !interactive {
            quiz::answer(&answer, lang, &mut out)?;
            continue;
        }
        match quiz::ask(&answer, lang, &mut input, &mut out)? {
            Reply::Right => {
                progress.mark_right(&lesson.id, &q.id);
                save(&progress);
            }
            Reply::Wrong | Reply::Skipped => {}
            // Ctrl-D: the student is done; the other quizzes wait for next time.
            Reply::InputEnded => {
                if n + 1 < total {
                    quiz::input_ended(lang, &mut out)?;
                }
                break;
            }
        }
    }
    if total > 0 && !interactive {
        quiz::answer_in_a_terminal(&lesson.id, lang, &mut out)?;
    }
    Ok(())
}
