//! What the fork and cluster printers both print: the time stamp that opens every line, the
//! IPC-message and warning lines, exit statuses and signals in words, durations in ms and counts
//! with their noun. Pieces of a line and the one place that writes it; it keeps no state and
//! knows no engine's events beyond the values it is given.

use std::fmt::Display;
use std::io::Write;
use std::time::Duration;

use colored::{ColoredString, Colorize};

use crate::process::{signal_name, ExitStatus};

/// `[   0.105]`: the time since the demo started, dimmed.
pub(super) fn stamp(at: Duration) -> String {
    format!("[{:>8.3}]", at.as_secs_f64()).dimmed().to_string()
}

/// A line of the demo: the stamp, the event's tag (ten columns, coloured) and what follows.
pub(super) fn tagged(at: Duration, tag: ColoredString, rest: impl Display) -> String {
    format!("{} {tag} {rest}", stamp(at))
}

/// `12.3 ms`.
pub(super) fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

/// Write one line to stdout, flushed (the demos run live).
pub(super) fn out(line: &str) {
    let mut stdout = std::io::stdout().lock();
    let _ = writeln!(stdout, "{line}");
    let _ = stdout.flush();
}

/// A line of the view's own (a signal received, a stop).
pub(super) fn note(text: &str) {
    out(&format!("{} {}", "note".bold().yellow(), text));
}

/// An IPC message along `arrow` (`parent 1 → child 2`), with its payload.
pub(super) fn message_line(at: Duration, arrow: &str, payload: &serde_json::Value) -> String {
    tagged(
        at,
        "message   ".bold().green(),
        format!("{arrow}: {}", payload.to_string().yellow()),
    )
}

/// An engine's warning.
pub(super) fn warning_line(at: Duration, message: &str) -> String {
    tagged(at, "warning   ".bold().yellow(), message)
}

/// A signal by name (`SIGKILL`), or `signal 42` for a number that names none.
pub(super) fn signal_text(signal: i32) -> String {
    signal_name(signal).map_or_else(|| format!("signal {signal}"), str::to_string)
}

pub(super) fn status_text(status: ExitStatus) -> String {
    match status {
        ExitStatus::Code(code) => format!("code {code}"),
        ExitStatus::Signal(sig) => format!("killed by {}", signal_text(sig)),
    }
}

/// `1 connection`, `2 connections`.
pub(super) fn count(n: u64, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_agree_with_their_number() {
        assert_eq!(count(1, "connection", "connections"), "1 connection");
        assert_eq!(count(0, "connection", "connections"), "0 connections");
        assert_eq!(count(32, "connection", "connections"), "32 connections");
    }
}
