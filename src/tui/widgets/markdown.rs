//! Lesson text on screen: the course's own Markdown parser (`lessons::markdown`) gives typed
//! blocks, and this widget only styles them: headings, paragraphs, list items, quotes, code
//! blocks and rules, with **bold**, *italic* and `code` inside, wrapped to the width given:
//! between words for Latin text, between any two characters for Chinese, list items and quotes
//! with a hanging indent.

use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

use crate::lessons::markdown::{parse, Block, Inline};
use crate::tui::theme::Theme;

/// Turn a lesson's Markdown into styled lines no wider than `width`, a blank line between blocks.
pub fn render(md: &str, theme: &Theme, width: u16) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    for line in logical(md, theme) {
        wrap(line, width.max(10) as usize, &mut out);
    }
    out
}

/// Punctuation that must not begin a line.
const CLOSING: &str = "，。、；：！？）」』】》";

/// Width of a string on screen.
fn w(s: &str) -> usize {
    Span::raw(s).width()
}

/// Break one logical line (its first span is the prefix: indent, marker or quote bar) into
/// lines of at most `width` columns, continuing under the text, not under the prefix.
fn wrap(line: Line<'static>, width: usize, out: &mut Vec<Line<'static>>) {
    let mut spans = line.spans.into_iter();
    let Some(prefix) = spans.next() else {
        out.push(Line::default());
        return;
    };
    let indent = w(&prefix.content).min(width / 2);
    // Atoms: a word, a run of spaces, or one wide (CJK) character, each with its style.
    let mut atoms: Vec<(String, Style)> = Vec::new();
    for span in spans {
        let mut word = String::new();
        for ch in span.content.chars() {
            let wide = w(ch.encode_utf8(&mut [0; 4])) > 1;
            if ch == ' ' || wide {
                if !word.is_empty() {
                    atoms.push((std::mem::take(&mut word), span.style));
                }
                atoms.push((ch.to_string(), span.style));
            } else {
                word.push(ch);
            }
        }
        if !word.is_empty() {
            atoms.push((word, span.style));
        }
    }
    let mut current: Vec<Span<'static>> = vec![prefix];
    let mut used = indent;
    for (text, style) in atoms {
        let aw = w(&text);
        if used + aw > width && used > indent {
            // Chinese closing punctuation never starts a line: it takes the character before it.
            let carry = if CLOSING.contains(text.as_str()) && current.len() > 2 {
                current.pop()
            } else {
                None
            };
            while current.last().is_some_and(|s| s.content == " ") {
                current.pop();
            }
            out.push(Line::from(std::mem::take(&mut current)));
            current.push(Span::raw(" ".repeat(indent)));
            used = indent;
            if let Some(c) = carry {
                used += w(&c.content);
                current.push(c);
            }
            if text == " " {
                continue;
            }
        }
        used += aw;
        current.push(Span::styled(text, style));
    }
    out.push(Line::from(current));
}

/// One line per block (code: one per code line), each starting with its prefix span.
fn logical(md: &str, theme: &Theme) -> Vec<Line<'static>> {
    let mut out: Vec<Line<'static>> = Vec::new();
    let mut prev_item = false;
    for block in parse(md) {
        let item = matches!(block, Block::Item { .. });
        // A blank line between blocks; items of one list stay together.
        let same_list = item && prev_item;
        if !out.is_empty() && !same_list {
            out.push(Line::default());
        }
        prev_item = item;
        match block {
            Block::Heading { level, text } => {
                let style = if level == 1 {
                    theme.accent().add_modifier(Modifier::UNDERLINED)
                } else {
                    theme.accent()
                };
                let mut spans = vec![Span::raw("")];
                spans.extend(inlines(&text, style, theme));
                out.push(Line::from(spans));
            }
            Block::Paragraph(text) => {
                let mut spans = vec![Span::raw("")];
                spans.extend(inlines(&text, theme.text(), theme));
                out.push(Line::from(spans));
            }
            Block::Item {
                marker,
                indent,
                text,
            } => {
                let mut spans = vec![Span::styled(
                    format!("{}{marker} ", "  ".repeat(indent)),
                    theme.accent(),
                )];
                spans.extend(inlines(&text, theme.text(), theme));
                out.push(Line::from(spans));
            }
            Block::Quote(text) => {
                let mut spans = vec![Span::styled("▌ ", theme.warn())];
                spans.extend(inlines(&text, theme.text(), theme));
                out.push(Line::from(spans));
            }
            Block::Code { lines, .. } => {
                for l in lines {
                    out.push(Line::from(vec![
                        Span::styled("  │ ", theme.dim()),
                        Span::styled(l, theme.info()),
                    ]));
                }
            }
            Block::Rule => out.push(Line::from(vec![
                Span::raw(""),
                Span::styled("────────", theme.dim()),
            ])),
        }
    }
    out
}

fn inlines(text: &[Inline], base: Style, theme: &Theme) -> Vec<Span<'static>> {
    text.iter()
        .map(|i| match i {
            Inline::Text(t) => Span::styled(t.clone(), base),
            Inline::Bold(t) => Span::styled(t.clone(), base.add_modifier(Modifier::BOLD)),
            Inline::Italic(t) => Span::styled(t.clone(), base.add_modifier(Modifier::ITALIC)),
            Inline::Code(t) => Span::styled(t.clone(), theme.info().add_modifier(Modifier::BOLD)),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::Theme as T;

    fn plain(lines: &[Line]) -> Vec<String> {
        lines
            .iter()
            .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect())
            .collect()
    }

    #[test]
    fn renders_headings_lists_code_and_inline() {
        let theme = Theme::new(T::Dark, true);
        let md = "# Title\n\nText with `code` and **bold**.\n\n- one\n- two\n\n```js\nsetTimeout(f)\n```\n\n> note";
        let got = plain(&render(md, &theme, 80));
        assert_eq!(
            got,
            vec![
                "Title",
                "",
                "Text with code and bold.",
                "",
                "• one",
                "• two",
                "",
                "  │ setTimeout(f)",
                "",
                "▌ note"
            ]
        );
    }

    #[test]
    fn wraps_words_and_chinese_with_a_hanging_indent() {
        let theme = Theme::new(T::Dark, true);
        let got = plain(&render("- alpha beta gamma delta", &theme, 14));
        assert_eq!(got, vec!["• alpha beta", "  gamma delta"]);
        let got = plain(&render("事件循环的六个阶段", &theme, 10));
        assert_eq!(got, vec!["事件循环的", "六个阶段"]);
    }
}
