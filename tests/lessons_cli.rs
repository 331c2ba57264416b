//! `mini-node lessons` (list, --json, --reset) and `mini-node lesson ID` in both languages, with
//! progress kept in a temporary data directory (MINI_NODE_DATA_DIR).

use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn mini_node(data: &Path, args: &[&str]) -> Run {
    let out = Command::cargo_bin("mini-node")
        .unwrap()
        .env("MINI_NODE_DATA_DIR", data)
        .env_remove("NO_COLOR")
        .args(args)
        .write_stdin("")
        .timeout(std::time::Duration::from_secs(120))
        .output()
        .unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
    }
}

fn json(data: &Path) -> Vec<Value> {
    let run = mini_node(data, &["lessons", "--json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    serde_json::from_str::<Value>(&run.stdout)
        .expect("--json prints JSON")
        .as_array()
        .expect("an array")
        .clone()
}

fn golden(path: &str) -> Vec<String> {
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    std::fs::read_to_string(file)
        .unwrap()
        .lines()
        .map(str::to_owned)
        .collect()
}

#[test]
fn lessons_lists_id_title_and_progress() {
    let data = tempfile::tempdir().unwrap();
    let run = mini_node(data.path(), &["lessons"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let first = run.stdout.lines().next().unwrap();
    assert!(first.starts_with(" 1. fork "), "{first}");
    assert!(first.contains("child_process.fork: a parent, a child and their messages"));
    assert!(first.ends_with("new, 1 quiz"), "{first}");
    assert!(!run.stdout.contains('\u{1b}'), "plain when not a terminal");
    for id in [
        "cluster-vs-child-process",
        "event-loop-phases",
        "immediate-vs-nexttick",
    ] {
        assert!(run.stdout.contains(id), "{id}");
    }
    let zh = mini_node(data.path(), &["lessons", "--lang", "zh"]);
    assert!(
        zh.stdout.contains("Node 事件循环的六个阶段"),
        "{}",
        zh.stdout
    );
    assert!(zh.stdout.contains("未读"));
}

#[test]
fn lessons_json_has_ids_titles_demos_and_progress() {
    let data = tempfile::tempdir().unwrap();
    let rows = json(data.path());
    assert!(rows.len() >= 7);
    let phases = rows
        .iter()
        .find(|r| r["id"] == "event-loop-phases")
        .expect("the phases lesson");
    assert_eq!(phases["number"], 4);
    assert_eq!(phases["title"], "The six phases of Node's event loop");
    assert_eq!(phases["title_zh"], "Node 事件循环的六个阶段");
    assert_eq!(phases["demo"]["kind"], "event-loop");
    assert_eq!(phases["demo"]["example"], "phases");
    assert_eq!(phases["quizzes"], 2);
    assert_eq!(phases["read"], false);
    assert_eq!(phases["completed"], false);
    assert_eq!(rows[0]["demo"]["kind"], "fork");
    assert_eq!(rows[1]["demo"]["kind"], "cluster");
    for row in &rows {
        assert!(row["id"].is_string() && row["title"].is_string() && row["title_zh"].is_string());
    }
}

#[test]
fn lesson_prints_text_quizzes_and_the_engines_answers_in_english() {
    let data = tempfile::tempdir().unwrap();
    let run = mini_node(data.path(), &["lesson", "microtasks"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let out = &run.stdout;
    assert!(out.starts_with("Microtasks vs macrotasks"), "{out}");
    assert!(
        out.contains("Microtasks and macrotasks\n━━━━"),
        "a rendered heading"
    );
    assert!(out.contains("  • "), "a rendered list item");
    assert!(!out.contains("**"), "bold markers are rendered, not shown");
    assert!(out.contains("mini-node demo event-loop --example microtasks"));
    assert!(out.contains("Quiz 1/4 The classic"));
    assert!(
        out.contains("  1 │ console.log('script start')"),
        "the snippet with line numbers"
    );
    // Not a terminal: the answers are shown, in the order node prints them.
    let answer = golden("lessons/05-microtasks/quiz1.node.out");
    let numbered: Vec<String> = answer
        .iter()
        .enumerate()
        .map(|(i, l)| format!("  {}. {l}", i + 1))
        .collect();
    assert!(out.contains(&numbered.join("\n")), "{out}");
    assert!(out.contains("Answer, computed now by mini-node's event loop:"));
}

#[test]
fn lesson_in_chinese_and_by_number() {
    let data = tempfile::tempdir().unwrap();
    let run = mini_node(data.path(), &["lesson", "2", "--lang", "zh", "--answers"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let out = &run.stdout;
    assert!(
        out.starts_with("cluster.fork：主进程、工作进程、同一个端口和进程守护"),
        "{out}"
    );
    assert!(out.contains("cluster.isPrimary"));
    assert!(out.contains("测验 1/1"));
    assert!(out.contains("答案（由 mini-node 的事件循环现场算出）："));
    for line in golden("lessons/02-cluster/quiz1.node.out") {
        assert!(out.contains(&line), "{line}");
    }
}

#[test]
fn lesson_in_colour_when_asked() {
    let data = tempfile::tempdir().unwrap();
    let run = mini_node(data.path(), &["--color", "always", "lesson", "fork"]);
    assert_eq!(run.code, 0);
    assert!(run.stdout.contains("\u{1b}[1m"), "bold");
    assert!(run.stdout.contains("\u{1b}[33m"), "code in yellow");
}

#[test]
fn unknown_lesson_is_a_one_line_error_listing_the_ids() {
    let data = tempfile::tempdir().unwrap();
    let run = mini_node(data.path(), &["lesson", "promises"]);
    assert_eq!(run.code, 2);
    assert_eq!(run.stdout, "");
    assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
    assert!(run.stderr.starts_with("mini-node: unknown lesson \"promises\": the lessons are 1 fork, 2 cluster, 3 cluster-vs-child-process, 4 event-loop-phases"), "{}", run.stderr);
    assert!(run.stderr.contains("(see `mini-node lessons`)"));
    let run = mini_node(data.path(), &["lesson", "99"]);
    assert_eq!(run.code, 2);
}

#[test]
fn reading_a_lesson_is_remembered_and_reset_forgets_it() {
    let data = tempfile::tempdir().unwrap();
    assert_eq!(mini_node(data.path(), &["lesson", "fork"]).code, 0);
    let rows = json(data.path());
    assert_eq!(rows[0]["read"], true);
    assert_eq!(rows[0]["completed"], false, "its quiz is not answered yet");
    assert_eq!(rows[1]["read"], false);
    let list = mini_node(data.path(), &["lessons"]).stdout;
    assert!(
        list.lines()
            .next()
            .unwrap()
            .ends_with("read, 0/1 quizzes right"),
        "{list}"
    );
    assert!(data.path().join("progress.json").exists());

    let reset = mini_node(data.path(), &["lessons", "--reset"]);
    assert_eq!(reset.code, 0);
    assert!(
        reset.stdout.starts_with("progress reset ("),
        "{}",
        reset.stdout
    );
    assert!(!data.path().join("progress.json").exists());
    assert_eq!(json(data.path())[0]["read"], false);
    let again = mini_node(data.path(), &["lessons", "--reset"]);
    assert!(
        again.stdout.starts_with("no progress to reset"),
        "{}",
        again.stdout
    );
}

#[test]
fn quizzes_answered_right_complete_a_lesson() {
    let data = tempfile::tempdir().unwrap();
    std::fs::write(
        data.path().join("progress.json"),
        r#"{"read": ["fork", "event-loop-phases"], "right": ["fork/close-after-message", "event-loop-phases/inside-io"]}"#,
    )
    .unwrap();
    let rows = json(data.path());
    assert_eq!(rows[0]["quizzes_right"], 1);
    assert_eq!(rows[0]["completed"], true);
    assert_eq!(rows[3]["quizzes_right"], 1);
    assert_eq!(rows[3]["completed"], false);
    let list = mini_node(data.path(), &["lessons"]).stdout;
    let lines: Vec<&str> = list.lines().collect();
    assert!(lines[0].ends_with("✔ done"), "{list}");
    assert!(lines[3].ends_with("read, 1/2 quizzes right"), "{list}");
}

#[test]
fn a_damaged_progress_file_says_how_to_start_again() {
    let data = tempfile::tempdir().unwrap();
    std::fs::write(data.path().join("progress.json"), "not json").unwrap();
    let run = mini_node(data.path(), &["lessons"]);
    assert_ne!(run.code, 0);
    assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("mini-node lessons --reset"),
        "{}",
        run.stderr
    );
    assert_eq!(mini_node(data.path(), &["lessons", "--reset"]).code, 0);
    assert_eq!(mini_node(data.path(), &["lessons"]).code, 0);
}
