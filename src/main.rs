//! The `mini-node` binary: parse the command line, dispatch to a command, map errors to exit codes.

use clap::Parser;
use mini_node::cli::{self, Cli};
use mini_node::error::{code, Exit};
use mini_node::{commands, print, process};

fn main() {
    // The hidden child entry points skip the command-line parser: a child starts once per request.
    if let Some(result) = process::hidden_entry() {
        finish(result);
    }
    // A child that mini-node started itself (a forked script): die with the parent, first thing.
    if std::env::var_os(process::spawn::PARENT_PID_ENV).is_some() {
        process::spawn::die_with_parent();
        // the script's process.env, and its own children, must not see it
        std::env::remove_var(process::spawn::PARENT_PID_ENV);
    }
    let cli = Cli::parse_from(cli::implied_run(std::env::args_os().collect()));
    print::init_color(cli.color);
    finish(commands::dispatch(cli.command));
}

/// Map the command's result to an exit code (printing its one-line error) and exit.
fn finish(result: anyhow::Result<()>) -> ! {
    if let Err(err) = result {
        // The reader went away (`mini-node man | head`): nothing more to say, as node exits then.
        if is_broken_pipe(&err) {
            std::process::exit(code::OK);
        }
        let (status, message) = match err.downcast_ref::<Exit>() {
            Some(exit) => (exit.code, exit.message.clone()),
            None => (code::FAILURE, format!("{err:#}")),
        };
        if !message.is_empty() {
            eprintln!("mini-node: {message}");
        }
        std::process::exit(status);
    }
    std::process::exit(code::OK);
}

/// Whether a write to a closed pipe caused `err`.
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        let kind = match cause.downcast_ref::<std::io::Error>() {
            Some(io) => Some(io.kind()),
            // serde_json keeps the io::Error inside, out of the chain.
            None => cause
                .downcast_ref::<serde_json::Error>()
                .and_then(serde_json::Error::io_error_kind),
        };
        kind == Some(std::io::ErrorKind::BrokenPipe)
    })
}
