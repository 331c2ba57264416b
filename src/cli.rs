//! The command line: every command and flag of `mini-node`, declared with clap's derive API.
//!
//! This module only describes the interface (with examples in `--help`); it runs nothing.
//! `main.rs` dispatches the parsed [`Cli`] to the engines and views.

use std::ops::Not as _;
use std::path::PathBuf;

use clap::builder::TypedValueParser as _;
use clap::{Args, Parser, Subcommand, ValueEnum};

/// Learn how Node.js runs: its event loop and its processes, live in your terminal.
#[derive(Debug, Parser)]
#[command(name = "mini-node", version, about, long_about = None, after_help = EXAMPLES)]
pub struct Cli {
    /// When to colour the output (NO_COLOR is honoured; plain when not a terminal).
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, global = true)]
    pub color: ColorChoice,

    #[command(subcommand)]
    pub command: Command,
}

/// The arguments as the parser should see them: `mini-node FILE.js args...` means
/// `mini-node run FILE.js args...`, as `node FILE.js` runs a file. That is also how node starts
/// mini-node when a program forks with `execPath` set to it.
pub fn implied_run(mut args: Vec<std::ffi::OsString>) -> Vec<std::ffi::OsString> {
    let Some(first) = args.get(1) else {
        return args;
    };
    let text = first.to_string_lossy();
    let script = !text.starts_with('-')
        && <Command as clap::Subcommand>::has_subcommand(&text).not()
        && (text.ends_with(".js")
            || text.ends_with(".cjs")
            || std::path::Path::new(first).is_file());
    if script {
        args.insert(1, "run".into());
    }
    args
}

const EXAMPLES: &str = "\
Examples:
  mini-node tui                         the live classroom view, in four tabs
  mini-node run snippet.js              print what `node snippet.js` prints
  mini-node snippet.js                  the same, as node is called
  mini-node run --trace snippet.js      ... with every phase and queue
  mini-node run --explore race.js       every order Node can print
  mini-node demo fork --requests 5      a real fork-per-request server
  mini-node demo cluster --workers 2    a real cluster with a process guard
  mini-node demo event-loop --example phases
  mini-node lessons                     the course";

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// The terminal UI: lessons, the fork demo, the cluster and the event loop, live.
    #[command(
        after_help = "Examples:\n  mini-node tui\n  mini-node tui --theme high-contrast --lang zh\n  mini-node tui --script race.js --tab event-loop"
    )]
    Tui(TuiArgs),

    /// Run a JavaScript file under the built-in scheduler, printing what Node v20 (or a browser) prints.
    #[command(
        after_help = "Examples:\n  mini-node run snippet.js\n  mini-node run --trace snippet.js\n  mini-node run --trace=json snippet.js 2> trace.ndjson\n  mini-node run --explore race.js\n  mini-node run --browser page.js\n  mini-node run app.js a b     (process.argv[2..] is [ 'a', 'b' ])"
    )]
    Run(RunArgs),

    /// The live demos as coloured command-line output.
    #[command(subcommand)]
    Demo(DemoCommand),

    /// List the lessons of the course, with your progress.
    #[command(
        after_help = "Examples:\n  mini-node lessons\n  mini-node lessons --json\n  mini-node lessons --check\n  mini-node lessons --reset"
    )]
    Lessons(LessonsArgs),

    /// Read one lesson and answer its predict-the-output quizzes.
    #[command(
        after_help = "Examples:\n  mini-node lesson event-loop-phases\n  mini-node lesson fork --lang zh\n  mini-node lesson microtasks --answers"
    )]
    Lesson(LessonArgs),

    /// Print a shell completion script.
    #[command(
        after_help = "Examples:\n  mini-node completions bash > /etc/bash_completion.d/mini-node\n  mini-node completions zsh > ~/.zfunc/_mini-node"
    )]
    Completions {
        /// The shell to complete for.
        shell: clap_complete::Shell,
    },

    /// Print the manual page (roff) on stdout.
    #[command(after_help = "Examples:\n  mini-node man | man -l -")]
    Man,

    /// Internal: the child process of the fork demo (started by the demo itself).
    #[command(hide = true, name = "__fork-child")]
    ForkChild,

    /// Internal: a cluster worker (started by the cluster primary itself).
    #[command(hide = true, name = "__cluster-worker")]
    ClusterWorker,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Theme {
    Dark,
    Light,
    HighContrast,
}

