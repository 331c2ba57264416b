//! The event-loop timeline as text: the coloured, human-readable trace of `mini-node run --trace`,
//! its NDJSON form (`--trace=json`), and the paced panel of `mini-node demo event-loop`.
//!
//! A view only: it formats [`Event`]s and [`Snapshot`]s and never runs or schedules anything.

use std::fmt::Write as _;

use colored::Colorize;

use crate::eventloop::replay::{Snapshot, Waiting};
use crate::eventloop::{Event, Phase, Queue, Stream};
use crate::process::trace::{Origin, Role};

/// The phases in libuv's order.
pub const PHASES: [Phase; 6] = [
    Phase::Timers,
    Phase::PendingCallbacks,
    Phase::IdlePrepare,
    Phase::Poll,
    Phase::Check,
    Phase::CloseCallbacks,
];

fn ms(t: f64) -> String {
    if t.fract() == 0.0 {
        format!("{t:.0} ms")
    } else {
        format!("{t:.3} ms")
    }
}

/// One event as an NDJSON line (no trailing newline).
pub fn json_line(e: &Event) -> String {
    serde_json::to_string(e)
        .unwrap_or_else(|err| format!("{{\"event\":\"error\",\"message\":\"{err}\"}}"))
}

/// One event of the process `origin` as an NDJSON line: `pid` and `role` (and a cluster
/// worker's or thread's `id`) beside the event's own fields.
pub fn json_line_of(origin: &Origin, e: &Event) -> String {
    #[derive(serde::Serialize)]
    struct Tagged<'a> {
        #[serde(flatten)]
        origin: &'a Origin,
        #[serde(flatten)]
        event: &'a Event,
    }
    serde_json::to_string(&Tagged { origin, event: e })
        .unwrap_or_else(|err| format!("{{\"event\":\"error\",\"message\":\"{err}\"}}"))
}

/// The tag before each text trace line of another process: `[child 4242]`,
/// `[worker 1 · 4242]`, `[thread 1]`.
pub fn origin_tag(origin: &Origin) -> String {
    let tag = match (origin.role, origin.id) {
        (Role::Main, _) => format!("[main {}]", origin.pid),
        (Role::Child, _) => format!("[child {}]", origin.pid),
        (Role::Worker, Some(id)) => format!("[worker {id} · {}]", origin.pid),
        (Role::Worker, None) => format!("[worker · {}]", origin.pid),
        (Role::Thread, Some(id)) => format!("[thread {id}]"),
        (Role::Thread, None) => "[thread]".to_string(),
    };
    tag.magenta().to_string()
}

/// The text timeline: keeps the nesting (callbacks inside drains) to indent lines.
#[derive(Debug, Default)]
pub struct TextTrace {
    depth: usize,
}

impl TextTrace {
    pub fn new() -> Self {
        TextTrace::default()
    }

    /// The line(s) for one event, or `None` for events the timeline folds away.
    pub fn line(&mut self, e: &Event) -> Option<String> {
        let pad = "  ".repeat(self.depth + 1);
        let s = match e {
            Event::ScriptStart { file } => format!("{} {}", "▶ main script".bold(), file.dimmed()),
            Event::LoopIteration { iteration, at_ms } => {
                self.depth = 0;
                format!(
                    "{}",
                    format!("── loop iteration {iteration} ── at {} ──", ms(*at_ms))
                        .bold()
                        .blue()
                )
            }
            Event::PhaseEnter { phase, at_ms } => {
                self.depth = 0;
                format!(
                    " {} {} {}",
                    "●".cyan(),
                    phase.label().cyan().bold(),
                    format!("({})", ms(*at_ms)).dimmed()
                )
            }
            Event::Enqueue {
                queue,
                label,
                due_ms,
                ..
            } => {
                let due = due_ms
                    .map(|d| format!(", due at {}", ms(d)))
                    .unwrap_or_default();
                format!(
                    "{pad}{} {} {}{}",
                    "+".green(),
                    queue.label().green(),
                    label,
                    due.dimmed()
                )
            }
            Event::Cancel { id, queue } => {
                format!("{pad}{} {} #{id}", "×".red(), queue.label().red())
            }
            Event::CallbackStart { queue, label, .. } => {
                let line = format!(
                    "{pad}{} {} {}",
                    "→".yellow().bold(),
                    label.yellow(),
                    format!("[{}]", queue.label()).dimmed()
                );
                self.depth += 1;
                line
            }
            Event::CallbackEnd { .. } => {
                self.depth = self.depth.saturating_sub(1);
                return None;
            }
            Event::DrainStart { queue } => {
                format!(
                    "{pad}{} draining {}",
                    "↻".magenta(),
                    queue.label().magenta()
                )
            }
            Event::DrainEnd { queue, ran } => {
                format!(
                    "{pad}{} {} empty ({ran} ran)",
                    "✓".magenta(),
                    queue.label().magenta()
                )
            }
            Event::ClockAdvance { from_ms, to_ms } => format!(
                "  {} {}",
                "⏱".dimmed(),
                format!(
                    "nothing to run: time passes {} → {}",
                    ms(*from_ms),
                    ms(*to_ms)
                )
                .dimmed()
            ),
            Event::Output { stream, text } => {
                let who = match stream {
                    Stream::Stdout => "stdout",
                    Stream::Stderr => "stderr",
                };
                let body = text
                    .strip_suffix('\n')
                    .unwrap_or(text)
                    .replace('\n', &format!("\n{pad}    "));
                format!(
                    "{pad}{} {}",
                    format!("{who}:").dimmed(),
                    body.white().bold()
                )
            }
            Event::Message {
                sent,
                peer,
                payload,
            } => {
                let (arrow, way) = if *sent {
                    ("⇢", format!("message to {peer}:"))
                } else {
                    ("⇠", format!("message from {peer}:"))
                };
                format!("{pad}{} {} {}", arrow.cyan(), way.cyan(), payload.bold())
            }
            Event::Exit { code, reason } => {
                self.depth = 0;
                format!(
                    "{} {}",
                    format!("■ exit {code}").bold(),
                    format!("({reason})").dimmed()
                )
            }
        };
        Some(s)
    }
}

