//! The coloured command-line view of the fork and cluster demos: one line per engine event
//! (`[  0.105] fork  child 4242 for request #1`), and a summary at the end. It only formats what the
//! engines report (a view): it starts, kills and counts no process itself, and reads what it needs
//! from the engines' own folds ([`ClusterState`], [`ForkState`]); only the words are its own.
//! Colour follows `print::init_color` (plain text for NO_COLOR and non-terminals).

use std::collections::BTreeSet;
use std::io::Write;
use std::time::Duration;

use colored::Colorize;

use crate::process::load::REQUESTS_PER_CONNECTION;
use crate::process::{
    signal_name, ClusterEvent, ClusterState, Decision, ExitStatus, ForkEvent, ForkState,
    SchedPolicy, Side,
};

fn stamp(at: Duration) -> String {
    format!("[{:>8.3}]", at.as_secs_f64()).dimmed().to_string()
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

fn out(line: &str) {
    let mut stdout = std::io::stdout().lock();
    let _ = writeln!(stdout, "{line}");
    let _ = stdout.flush();
}

/// A signal by name (`SIGKILL`), or `signal 42` for a number that names none.
fn signal_text(signal: i32) -> String {
    signal_name(signal).map_or_else(|| format!("signal {signal}"), str::to_string)
}

fn status_text(status: ExitStatus) -> String {
    match status {
        ExitStatus::Code(code) => format!("code {code}"),
        ExitStatus::Signal(sig) => format!("killed by {}", signal_text(sig)),
    }
}

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
        out(&format!("{} {}", "note".bold().yellow(), text));
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
                let mut text = format!(
                    "{} {} parent {} listening on http://{addr}  (GET /get-data forks a child; Ctrl-C stops)\n{}",
                    stamp(*at),
                    "server is running".green().bold(),
                    parent_pid.to_string().cyan(),
                    "           try: curl http://".dimmed().to_string() + &format!("{addr}/get-data").dimmed().to_string()
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
            } => format!(
                "{} {} #{request} {method} {path}",
                stamp(*at),
                "request   ".bold().blue()
            ),
            ForkEvent::Forked { pid, request, at } => format!(
                "{} {} child {} {}",
                stamp(*at),
                "fork      ".bold().magenta(),
                pid.to_string().cyan(),
                match request {
                    Some(r) => format!("for request #{r}"),
                    None => "(forked directly)".to_string(),
                }
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
                format!(
                    "{} {} {who} → {to}: {}",
                    stamp(*at),
                    "message   ".bold().green(),
                    payload.to_string().yellow()
                )
            }
            ForkEvent::Disconnect { pid, at } => format!(
                "{} {} child {pid}: IPC channel closed",
                stamp(*at),
                "disconnect".bold().dimmed()
            ),
            ForkEvent::Exit { pid, status, at } => format!(
                "{} {} child {pid} {}",
                stamp(*at),
                "exit      ".bold().red(),
                status_text(*status)
            ),
            ForkEvent::Close { pid, at } => format!(
                "{} {} child {pid}: stdio and channel closed",
                stamp(*at),
                "close     ".bold().dimmed()
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
                format!(
                    "{} {} #{request} {status_text} {:?} in {}",
                    stamp(*at),
                    "answer    ".bold().blue(),
                    body,
                    ms(*latency)
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
                format!("{} {} {count_text}", stamp(*at), "live children".dimmed())
            }
            ForkEvent::Warning { message, at } => {
                format!("{} {} {message}", stamp(*at), "warning   ".bold().yellow())
            }
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

    pub fn note(&self, text: &str) {
        out(&format!("{} {}", "note".bold().yellow(), text));
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
            } => {
                format!(
                    "{} {} primary {} on http://{addr}, sched {}",
                    stamp(*at),
                    "primary   ".bold().green(),
                    pid.to_string().cyan(),
                    sched_text(*sched)
                )
            }
            ClusterEvent::Fork { id, pid, at, .. } => {
                format!(
                    "{} {} {}",
                    stamp(*at),
                    "fork      ".bold().magenta(),
                    Self::worker(*id, *pid)
                )
            }
            ClusterEvent::Online { id, pid, at } => format!(
                "{} {} {}",
                stamp(*at),
                "online    ".bold().blue(),
                Self::worker(*id, *pid)
            ),
            ClusterEvent::Listening { id, pid, addr, at } => format!(
                "{} {} {} serves http://{addr}",
                stamp(*at),
                "listening ".bold().green(),
                Self::worker(*id, *pid)
            ),
            ClusterEvent::Disconnect { id, pid, at } => format!(
                "{} {} {}",
                stamp(*at),
                "disconnect".bold().dimmed(),
                Self::worker(*id, *pid)
            ),
            ClusterEvent::Exit {
                id,
                pid,
                status,
                expected,
                at,
            } => {
                let mut line = format!(
                    "{} {} {} {}",
                    stamp(*at),
                    "exit      ".bold().red(),
                    Self::worker(*id, *pid),
                    status_text(*status)
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
                format!(
                    "{} {} worker {id}: {}",
                    stamp(*at),
                    tag,
                    decision_text(decision)
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
                format!(
                    "{} {} {}",
                    stamp(*at),
                    "served    ".bold().dimmed(),
                    list.join("  ")
                )
            }
            ClusterEvent::Memory { id, rss, at } => {
                if !self.memory_shown.insert(*id) {
                    return;
                }
                format!(
                    "{} {} worker {id}: {:.1} MB resident",
                    stamp(*at),
                    "memory    ".bold().dimmed(),
                    *rss as f64 / 1_048_576.0
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
                format!(
                    "{} {} {requests} requests, {errors} errors, {:.0} req/s",
                    stamp(*at),
                    "load      ".bold().blue(),
                    per_second
                )
            }
            ClusterEvent::Warning { message, at } => {
                format!("{} {} {message}", stamp(*at), "warning   ".bold().yellow())
            }
            ClusterEvent::Killed {
                id,
                pid,
                signal,
                at,
            } => format!(
                "{} {} {} with {}",
                stamp(*at),
                "kill      ".bold().red(),
                Self::worker(*id, *pid),
                signal_text(*signal)
            ),
            ClusterEvent::Respawned {
                old_id,
                new_id,
                since_exit,
                since_kill,
                at,
            } => {
                let measured = since_kill.unwrap_or(*since_exit);
                format!(
                    "{} {} worker {new_id} replaces {old_id}: listening {} after the {}",
                    stamp(*at),
                    "replaced  ".bold().green(),
                    ms(measured).bold(),
                    if since_kill.is_some() { "kill" } else { "exit" }
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
                format!(
                    "{} {} {arrow}: {}",
                    stamp(*at),
                    "message   ".bold().green(),
                    payload.to_string().yellow()
                )
            }
            ClusterEvent::Connections { .. } => return,
            ClusterEvent::SchedChanged { sched, at } => {
                format!(
                    "{} {} now {}",
                    stamp(*at),
                    "sched     ".bold().blue(),
                    sched_text(*sched)
                )
            }
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

/// `1 connection`, `2 connections`.
fn count(n: u64, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
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

    #[test]
    fn counts_agree_with_their_number() {
        assert_eq!(count(1, "connection", "connections"), "1 connection");
        assert_eq!(count(0, "connection", "connections"), "0 connections");
        assert_eq!(count(32, "connection", "connections"), "32 connections");
    }
}
