//! The browser views of `mini-node demo event-loop`: the side-by-side comparison of a snippet's
//! output under Node's loop and the browser's (`--compare`), and the browser model's panel for
//! the paced walk (`--browser`).
//!
//! A view only: it formats a [`Comparison`] and replays [`Event`]s; it runs nothing itself.

use std::fmt::Write as _;

use colored::Colorize;

use crate::eventloop::compare::{Comparison, LineMark};
use crate::eventloop::replay::Waiting;
use crate::eventloop::{Event, Phase, Queue, Stream};

use super::trace;

const NODE_HEADER: &str = "Node v20 (mini-node run)";
const BROWSER_HEADER: &str = "Browser (mini-node run --browser)";
/// What a row spends besides its two columns: `M ` + ` │ ` + `M `.
const GUTTER: usize = 7;
/// The narrowest a column gets, however small the terminal.
const MIN_COLUMN: usize = 12;

/// The terminal's width when stdout is one (`COLUMNS` wins, as with other tools); `None` when
/// the output goes to a file or a pipe, where nothing needs wrapping.
pub fn terminal_width() -> Option<usize> {
    if let Some(n) = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<usize>().ok())
        .filter(|n| *n > 0)
    {
        return Some(n);
    }
    use std::io::IsTerminal;
    if !std::io::stdout().is_terminal() {
        return None;
    }
    crossterm::terminal::size()
        .ok()
        .map(|(w, _)| usize::from(w))
        .filter(|w| *w > 0)
}

fn pad(s: &str, width: usize) -> String {
    let n = s.chars().count();
    format!("{s}{}", " ".repeat(width.saturating_sub(n)))
}

/// A header cut with `…` when its column is narrower than it.
fn cut(s: &str, width: usize) -> String {
    if s.chars().count() <= width {
        pad(s, width)
    } else {
        let head: String = s.chars().take(width.saturating_sub(1)).collect();
        format!("{head}…")
    }
}

/// An output line wrapped into pieces of at most `width` characters: nothing is ever dropped.
fn wrap(s: &str, width: usize) -> Vec<String> {
    let chars: Vec<char> = s.chars().collect();
    if chars.is_empty() {
        return vec![String::new()];
    }
    chars
        .chunks(width.max(1))
        .map(|c| c.iter().collect())
        .collect()
}

/// The symbol of a mark: never colour alone (NO_COLOR and colour-blind readers).
fn symbol(m: LineMark) -> &'static str {
    match m {
        LineMark::Same => " ",
        LineMark::Moved => "≠",
        LineMark::Only => "+",
    }
}

/// A cell's rows: the mark and the line, wrapped to `width`.
fn cell(line: Option<&(Stream, String)>, mark: Option<LineMark>, width: usize) -> Vec<String> {
    let Some((stream, text)) = line else {
        return vec![format!("  {}", " ".repeat(width))];
    };
    let mark = mark.unwrap_or(LineMark::Same);
    let sym = match mark {
        LineMark::Same => symbol(mark).to_string(),
        LineMark::Moved => symbol(mark).yellow().bold().to_string(),
        LineMark::Only => symbol(mark).magenta().bold().to_string(),
    };
    wrap(text, width)
        .into_iter()
        .enumerate()
        .map(|(k, piece)| {
            let body = pad(&piece, width);
            let body = match (mark, stream) {
                (LineMark::Moved, _) => body.yellow().bold().to_string(),
                (LineMark::Only, _) => body.magenta().bold().to_string(),
                (LineMark::Same, Stream::Stderr) => body.red().to_string(),
                (LineMark::Same, Stream::Stdout) => body,
            };
            let sym = if k == 0 { sym.clone() } else { " ".into() };
            format!("{sym} {body}")
        })
        .collect()
}

/// The two outputs side by side, each line marked when its order differs (`≠`) or when only one
/// model prints it (`+`), with a legend and a count. Columns are sized for the terminal
/// ([`terminal_width`]).
pub fn side_by_side(c: &Comparison) -> String {
    side_by_side_in(c, terminal_width())
}

