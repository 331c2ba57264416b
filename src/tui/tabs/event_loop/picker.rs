//! The Event Loop tab's example picker: a list over the tab of the built-in examples, the
//! `--script` file and the snippets lessons loaded; Enter or a click loads one. Holds only which
//! row is highlighted while it is open; loading is the tab's job.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Span;
use ratatui::widgets::{Block, Borders, Clear, Widget};

use crate::tui::action::{Action, LoopAction};
use crate::tui::ctx::Ctx;
use crate::tui::i18n::L;
use crate::tui::script::Script;
use crate::tui::widgets::fit;

/// The picker: closed, or open with a row highlighted.
#[derive(Debug, Clone, Default)]
pub(super) struct Picker {
    open: Option<usize>,
}

impl Picker {
    pub(super) fn is_open(&self) -> bool {
        self.open.is_some()
    }

    /// Open it on row `current`, or close it.
    pub(super) fn toggle(&mut self, current: usize) {
        self.open = match self.open {
            Some(_) => None,
            None => Some(current),
        }
    }

    /// Close it; true when it was open.
    pub(super) fn close(&mut self) -> bool {
        self.open.take().is_some()
    }

    pub(super) fn up(&mut self) {
        if let Some(p) = &mut self.open {
            *p = p.saturating_sub(1);
        }
    }

    pub(super) fn down(&mut self, rows: usize) {
        if let Some(p) = &mut self.open {
            *p = (*p + 1).min(rows.saturating_sub(1));
        }
    }

    /// The row to load (`i`, or the highlighted one), closing the picker; None when there is
    /// neither.
    pub(super) fn choose(&mut self, i: Option<usize>) -> Option<usize> {
        let i = i.or(self.open)?;
        self.open = None;
        Some(i)
    }

    /// The picker over `area`, when it is open; each script's row is a button.
    pub(super) fn draw(&self, ctx: &mut Ctx, area: Rect, buf: &mut Buffer, scripts: &[Script]) {
        let Some(sel) = self.open else {
            return;
        };
        let h = (scripts.len() as u16 + 2).min(area.height.saturating_sub(2));
        let w = area.width.saturating_sub(8).min(70);
        let rect = Rect {
            x: area.x + (area.width - w) / 2,
            y: area.y + 2,
            width: w,
            height: h,
        };
        Clear.render(rect, buf);
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(ctx.theme.accent())
            .title(Span::styled(
                format!(" {} ", ctx.t(L::PickExample)),
                ctx.theme.accent(),
            ))
            .style(ctx.theme.base());
        let inner = block.inner(rect);
        block.render(rect, buf);
        for (i, s) in scripts.iter().enumerate().take(inner.height as usize) {
            let y = inner.y + i as u16;
            let lit = i == sel;
            let text = format!("{}{} — {}", if lit { "» " } else { "  " }, s.name, s.title);
            buf.set_string(
                inner.x,
                y,
                fit(&text, inner.width),
                if lit {
                    ctx.theme.selected()
                } else {
                    ctx.theme.text()
                },
            );
            ctx.hit(
                Rect {
                    x: inner.x,
                    y,
                    width: inner.width,
                    height: 1,
                },
                Action::Loop(LoopAction::Choose(Some(i))),
            );
        }
    }
}
