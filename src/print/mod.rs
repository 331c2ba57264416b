//! Coloured command-line output shared by the views: the colour decision (`--color`, NO_COLOR,
//! not a terminal) and small printing pieces. It prints; it schedules and spawns nothing.

use std::io::IsTerminal;

use crate::cli::ColorChoice;

/// Decide once, at start-up, whether output is coloured: `--color always|never` wins; `auto`
/// colours only a terminal and honours NO_COLOR.
pub fn init_color(choice: ColorChoice) {
    let on = match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && std::io::stdout().is_terminal()
        }
    };
    colored::control::set_override(on);
}

pub mod cluster;
pub mod compare;
pub mod fork;
pub mod lessons;
pub mod markdown;
mod process_line;
pub mod quiz;
pub mod run;
pub mod trace;
pub mod walk;