/// [`side_by_side`] for a screen `total` characters wide (`None`: no limit). Each column gets
/// half the width less the gutter; longer lines wrap onto more rows, never cut.
pub fn side_by_side_in(c: &Comparison, total: Option<usize>) -> String {
    let mut out = String::new();
    let longest = c
        .node
        .output
        .iter()
        .chain(c.browser.output.iter())
        .map(|(_, l)| l.chars().count())
        .max()
        .unwrap_or(0)
        .max(NODE_HEADER.chars().count());
    let width = match total {
        Some(t) => longest.min((t.saturating_sub(GUTTER) / 2).max(MIN_COLUMN)),
        None => longest,
    };
    let bar = "│".dimmed();
    let _ = writeln!(
        out,
        "  {} {bar}   {}",
        cut(NODE_HEADER, width).bold(),
        match total {
            Some(t) => cut(BROWSER_HEADER, t.saturating_sub(width + 7).max(MIN_COLUMN)),
            None => BROWSER_HEADER.to_string(),
        }
        .trim_end()
        .bold()
    );
    let _ = writeln!(
        out,
        "  {} {bar}   {}",
        "─".repeat(width).dimmed(),
        "─".repeat(width).dimmed()
    );
    for &(i, j) in &c.rows {
        let left = cell(
            i.and_then(|i| c.node.output.get(i)),
            i.and_then(|i| c.node_marks.get(i).copied()),
            width,
        );
        let right = cell(
            j.and_then(|j| c.browser.output.get(j)),
            j.and_then(|j| c.browser_marks.get(j).copied()),
            width,
        );
        let blank = format!("  {}", " ".repeat(width));
        for k in 0..left.len().max(right.len()) {
            let l = left.get(k).unwrap_or(&blank);
            let r = right.get(k).map(String::as_str).unwrap_or("");
            let row = format!("{l} {bar} {r}");
            let _ = writeln!(out, "{}", row.trim_end());
        }
    }
    let exit = |code: i32| {
        if code == 0 {
            "exit 0".to_string()
        } else {
            format!("exit {code}")
        }
    };
    let _ = writeln!(
        out,
        "  {} {bar}   {}",
        cut(&exit(c.node.exit_code), width).dimmed(),
        exit(c.browser.exit_code).dimmed()
    );
    let moved = c
        .node_marks
        .iter()
        .filter(|m| **m == LineMark::Moved)
        .count();
    let only_node = c
        .node_marks
        .iter()
        .filter(|m| **m == LineMark::Only)
        .count();
    let only_browser = c
        .browser_marks
        .iter()
        .filter(|m| **m == LineMark::Only)
        .count();
    let _ = writeln!(out);
    if moved == 0 && only_node == 0 && only_browser == 0 {
        let _ = writeln!(
            out,
            "  Both event loops print the same lines in the same order."
        );
    } else {
        let _ = writeln!(
            out,
            "  {} printed by both, in a different order ({moved} line{})",
            "≠".yellow().bold(),
            if moved == 1 { "" } else { "s" }
        );
        let _ = writeln!(
            out,
            "  {} printed under one model only ({only_node} by Node, {only_browser} by the browser)",
            "+".magenta().bold()
        );
    }
    out
}

/// The browser model's steps, in the order of one turn of its loop.
const STEPS: [(Phase, &str); 4] = [
    (Phase::Task, "task"),
    (Phase::MicrotaskCheckpoint, "microtasks"),
    (Phase::AnimationFrames, "rAF callbacks"),
    (Phase::Render, "render (style, layout, paint)"),
];

/// What the paced walk shows for the browser model: its step ring with the current step lit, the
/// timers waiting for their time, the task queue, the microtask queue, the animation-frame
/// callbacks and the call stack, rebuilt from the run's events.
#[derive(Debug, Default)]
pub struct BrowserPanel {
    step: Option<Phase>,
    now_ms: f64,
    timers: Vec<Waiting>,
    tasks: Vec<Waiting>,
    microtasks: Vec<Waiting>,
    frames: Vec<Waiting>,
    stack: Vec<String>,
}

