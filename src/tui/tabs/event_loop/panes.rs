//! The Event Loop tab's panes under the phase diagram: the source with the running line, the
//! queues, the call stack and the console (with the compare view's line marks). Reads a [`Run`]
//! and draws; changes no state.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget};

use crate::eventloop::compare::LineMark;
use crate::eventloop::{Model, Queue, Stream};
use crate::tui::ctx::Ctx;
use crate::tui::i18n::L;
use crate::tui::script::Script;
use crate::tui::widgets::{fit, width};

use super::playback::Run;

/// The queues in the order the tab lists them (Node's model).
const QUEUES: [Queue; 6] = [
    Queue::Timers,
    Queue::Poll,
    Queue::Check,
    Queue::Close,
    Queue::NextTick,
    Queue::Microtask,
];

impl Run {
    pub(super) fn draw_panes(
        &self,
        ctx: &mut Ctx,
        area: Rect,
        buf: &mut Buffer,
        marks: Option<&[LineMark]>,
        script: Option<&Script>,
    ) {
        let n_queues = self.queues().len() as u16;
        if area.width >= 120 {
            // Source | queues over the call stack | console.
            let src_w = area.width * 2 / 5;
            let mid_w = (area.width - src_w) / 2;
            let [src, mid, con] = Layout::horizontal([
                Constraint::Length(src_w),
                Constraint::Length(mid_w),
                Constraint::Fill(1),
            ])
            .areas(area);
            let [queues, stack] =
                Layout::vertical([Constraint::Length(n_queues + 1), Constraint::Fill(1)])
                    .areas(mid);
            self.draw_source(ctx, src, buf, script);
            self.draw_queues(ctx, queues, buf);
            self.draw_stack(ctx, stack, buf);
            self.draw_console(ctx, con, buf, marks);
        } else {
            // Source over the call stack | queues over the console.
            let [left, right] =
                Layout::horizontal([Constraint::Length(area.width / 2), Constraint::Fill(1)])
                    .areas(area);
            let stack_h = (area.height / 3).max(3);
            let [source, stack] =
                Layout::vertical([Constraint::Fill(1), Constraint::Length(stack_h)]).areas(left);
            let [queues, console] =
                Layout::vertical([Constraint::Length(n_queues + 1), Constraint::Fill(1)])
                    .areas(right);
            self.draw_source(ctx, source, buf, script);
            self.draw_stack(ctx, stack, buf);
            self.draw_queues(ctx, queues, buf);
            self.draw_console(ctx, console, buf, marks);
        }
    }

