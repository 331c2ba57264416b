//! Lesson text on screen: the course's own Markdown parser (`lessons::markdown`) gives typed
//! blocks, and this widget only styles them: headings, paragraphs, list items, quotes, code
//! blocks and rules, with **bold**, *italic* and `code` inside. Wrapping is left to the paragraph
//! that shows the lines.

use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

use crate::lessons::markdown::{parse, Block, Inline};
use crate::tui::theme::Theme;

/// Turn a lesson's Markdown into styled lines, a blank line between blocks.
pub fn render(md: &str, theme: &Theme) -> Vec<Line<'static>> {
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
                out.push(Line::from(inlines(&text, style, theme)));
            }
            Block::Paragraph(text) => out.push(Line::from(inlines(&text, theme.text(), theme))),
            Block::Item {
                marker,
                indent,
                text,
            } => {
                let mut spans = vec![
                    Span::raw("  ".repeat(indent)),
                    Span::styled(format!("{marker} "), theme.accent()),
                ];
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
            Block::Rule => out.push(Line::styled("────────", theme.dim())),
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
        let got = plain(&render(md, &theme));
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
}
