//! One module per subcommand: each turns its clap arguments into an engine's plain config, runs
//! the engine, hands what it reports to a view (`crate::print`, the TUI) and picks the exit code.
//!
//! Commands hold no scheduling, process or lesson logic (that is the engines') and draw nothing
//! themselves (that is the views'); `main.rs` only parses and calls [`dispatch`].

pub mod completions;
pub mod demo_cluster;
pub mod demo_event_loop;
pub mod demo_fork;
pub mod lessons;
pub mod man;
pub mod run;
pub mod tui;

use crate::cli::{Command, DemoCommand};
use crate::error::{code, Exit};

/// Run the parsed subcommand.
pub fn dispatch(command: Command) -> anyhow::Result<()> {
    match command {
        Command::Tui(args) => tui::run(args),
        Command::Run(args) => run::run(args),
        Command::Demo(DemoCommand::Fork(args)) => demo_fork::run(args),
        Command::Demo(DemoCommand::Cluster(args)) => demo_cluster::run(args),
        Command::Demo(DemoCommand::EventLoop(args)) => demo_event_loop::run(args),
        Command::Lessons(args) => lessons::list(args),
        Command::Lesson(args) => lessons::show(args),
        Command::Completions { shell } => completions::run(shell),
        Command::Man => man::run(),
        Command::ForkChild => crate::process::fork::child_main(),
        Command::ClusterWorker => crate::process::cluster::worker_main(),
    }
}

/// An engine error that ends the command with [`code::FAILURE`], its message as the one line.
fn failure(err: impl std::fmt::Display) -> Exit {
    Exit::new(code::FAILURE, err.to_string())
}

/// A script's exit code as the command's: node's status, its messages already printed.
fn script_status(exit_code: i32) -> anyhow::Result<()> {
    if exit_code != 0 {
        return Err(Exit::silent(exit_code).into());
    }
    Ok(())
}
