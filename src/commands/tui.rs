//! `mini-node tui`: checks the flags and the terminal, loads a `--script`, and runs the terminal UI
//! with that configuration; its status is the command's exit code.

use std::io::IsTerminal;
use std::path::Path;

use crate::cli::TuiArgs;
use crate::error::{code, Exit};
use crate::tui::action::TabId;
use crate::tui::app::Config;
use crate::tui::engines::{self, Ports};
use crate::tui::script::Script;

pub fn run(args: TuiArgs) -> anyhow::Result<()> {
    let script = match &args.script {
        Some(path) => Some(load_script(path)?),
        None => None,
    };
    let cpus = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1);
    if !std::io::stdout().is_terminal() {
        return Err(Exit::new(
            code::FAILURE,
            "`mini-node tui` needs a terminal, and stdout is not one: run it in a terminal window \
             (for plain output use `mini-node demo fork|cluster|event-loop`)",
        )
        .into());
    }
    let first_tab = match (args.tab, &script) {
        (Some(t), _) => TabId::from(t),
        (None, Some(_)) => TabId::EventLoop,
        (None, None) => TabId::Lessons,
    };
    let cfg = Config {
        theme: args.theme,
        plain: !colored::control::SHOULD_COLORIZE.should_colorize(),
        lang: args.lang,
        mouse: !args.no_mouse,
        workers: args.workers.unwrap_or(cpus),
        first_tab,
        examples: engines::examples(),
        script,
    };
    let ports = Ports {
        fork: args.fork_port,
        cluster: args.cluster_port,
    };
    match crate::tui::run(cfg, ports)? {
        code::OK => Ok(()),
        status => Err(Exit::silent(status).into()),
    }
}

/// The `--script` file as the Event Loop tab opens it; an unreadable or non-text file is a
/// one-line error naming it.
fn load_script(path: &Path) -> anyhow::Result<Script> {
    let bytes = std::fs::read(path).map_err(|e| {
        Exit::new(
            code::FAILURE,
            format!("cannot read --script {}: {e}", path.display()),
        )
    })?;
    let source = String::from_utf8(bytes).map_err(|_| {
        Exit::new(
            code::FAILURE,
            format!(
                "--script {} is not a UTF-8 text file; give a .js file",
                path.display()
            ),
        )
    })?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string());
    Ok(Script {
        title: path.display().to_string(),
        name,
        source,
        path: Some(std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())),
    })
}