/// The course's language, defined by the lessons engine; re-exported here for the views.
pub use crate::lessons::Lang;

/// `--lang en|zh`: parsed by clap into the engine's [`Lang`] (listed in `--help` and completions).
fn lang_parser() -> impl clap::builder::TypedValueParser<Value = Lang> {
    clap::builder::PossibleValuesParser::new(Lang::ALL.map(Lang::code)).map(|code| {
        Lang::ALL
            .into_iter()
            .find(|lang| lang.code() == code)
            .expect("clap accepts only the listed codes")
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TabName {
    Lessons,
    Fork,
    Cluster,
    EventLoop,
}

#[derive(Debug, Args)]
pub struct TuiArgs {
    /// Colour palette.
    #[arg(long, value_enum, default_value_t = Theme::Dark)]
    pub theme: Theme,
    /// Language of every label and lesson.
    #[arg(long, value_parser = lang_parser(), default_value = "en")]
    pub lang: Lang,
    /// A JavaScript file to load into the Event Loop tab.
    #[arg(long, value_name = "FILE.js")]
    pub script: Option<PathBuf>,
    /// The tab to open first.
    #[arg(long, value_enum)]
    pub tab: Option<TabName>,
    /// Leave the mouse to the terminal (to select text); every button also has a key.
    #[arg(long)]
    pub no_mouse: bool,
    /// Workers the cluster tab starts with (default: one per CPU; at most 32).
    #[arg(long, value_parser = tui_workers)]
    pub workers: Option<usize>,
    /// Port of the fork demo's server (0: any free port).
    #[arg(long, value_name = "PORT", default_value_t = 8000)]
    pub fork_port: u16,
    /// Port the cluster's workers share (0: any free port).
    #[arg(long, value_name = "PORT", default_value_t = 9000)]
    pub cluster_port: u16,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TraceFormat {
    Text,
    Json,
}

#[derive(Debug, Args)]
pub struct RunArgs {
    /// The JavaScript file to run.
    #[arg(value_name = "FILE.js")]
    pub file: PathBuf,
    /// Arguments for the script (process.argv[2..]), as with node: `mini-node run app.js a b`.
    /// Put mini-node's own flags before the file; everything after it, `--` too, is the script's.
    #[arg(
        value_name = "SCRIPT_ARGS",
        trailing_var_arg = true,
        allow_hyphen_values = true
    )]
    pub script_args: Vec<String>,
    /// Print a timeline of loop iterations, phases, queues and callbacks on stderr.
    #[arg(long, value_enum, num_args = 0..=1, default_missing_value = "text", require_equals = true)]
    pub trace: Option<TraceFormat>,
    /// List every output order that real Node can produce where timing decides.
    #[arg(long, conflicts_with_all = ["trace", "realtime"])]
    pub explore: bool,
    /// Run under the browser's event-loop model instead of Node's.
    #[arg(long)]
    pub browser: bool,
    /// Wait real time for timers instead of jumping the virtual clock.
    #[arg(long)]
    pub realtime: bool,
    /// Stop a script that runs longer than this many seconds (busy loops, endless nextTick chains).
    #[arg(long, value_name = "SECS", default_value_t = 10.0, value_parser = positive_secs)]
    pub timeout: f64,
    /// Heap limit of the JavaScript engine, in MB.
    #[arg(long, value_name = "MB", default_value_t = 512, value_parser = megabytes)]
    pub max_memory: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Sched {
    Rr,
    None,
}

#[derive(Debug, Subcommand)]
pub enum DemoCommand {
    /// child_process.fork: an HTTP server that forks a child per request and exchanges messages with it.
    #[command(
        after_help = "Examples:\n  mini-node demo fork                 serve on 127.0.0.1:8000 until Ctrl-C\n  curl 127.0.0.1:8000/get-data\n  mini-node demo fork --requests 5    ask itself 5 times, print a summary, exit\n  mini-node demo fork --as-written    the notes' code, leaking children"
    )]
    Fork(ForkArgs),
    /// cluster.fork: a primary, one worker per CPU on one shared port, and a process guard.
    #[command(
        after_help = "Examples:\n  mini-node demo cluster --workers 2\n  mini-node demo cluster --sched none --load 32 --duration 5\n  mini-node demo cluster --kill-every 2000 --duration 10"
    )]
    Cluster(ClusterArgs),
    /// A paced walk through the event loop's phases and queues.
    #[command(
        name = "event-loop",
        after_help = "Examples:\n  mini-node demo event-loop --example phases\n  mini-node demo event-loop snippet.js --delay 300\n  mini-node demo event-loop --example microtasks --step\n  mini-node demo event-loop --compare snippet.js"
    )]
    EventLoop(EventLoopArgs),
}

