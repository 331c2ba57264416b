//! The coloured command-line view of `demo fork`: one line per engine event
//! (`[  0.105] fork  child 4242 for request #1`), and a summary at the end. It only formats what
//! the engine reports: it starts, kills and counts no process itself, and reads what it needs from
//! the engine's own fold ([`ForkState`]); only the words are its own. Colour follows
//! `print::init_color` (plain text for NO_COLOR and non-terminals).

use std::time::Duration;

use colored::Colorize;

use crate::process::{ForkEvent, ForkState, Side};

use super::process_line::{count, message_line, ms, note, out, status_text, tagged, warning_line};

/// What `demo fork --requests N` counts itself; the rest of its summary is the [`ForkState`].
#[derive(Debug, Default)]
pub struct ForkSummary {
    /// Requests sent.
    pub requests: usize,
    /// Children alive before the first request and after the last answer.
    pub live_before: usize,
    pub live_after: usize,
}

/// The fork demo's printer: one line per event, given the [`ForkState`] the event was folded into.
pub struct ForkPrinter {
    as_written: bool,
    /// The live-children count printed last: an unchanged count is not printed again.
    last_live: Option<usize>,
}

impl ForkPrinter {
    pub fn new(as_written: bool) -> Self {
        ForkPrinter {
            as_written,
            last_live: None,
        }
    }

    /// A line of the view's own (a signal received, a stop).
    pub fn note(&self, text: &str) {
        note(text);
    }

    /// Print `event`, already folded into `state`.
    pub fn print(&mut self, event: &ForkEvent, state: &ForkState) {
        if let Some(line) = self.line(event, state) {
            out(&line);
        }
    }

    /// The line an event prints, if any.
    fn line(&mut self, event: &ForkEvent, state: &ForkState) -> Option<String> {
        let parent = state.parent_pid.unwrap_or_else(std::process::id);
        let line = match event {
            ForkEvent::Listening {
                addr,
                parent_pid,
                as_written,
                at,
            } => {
                let try_it = "           try: curl http://".dimmed().to_string()
                    + &format!("{addr}/get-data").dimmed().to_string();
                let mut text = tagged(
                    *at,
                    "server is running".green().bold(),
                    format!(
                        "parent {} listening on http://{addr}  (GET /get-data forks a child; Ctrl-C stops)\n{try_it}",
                        parent_pid.to_string().cyan()
                    ),
                );
                if *as_written {
                    text.push_str(&format!(
                        "\n{} {}",
                        "as written:".red().bold(),
                        "the notes' child.js never exits (its IPC channel keeps it alive), so every request leaks \
                         one process: watch `live children` grow. Its 'close' handler would also call res.end('error') \
                         on a response already ended. The fixed version: the child exits after process.send(), \
                         the parent answers once (res.end only if !res.writableEnded)."
                    ));
                }
                text
            }
            ForkEvent::Request {
                request,
                method,
                path,
                at,
            } => tagged(
                *at,
                "request   ".bold().blue(),
                format!("#{request} {method} {path}"),
            ),
            ForkEvent::Forked { pid, request, at } => tagged(
                *at,
                "fork      ".bold().magenta(),
                format!(
                    "child {} {}",
                    pid.to_string().cyan(),
                    match request {
                        Some(r) => format!("for request #{r}"),
                        None => "(forked directly)".to_string(),
                    }
                ),
            ),
            ForkEvent::Message {
                pid,
                from,
                payload,
                at,
            } => {
                let (who, to) = match from {
                    Side::Parent => (format!("parent {parent}"), format!("child {pid}")),
                    Side::Child => (format!("child {pid}"), format!("parent {parent}")),
                };
                message_line(*at, &format!("{who} → {to}"), payload)
            }
            ForkEvent::Disconnect { pid, at } => tagged(
                *at,
                "disconnect".bold().dimmed(),
                format!("child {pid}: IPC channel closed"),
            ),
            ForkEvent::Exit { pid, status, at } => tagged(
                *at,
                "exit      ".bold().red(),
                format!("child {pid} {}", status_text(*status)),
            ),
            ForkEvent::Close { pid, at } => tagged(
                *at,
                "close     ".bold().dimmed(),
                format!("child {pid}: stdio and channel closed"),
            ),
            ForkEvent::Response {
                request,
                status,
                body,
                latency,
                at,
            } => {
                let status_text = if *status == 200 {
                    status.to_string().green().bold()
                } else {
                    status.to_string().red().bold()
                };
                tagged(
                    *at,
                    "answer    ".bold().blue(),
                    format!("#{request} {status_text} {:?} in {}", body, ms(*latency)),
                )
            }
            ForkEvent::LiveChildren { count, at } => {
                if self.last_live.replace(*count) == Some(*count) {
                    return None;
                }
                let count_text = if self.as_written && *count > 0 {
                    count.to_string().red().bold()
                } else {
                    count.to_string().bold()
                };
                tagged(*at, "live children".dimmed(), count_text)
            }
            ForkEvent::Warning { message, at } => warning_line(*at, message),
        };
        Some(line)
    }

    pub fn summary(&self, s: &ForkSummary, state: &ForkState) {
        let mut sorted = state.latencies.clone();
        sorted.sort();
        let pick = |q: f64| -> String {
            if sorted.is_empty() {
                "-".into()
            } else {
                let i = ((sorted.len() - 1) as f64 * q).round() as usize;
                ms(sorted[i])
            }
        };
        let mean = if sorted.is_empty() {
            "-".into()
        } else {
            ms(sorted.iter().sum::<Duration>() / sorted.len() as u32)
        };
        out(&format!("{}", "summary".bold().underline()));
        out(&format!(
            "  requests     {} sent, {} answered 200, {} forked",
            s.requests,
            state.ok,
            count(state.forked, "child", "children")
        ));
        out(&format!(
            "  latency      min {}  median {}  mean {}  max {}",
            pick(0.0),
            pick(0.5),
            mean,
            pick(1.0)
        ));
        if !state.lifetimes.is_empty() {
            let mut lives = state.lifetimes.clone();
            lives.sort();
            out(&format!(
                "  child fork → answer → exit (reaped): median {}  max {}",
                ms(lives[lives.len() / 2]),
                ms(lives[lives.len() - 1])
            ));
        }
        let after = if s.live_after > s.live_before {
            format!("{} (leaked: the notes' child never exits)", s.live_after)
                .red()
                .bold()
                .to_string()
        } else {
            format!("{} (every child exited after answering)", s.live_after)
                .green()
                .to_string()
        };
        out(&format!(
            "  live children before {}  after {after}",
            s.live_before
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unchanged_count_of_live_children_prints_once() {
        let mut printer = ForkPrinter::new(false);
        let state = ForkState::new();
        let live = |count| ForkEvent::LiveChildren {
            count,
            at: Duration::from_millis(5),
        };
        assert!(printer.line(&live(1), &state).is_some());
        assert!(printer.line(&live(0), &state).is_some());
        assert_eq!(printer.line(&live(0), &state), None);
        assert!(printer.line(&live(2), &state).is_some());
    }
}
