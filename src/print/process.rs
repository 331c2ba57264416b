//! The coloured command-line view of the fork and cluster demos: one line per engine event
//! (`[  0.105] fork  child 4242 for request #1`), and a summary at the end. It only formats what the
//! engines report (a view): it starts, kills and counts no process itself. Colour follows
//! `print::init_color` (plain text for NO_COLOR and non-terminals).

use std::collections::BTreeMap;
use std::io::Write;
use std::time::Duration;

use colored::Colorize;

use crate::process::spawn::signal_name;
use crate::process::{ClusterEvent, ExitStatus, ForkEvent, SchedPolicy, Side};

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

fn status_text(status: ExitStatus) -> String {
    match status {
        ExitStatus::Code(code) => format!("code {code}"),
        ExitStatus::Signal(sig) => format!("killed by {}", signal_name(sig)),
    }
}

/// Numbers for `demo fork --requests N`.
#[derive(Debug, Default)]
pub struct ForkSummary {
    pub requests: usize,
    pub latencies: Vec<Duration>,
    pub ok: usize,
    pub live_before: usize,
    pub live_after: usize,
    pub forked: usize,
    /// When each child was forked, and how long it lived (fork → answer → exit, reaped).
    forked_at: BTreeMap<u32, Duration>,
    pub lifetimes: Vec<Duration>,
}

impl ForkSummary {
    pub fn new(requests: usize) -> Self {
        ForkSummary {
            requests,
            ..Default::default()
        }
    }

    /// Take what the summary needs from an event.
    pub fn record(&mut self, event: &ForkEvent) {
        match event {
            ForkEvent::Response {
                status, latency, ..
            } => {
                self.latencies.push(*latency);
                if *status == 200 {
                    self.ok += 1;
                }
            }
            ForkEvent::Forked { pid, at, .. } => {
                self.forked += 1;
                self.forked_at.insert(*pid, *at);
            }
            ForkEvent::Exit { pid, at, .. } => {
                if let Some(start) = self.forked_at.remove(pid) {
                    self.lifetimes.push(at.saturating_sub(start));
                }
            }
            _ => {}
        }
    }
}

/// The fork demo's printer.
pub struct ForkPrinter {
    as_written: bool,
    parent: u32,
    /// The live-children count printed last: an unchanged count is not printed again.
    last_live: Option<usize>,
}

impl ForkPrinter {
    pub fn new(as_written: bool) -> Self {
        ForkPrinter {
            as_written,
            parent: std::process::id(),
            last_live: None,
        }
    }

    /// A line of the view's own (a signal received, a stop).
    pub fn note(&self, text: &str) {
        out(&format!("{} {}", "note".bold().yellow(), text));
    }

    pub fn print(&mut self, event: &ForkEvent) {
        if let Some(line) = self.line(event) {
            out(&line);
        }
    }