#[derive(Debug, Args)]
pub struct ForkArgs {
    /// Port to listen on.
    #[arg(long, default_value_t = 8000)]
    pub port: u16,
    /// Address to bind.
    #[arg(long, default_value = "127.0.0.1")]
    pub host: String,
    /// Send N requests to itself, print a summary and exit.
    #[arg(long, value_name = "N")]
    pub requests: Option<usize>,
    /// Run the notes' code as written: the child never exits (one process leaked per request).
    #[arg(long)]
    pub as_written: bool,
}

#[derive(Debug, Args)]
pub struct ClusterArgs {
    /// Number of workers (default: one per CPU).
    #[arg(long, value_parser = at_least_one::<usize>("--workers", "worker"))]
    pub workers: Option<usize>,
    /// Port the workers share.
    #[arg(long, default_value_t = 9000)]
    pub port: u16,
    /// Address to bind.
    #[arg(long, default_value = "127.0.0.1")]
    pub host: String,
    /// Scheduling policy: rr (the primary accepts and hands out connections) or none (workers accept).
    #[arg(long, value_enum, env = "NODE_CLUSTER_SCHED_POLICY")]
    pub sched: Option<Sched>,
    /// Kill a random worker every MS milliseconds (chaos), to watch the guard.
    #[arg(long, value_name = "MS", value_parser = at_least_one::<u64>("--kill-every", "millisecond"))]
    pub kill_every: Option<u64>,
    /// Run a built-in load generator with this many connections and print requests per worker.
    #[arg(long, value_name = "CONNECTIONS", value_parser = at_least_one::<usize>("--load", "connection"))]
    pub load: Option<usize>,
    /// Stop after this many seconds.
    #[arg(long, value_name = "SECS", value_parser = positive_seconds)]
    pub duration: Option<f64>,
}

/// A whole number of at least 1 for `flag`, refused with a message that names the flag and the
/// minimum (`--load must be at least 1 (connections)`; clap's own range check would say
/// `0 is not in 1..18446744073709551615`).
fn at_least_one<T>(
    flag: &'static str,
    unit: &'static str,
) -> impl Fn(&str) -> Result<T, String> + Clone + Send + Sync + 'static
where
    T: std::str::FromStr + From<u8> + PartialOrd + Clone + Send + Sync + 'static,
    T::Err: std::fmt::Display,
{
    move |text| match text.parse::<T>() {
        Ok(n) if n >= T::from(1) => Ok(n),
        Ok(_) => Err(format!("{flag} must be at least 1 ({unit}s)")),
        Err(err) => Err(format!("{flag} takes a whole number ({err})")),
    }
}

/// Most workers the TUI's Cluster tab starts with (and shows).
pub const TUI_MAX_WORKERS: usize = 32;

/// `tui --workers`: 1 to [`TUI_MAX_WORKERS`].
fn tui_workers(text: &str) -> Result<usize, String> {
    match at_least_one::<usize>("--workers", "worker")(text)? {
        n if n > TUI_MAX_WORKERS => Err(format!(
            "--workers {n} is more than the TUI shows ({TUI_MAX_WORKERS}); give at most {TUI_MAX_WORKERS}"
        )),
        n => Ok(n),
    }
}