/// The demo's panel: the phase ring with the current phase lit, then every non-empty queue.
pub fn panel(s: &Snapshot) -> String {
    let mut out = String::new();
    let phases = PHASES.map(|p| (p, p.label()));
    let _ = writeln!(
        out,
        "  iteration {} · {} · {}",
        s.iteration,
        ms(s.now_ms),
        ring(&phases, s.phase)
    );
    let keys = [
        (Queue::Timers, "timers    "),
        (Queue::Poll, "poll (I/O)"),
        (Queue::Check, "check     "),
        (Queue::Close, "close     "),
        (Queue::NextTick, "nextTick  "),
        (Queue::Microtask, "microtasks"),
    ];
    let rows = keys.map(|(k, name)| (name, s.queues.get(&k).map(|v| v.as_slice()).unwrap_or(&[])));
    queue_rows(&mut out, &rows, &s.stack, ms);
    out
}

/// A loop's steps in a ring, the current one lit: `timers → [POLL] → check`.
pub(crate) fn ring(steps: &[(Phase, &str)], lit: Option<Phase>) -> String {
    let names: Vec<String> = steps
        .iter()
        .map(|(p, name)| {
            if lit == Some(*p) {
                format!("[{}]", name.to_uppercase())
                    .black()
                    .on_cyan()
                    .bold()
                    .to_string()
            } else {
                name.dimmed().to_string()
            }
        })
        .collect();
    names.join(&" → ".dimmed().to_string())
}

/// One line per queue (`name` then its callbacks, or `·` when empty), then the call stack.
pub(crate) fn queue_rows(
    out: &mut String,
    rows: &[(&str, &[Waiting])],
    stack: &[String],
    ms: fn(f64) -> String,
) {
    for (name, items) in rows {
        let shown: Vec<String> = items
            .iter()
            .map(|w| match w.due_ms {
                Some(d) => format!("{} @{}", w.label, ms(d)),
                None => w.label.clone(),
            })
            .collect();
        let body = if shown.is_empty() {
            "·".dimmed().to_string()
        } else {
            shown.join(" | ").green().to_string()
        };
        let _ = writeln!(out, "  {} {}", name.bold(), body);
    }
    if !stack.is_empty() {
        let _ = writeln!(
            out,
            "  {} {}",
            "stack     ".bold(),
            stack.join(" > ").yellow()
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eventloop::Queue;

    #[test]
    fn messages_and_other_processes_are_named() {
        colored::control::set_override(false);
        let e = Event::Message {
            sent: true,
            peer: "child 4242".into(),
            payload: "\"start...\"".into(),
        };
        let line = TextTrace::new().line(&e).expect("a line");
        assert_eq!(line, "  ⇢ message to child 4242: \"start...\"");
        let origin = Origin {
            pid: 7,
            role: Role::Worker,
            id: Some(2),
        };
        assert_eq!(origin_tag(&origin), "[worker 2 · 7]");
        assert_eq!(
            json_line_of(&origin, &Event::CallbackEnd { id: 3 }),
            r#"{"pid":7,"role":"worker","worker_id":2,"event":"callback_end","id":3}"#
        );
    }

    #[test]
    fn json_lines_are_tagged() {
        let e = Event::PhaseEnter {
            phase: Phase::Check,
            at_ms: 1.0,
        };
        assert_eq!(
            json_line(&e),
            r#"{"event":"phase_enter","phase":"check","at_ms":1.0}"#
        );
    }

    #[test]
    fn text_lines_nest_inside_callbacks() {
        colored::control::set_override(false);
        let mut t = TextTrace::new();
        let start = Event::CallbackStart {
            id: 1,
            queue: Queue::Timers,
            label: "setTimeout at line 1".into(),
            line: Some(1),
        };
        assert_eq!(t.line(&start).unwrap(), "  → setTimeout at line 1 [timers]");
        let out = Event::Output {
            stream: Stream::Stdout,
            text: "hi\n".into(),
        };
        assert_eq!(t.line(&out).unwrap(), "    stdout: hi");
        assert!(t.line(&Event::CallbackEnd { id: 1 }).is_none());
    }
}