    /// The line an event prints, if any.
    fn line(&mut self, event: &ForkEvent) -> Option<String> {
        let line = match event {
            ForkEvent::Listening {
                addr,
                parent_pid,
                as_written,
                at,
            } => {
                self.parent = *parent_pid;
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
                    Side::Parent => (format!("parent {}", self.parent), format!("child {pid}")),
                    Side::Child => (format!("child {pid}"), format!("parent {}", self.parent)),
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

    pub fn summary(&self, s: &ForkSummary) {
        let mut sorted = s.latencies.clone();
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
            s.ok,
            count(s.forked as u64, "child", "children")
        ));
        out(&format!(
            "  latency      min {}  median {}  mean {}  max {}",
            pick(0.0),
            pick(0.5),
            mean,
            pick(1.0)
        ));
        if !s.lifetimes.is_empty() {
            let mut lives = s.lifetimes.clone();
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

/// The cluster's printer; it also remembers what the summary needs.
pub struct ClusterPrinter {
    live: BTreeMap<u32, u32>,
    served: BTreeMap<u32, u64>,
    dealt: BTreeMap<u32, u64>,
    memory: BTreeMap<u32, u64>,
    respawns: Vec<Duration>,
    last_served_print: Option<Duration>,
    last_load_print: Option<Duration>,
    load: Option<(u64, u64)>,
    sched: Option<SchedPolicy>,
    exits: usize,
}

impl Default for ClusterPrinter {
    fn default() -> Self {
        Self::new()
    }
}

impl ClusterPrinter {
    pub fn new() -> Self {
        ClusterPrinter {
            live: BTreeMap::new(),
            served: BTreeMap::new(),
            dealt: BTreeMap::new(),
            memory: BTreeMap::new(),
            respawns: Vec::new(),
            last_served_print: None,
            last_load_print: None,
            load: None,
            sched: None,
            exits: 0,
        }
    }

    /// Ids of the workers alive now (as far as the events said).
    pub fn live_workers(&self) -> Vec<u32> {
        self.live.keys().copied().collect()
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

    pub fn print(&mut self, event: &ClusterEvent) {
        let line = match event {
            ClusterEvent::PrimaryStarted {
                pid,
                addr,
                sched,
                at,
            } => {
                self.sched = Some(*sched);
                format!(
                    "{} {} primary {} on http://{addr}, sched {}",
                    stamp(*at),
                    "primary   ".bold().green(),
                    pid.to_string().cyan(),
                    sched_text(*sched)
                )
            }
            ClusterEvent::Fork { id, pid, at } => {
                self.live.insert(*id, *pid);
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
                self.live.remove(id);
                self.exits += 1;
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
            ClusterEvent::Guard {
                id,
                decision,
                delay,
                at,
            } => {
                let tag = if delay.is_zero() {
                    "guard     ".bold().green()
                } else {
                    "guard     ".bold().yellow()
                };
                format!("{} {} worker {id}: {decision}", stamp(*at), tag)
            }
            ClusterEvent::Served { counts, at } => {
                for (id, n) in counts {
                    self.served.insert(*id, *n);
                }
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
                let first = self.memory.insert(*id, *rss).is_none();
                if !first {
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
                self.load = Some((*requests, *errors));
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
                signal_name(*signal)
            ),
            ClusterEvent::Respawned {
                old_id,
                new_id,
                since_exit,
                since_kill,
                at,
            } => {
                let measured = since_kill.unwrap_or(*since_exit);
                self.respawns.push(measured);
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
            ClusterEvent::Connections { counts, .. } => {
                for (id, n) in counts {
                    self.dealt.insert(*id, *n);
                }
                return;
            }
            ClusterEvent::SchedChanged { sched, at } => {
                self.sched = Some(*sched);
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
    pub fn summary(&self) {
        out(&format!("{}", "summary".bold().underline()));
        let total: u64 = self.served.values().sum();
        let max = self.served.values().copied().max().unwrap_or(0).max(1);
        if total > 0 {
            out(&format!(
                "  requests per worker ({} served, as the workers count them{}):",
                total,
                match self.sched {
                    Some(SchedPolicy::Rr) => format!(
                        "; rr: the primary deals each new connection to the next worker, \
                         and the load generator opens a new connection every {} requests, \
                         so each worker's share follows how long it was listening",
                        crate::process::load::REQUESTS_PER_CONNECTION
                    ),
                    Some(SchedPolicy::None) => "; none: the kernel chose who accepted, \
                                                so an uneven spread is expected"
                        .to_string(),
                    None => String::new(),
                }
            ));
            for (id, n) in &self.served {
                let width = (*n * 40 / max) as usize;
                let dealt = match self.dealt.get(id) {
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
        if let Some((requests, errors)) = self.load {
            out(&format!(
                "  load generator: {requests} answers received, {errors} errors \
                 (not the workers' total: they report every 100 ms, so a killed worker's \
                 last requests are missing there, and it also counts other clients)"
            ));
        }
        if !self.respawns.is_empty() {
            let mut sorted = self.respawns.clone();
            sorted.sort();
            out(&format!(
                "  replacements: {} (kill → replacement listening: median {}, max {})",
                sorted.len(),
                ms(sorted[sorted.len() / 2]),
                ms(sorted[sorted.len() - 1])
            ));
        }
        if let Some(max) = self.memory.values().max() {
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
            "rr".bold()
        ),
        SchedPolicy::None => format!(
            "{} (every worker accepts on the shared socket; the kernel picks)",
            "none".bold()
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
        let live = |count| ForkEvent::LiveChildren {
            count,
            at: Duration::from_millis(5),
        };
        assert!(printer.line(&live(1)).is_some());
        assert!(printer.line(&live(0)).is_some());
        assert_eq!(printer.line(&live(0)), None);
        assert!(printer.line(&live(2)).is_some());
    }

    #[test]
    fn counts_agree_with_their_number() {
        assert_eq!(count(1, "connection", "connections"), "1 connection");
        assert_eq!(count(0, "connection", "connections"), "0 connections");
        assert_eq!(count(32, "connection", "connections"), "32 connections");
    }
}
