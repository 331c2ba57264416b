//! The views of `mini-node run`: the script's output on stdout/stderr exactly as node prints it,
//! the `--trace` timeline (text or JSON lines) on stderr, the `--explore` list of orders, and the
//! page of `demo event-loop --compare`. They print what the engine reported; they run nothing and
//! choose no exit code.

use std::collections::HashMap;
use std::io::{self, Stderr, StdoutLock, Write};

use colored::Colorize;

use super::compare::side_by_side;
use super::trace::{self, TextTrace};
use crate::cli::TraceFormat;
use crate::eventloop::compare::Comparison;
use crate::eventloop::{Branch, Event, Stream};
use crate::process::trace::Origin;

/// Prints a run's events as they come: output lines to stdout/stderr, and with `--trace` every
/// step on stderr (stdout is flushed first, so a terminal shows both in order).
pub struct RunPrinter {
    stdout: StdoutLock<'static>,
    stderr: Stderr,
    format: Option<TraceFormat>,
    text: TextTrace,
    /// This process, for the `pid` and `role` of each JSON line.
    origin: Origin,
}

impl RunPrinter {
    pub fn new(format: Option<TraceFormat>) -> Self {
        RunPrinter {
            stdout: io::stdout().lock(),
            stderr: io::stderr(),
            format,
            text: TextTrace::new(),
            origin: Origin::this_process(),
        }
    }

    /// Print one event. A closed stdout or stderr is ignored, as node keeps running then.
    pub fn event(&mut self, e: &Event) {
        if let Event::Output { stream, text } = e {
            let _ = match stream {
                Stream::Stdout => self.stdout.write_all(text.as_bytes()),
                Stream::Stderr => {
                    let _ = self.stdout.flush();
                    self.stderr.write_all(text.as_bytes())
                }
            };
        }
        match self.format {
            Some(TraceFormat::Json) => {
                let _ = self.stdout.flush();
                let _ = writeln!(self.stderr, "{}", trace::json_line_of(&self.origin, e));
            }
            Some(TraceFormat::Text) => {
                if let Some(line) = self.text.line(e) {
                    let _ = self.stdout.flush();
                    let _ = writeln!(self.stderr, "{line}");
                }
            }
            None => {}
        }
    }

    /// Flush what is left of stdout (the run is over).
    pub fn finish(&mut self) {
        let _ = self.stdout.flush();
    }
}

/// The trace of the other processes a traced program started (its children, cluster workers and
/// theirs), printed on stderr as their events arrive: JSON lines with their `pid` and `role`, or
/// text lines behind a tag naming the process (each process's nesting kept apart).
pub struct RemoteTrace {
    format: TraceFormat,
    texts: HashMap<u32, TextTrace>,
}

impl RemoteTrace {
    pub fn new(format: TraceFormat) -> Self {
        RemoteTrace {
            format,
            texts: HashMap::new(),
        }
    }

    /// Print one event of another process.
    pub fn event(&mut self, origin: &Origin, e: &Event) {
        let line = match self.format {
            TraceFormat::Json => Some(trace::json_line_of(origin, e)),
            TraceFormat::Text => self
                .texts
                .entry(origin.pid)
                .or_default()
                .line(e)
                .map(|l| format!("{} {l}", trace::origin_tag(origin))),
        };
        if let Some(line) = line {
            // one write per line, so lines of different processes never mix
            let _ = io::stderr().write_all(format!("{line}\n").as_bytes());
        }
        if matches!(e, Event::Exit { .. }) {
            self.texts.remove(&origin.pid);
        }
    }
}

/// `run --explore`: every order, with why it happens, its output and a non-zero exit code.
pub fn explored(branches: &[Branch], out: &mut dyn Write) -> io::Result<()> {
    let n = branches.len();
    for (k, b) in branches.iter().enumerate() {
        writeln!(
            out,
            "{} {}",
            format!("=== order {} of {n}:", k + 1).bold(),
            b.reason
        )?;
        for (stream, line) in &b.outcome.output {
            match stream {
                Stream::Stdout => writeln!(out, "{line}")?,
                Stream::Stderr => writeln!(out, "{}", line.red())?,
            }
        }
        if b.outcome.exit_code != 0 {
            writeln!(
                out,
                "{}",
                format!("(exit code {})", b.outcome.exit_code).dimmed()
            )?;
        }
    }
    Ok(())
}

/// A script with dimmed line numbers, as the demos show it before running it.
pub fn listing(source: &str, out: &mut dyn Write) -> io::Result<()> {
    for (i, line) in source.lines().enumerate() {
        writeln!(out, "{} {}", format!("{:>3} │", i + 1).dimmed(), line)?;
    }
    Ok(())
}

/// `demo event-loop --compare`: the snippet, then its runs under Node's loop and the browser's
/// side by side.
pub fn comparison(
    title: &str,
    source: &str,
    c: &Comparison,
    out: &mut dyn Write,
) -> io::Result<()> {
    writeln!(
        out,
        "{}",
        format!("Node vs browser event loop: {title}")
            .bold()
            .underline()
    )?;
    listing(source, out)?;
    writeln!(out)?;
    write!(out, "{}", side_by_side(c))
}
