//! The coloured command-line view of `demo cluster`: one line per engine event
//! (`[  0.105] fork  worker 1 (pid 4242)`), and a summary at the end. It only formats what the
//! engine reports: it starts, kills and counts no process itself, and reads what it needs from the
//! engine's own fold ([`ClusterState`]); only the words are its own. Colour follows
//! `print::init_color` (plain text for NO_COLOR and non-terminals).

use std::collections::BTreeSet;
use std::time::Duration;

use colored::Colorize;

use crate::process::load::REQUESTS_PER_CONNECTION;
use crate::process::{ClusterEvent, ClusterState, Decision, SchedPolicy, Side};

use super::process_line::{
    count, message_line, ms, note, out, signal_text, status_text, tagged, warning_line,
};

/// A duration as the guard's lines show it: `0.1 s` from a second on, `250 ms` below.
fn short(d: Duration) -> String {
    if d >= Duration::from_secs(1) {
        format!("{:.1} s", d.as_secs_f64())
    } else {
        format!("{} ms", d.as_millis())
    }
}

/// The guard's decision in words.
fn decision_text(decision: &Decision) -> String {
    match *decision {
        Decision::Stable { uptime, reset } => format!(
            "up {} (stable){}: fork a replacement now",
            short(uptime),
            if reset { " (back-off reset)" } else { "" }
        ),
        Decision::Unstable {
            uptime,
            min_uptime,
            in_a_row,
            delay,
            capped,
        } => format!(
            "died after {} (< {} min uptime), unstable {in_a_row} in a row: wait {} before re-forking{}",
            short(uptime),
            short(min_uptime),
            short(delay),
            if capped { " (capped)" } else { "" }
        ),
    }
}

/// The cluster's printer: one line per event, given the [`ClusterState`] the event was folded
/// into, and a summary from that state at the end.
#[derive(Default)]
pub struct ClusterPrinter {
    /// When the `served` and `load` lines were printed last (they print at most once a second).
    last_served_print: Option<Duration>,
    last_load_print: Option<Duration>,
    /// Workers whose memory was printed (once each).
    memory_shown: BTreeSet<u32>,
}

impl ClusterPrinter {
    pub fn new() -> Self {
        Self::default()
    }

    /// A line of the view's own (a signal received, a stop).
    pub fn note(&self, text: &str) {
        note(text);
    }

    fn worker(id: u32, pid: u32) -> String {
        format!(
            "worker {} (pid {})",
            id.to_string().bold(),
            pid.to_string().cyan()
        )
    }

    /// Print `event`, already folded into the state (the summary reads the state).
    pub fn print(&mut self, event: &ClusterEvent) {
        let line = match event {
            ClusterEvent::PrimaryStarted {
                pid,
                addr,
                sched,
                at,
            } => tagged(
                *at,
                "primary   ".bold().green(),
                format!(
                    "primary {} on http://{addr}, sched {}",
                    pid.to_string().cyan(),
                    sched_text(*sched)
                ),
            ),
            ClusterEvent::Fork { id, pid, at, .. } => {
                tagged(*at, "fork      ".bold().magenta(), Self::worker(*id, *pid))
            }
            ClusterEvent::Online { id, pid, at } => {
                tagged(*at, "online    ".bold().blue(), Self::worker(*id, *pid))
            }
            ClusterEvent::Listening { id, pid, addr, at } => tagged(
                *at,
                "listening ".bold().green(),
                format!("{} serves http://{addr}", Self::worker(*id, *pid)),
            ),
            ClusterEvent::Disconnect { id, pid, at } => {
                tagged(*at, "disconnect".bold().dimmed(), Self::worker(*id, *pid))
            }
            ClusterEvent::Exit {
                id,
                pid,
                status,
                expected,
                at,
            } => {
                let mut line = tagged(
                    *at,
                    "exit      ".bold().red(),
                    format!("{} {}", Self::worker(*id, *pid), status_text(*status)),
                );
                if !expected {
                    // What the notes' cluster.on('exit') handler prints.
                    line.push_str(&format!("\n{}", format!("{id} exit.").red().bold()));
                }
                line
            }
            ClusterEvent::Guard { id, decision, at } => {
                let tag = if decision.delay().is_zero() {
                    "guard     ".bold().green()
                } else {
                    "guard     ".bold().yellow()
                };
                tagged(
                    *at,
                    tag,
                    format!("worker {id}: {}", decision_text(decision)),
                )
            }
            ClusterEvent::Served { counts, at } => {
                if self
                    .last_served_print
                    .is_some_and(|last| *at < last + Duration::from_secs(1))
                {
                    return;
                }
                self.last_served_print = Some(*at);
                let list: Vec<String> = counts.iter().map(|(id, n)| format!("{id}: {n}")).collect();
                tagged(*at, "served    ".bold().dimmed(), list.join("  "))
            }
            ClusterEvent::Memory { id, rss, at } => {
                if !self.memory_shown.insert(*id) {
                    return;
                }
                tagged(
                    *at,
                    "memory    ".bold().dimmed(),
                    format!("worker {id}: {:.1} MB resident", *rss as f64 / 1_048_576.0),
                )
            }
            ClusterEvent::Load {
                requests,
                errors,
                per_second,
                at,
            } => {
                if self
                    .last_load_print
                    .is_some_and(|last| *at < last + Duration::from_millis(990))
                {
                    return;
                }
                self.last_load_print = Some(*at);
                tagged(
                    *at,
                    "load      ".bold().blue(),
                    format!(
                        "{requests} requests, {errors} errors, {:.0} req/s",
                        per_second
                    ),
                )
            }
            ClusterEvent::Warning { message, at } => warning_line(*at, message),
            ClusterEvent::Killed {
                id,
                pid,
                signal,
                at,
            } => tagged(
                *at,
                "kill      ".bold().red(),
                format!("{} with {}", Self::worker(*id, *pid), signal_text(*signal)),
            ),
            ClusterEvent::Respawned {
                old_id,
                new_id,
                since_exit,
                since_kill,
                at,
            } => {
                let measured = since_kill.unwrap_or(*since_exit);
                tagged(
                    *at,
                    "replaced  ".bold().green(),
                    format!(
                        "worker {new_id} replaces {old_id}: listening {} after the {}",
                        ms(measured).bold(),
                        if since_kill.is_some() { "kill" } else { "exit" }
                    ),
                )
            }
            ClusterEvent::Message {
                id,
                from,
                payload,
                at,
            } => {
                let arrow = match from {
                    Side::Parent => format!("primary → worker {id}"),
                    Side::Child => format!("worker {id} → primary"),
                };
                message_line(*at, &arrow, payload)
            }
            ClusterEvent::Connections { .. } => return,
            ClusterEvent::SchedChanged { sched, at } => tagged(
                *at,
                "sched     ".bold().blue(),
                format!("now {}", sched_text(*sched)),
            ),
        };
        out(&line);
    }