fn ms(t: f64) -> String {
    if t.fract() == 0.0 {
        format!("{t:.0} ms")
    } else {
        format!("{t:.1} ms")
    }
}

impl BrowserPanel {
    pub fn new() -> Self {
        BrowserPanel::default()
    }

    fn list(&mut self, q: Queue) -> Option<&mut Vec<Waiting>> {
        match q {
            Queue::Timers => Some(&mut self.timers),
            Queue::Task => Some(&mut self.tasks),
            Queue::Microtask => Some(&mut self.microtasks),
            Queue::AnimationFrame => Some(&mut self.frames),
            _ => None,
        }
    }

    /// Apply one event of a browser-model run.
    pub fn apply(&mut self, e: &Event) {
        match e {
            Event::PhaseEnter { phase, at_ms } => {
                self.step = Some(*phase);
                self.now_ms = *at_ms;
            }
            Event::LoopIteration { at_ms, .. } => self.now_ms = *at_ms,
            Event::ClockAdvance { to_ms, .. } => self.now_ms = *to_ms,
            Event::Enqueue { .. } => {
                let Some((queue, w)) = Waiting::queued(e) else {
                    return;
                };
                if let Some(list) = self.list(queue) {
                    list.retain(|x| x.id != w.id || queue == Queue::Microtask);
                    list.push(w);
                    if queue == Queue::Timers {
                        list.sort_by(|a, b| {
                            a.due_ms.unwrap_or(0.0).total_cmp(&b.due_ms.unwrap_or(0.0))
                        });
                    }
                }
            }
            Event::Cancel { id, queue } => {
                if let Some(list) = self.list(*queue) {
                    list.retain(|x| x.id != *id);
                }
            }
            Event::CallbackStart {
                id, queue, label, ..
            } => {
                if let Some(list) = self.list(*queue) {
                    if *queue == Queue::Microtask {
                        if !list.is_empty() {
                            list.remove(0);
                        }
                    } else {
                        list.retain(|x| x.id != *id);
                    }
                }
                self.stack.push(label.clone());
            }
            Event::CallbackEnd { .. } => {
                self.stack.pop();
            }
            Event::DrainEnd {
                queue: Queue::Microtask,
                ..
            } => self.microtasks.clear(),
            Event::Exit { .. } => self.stack.clear(),
            _ => {}
        }
    }

    /// The panel as text (a few lines).
    pub fn render(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "  {} · {}",
            ms(self.now_ms),
            trace::ring(&STEPS, self.step)
        );
        let rows: [(&str, &[Waiting]); 4] = [
            ("timers    ", &self.timers),
            ("tasks     ", &self.tasks),
            ("microtasks", &self.microtasks),
            ("rAF       ", &self.frames),
        ];
        trace::queue_rows(&mut out, &rows, &self.stack, ms);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eventloop::Outcome;

    #[test]
    fn side_by_side_marks_moved_and_lone_lines() {
        colored::control::set_override(false);
        let c = Comparison {
            node: Outcome {
                output: vec![
                    (Stream::Stdout, "sync".into()),
                    (Stream::Stdout, "nextTick".into()),
                    (Stream::Stdout, "timeout".into()),
                ],
                exit_code: 0,
            },
            browser: Outcome {
                output: vec![
                    (Stream::Stdout, "sync".into()),
                    (Stream::Stdout, "timeout".into()),
                    (
                        Stream::Stderr,
                        "Uncaught ReferenceError: process is not defined".into(),
                    ),
                ],
                exit_code: 0,
            },
            node_marks: vec![LineMark::Same, LineMark::Only, LineMark::Same],
            browser_marks: vec![LineMark::Same, LineMark::Same, LineMark::Only],
            rows: vec![
                (Some(0), Some(0)),
                (Some(1), None),
                (Some(2), Some(1)),
                (None, Some(2)),
            ],
        };
        let text = side_by_side_in(&c, Some(100));
        let lines: Vec<&str> = text.lines().collect();
        assert!(lines[2].starts_with("  sync"), "{text}");
        assert!(lines[3].starts_with("+ nextTick"), "{text}");
        assert!(lines[3].ends_with("│"), "{text}");
        assert!(lines[4].starts_with("  timeout"), "{text}");
        assert!(lines[4].ends_with("│   timeout"), "{text}");
        assert!(lines[5].contains("│ + Uncaught ReferenceError"), "{text}");
        assert!(text.contains("(1 by Node, 1 by the browser)"), "{text}");
    }

