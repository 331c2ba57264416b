//! `mini-node run FILE.js`: read the script, run it under the scheduler (or explore every order),
//! print what node prints (and the trace), and exit with node's code.

use crate::cli::RunArgs;
use crate::eventloop::{self, script, Clock, Event, Model, RunOptions, ThreadSink, ThreadTrace};
use std::sync::{Arc, Mutex};

use crate::print::run::{explored, RemoteTrace, RunPrinter};
use crate::process::trace::{Collector, Forwarder};

use super::{failure, script_status};

pub fn run(args: RunArgs) -> anyhow::Result<()> {
    let source = match script::load(&args.file) {
        Ok(source) => source,
        // A forked child (started with an IPC channel) reports a missing module as node does,
        // so that its parent sees node's words and exit code.
        Err(e) if script::is_missing(&e) && std::env::var_os("NODE_CHANNEL_FD").is_some() => {
            eprint!(
                "{}",
                script::missing_main_report(&script::script_path(&args.file))
            );
            return script_status(crate::error::code::SCRIPT);
        }
        Err(e) => return Err(failure(e).into()),
    };
    let opts = options(&args);
    if args.explore {
        let branches = eventloop::explore(&source, &opts).map_err(failure)?;
        explored(&branches, &mut std::io::stdout().lock())?;
        return Ok(());
    }
    // The process ends with this run: its heap is left to the operating system.
    let mut opts = RunOptions {
        last_run: true,
        ..opts
    };
    // Started by a traced program: the events go to its trace, the output to the terminal.
    if let Some(mut forward) = Forwarder::from_env() {
        opts.record = true;
        opts.thread_trace = Some(thread_trace());
        let mut printer = RunPrinter::new(None);
        let outcome = eventloop::run(&source, &opts, &mut |e| {
            printer.event(e);
            forward.send(e);
        })
        .map_err(failure)?;
        printer.finish();
        return script_status(outcome.exit_code);
    }
    // Traced: the processes this one starts send their events here.
    let collector = match args.trace {
        Some(format) => {
            let remote = Mutex::new(RemoteTrace::new(format));
            let collector = Collector::start(move |origin, e| {
                if let Ok(mut r) = remote.lock() {
                    r.event(&origin, &e);
                }
            })
            .map_err(|e| {
                failure(format!(
                    "cannot open the trace socket for child processes: {e}"
                ))
            })?;
            let (key, value) = collector.env();
            // SAFETY: no other thread reads the environment yet (the engine has not started).
            std::env::set_var(key, value);
            opts.thread_trace = Some(thread_trace());
            Some(collector)
        }
        None => None,
    };
    let mut printer = RunPrinter::new(args.trace);
    let outcome = eventloop::run(&source, &opts, &mut |e| printer.event(e)).map_err(failure)?;
    printer.finish();
    if let Some(collector) = &collector {
        collector.drain(TRACE_DRAIN);
    }
    script_status(outcome.exit_code)
}

/// How long a traced run waits, at its end, for the last events of the processes it started.
const TRACE_DRAIN: std::time::Duration = std::time::Duration::from_secs(2);

/// Worker threads send their events to the trace's socket, as child processes do.
fn thread_trace() -> ThreadTrace {
    ThreadTrace(Arc::new(|thread_id| {
        let mut forward = Forwarder::for_thread(thread_id)?;
        Some(Box::new(move |e: &Event| forward.send(e)) as ThreadSink)
    }))
}

/// The engine's options from the flags (their ranges are checked by the parser).
fn options(args: &RunArgs) -> RunOptions {
    let mut o = RunOptions::new(script::script_path(&args.file));
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
    o.timeout = std::time::Duration::from_secs_f64(args.timeout);
    o.max_memory = args.max_memory.saturating_mul(1024 * 1024);
    o.record = args.trace.is_some();
    o
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

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    fn parsed(argv: &[&str]) -> Vec<String> {
        let cli = crate::cli::Cli::parse_from(argv);
        let crate::cli::Command::Run(args) = cli.command else {
            panic!("not run")
        };
        script_args(&args, argv.iter().map(|a| a.to_string()))
    }

    #[test]
    fn the_script_gets_what_follows_its_file_as_node_passes_it() {
        assert_eq!(
            parsed(&["mini-node", "run", "app.js", "a", "-b"]),
            ["a", "-b"]
        );
        assert_eq!(
            parsed(&["mini-node", "run", "app.js", "--", "a"]),
            ["--", "a"]
        );
        assert_eq!(
            parsed(&["mini-node", "run", "--trace", "app.js"]),
            [] as [&str; 0]
        );
    }
}
