//! How the Fork and Cluster tabs name a process's end: "code 1", "signal SIGKILL", in the UI's
//! language. Text only; no drawing and no process logic.

use crate::cli::Lang;
use crate::process::ExitStatus;
use crate::tui::messages::Message;

/// A process's exit, in words: its code or the signal that ended it.
pub fn status_text(s: ExitStatus, lang: Lang) -> String {
    match s {
        ExitStatus::Code(c) => Message::ExitCode { code: &c }.t(lang),
        ExitStatus::Signal(sig) => Message::ExitSignal {
            name: &signal_name(sig),
        }
        .t(lang),
    }
}

/// A signal by its name (SIGKILL, SIGTERM ...), or its number when it has no common name.
pub fn signal_name(sig: i32) -> String {
    crate::process::signal_name(sig).map_or_else(|| sig.to_string(), str::to_string)
}
