//! The event log shown under the fork and cluster diagrams: the latest engine events, newest at
//! the bottom, each with its time and a symbol for its kind (not colour alone).

use std::collections::VecDeque;
use std::time::Duration;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget};

use crate::tui::ctx::Ctx;
use crate::tui::i18n::L;

/// What kind of line, drawn as a symbol and a colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Info,
    Good,
    Warn,
    Bad,
    Message,
}

impl Kind {
    fn symbol(self) -> &'static str {
        match self {
            Kind::Info => "·",
            Kind::Good => "+",
            Kind::Warn => "!",
            Kind::Bad => "✗",
            Kind::Message => "✉",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub at: Duration,
    pub kind: Kind,
    pub text: String,
}

/// A bounded log of the latest events.
#[derive(Debug, Clone, Default)]
pub struct EventLog {
    pub entries: VecDeque<Entry>,
}

impl EventLog {
    const CAP: usize = 200;

    pub fn push(&mut self, at: Duration, kind: Kind, text: impl Into<String>) {
        if self.entries.len() == Self::CAP {
            self.entries.pop_front();
        }
        self.entries.push_back(Entry {
            at,
            kind,
            text: text.into(),
        });
    }

    pub fn draw(&self, ctx: &mut Ctx, area: Rect, buf: &mut Buffer) {
        let block = Block::default()
            .borders(Borders::TOP)
            .border_style(ctx.theme.border())
            .title(Span::styled(
                format!(" {} ", ctx.t(L::Events)),
                ctx.theme.dim(),
            ));
        let inner = block.inner(area);
        block.render(area, buf);
        let n = inner.height as usize;
        let skip = self.entries.len().saturating_sub(n);
        let lines: Vec<Line> = self
            .entries
            .iter()
            .skip(skip)
            .map(|e| {
                let style = match e.kind {
                    Kind::Info => ctx.theme.text(),
                    Kind::Good => ctx.theme.ok(),
                    Kind::Warn => ctx.theme.warn(),
                    Kind::Bad => ctx.theme.bad(),
                    Kind::Message => ctx.theme.info(),
                };
                Line::from(vec![
                    Span::styled(format!("{:>7.1}s ", e.at.as_secs_f64()), ctx.theme.dim()),
                    Span::styled(format!("{} ", e.kind.symbol()), style),
                    Span::styled(e.text.clone(), style),
                ])
            })
            .collect();
        Paragraph::new(lines).render(inner, buf);
    }
}