/// Seconds: a finite number above 0 (`--duration 0.5`).
fn positive_seconds(text: &str) -> Result<f64, String> {
    match text.parse::<f64>() {
        Ok(s) if s.is_finite() && s > 0.0 => Ok(s),
        _ => Err("--duration must be a positive number of seconds (e.g. --duration 5)".into()),
    }
}

#[derive(Debug, Args)]
pub struct EventLoopArgs {
    /// A JavaScript file to walk through (or use --example).
    #[arg(value_name = "FILE.js", conflicts_with = "example")]
    pub file: Option<PathBuf>,
    /// A built-in example from the notes (see --list).
    #[arg(long, value_name = "NAME")]
    pub example: Option<String>,
    /// List the built-in examples.
    #[arg(long)]
    pub list: bool,
    /// Milliseconds to pause after each step.
    #[arg(long, value_name = "MS", default_value_t = 400)]
    pub delay: u64,
    /// Advance one step per Enter key.
    #[arg(long)]
    pub step: bool,
    /// Use the browser's event-loop model.
    #[arg(long, conflicts_with = "compare")]
    pub browser: bool,
    /// Run under both models and show the outputs side by side.
    #[arg(long)]
    pub compare: bool,
    /// Stop recording a script that runs longer than this many seconds (busy loops, endless
    /// nextTick chains); the walk then ends with the reason.
    #[arg(long, value_name = "SECS", default_value_t = 2.0, value_parser = positive_secs)]
    pub timeout: f64,
}

#[derive(Debug, Args)]
pub struct LessonsArgs {
    /// Print a JSON array of lessons.
    #[arg(long, conflicts_with_all = ["check", "reset"])]
    pub json: bool,
    /// Validate every lesson; print problems as file:line: message.
    #[arg(long, conflicts_with = "reset")]
    pub check: bool,
    /// Check another lessons folder instead of the embedded one (with --check).
    #[arg(long, value_name = "DIR", requires = "check")]
    pub dir: Option<PathBuf>,
    /// Forget your progress.
    #[arg(long)]
    pub reset: bool,
    /// Language of the titles.
    #[arg(long, value_parser = lang_parser(), default_value = "en")]
    pub lang: Lang,
}

#[derive(Debug, Args)]
pub struct LessonArgs {
    /// The lesson's id (see `mini-node lessons`).
    pub id: String,
    /// Language.
    #[arg(long, value_parser = lang_parser(), default_value = "en")]
    pub lang: Lang,
    /// Show the quiz answers instead of asking.
    #[arg(long)]
    pub answers: bool,
}

/// `--timeout SECS`: a positive, finite number of seconds.
fn positive_secs(text: &str) -> Result<f64, String> {
    match text.parse::<f64>() {
        Ok(secs) if secs > 0.0 && secs.is_finite() => Ok(secs),
        _ => Err("must be a positive number of seconds, e.g. --timeout 2.5".into()),
    }
}

/// `--max-memory MB`: at least 1.
fn megabytes(text: &str) -> Result<usize, String> {
    match text.parse::<usize>() {
        Ok(0) | Err(_) => {
            Err("must be a whole number of MB, at least 1, e.g. --max-memory 64".into())
        }
        Ok(mb) => Ok(mb),
    }
}

#[cfg(test)]
mod tests {
    use super::implied_run;

    fn implied(args: &[&str]) -> Vec<String> {
        implied_run(args.iter().map(Into::into).collect())
            .into_iter()
            .map(|a| a.to_string_lossy().into_owned())
            .collect()
    }

    #[test]
    fn a_script_first_means_run_as_node_is_called() {
        assert_eq!(
            implied(&["mini-node", "child.js", "a"]),
            ["mini-node", "run", "child.js", "a"]
        );
        assert_eq!(
            implied(&["mini-node", "run", "x.js"]),
            ["mini-node", "run", "x.js"]
        );
        assert_eq!(implied(&["mini-node", "tui"]), ["mini-node", "tui"]);
        assert_eq!(implied(&["mini-node", "--help"]), ["mini-node", "--help"]);
        assert_eq!(implied(&["mini-node"]), ["mini-node"]);
        assert_eq!(
            implied(&["mini-node", "nosuchthing"]),
            ["mini-node", "nosuchthing"]
        );
    }
}
