//! How the Fork and Cluster tabs name a process's end: "code 1", "signal SIGKILL", in the UI's
//! language. Text only; no drawing and no process logic.

use crate::cli::Lang;
use crate::process::ExitStatus;
use crate::tui::i18n::say;

/// A process's exit, in words: its code or the signal that ended it.
pub fn status_text(s: ExitStatus, lang: Lang) -> String {
    match s {
        ExitStatus::Code(c) => say(lang, format!("code {c}"), format!("退出码 {c}")),
        ExitStatus::Signal(sig) => say(
            lang,
            format!("signal {}", signal_name(sig)),
            format!("信号 {}", signal_name(sig)),
        ),
    }
}

pub fn signal_name(sig: i32) -> String {
    match sig {
        libc::SIGKILL => "SIGKILL".into(),
        libc::SIGTERM => "SIGTERM".into(),
        libc::SIGINT => "SIGINT".into(),
        libc::SIGHUP => "SIGHUP".into(),
        libc::SIGSEGV => "SIGSEGV".into(),
        libc::SIGABRT => "SIGABRT".into(),
        n => format!("{n}"),
    }
}
