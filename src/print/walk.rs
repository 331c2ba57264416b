//! The view of `mini-node demo event-loop`: a paced walk through a recorded run, one step per
//! line with the queues drawn under each interesting step (Node's panel, or the browser's), and
//! a plain summary when a runaway script recorded more steps than the walk shows. It prints;
//! the command runs the engine and decides the pace and the exit code.

use std::io::{self, Write};

use colored::Colorize;

use super::compare::BrowserPanel;
use super::run::listing;
use super::trace::{self, TextTrace};
use crate::eventloop::replay::Snapshot;
use crate::eventloop::{Event, Example, Queue, Stream};

/// How many recorded steps the walk shows before it summarises the rest.
pub const WALK_STEPS: usize = 300;

/// The recorded steps of a demo run: the first `cap` in full, the rest counted (a runaway such as
/// an endless nextTick chain records hundreds of thousands of steps), plus the run's ending.
pub struct Walk {
    cap: usize,
    shown: Vec<Event>,
    skipped: u64,
    /// Callbacks run among the skipped steps, by queue.
    skipped_callbacks: Vec<(Queue, u64)>,
    /// The last stderr lines and the exit of the skipped part.
    tail: Vec<Event>,
}

impl Walk {
    pub fn new(cap: usize) -> Self {
        Walk {
            cap,
            shown: Vec::new(),
            skipped: 0,
            skipped_callbacks: Vec::new(),
            tail: Vec::new(),
        }
    }

    /// Record one event of the run.
    pub fn record(&mut self, e: &Event) {
        if self.shown.len() < self.cap {
            self.shown.push(e.clone());
            return;
        }
        self.skipped += 1;
        match e {
            Event::CallbackStart { queue, .. } => {
                match self.skipped_callbacks.iter_mut().find(|(q, _)| q == queue) {
                    Some((_, n)) => *n += 1,
                    None => self.skipped_callbacks.push((*queue, 1)),
                }
            }
            Event::Output {
                stream: Stream::Stderr,
                ..
            }
            | Event::Exit { .. } => {
                if self.tail.len() >= 20 {
                    self.tail.remove(0);
                }
                self.tail.push(e.clone());
            }
            _ => {}
        }
    }

    /// The steps the walk shows, in order.
    pub fn shown(&self) -> &[Event] {
        &self.shown
    }

    /// One plain sentence: how many steps were skipped and why.
    fn skipped_note(&self) -> String {
        let mut note = format!(
            "… {} more recorded steps skipped (the walk shows the first {}).",
            self.skipped, self.cap
        );
        if let Some((queue, n)) = self.skipped_callbacks.iter().max_by_key(|(_, n)| *n) {
            let why = match queue {
                Queue::NextTick => format!(
                    " {n} of them ran nextTick callbacks: the nextTick queue never emptied, so the loop starved (no timer, I/O or setImmediate callback could run)."
                ),
                Queue::Microtask => format!(
                    " {n} of them ran promise jobs: the microtask queue never emptied, so the loop starved (no timer, I/O or setImmediate callback could run)."
                ),
                q => format!(" {n} callbacks ran from the {} queue: the loop kept finding work.", queue_name(*q)),
            };
            note.push_str(&why);
        }
        note
    }
}

fn queue_name(q: Queue) -> &'static str {
    match q {
        Queue::Main => "main script",
        Queue::Timers => "timers",
        Queue::Poll => "poll (I/O)",
        Queue::Check => "check (setImmediate)",
        Queue::Close => "close",
        Queue::NextTick => "nextTick",
        Queue::Microtask => "microtask",
        Queue::Task => "task",
        Queue::AnimationFrame => "animation-frame",
    }
}

/// `--list`: the built-in examples, one a line.
pub fn examples(examples: &[Example], out: &mut dyn Write) -> io::Result<()> {
    for e in examples {
        writeln!(out, "{:<22} {}", e.name.bold(), e.title)?;
    }
    Ok(())
}

/// The walk's title, the script with line numbers, and what happens next.
pub fn header(title: &str, source: &str, timeout_secs: f64, out: &mut dyn Write) -> io::Result<()> {
    writeln!(
        out,
        "{}",
        format!("Event loop walk: {title}").bold().underline()
    )?;
    listing(source, out)?;
    writeln!(out)?;
    writeln!(
        out,
        "{}",
        format!(
            "Running the script and recording its steps (stopped after {timeout_secs} s; change with --timeout SECS) …"
        )
        .dimmed()
    )
}

/// `--step` without a terminal on stdin.
pub fn step_needs_terminal(out: &mut dyn Write) -> io::Result<()> {
    writeln!(
        out,
        "{}",
        "(--step needs a terminal on stdin: reading Enter from the pipe)".dimmed()
    )
}

/// Prints the walk's steps one by one, keeping the queues' state to draw under each.
pub struct WalkView {
    browser: bool,
    steps: usize,
    snap: Snapshot,
    browser_panel: BrowserPanel,
    text: TextTrace,
}

impl WalkView {
    /// `browser`: draw the browser model's queues instead of Node's.
    pub fn new(browser: bool) -> Self {
        WalkView {
            browser,
            steps: 0,
            snap: Snapshot::default(),
            browser_panel: BrowserPanel::new(),
            text: TextTrace::new(),
        }
    }

    /// Take the next step into account and print it; `false` when it has no line of its own
    /// (then the walk does not pause on it).
    pub fn step(&mut self, e: &Event, out: &mut dyn Write) -> io::Result<bool> {
        self.steps += 1;
        self.snap.apply(e);
        self.browser_panel.apply(e);
        let Some(line) = self.text.line(e) else {
            return Ok(false);
        };
        let interesting = !matches!(e, Event::Output { .. } | Event::DrainEnd { .. });
        writeln!(out, "{} {line}", format!("[{:>3}]", self.steps).dimmed())?;
        if interesting && self.browser {
            write!(out, "{}", self.browser_panel.render())?;
        } else if interesting {
            write!(out, "{}", trace::panel(&self.snap))?;
        }
        out.flush()?;
        Ok(true)
    }

    /// After the shown steps: the summary of the skipped ones and the run's ending.
    pub fn ending(&mut self, walk: &Walk, out: &mut dyn Write) -> io::Result<()> {
        if walk.skipped > 0 {
            writeln!(out)?;
            writeln!(out, "{}", walk.skipped_note().yellow().bold())?;
            for e in &walk.tail {
                if let Some(line) = self.text.line(e) {
                    writeln!(out, "{} {line}", "[end]".dimmed())?;
                }
            }
        }
        out.flush()
    }
}