    fn queues(&self) -> &'static [Queue] {
        match self.model {
            Model::Node => &QUEUES,
            Model::Browser => &[
                Queue::Timers,
                Queue::Task,
                Queue::Microtask,
                Queue::AnimationFrame,
            ],
        }
    }

    fn pane<'a>(ctx: &Ctx, title: &'a str) -> Block<'a> {
        Block::default()
            .borders(Borders::TOP | Borders::LEFT)
            .border_style(ctx.theme.border())
            .title(Span::styled(format!(" {title} "), ctx.theme.accent()))
    }

    fn draw_source(&self, ctx: &mut Ctx, area: Rect, buf: &mut Buffer, script: Option<&Script>) {
        let block = Self::pane(ctx, ctx.t(L::Source));
        let inner = block.inner(area);
        block.render(area, buf);
        let Some(script) = script else {
            return;
        };
        let current = self.snap.line();
        let lines: Vec<&str> = script.source.lines().collect();
        let h = inner.height as usize;
        // Keep the running line in view.
        let first = match current {
            Some(l) if (l as usize) > h / 2 => {
                ((l as usize) - h / 2).min(lines.len().saturating_sub(h))
            }
            _ => 0,
        };
        for (row, (i, text)) in lines.iter().enumerate().skip(first).take(h).enumerate() {
            let n = i as u32 + 1;
            let lit = current == Some(n);
            let y = inner.y + row as u16;
            let prefix = format!("{}{n:>3} ", if lit { "▶" } else { " " });
            let style = if lit {
                ctx.theme.lit()
            } else {
                ctx.theme.text()
            };
            buf.set_string(
                inner.x,
                y,
                &prefix,
                if lit { style } else { ctx.theme.dim() },
            );
            let tw = inner.width.saturating_sub(width(&prefix));
            let text = fit(&text.replace('\t', "  "), tw);
            if lit {
                buf.set_style(
                    Rect {
                        x: inner.x,
                        y,
                        width: inner.width,
                        height: 1,
                    },
                    style,
                );
            }
            buf.set_string(inner.x + width(&prefix), y, text, style);
        }
    }

    pub(super) fn draw_queues(&self, ctx: &mut Ctx, area: Rect, buf: &mut Buffer) {
        let block = Self::pane(ctx, ctx.t(L::Queues));
        let inner = block.inner(area);
        block.render(area, buf);
        let f = &self.snap;
        let mut lines: Vec<Line> = Vec::new();
        let name_w = 11usize;
        for q in self.queues() {
            let items = f.waiting(*q);
            let label = match q {
                Queue::Timers => L::QTimers,
                Queue::Poll => L::QPoll,
                Queue::Check => L::QCheck,
                Queue::Close => L::QClose,
                Queue::NextTick => L::QNextTick,
                Queue::Microtask => L::QMicrotask,
                Queue::Task => L::QTask,
                Queue::AnimationFrame => L::QRaf,
                Queue::Main => L::QMain,
            }
            .t(ctx.lang);
            let label = fit(label, name_w as u16);
            let pad = name_w.saturating_sub(width(&label) as usize);
            let mut spans = vec![Span::styled(
                format!("{label}{} {:>2} ", " ".repeat(pad), items.len()),
                if items.is_empty() {
                    ctx.theme.dim()
                } else {
                    ctx.theme.accent()
                },
            )];
            let list: Vec<String> = items
                .iter()
                .map(|p| match p.due_ms {
                    Some(d) => format!("{}@{d}ms", short_label(&p.label)),
                    None => short_label(&p.label),
                })
                .collect();
            spans.push(Span::styled(list.join(" · "), ctx.theme.text()));
            lines.push(Line::from(spans));
        }
        Paragraph::new(lines).render(inner, buf);
    }

    fn draw_stack(&self, ctx: &mut Ctx, area: Rect, buf: &mut Buffer) {
        let block = Self::pane(ctx, ctx.t(L::CallStack));
        let inner = block.inner(area);
        block.render(area, buf);
        let f = &self.snap;
        let mut lines: Vec<Line> = Vec::new();
        if f.stack.is_empty() {
            lines.push(Line::styled(
                format!("  {}", ctx.t(L::Empty)),
                ctx.theme.dim(),
            ));
        }
        for (i, label) in f.stack.iter().enumerate().rev() {
            let top = i + 1 == f.stack.len();
            let line = f.stack_lines.get(i).copied().flatten();
            let text = format!(
                "{}{}{}",
                if top { "▶ " } else { "  " },
                label,
                line.filter(|l| !label.contains(&format!("line {l}")))
                    .map(|l| format!(" :{l}"))
                    .unwrap_or_default()
            );
            lines.push(Line::styled(
                text,
                if top {
                    ctx.theme.lit()
                } else {
                    ctx.theme.text()
                },
            ));
        }
        Paragraph::new(lines).render(inner, buf);
    }

    pub(super) fn draw_console(
        &self,
        ctx: &mut Ctx,
        area: Rect,
        buf: &mut Buffer,
        marks: Option<&[LineMark]>,
    ) {
        let block = Self::pane(ctx, ctx.t(L::Console));
        let inner = block.inner(area);
        block.render(area, buf);
        let f = &self.snap;
        let other = self.other_branch();
        let output = match other {
            Some(b) => &b.output,
            None => &f.output,
        };
        let mut lines: Vec<Line> = Vec::new();
        if other.is_some() {
            lines.push(Line::styled(
                format!(
                    "{} {} ({} {})",
                    ctx.t(L::Branch),
                    self.branch + 1,
                    ctx.t(L::OutputOnly),
                    self.played_branch + 1
                ),
                ctx.theme.warn(),
            ));
        }
        let marks = marks.filter(|_| other.is_none());
        lines.extend(output.iter().enumerate().map(|(i, (s, t))| {
            let (prefix, style) = match marks.map(|m| m.get(i).copied()) {
                None => ("", None),
                Some(None) | Some(Some(LineMark::Same)) => ("  ", None),
                Some(Some(m)) => mark_symbol(ctx, m),
            };
            match s {
                Stream::Stdout => {
                    Line::styled(format!("{prefix}{t}"), style.unwrap_or(ctx.theme.text()))
                }
                Stream::Stderr => {
                    Line::styled(format!("{prefix}! {t}"), style.unwrap_or(ctx.theme.warn()))
                }
            }
        }));
        if let (None, Some((code, reason))) = (other, &f.exit) {
            lines.push(Line::styled(
                format!("— {} {code} ({reason})", ctx.t(L::ExitCode)),
                if *code == 0 {
                    ctx.theme.dim()
                } else {
                    ctx.theme.bad()
                },
            ));
        }
        let skip = lines.len().saturating_sub(inner.height as usize);
        Paragraph::new(lines.split_off(skip)).render(inner, buf);
    }
}

/// "setTimeout at line 3" → "setTimeout:3", to fit more in a queue's line.
fn short_label(label: &str) -> String {
    match label.split_once(" at line ") {
        Some((what, line)) => format!("{what}:{line}"),
        None => label.to_string(),
    }
}

/// A console line's mark in the compare view: a symbol and a bold style, never colour alone.
pub(super) fn mark_symbol(ctx: &Ctx, m: LineMark) -> (&'static str, Option<Style>) {
    match m {
        LineMark::Same => ("  ", None),
        LineMark::Moved => ("≠ ", Some(ctx.theme.warn().add_modifier(Modifier::BOLD))),
        LineMark::Only => ("+ ", Some(ctx.theme.info().add_modifier(Modifier::BOLD))),
    }
}