    fn with_browser_error(error: &str) -> Comparison {
        Comparison {
            node: Outcome {
                output: vec![(Stream::Stdout, "sync".into())],
                exit_code: 0,
            },
            browser: Outcome {
                output: vec![
                    (Stream::Stdout, "sync".into()),
                    (Stream::Stderr, error.into()),
                ],
                exit_code: 0,
            },
            node_marks: vec![LineMark::Same],
            browser_marks: vec![LineMark::Same, LineMark::Only],
            rows: vec![(Some(0), Some(0)), (None, Some(1))],
        }
    }

    const LONG_ERROR: &str =
        "Uncaught ReferenceError: process is not defined at /tmp/snippet.js:3:1 (the browser has no process)";

    #[test]
    fn columns_fill_a_wide_terminal_without_cutting() {
        colored::control::set_override(false);
        let text = side_by_side_in(&with_browser_error(LONG_ERROR), Some(240));
        assert!(text.contains(LONG_ERROR), "{text}");
        assert!(!text.contains('…'), "{text}");
        assert!(text.lines().all(|l| l.chars().count() <= 240), "{text}");
    }

    #[test]
    fn a_narrow_terminal_wraps_and_never_drops_the_error() {
        colored::control::set_override(false);
        let text = side_by_side_in(&with_browser_error(LONG_ERROR), Some(60));
        let table = text.lines().take_while(|l| !l.is_empty());
        assert!(table.clone().all(|l| l.chars().count() <= 60), "{text}");
        // the error's pieces, read down the right column, give the whole line back
        let right: String = text
            .lines()
            .skip(2)
            .filter_map(|l| l.split_once('│').map(|(_, r)| r))
            .map(|r| r.get(3..).unwrap_or("").trim_end())
            .collect::<Vec<_>>()
            .join("");
        assert!(right.contains(LONG_ERROR), "{text}\n{right}");
        assert!(!text.lines().skip(1).any(|l| l.contains('…')), "{text}");
    }

    #[test]
    fn without_a_terminal_columns_fit_the_longest_line() {
        colored::control::set_override(false);
        let text = side_by_side_in(&with_browser_error(LONG_ERROR), None);
        assert!(text.contains(LONG_ERROR), "{text}");
    }

    #[test]
    fn panel_tracks_the_browser_queues() {
        colored::control::set_override(false);
        let mut p = BrowserPanel::new();
        p.apply(&Event::Enqueue {
            id: 1,
            queue: Queue::AnimationFrame,
            label: "requestAnimationFrame at line 2".into(),
            line: Some(2),
            due_ms: None,
        });
        p.apply(&Event::PhaseEnter {
            phase: Phase::AnimationFrames,
            at_ms: 17.0,
        });
        let text = p.render();
        assert!(text.contains("[RAF CALLBACKS]"), "{text}");
        assert!(
            text.contains("rAF        requestAnimationFrame at line 2"),
            "{text}"
        );
        p.apply(&Event::CallbackStart {
            id: 1,
            queue: Queue::AnimationFrame,
            label: "requestAnimationFrame at line 2".into(),
            line: Some(2),
        });
        let text = p.render();
        assert!(text.contains("rAF        ·"), "{text}");
        assert!(
            text.contains("stack      requestAnimationFrame at line 2"),
            "{text}"
        );
    }
}
