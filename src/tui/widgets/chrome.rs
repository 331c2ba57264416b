//! The chrome around the tabs: the clickable tab bar, the footer with the current tab's keys, the
//! `?` help overlay, and the plain "too small" notice.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Clear, Paragraph, Widget, Wrap};

use crate::cli::Lang;
use crate::tui::action::{Action, TabId};
use crate::tui::ctx::Ctx;
use crate::tui::i18n::L;
use crate::tui::theme::Theme;

use super::width;

/// The smallest terminal the layout is made for.
pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;

/// The tab bar: ` mini-node  1 Lessons │ 2 Fork │ 3 Cluster │ 4 Event Loop `, each tab clickable;
/// the current one reversed and marked with ▶.
pub fn tab_bar(ctx: &mut Ctx, current: TabId, area: Rect, buf: &mut Buffer) {
    let title = format!(" {} ", ctx.t(L::Title));
    buf.set_string(area.x, area.y, &title, ctx.theme.accent());
    let mut x = area.x + width(&title) + 1;
    for (i, tab) in TabId::ALL.iter().enumerate() {
        let lit = *tab == current;
        let text = format!(
            "{}{} {} ",
            if lit { "▶" } else { " " },
            i + 1,
            ctx.t(tab.label())
        );
        let w = width(&text);
        if x + w > area.right() {
            break;
        }
        let style = if lit {
            ctx.theme.lit()
        } else {
            ctx.theme.text()
        };
        buf.set_string(x, area.y, &text, style);
        ctx.hit(
            Rect {
                x,
                y: area.y,
                width: w,
                height: 1,
            },
            Action::Go(*tab),
        );
        x += w;
        if i + 1 < TabId::ALL.len() && x < area.right() {
            buf.set_string(x, area.y, "│", ctx.theme.border());
            x += 1;
        }
    }
    let help = format!("? {} ", ctx.t(L::Help));
    let hw = width(&help);
    if x + hw < area.right() {
        let hx = area.right() - hw;
        buf.set_string(hx, area.y, &help, ctx.theme.dim());
        ctx.hit(
            Rect {
                x: hx,
                y: area.y,
                width: hw,
                height: 1,
            },
            Action::ToggleHelp,
        );
    }
}

/// The footer's rows: the current tab's keys first, always all of them, then the global keys
/// when there is room. One row when everything fits; else the global keys but `? help` go
/// (the help shows them); else the tab's keys alone (the tab bar still shows `? help`); else two rows, with the global keys if they fit in them.
pub fn footer_rows(
    lang: Lang,
    keys: &[(&'static str, &'static str)],
    width: u16,
    tight: bool,
) -> Vec<Vec<(&'static str, &'static str)>> {
    let global = [
        ("1-4", L::Tabs.t(lang)),
        ("p", L::Presenter.t(lang)),
        ("?", L::Help.t(lang)),
        ("q", L::Quit.t(lang)),
    ];
    let help_only = [("?", L::Help.t(lang))];
    // ` k label ` apart, or ` k label` when tight; a key without a label takes ` k `/` k`.
    let pad = if tight { 0 } else { 1 };
    let item_w = |(k, label): &(&str, &str)| match super::width(label) {
        0 => super::width(k) + 1 + pad,
        w => super::width(k) + w + 2 + pad,
    };
    let pack = |items: Vec<(&'static str, &'static str)>, rows: usize| {
        let mut out: Vec<Vec<(&'static str, &'static str)>> = vec![Vec::new()];
        let mut used = 0u16;
        for item in items {
            let w = item_w(&item);
            if used + w > width && !out.last().is_some_and(|r| r.is_empty()) {
                out.push(Vec::new());
                used = 0;
            }
            used += w;
            out.last_mut().expect("a row").push(item);
        }
        (out.len() <= rows && used <= width).then_some(out)
    };
    let with = |extra: &[(&'static str, &'static str)]| -> Vec<(&'static str, &'static str)> {
        keys.iter().chain(extra.iter()).copied().collect()
    };
    pack(with(&global), 1)
        .or_else(|| pack(with(&help_only), 1))
        .or_else(|| pack(keys.to_vec(), 1))
        .or_else(|| pack(with(&global), 2))
        .or_else(|| pack(with(&help_only), 2))
        .or_else(|| pack(keys.to_vec(), 2))
        .unwrap_or_else(|| vec![keys.to_vec()])
}

