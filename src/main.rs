//! The `mini-node` binary: parse the command line, dispatch to a command, map errors to exit codes.

use clap::{CommandFactory, Parser};
use mini_node::cli::{Cli, Command, DemoCommand};
use mini_node::error::{code, Exit};
use mini_node::{eventloop, lessons, print, process, tui};

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
        Command::Demo(DemoCommand::Fork(args)) => process::fork::cli(args),
        Command::Demo(DemoCommand::Cluster(args)) => process::cluster::cli(args),
        Command::Demo(DemoCommand::EventLoop(args)) => eventloop::cli::demo(args),
        Command::Lessons(args) => lessons::cli::list(args),
        Command::Lesson(args) => lessons::cli::show(args),
        Command::Completions { shell } => {
            let mut cmd = Cli::command();
            clap_complete::generate(shell, &mut cmd, "mini-node", &mut std::io::stdout());
            Ok(())
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
