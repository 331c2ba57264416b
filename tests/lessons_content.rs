//! The embedded course: every lesson parses in both languages, has the demos and quizzes the
//! course promises, and every quiz's answer computed by the engine equals what real node v20
//! printed for it (`lessons/**/quizN.node.out`, recorded by `lessons/record-goldens.sh`).

use std::path::{Path, PathBuf};
use std::process::Command;

use mini_node::lessons::{self, markdown, DemoLink, Lesson};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn catalog() -> Vec<Lesson> {
    lessons::catalog().expect("the embedded course loads")
}

fn has_chinese(text: &str) -> bool {
    text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

#[test]
fn every_lesson_parses_in_both_languages() {
    let lessons = catalog();
    assert!(lessons.len() >= 7, "{} lessons", lessons.len());
    for lesson in &lessons {
        for (lang, title, body) in [
            ("en", &lesson.title.en, &lesson.body.en),
            ("zh", &lesson.title.zh, &lesson.body.zh),
        ] {
            assert!(
                !title.trim().is_empty(),
                "{} {lang}: empty title",
                lesson.id
            );
            let blocks = markdown::parse(body);
            assert!(
                matches!(
                    blocks.first(),
                    Some(markdown::Block::Heading { level: 1, .. })
                ),
                "{} {lang}: the text starts with a # heading",
                lesson.id
            );
            assert!(
                blocks.len() >= 5,
                "{} {lang}: {} blocks",
                lesson.id,
                blocks.len()
            );
            assert_eq!(markdown::unclosed_fence(body), None, "{} {lang}", lesson.id);
            assert_eq!(
                has_chinese(title) && has_chinese(body),
                lang == "zh",
                "{} {lang}: Chinese text belongs in zh.md only",
                lesson.id
            );
        }
        for quiz in &lesson.quizzes {
            assert!(!quiz.question.en.is_empty() && has_chinese(&quiz.question.zh));
        }
    }
}

#[test]
fn the_embedded_course_is_the_lessons_folder() {
    let (from_disk, problems) = lessons::load_dir(root().join("lessons"));
    assert_eq!(problems, vec![]);
    let embedded = catalog();
    assert_eq!(from_disk.len(), embedded.len());
    for (disk, built) in from_disk.iter().zip(&embedded) {
        assert_eq!(disk.id, built.id);
        assert_eq!(disk.title, built.title);
        assert_eq!(
            disk.body, built.body,
            "{}: rebuild to embed the new text",
            disk.id
        );
        assert_eq!(disk.quizzes.len(), built.quizzes.len());
    }
}

#[test]
fn the_course_has_the_promised_lessons_demos_and_quizzes() {
    let lessons = catalog();
    let ids: Vec<&str> = lessons.iter().map(|l| l.id.as_str()).collect();
    assert_eq!(
        &ids[..7],
        [
            "fork",
            "cluster",
            "cluster-vs-child-process",
            "event-loop-phases",
            "microtasks",
            "browser-vs-node",
            "immediate-vs-nexttick"
        ]
    );
    assert_eq!(lessons[0].demo, Some(DemoLink::Fork));
    assert_eq!(lessons[1].demo, Some(DemoLink::Cluster));
    assert!(lessons[2].demo.is_some());
    for lesson in &lessons[..3] {
        assert!(!lesson.quizzes.is_empty(), "{} has a quiz", lesson.id);
    }
    for lesson in &lessons[3..7] {
        assert!(
            matches!(lesson.demo, Some(DemoLink::EventLoop { .. })),
            "{} opens the event loop",
            lesson.id
        );
        assert!(lesson.quizzes.len() >= 2, "{} has 2 quizzes", lesson.id);
    }
}

/// Where the notes are out of date or wrong, the lessons say so with the fix, in both languages.
#[test]
fn the_lessons_correct_the_notes() {
    let lessons = catalog();
    let text = |id: &str| {
        let l = lessons.iter().find(|l| l.id == id).unwrap();
        (l.body.en.clone(), l.body.zh.clone())
    };
    let both = |id: &str, needles: &[&str]| {
        let (en, zh) = text(id);
        for needle in needles {
            assert!(en.contains(needle), "{id} en lacks {needle:?}");
            assert!(zh.contains(needle), "{id} zh lacks {needle:?}");
        }
    };
    both(
        "cluster",
        &["isMaster", "isPrimary", "Node 16", "cupLength", "cpuLength"],
    );
    both(
        "fork",
        &[
            "writableEnded",
            "--as-written",
            "process.exit()",
            "child.kill()",
        ],
    );
    both(
        "cluster-vs-child-process",
        &[
            "mini-node demo fork --requests",
            "mini-node demo cluster --workers 2 --load",
        ],
    );
    both(
        "event-loop-phases",
        &["poll", "pending callbacks", "libuv 1.45"],
    );
    both(
        "immediate-vs-nexttick",
        &["The Node.js Event Loop", "setImmediate()", "--explore"],
    );
    both("microtasks", &["Node 11", "processTicksAndRejections"]);
    let (en, _) = text("event-loop-phases");
    assert!(en.contains("at most until the nearest timer is due"));
}

/// The goldens next to the quiz snippets: every snippet has one, every golden has its snippet.
fn goldens() -> Vec<(PathBuf, PathBuf)> {
    let mut pairs = Vec::new();
    for dir in std::fs::read_dir(root().join("lessons")).unwrap() {
        let dir = dir.unwrap().path();
        if !dir.is_dir() {
            continue;
        }
        for file in std::fs::read_dir(&dir).unwrap() {
            let file = file.unwrap().path();
            let name = file.file_name().unwrap().to_string_lossy().into_owned();
            if let Some(stem) = name.strip_suffix(".node.out") {
                let js = dir.join(format!("{stem}.js"));
                assert!(js.exists(), "{} has no snippet", file.display());
                pairs.push((js, file));
            }
        }
    }
    pairs.sort();
    pairs
}

fn golden_lines(path: &Path) -> Vec<String> {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(str::to_owned)
        .collect()
}

#[test]
fn every_quiz_answer_from_the_engine_equals_real_nodes_output() {
    let lessons = catalog();
    let mut checked = 0;
    for lesson in &lessons {
        for quiz in &lesson.quizzes {
            let golden = root().join(quiz.path.replace(".js", ".node.out"));
            assert!(
                golden.exists(),
                "{} has no golden: run lessons/record-goldens.sh",
                quiz.path
            );
            let answer = lessons::answer(quiz)
                .unwrap_or_else(|e| panic!("{}/{}: {e:#}", lesson.id, quiz.id));
            assert_eq!(
                answer,
                golden_lines(&golden),
                "{}/{}: the engine's answer differs from node's",
                lesson.id,
                quiz.id
            );
            assert!(answer.len() >= 2, "{}: something to order", quiz.path);
            checked += 1;
        }
    }
    assert_eq!(checked, goldens().len(), "every golden belongs to a quiz");
    assert!(checked >= 4 * 2 + 3);
}

#[test]
fn the_whole_course_passes_its_own_check() {
    assert_eq!(lessons::check(&catalog()), vec![]);
}

/// When node is on PATH, the goldens are still what node prints (they were recorded by
/// `lessons/record-goldens.sh`, 20 identical runs each).
#[test]
fn goldens_match_real_node_when_it_is_installed() {
    let Ok(version) = Command::new("node").arg("--version").output() else {
        eprintln!("skipped: node is not on PATH");
        return;
    };
    let version = String::from_utf8_lossy(&version.stdout).trim().to_string();
    if !version.starts_with("v20.") {
        eprintln!("skipped: the goldens are node v20's and this is node {version}");
        return;
    }
    for (js, golden) in goldens() {
        let out = Command::new("node").arg(&js).output().unwrap();
        assert!(out.status.success(), "{}", js.display());
        assert_eq!(
            String::from_utf8_lossy(&out.stdout),
            std::fs::read_to_string(&golden).unwrap(),
            "{}: node's output differs from its golden",
            js.display()
        );
    }
}

/// Every lesson renders for a terminal without leftover Markdown, and fits an 80-column screen
/// (code blocks aside).
#[test]
fn every_lesson_renders_cleanly_at_80_columns() {
    colored::control::set_override(false);
    for lesson in catalog() {
        for (lang, body) in [("en", &lesson.body.en), ("zh", &lesson.body.zh)] {
            let mut out = Vec::new();
            mini_node::print::markdown::render_markdown(body, Some(80), &mut out).unwrap();
            let text = String::from_utf8(out).unwrap();
            for line in text.lines() {
                let trimmed = line.trim_start();
                assert!(!trimmed.starts_with('#'), "{} {lang}: {line}", lesson.id);
                assert!(
                    !line.contains("**") && !line.contains("```"),
                    "{} {lang}: {line}",
                    lesson.id
                );
                if !trimmed.starts_with('│') {
                    assert!(
                        markdown::width(line) <= 80,
                        "{} {lang}: {} columns: {line}",
                        lesson.id,
                        markdown::width(line)
                    );
                }
            }
        }
    }
}
