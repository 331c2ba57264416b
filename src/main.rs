//! The `mini-node` binary: parse the command line, dispatch to a command, map errors to exit codes.

use std::io::Write;

use clap::{CommandFactory, Parser};
use mini_node::cli::{Cli, Command, DemoCommand};
use mini_node::error::{code, Exit};
use mini_node::{commands, eventloop, lessons, print, process, tui};

fn main() {
    // The hidden child entry points skip the command-line parser: a child starts once per request.
    if let Some(result) = process::hidden_entry() {
        finish(result);
    }
    let cli = Cli::parse();
    print::init_color(cli.color);
    let result = match cli.command {
        Command::Tui(args) => tui::run(args),
        Command::Run(args) => eventloop::cli::run(args),
        Command::Demo(DemoCommand::Fork(args)) => commands::demo_fork::run(args),
        Command::Demo(DemoCommand::Cluster(args)) => commands::demo_cluster::run(args),
        Command::Demo(DemoCommand::EventLoop(args)) => eventloop::cli::demo(args),
        Command::Lessons(args) => lessons::cli::list(args),
        Command::Lesson(args) => lessons::cli::show(args),
        Command::Completions { shell } => {
            // Generated into memory first: clap_complete panics when its own write fails.
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "mini-node", &mut script);
            std::io::stdout().write_all(&script).map_err(Into::into)
        }
        Command::Man => clap_mangen::Man::new(Cli::command())
            .render(&mut std::io::stdout())
            .map_err(Into::into),
        Command::ForkChild => process::fork::child_main(),
        Command::ClusterWorker => process::cluster::worker_main(),
    };
    finish(result);
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
