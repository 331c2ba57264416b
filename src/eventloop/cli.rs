//! `mini-node run` and `mini-node demo event-loop`: the command-line views of the scheduler.
//!
//! They read the script, call the engine ([`super::run`], [`super::explore`]) and print what it
//! reports: the script's output on stdout/stderr as node would, the trace on stderr, the
//! explored orders, the paced demo. No scheduling happens here.

use std::io::{BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::time::Duration;

use colored::Colorize;

use super::replay::Snapshot;
use super::{Clock, Event, Model, Queue, RunOptions, Stream};
use crate::cli::{EventLoopArgs, RunArgs, TraceFormat};
use crate::error::{code, Exit};
use crate::print::compare::{side_by_side, BrowserPanel};
use crate::print::trace::{self, TextTrace};

/// The name node gives a script read from stdin (`node -` or `node < app.js`).
pub const STDIN_NAME: &str = "[stdin]";

/// Whether `path` means "read the script from stdin" (`-`, as with node).
pub fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// Read a script: a one-line error (exit 3) for a missing file, a directory or a binary file.
/// The path `-` reads the script from stdin.
pub fn read_script(path: &Path) -> Result<String, Exit> {
    if is_stdin(path) {
        let mut source = String::new();
        return match std::io::Read::read_to_string(&mut std::io::stdin(), &mut source) {
            Ok(_) => Ok(source),
            Err(e) => Err(Exit::new(
                code::FAILURE,
                format!("cannot read the script from stdin: {e} (pipe UTF-8 JavaScript into `mini-node run -`)"),
            )),
        };
    }
    let meta = std::fs::metadata(path).map_err(|e| {
        Exit::new(
            code::FAILURE,
            format!("cannot read {}: {}", path.display(), io_reason(&e)),
        )
    })?;
    if meta.is_dir() {
        return Err(Exit::new(
            code::FAILURE,
            format!(
                "{} is a directory: give a JavaScript file, e.g. {}/index.js",
                path.display(),
                path.display()
            ),
        ));
    }
    let bytes = std::fs::read(path).map_err(|e| {
        Exit::new(
            code::FAILURE,
            format!("cannot read {}: {}", path.display(), io_reason(&e)),
        )
    })?;
    if bytes.contains(&0) {
        return Err(Exit::new(
            code::FAILURE,
            format!("{} is a binary file, not JavaScript source", path.display()),
        ));
    }
    String::from_utf8(bytes).map_err(|_| {
        Exit::new(
            code::FAILURE,
            format!(
                "{} is not UTF-8 text: save the script as UTF-8",
                path.display()
            ),
        )
    })
}

/// A script written as an ES module (`.mjs`, `import`/`export`, top-level `await`): mini-node runs
/// CommonJS scripts, so it says so in one line with the CommonJS rewrite (exit 3) instead of
/// letting the parser report a puzzling syntax error.
pub fn reject_module(path: &Path, source: &str) -> Result<(), Exit> {
    let name = path.display();
    let commonjs =
        "mini-node runs CommonJS scripts (like node's .js files without \"type\": \"module\")";
    if path.extension().is_some_and(|e| e == "mjs") {
        return Err(Exit::new(
            code::FAILURE,
            format!("{name} is an ES module (.mjs): {commonjs}; save it as .js and use require, e.g. `const fs = require('fs')`"),
        ));
    }
    let mut depth = 0i32;
    for (i, text) in source.lines().enumerate() {
        let t = text.trim_start();
        if depth == 0 {
            if let Some(rest) = t.strip_prefix("import") {
                let next = rest.chars().next();
                if matches!(next, Some(' ' | '{' | '*' | '\'' | '"'))
                    && !rest.trim_start().starts_with('(')
                {
                    return Err(Exit::new(
                        code::FAILURE,
                        format!("{name}:{}: `import` makes this an ES module: {commonjs}; rewrite it as `{}`", i + 1, require_form(t)),
                    ));
                }
            }
            if let Some(rest) = t.strip_prefix("export") {
                if matches!(rest.chars().next(), Some(' ' | '{' | '*')) {
                    return Err(Exit::new(
                        code::FAILURE,
                        format!("{name}:{}: `export` makes this an ES module: {commonjs}; use `module.exports = …` instead", i + 1),
                    ));
                }
            }
        }
        if top_level_await(text, &mut depth) {
            return Err(Exit::new(
                code::FAILURE,
                format!("{name}:{}: top-level `await` works only in ES modules: {commonjs}; put the code in an async function: `(async () => {{ … }})()`", i + 1),
            ));
        }
    }
    Ok(())
}

/// Whether `line` has an `await` outside every brace (`depth` carries the brace depth across
/// lines) that no `async` before it on the line could own (`async () => await x` is fine).
/// Strings and `//` comments are skipped.
fn top_level_await(line: &str, depth: &mut i32) -> bool {
    let mut quote: Option<char> = None;
    let mut word = String::new();
    let mut async_seen = false;
    let mut found = false;
    let mut prev = ' ';
    for c in line.chars().chain(std::iter::once(' ')) {
        if quote.is_none() && (c.is_alphanumeric() || c == '_' || c == '$') {
            word.push(c);
            prev = c;
            continue;
        }
        match word.as_str() {
            "async" => async_seen = true,
            "await" if *depth == 0 && !async_seen => found = true,
            _ => {}
        }
        word.clear();
        match (quote, c) {
            (Some(q), c) if c == q && prev != '\\' => quote = None,
            (Some(_), _) => {}
            (None, '\'' | '"' | '`') => quote = Some(c),
            (None, '/') if prev == '/' => break,
            (None, '{') => *depth += 1,
            (None, '}') => *depth -= 1,
            _ => {}
        }
        prev = c;
    }
    found
}

/// `import fs from 'fs'` → `const fs = require('fs')` (and the `{ a, b }` and `* as x` forms).
fn require_form(import: &str) -> String {
    let stmt = import.trim_end().trim_end_matches(';');
    let Some((what, from)) = stmt
        .strip_prefix("import")
        .and_then(|r| r.rsplit_once(" from "))
    else {
        let module = stmt.strip_prefix("import").unwrap_or("").trim();
        return format!("require({module})");
    };
    let what = what.trim();
    let binding = what.strip_prefix("* as ").unwrap_or(what).trim();
    format!("const {binding} = require({})", from.trim())
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file (check the path)".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

fn absolute(p: &Path) -> PathBuf {
    if is_stdin(p) {
        return PathBuf::from(STDIN_NAME);
    }
    let p = if p.is_absolute() {
        p.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(p)
    };
    // normalise `./` and `../` like node's path.resolve
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// `--timeout SECS`, checked: a positive, finite number of seconds.
fn timeout_arg(secs: f64) -> Result<Duration, Exit> {
    if !(secs > 0.0 && secs.is_finite()) {
        return Err(Exit::new(
            code::USAGE,
            format!("--timeout must be a positive number of seconds, not {secs}"),
        ));
    }
    Ok(Duration::from_secs_f64(secs))
}

fn options(args: &RunArgs) -> Result<RunOptions, Exit> {
    let timeout = timeout_arg(args.timeout)?;
    if args.max_memory == 0 {
        return Err(Exit::new(
            code::USAGE,
            "--max-memory must be at least 1 (MB)",
        ));
    }
    let mut o = RunOptions::new(absolute(&args.file));
    o.model = if args.browser {
        Model::Browser
    } else {
        Model::Node
    };
    o.clock = if args.realtime {
        Clock::Realtime
    } else {
        Clock::Virtual
    };
    o.args = script_args(args, std::env::args());
    o.timeout = timeout;
    o.max_memory = args.max_memory.saturating_mul(1024 * 1024);
    o.record = args.trace.is_some();
    Ok(o)
}

/// The script's own arguments, as node passes them: everything after FILE.js. The parser drops
/// the first `--` that follows the file; node hands it on (`node app.js -- a` sees `['--', 'a']`).
fn script_args(args: &RunArgs, raw: impl Iterator<Item = String>) -> Vec<String> {
    let raw: Vec<String> = raw.collect();
    let file = args.file.to_string_lossy();
    let after = raw
        .iter()
        .position(|a| *a == file)
        .map_or(&raw[..0], |i| &raw[i + 1..]);
    let mut out = args.script_args.clone();
    if after.len() == out.len() + 1 && after.first().is_some_and(|a| a == "--") {
        out.insert(0, "--".to_string());
    }
    out
}

pub fn run(args: RunArgs) -> anyhow::Result<()> {
    let source = read_script(&args.file)?;
    reject_module(&args.file, &source)?;
    let opts = options(&args)?;
    if args.explore {
        return explore(&source, &opts);
    }
    let mut stdout = std::io::stdout().lock();
    let mut stderr = std::io::stderr();
    let mut text = TextTrace::new();
    let format = args.trace;
    let mut sink = |e: &Event| {
        if let Event::Output { stream, text } = e {
            let _ = match stream {
                Stream::Stdout => stdout.write_all(text.as_bytes()),
                Stream::Stderr => {
                    let _ = stdout.flush();
                    stderr.write_all(text.as_bytes())
                }
            };
        }
        match format {
            Some(TraceFormat::Json) => {
                let _ = stdout.flush();
                let _ = writeln!(stderr, "{}", trace::json_line(e));
            }
            Some(TraceFormat::Text) => {
                if let Some(line) = text.line(e) {
                    let _ = stdout.flush();
                    let _ = writeln!(stderr, "{line}");
                }
            }
            None => {}
        }
    };
    let outcome = super::run(&source, &opts, &mut sink)
        .map_err(|e| Exit::new(code::FAILURE, e.to_string()))?;
    let _ = std::io::stdout().flush();
    if outcome.exit_code != 0 {
        return Err(Exit::silent(outcome.exit_code).into());
    }
    Ok(())
}

fn explore(source: &str, opts: &RunOptions) -> anyhow::Result<()> {
    let branches =
        super::explore(source, opts).map_err(|e| Exit::new(code::FAILURE, e.to_string()))?;
    let n = branches.len();
    let mut out = std::io::stdout().lock();
    for (k, b) in branches.iter().enumerate() {
        writeln!(
            out,
            "{} {}",
            format!("=== order {} of {n}:", k + 1).bold(),
            b.reason
        )?;
        for (stream, line) in &b.outcome.output {
            match stream {
                Stream::Stdout => writeln!(out, "{line}")?,
                Stream::Stderr => writeln!(out, "{}", line.red())?,
            }
        }
        if b.outcome.exit_code != 0 {
            writeln!(
                out,
                "{}",
                format!("(exit code {})", b.outcome.exit_code).dimmed()
            )?;
        }
    }
    Ok(())
}

pub fn demo(args: EventLoopArgs) -> anyhow::Result<()> {
    if args.list {
        for e in super::examples() {
            println!("{:<22} {}", e.name.bold(), e.title);
        }
        return Ok(());
    }
    // The browser views start from the example made for them.
    let example = match (&args.file, &args.example) {
        (None, None) if args.browser || args.compare => Some("browser-vs-node".to_string()),
        _ => args.example.clone(),
    };
    let (source, file, title) = match (&args.file, &example) {
        (Some(f), _) => {
            let source = read_script(f)?;
            reject_module(f, &source)?;
            (source, absolute(f), f.display().to_string())
        }
        (None, Some(name)) => {
            let ex = super::examples().iter().find(|e| e.name == name).ok_or_else(|| {
                let names: Vec<&str> = super::examples().iter().map(|e| e.name).collect();
                Exit::new(
                    code::USAGE,
                    format!("no example named '{name}': choose one of {} (see --list)", names.join(", ")),
                )
            })?;
            (
                ex.source.to_string(),
                std::env::temp_dir().join(format!("{}.js", ex.name)),
                format!("{} — {}", ex.name, ex.title),
            )
        }
        (None, None) => {
            return Err(Exit::new(
                code::USAGE,
                "give a script or an example: `mini-node demo event-loop FILE.js` or `--example phases` (see --list)",
            )
            .into())
        }
    };
    let timeout = timeout_arg(args.timeout)?;
    let mut opts = RunOptions::new(file);
    opts.record = true;
    opts.timeout = timeout;
    if args.compare {
        return compare(&source, &opts, &title);
    }
    if args.browser {
        opts.model = Model::Browser;
    }
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "{}",
        format!("Event loop walk: {title}").bold().underline()
    )?;
    for (i, line) in source.lines().enumerate() {
        writeln!(out, "{} {}", format!("{:>3} │", i + 1).dimmed(), line)?;
    }
    writeln!(out)?;
    writeln!(
        out,
        "{}",
        format!(
            "Running the script and recording its steps (stopped after {} s; change with --timeout SECS) …",
            args.timeout
        )
        .dimmed()
    )?;
    out.flush()?;
    let mut walk = Walk::new(WALK_STEPS);
    let outcome = super::run(&source, &opts, &mut |e| walk.record(e))
        .map_err(|e| Exit::new(code::FAILURE, e.to_string()))?;
    writeln!(out)?;

    let stdin = std::io::stdin();
    let interactive = args.step && stdin.is_terminal();
    if args.step && !interactive {
        writeln!(
            out,
            "{}",
            "(--step needs a terminal on stdin: reading Enter from the pipe)".dimmed()
        )?;
    }
    let mut snap = Snapshot::default();
    let mut browser_panel = BrowserPanel::new();
    let mut text = TextTrace::new();
    let mut lines = stdin.lock().lines();
    for (k, e) in walk.shown.iter().enumerate() {
        snap.apply(e);
        browser_panel.apply(e);
        let Some(line) = text.line(e) else { continue };
        let interesting = !matches!(e, Event::Output { .. } | Event::DrainEnd { .. });
        writeln!(out, "{} {line}", format!("[{:>3}]", k + 1).dimmed())?;
        if interesting && args.browser {
            write!(out, "{}", browser_panel.render())?;
        } else if interesting {
            write!(out, "{}", trace::panel(&snap))?;
        }
        out.flush()?;
        if args.step {
            if lines.next().is_none() {
                // end of input: play the rest without pausing
            }
        } else if args.delay > 0 {
            std::thread::sleep(Duration::from_millis(args.delay));
        }
    }
    if walk.skipped > 0 {
        writeln!(out)?;
        writeln!(out, "{}", walk.skipped_note().yellow().bold())?;
        // The end of the run: its last output lines (the engine's message) and the exit.
        for e in &walk.tail {
            if let Some(line) = text.line(e) {
                writeln!(out, "{} {line}", "[end]".dimmed())?;
            }
        }
    }
    out.flush()?;
    if outcome.exit_code != 0 {
        return Err(Exit::silent(outcome.exit_code).into());
    }
    Ok(())
}

/// How many recorded steps the walk shows before it summarises the rest.
const WALK_STEPS: usize = 300;

/// The recorded steps of a demo run: the first `cap` in full, the rest counted (a runaway such as
/// an endless nextTick chain records hundreds of thousands of steps), plus the run's ending.
struct Walk {
    cap: usize,
    shown: Vec<Event>,
    skipped: u64,
    /// Callbacks run among the skipped steps, by queue.
    skipped_callbacks: Vec<(Queue, u64)>,
    /// The last stderr lines and the exit of the skipped part.
    tail: Vec<Event>,
}

impl Walk {
    fn new(cap: usize) -> Self {
        Walk {
            cap,
            shown: Vec::new(),
            skipped: 0,
            skipped_callbacks: Vec::new(),
            tail: Vec::new(),
        }
    }

    fn record(&mut self, e: &Event) {
        if self.shown.len() < self.cap {
            self.shown.push(e.clone());
            return;
        }
        self.skipped += 1;
        match e {
            Event::CallbackStart { queue, .. } => {
                match self.skipped_callbacks.iter_mut().find(|(q, _)| q == queue) {
                    Some((_, n)) => *n += 1,
                    None => self.skipped_callbacks.push((*queue, 1)),
                }
            }
            Event::Output {
                stream: Stream::Stderr,
                ..
            }
            | Event::Exit { .. } => {
                if self.tail.len() >= 20 {
                    self.tail.remove(0);
                }
                self.tail.push(e.clone());
            }
            _ => {}
        }
    }

    /// One plain sentence: how many steps were skipped and why.
    fn skipped_note(&self) -> String {
        let mut note = format!(
            "… {} more recorded steps skipped (the walk shows the first {}).",
            self.skipped, self.cap
        );
        if let Some((queue, n)) = self.skipped_callbacks.iter().max_by_key(|(_, n)| *n) {
            let why = match queue {
                Queue::NextTick => format!(
                    " {n} of them ran nextTick callbacks: the nextTick queue never emptied, so the loop starved (no timer, I/O or setImmediate callback could run)."
                ),
                Queue::Microtask => format!(
                    " {n} of them ran promise jobs: the microtask queue never emptied, so the loop starved (no timer, I/O or setImmediate callback could run)."
                ),
                q => format!(" {n} callbacks ran from the {} queue: the loop kept finding work.", queue_name(*q)),
            };
            note.push_str(&why);
        }
        note
    }
}

fn queue_name(q: Queue) -> &'static str {
    match q {
        Queue::Main => "main script",
        Queue::Timers => "timers",
        Queue::Poll => "poll (I/O)",
        Queue::Check => "check (setImmediate)",
        Queue::Close => "close",
        Queue::NextTick => "nextTick",
        Queue::Microtask => "microtask",
        Queue::Task => "task",
        Queue::AnimationFrame => "animation-frame",
    }
}

/// `demo event-loop --compare`: the snippet under Node's loop and the browser's, side by side.
fn compare(source: &str, opts: &RunOptions, title: &str) -> anyhow::Result<()> {
    let c = super::browser::compare(source, opts)
        .map_err(|e| Exit::new(code::FAILURE, e.to_string()))?;
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "{}",
        format!("Node vs browser event loop: {title}")
            .bold()
            .underline()
    )?;
    for (i, line) in source.lines().enumerate() {
        writeln!(out, "{} {}", format!("{:>3} │", i + 1).dimmed(), line)?;
    }
    writeln!(out)?;
    write!(out, "{}", side_by_side(&c))?;
    Ok(())
}
