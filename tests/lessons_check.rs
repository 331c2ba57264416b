//! `mini-node lessons --check`: the embedded course passes, and each kind of broken lesson under
//! `tests/fixtures/lessons/` is reported as its exact `file:line: message`, with a non-zero exit.

use assert_cmd::Command;

fn check(dir: Option<&str>) -> (i32, String, String) {
    let mut cmd = Command::cargo_bin("mini-node").unwrap();
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .args(["lessons", "--check"]);
    if let Some(dir) = dir {
        cmd.args(["--dir", dir]);
    }
    let out = cmd.output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// The fixture `name` fails the check with exactly this problem (path relative to the fixture).
fn fails_with(name: &str, problem: &str) {
    let dir = format!("tests/fixtures/lessons/{name}");
    let (code, stdout, stderr) = check(Some(&dir));
    assert_eq!(code, 3, "{name}: exit code\n{stdout}{stderr}");
    assert_eq!(stdout, format!("{dir}/{problem}\n"), "{name}");
    assert_eq!(
        stderr, "mini-node: 1 problem found in the lessons\n",
        "{name}"
    );
}

#[test]
fn the_embedded_course_passes() {
    let (code, stdout, stderr) = check(None);
    assert_eq!(code, 0, "{stdout}{stderr}");
    let n = mini_node::lessons::catalog().unwrap().len();
    assert_eq!(stdout, format!("{n} lessons OK\n"));
}

#[test]
fn the_lessons_folder_passes() {
    let (code, stdout, _) = check(Some("lessons"));
    assert_eq!(code, 0, "{stdout}");
    assert!(stdout.ends_with(" lessons OK\n"), "{stdout}");
}

#[test]
fn a_good_fixture_passes() {
    assert_eq!(
        check(Some("tests/fixtures/lessons/good")),
        (0, "1 lesson OK\n".to_string(), String::new())
    );
}

#[test]
fn a_missing_folder_is_one_problem() {
    let (code, stdout, _) = check(Some("tests/fixtures/lessons/no-such-folder"));
    assert_eq!(code, 3);
    assert!(
        stdout.starts_with("tests/fixtures/lessons/no-such-folder: cannot read the lessons folder"),
        "{stdout}"
    );
}

#[test]
fn missing_language_file() {
    fails_with(
        "missing-language",
        "01-x/zh.md: missing language file: the Chinese text of lesson \"x\" (every lesson has en.md and zh.md)",
    );
}

#[test]
fn empty_text() {
    fails_with(
        "empty-text",
        "01-x/en.md:1: empty text: the English text of lesson \"x\" is empty",
    );
}

#[test]
fn empty_title() {
    fails_with(
        "empty-title",
        "01-x/lesson.toml:5: empty text: title.zh must not be empty",
    );
}

#[test]
fn bad_toml() {
    fails_with(
        "bad-toml",
        "01-x/lesson.toml:7: bad TOML: unclosed table, expected `]`",
    );
}

#[test]
fn unknown_key() {
    fails_with(
        "unknown-key",
        "01-x/lesson.toml:9: bad TOML: unknown field `exampel`, expected one of `kind`, `example`, `snippet`",
    );
}

#[test]
fn missing_lesson_toml() {
    fails_with(
        "missing-index",
        "01-x/lesson.toml: missing: every lesson folder needs a lesson.toml (id, title, demo, quizzes)",
    );
}

#[test]
fn broken_demo_link_unknown_example() {
    let dir = "tests/fixtures/lessons/unknown-example";
    let (code, stdout, _) = check(Some(dir));
    assert_eq!(code, 3);
    let names: Vec<&str> = mini_node::eventloop::examples()
        .iter()
        .map(|e| e.name)
        .collect();
    assert_eq!(
        stdout,
        format!(
            "{dir}/01-x/lesson.toml:9: broken demo link: the engine has no example \"no-such-example\" (it has: {})\n",
            names.join(", ")
        )
    );
}

#[test]
fn broken_demo_link_missing_snippet() {
    fails_with(
        "missing-demo-snippet",
        "01-x/lesson.toml:9: broken demo link: snippet \"gone.js\" is not in tests/fixtures/lessons/missing-demo-snippet/01-x",
    );
}

#[test]
fn broken_demo_link_unknown_kind() {
    fails_with(
        "unknown-demo-kind",
        "01-x/lesson.toml:8: broken demo link: unknown demo kind \"forks\": use fork, cluster or event-loop",
    );
}

#[test]
fn missing_quiz_snippet() {
    fails_with(
        "missing-quiz-snippet",
        "01-x/lesson.toml:9: quiz \"q\": the snippet \"quiz1.js\" is not in tests/fixtures/lessons/missing-quiz-snippet/01-x",
    );
}

#[test]
fn quiz_that_throws() {
    fails_with(
        "quiz-throws",
        "01-x/lesson.toml:9: quiz \"q\" (quiz1.js) exits with code 1 under the engine: Error: boom (at quiz1.js:2)",
    );
}

#[test]
fn quiz_with_a_syntax_error() {
    fails_with(
        "quiz-syntax-error",
        "01-x/lesson.toml:9: quiz \"q\" (quiz1.js) exits with code 1 under the engine: SyntaxError: missing ) after argument list (at quiz1.js:1)",
    );
}

#[test]
fn quiz_that_needs_a_module_the_engine_lacks() {
    let dir = "tests/fixtures/lessons/quiz-unsupported-module";
    let (code, stdout, _) = check(Some(dir));
    assert_eq!(code, 3);
    let prefix = format!(
        "{dir}/01-x/lesson.toml:9: quiz \"q\" (quiz1.js) exits with code 1 under the engine: Error: Cannot load module 'tls'"
    );
    assert!(stdout.starts_with(&prefix), "{stdout}");
    assert!(stdout.ends_with("(at quiz1.js:1)\n"), "{stdout}");
    assert_eq!(stdout.lines().count(), 1);
}

#[test]
fn quiz_that_exits_non_zero() {
    fails_with(
        "quiz-exit-code",
        "01-x/lesson.toml:9: quiz \"q\" (quiz1.js) exits with code 2 under the engine",
    );
}

#[test]
fn quiz_without_output() {
    fails_with(
        "quiz-no-output",
        "01-x/lesson.toml:9: quiz \"q\" (quiz1.js) prints nothing: a quiz needs output lines to order",
    );
}

#[test]
fn quiz_with_one_line() {
    fails_with(
        "quiz-one-line",
        "01-x/lesson.toml:9: quiz \"q\" (quiz1.js) prints only one line: nothing to put in order",
    );
}

#[test]
fn duplicate_lesson_ids() {
    fails_with(
        "duplicate-id",
        "02-y/lesson.toml:1: duplicate lesson id \"x\" (also used by tests/fixtures/lessons/duplicate-id/01-x/lesson.toml:1): give each lesson its own id",
    );
}

#[test]
fn duplicate_quiz_ids() {
    fails_with(
        "duplicate-quiz-id",
        "01-x/lesson.toml:14: duplicate quiz id \"q\" in lesson \"x\"",
    );
}

#[test]
fn unclosed_code_block() {
    fails_with(
        "unclosed-fence",
        "01-x/zh.md:3: code block opened with ``` is never closed",
    );
}