    /// Requests per worker (bars), the load's totals, replacement times, memory.
    pub fn summary(&self, state: &ClusterState) {
        out(&format!("{}", "summary".bold().underline()));
        let total: u64 = state.served.values().sum();
        let max = state.served.values().copied().max().unwrap_or(0).max(1);
        if total > 0 {
            out(&format!(
                "  requests per worker ({} served, as the workers count them{}):",
                total,
                match state.sched {
                    Some(SchedPolicy::Rr) => format!(
                        "; rr: the primary deals each new connection to the next worker, \
                         and the load generator opens a new connection every {} requests, \
                         so each worker's share follows how long it was listening",
                        REQUESTS_PER_CONNECTION
                    ),
                    Some(SchedPolicy::None) => "; none: the kernel chose who accepted, \
                                                so an uneven spread is expected"
                        .to_string(),
                    None => String::new(),
                }
            ));
            for (id, n) in &state.served {
                let width = (*n * 40 / max) as usize;
                let dealt = match state.connections.get(id) {
                    Some(c) => format!("  ({})", count(*c, "connection", "connections")),
                    None => String::new(),
                };
                out(&format!(
                    "  worker {id:>3} {:>9} {:>5.1}% {}{dealt}",
                    n,
                    *n as f64 * 100.0 / total as f64,
                    "█".repeat(width).green()
                ));
            }
        } else {
            out("  no requests served");
        }
        if let Some(load) = state.load {
            let (requests, errors) = (load.requests, load.errors);
            out(&format!(
                "  load generator: {requests} answers received, {errors} errors \
                 (not the workers' total: they report every 100 ms, so a killed worker's \
                 last requests are missing there, and it also counts other clients)"
            ));
        }
        if !state.respawns.is_empty() {
            let mut sorted = state.respawns.clone();
            sorted.sort();
            out(&format!(
                "  replacements: {} (kill → replacement listening: median {}, max {})",
                sorted.len(),
                ms(sorted[sorted.len() / 2]),
                ms(sorted[sorted.len() - 1])
            ));
        }
        if let Some(max) = state.memory.values().max() {
            out(&format!(
                "  worker memory: up to {:.1} MB resident",
                *max as f64 / 1_048_576.0
            ));
        }
    }
}

fn sched_text(sched: SchedPolicy) -> String {
    match sched {
        SchedPolicy::Rr => format!(
            "{} (the primary accepts and passes each connection to the next worker)",
            SchedPolicy::Rr.name().bold()
        ),
        SchedPolicy::None => format!(
            "{} (every worker accepts on the shared socket; the kernel picks)",
            SchedPolicy::None.name().bold()
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_guard_decision_in_words() {
        let ms = Duration::from_millis;
        assert_eq!(
            decision_text(&Decision::Stable {
                uptime: ms(2500),
                reset: true
            }),
            "up 2.5 s (stable) (back-off reset): fork a replacement now"
        );
        assert_eq!(
            decision_text(&Decision::Unstable {
                uptime: ms(30),
                min_uptime: ms(1000),
                in_a_row: 6,
                delay: ms(3200),
                capped: true
            }),
            "died after 30 ms (< 1.0 s min uptime), unstable 6 in a row: wait 3.2 s before re-forking (capped)"
        );
    }
}