/// The footer: the rows of [`footer_rows`], then the mouse notice if there is room. `tight`
/// puts one space between items instead of two (for the narrow key labels at 80 columns).
pub fn footer(
    ctx: &mut Ctx,
    keys: &[(&'static str, &'static str)],
    tight: bool,
    quitting: bool,
    mouse: bool,
    area: Rect,
    buf: &mut Buffer,
) {
    if quitting {
        buf.set_string(area.x + 1, area.y, ctx.t(L::ShuttingDown), ctx.theme.warn());
        return;
    }
    let rows = footer_rows(ctx.lang, keys, area.width, tight);
    let n = rows.len();
    for (i, row) in rows.into_iter().enumerate() {
        let mut spans: Vec<Span> = Vec::new();
        for (k, label) in row {
            spans.push(Span::styled(format!(" {k}"), ctx.theme.key()));
            let label = match (label.is_empty(), tight) {
                (true, true) => String::new(),
                (true, false) => " ".to_string(),
                (false, true) => format!(" {label}"),
                (false, false) => format!(" {label} "),
            };
            spans.push(Span::styled(label, ctx.theme.dim()));
        }
        if !mouse && i + 1 == n {
            spans.push(Span::styled(
                format!(" {}", ctx.t(L::NoMouse)),
                ctx.theme.dim(),
            ));
        }
        let y = area.y + i as u16;
        if y < area.bottom() {
            buf.set_line(area.x, y, &Line::from(spans), area.width);
        }
    }
}

/// The help overlay: every key, by section.
pub fn help(
    ctx: &mut Ctx,
    sections: &[(&'static str, Vec<(&'static str, &'static str)>)],
    area: Rect,
    buf: &mut Buffer,
) {
    let mut lines: Vec<Line> = Vec::new();
    for (title, keys) in sections {
        lines.push(Line::styled(title.to_string(), ctx.theme.accent()));
        for (k, label) in keys {
            lines.push(Line::from(vec![
                Span::styled(format!("  {k:<10}"), ctx.theme.key()),
                Span::styled(label.to_string(), ctx.theme.text()),
            ]));
        }
    }
    // Two columns when one is too tall, split between sections.
    let w = area.width.saturating_sub(4).min(76);
    let max_inner = area.height.saturating_sub(4);
    let mut split = None;
    if lines.len() as u16 > max_inner {
        let starts: Vec<usize> = sections
            .iter()
            .scan(0usize, |at, (_, keys)| {
                let start = *at;
                *at += keys.len() + 1;
                Some(start)
            })
            .collect();
        let half = lines.len() / 2;
        split = starts
            .into_iter()
            .filter(|s| *s > 0)
            .min_by_key(|s| s.abs_diff(half));
    }
    let rows = match split {
        Some(at) => at.max(lines.len() - at),
        None => lines.len(),
    };
    let h = (rows as u16 + 2).min(area.height.saturating_sub(2));
    let rect = Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    };
    Clear.render(area, buf);
    buf.set_style(area, ctx.theme.base());
    let block = Block::default()
        .borders(Borders::ALL)
        .border_type(BorderType::Double)
        .border_style(ctx.theme.accent())
        .title(Span::styled(
            format!(" {} ", ctx.t(L::HelpTitle)),
            ctx.theme.accent(),
        ))
        .style(ctx.theme.base());
    let inner = block.inner(rect);
    block.render(rect, buf);
    if let Some(at) = split {
        let right: Vec<Line> = lines.split_off(at);
        let lw = inner.width / 2;
        Paragraph::new(lines).render(Rect { width: lw, ..inner }, buf);
        Paragraph::new(right).render(
            Rect {
                x: inner.x + lw,
                width: inner.width - lw,
                ..inner
            },
            buf,
        );
    } else {
        Paragraph::new(lines).render(inner, buf);
    }
    ctx.hit(area, Action::CloseOverlay);
}

/// Said plainly when the terminal is smaller than 80x24.
pub fn too_small(theme: &Theme, lang: Lang, area: Rect, buf: &mut Buffer) {
    let lines = vec![
        Line::styled(
            L::TooSmall.t(lang),
            theme.warn().add_modifier(Modifier::BOLD),
        ),
        Line::styled(
            format!(
                "{} {}x{}, {} {}x{}",
                L::Now.t(lang),
                area.width,
                area.height,
                L::Need.t(lang),
                MIN_WIDTH,
                MIN_HEIGHT
            ),
            theme.text(),
        ),
        Line::styled(L::TooSmallHint.t(lang), theme.text()),
        Line::styled(format!("q: {}", L::Quit.t(lang)), theme.dim()),
    ];
    let top = area.y + area.height.saturating_sub(lines.len() as u16) / 2;
    Paragraph::new(lines)
        .wrap(Wrap { trim: true })
        .alignment(ratatui::layout::Alignment::Center)
        .render(
            Rect {
                y: top,
                height: area.bottom().saturating_sub(top),
                ..area
            },
            buf,
        );
}
