//! `mini-node run FILE.js ARGS...` passes the arguments to the script as `node FILE.js ARGS...`
//! does, with or without a `--` before them.

use std::process::Command;

fn argv_of(args: &[&str]) -> (i32, String, String) {
    let dir = tempfile::tempdir().unwrap();
    let script = dir.path().join("args.js");
    std::fs::write(
        &script,
        "console.log(JSON.stringify(process.argv.slice(2)))\n",
    )
    .unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_mini-node"))
        .arg("run")
        .arg(&script)
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("run mini-node");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).trim().to_string(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn arguments_after_the_file_reach_the_script() {
    for (args, expected) in [
        (&["a", "b"][..], r#"["a","b"]"#),
        (&["a", "--port", "1"], r#"["a","--port","1"]"#),
        (&["-x"], r#"["-x"]"#),
        // as node: `node args.js -- a --b` sees the `--` too
        (&["--", "a", "--b"], r#"["--","a","--b"]"#),
        (&["a", "--", "b"], r#"["a","--","b"]"#),
        (&["--", "--", "a"], r#"["--","--","a"]"#),
        (&[], "[]"),
    ] {
        let (code, stdout, stderr) = argv_of(args);
        assert_eq!(
            (code, stdout.as_str()),
            (0, expected),
            "mini-node run args.js {}: {stderr}",
            args.join(" ")
        );
    }
}

#[test]
fn lessons_flags_that_do_different_jobs_are_refused_together() {
    for args in [
        &["lessons", "--json", "--check"][..],
        &["lessons", "--json", "--reset"],
        &["lessons", "--check", "--reset"],
    ] {
        let out = Command::new(env!("CARGO_BIN_EXE_mini-node"))
            .args(args)
            .env("NO_COLOR", "1")
            .output()
            .expect("run mini-node");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(
            out.status.code(),
            Some(2),
            "mini-node {}: {stderr}",
            args.join(" ")
        );
        assert!(stderr.contains("cannot be used with"), "{stderr}");
    }
}

#[test]
fn a_load_of_no_connections_is_refused() {
    let out = Command::new(env!("CARGO_BIN_EXE_mini-node"))
        .args(["demo", "cluster", "--workers", "1", "--port", "0"])
        .args(["--load", "0", "--duration", "1"])
        .env("NO_COLOR", "1")
        .output()
        .expect("run mini-node");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("--load must be at least 1"), "{stderr}");
    assert!(out.stdout.is_empty(), "no cluster should start");
}

#[test]
fn help_examples_fit_an_80_column_terminal() {
    for command in [
        &[][..],
        &["run"],
        &["demo", "fork"],
        &["demo", "cluster"],
        &["demo", "event-loop"],
        &["lessons"],
        &["lesson"],
        &["tui"],
        &["completions"],
        &["man"],
    ] {
        let out = Command::new(env!("CARGO_BIN_EXE_mini-node"))
            .args(command)
            .arg("--help")
            .output()
            .expect("run mini-node");
        let help = String::from_utf8_lossy(&out.stdout);
        let examples = help
            .split_once("Examples:")
            .unwrap_or_else(|| panic!("mini-node {} --help has examples", command.join(" ")))
            .1;
        // clap wraps long lines at the terminal's width, breaking the example columns apart.
        for line in examples.lines() {
            assert!(
                line.chars().count() < 80,
                "mini-node {} --help: {line:?} is wider than 80 columns",
                command.join(" ")
            );
        }
    }
}

#[test]
fn explore_refuses_the_flags_it_would_ignore() {
    let dir = tempfile::tempdir().unwrap();
    let script = dir.path().join("race.js");
    std::fs::write(&script, "setTimeout(() => console.log('t'), 0)\n").unwrap();
    for flag in ["--trace", "--trace=json", "--realtime"] {
        let out = Command::new(env!("CARGO_BIN_EXE_mini-node"))
            .args(["run", "--explore", flag])
            .arg(&script)
            .output()
            .expect("run mini-node");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "--explore {flag}: {stderr}");
        assert!(stderr.contains("cannot be used with"), "{stderr}");
    }
}
