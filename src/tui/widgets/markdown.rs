//! A small Markdown renderer for lesson text: headings, paragraphs, bullet and numbered lists,
//! fenced code, `inline code`, **bold** and > quotes. Enough for the course; not a full CommonMark.

use ratatui::style::Modifier;
use ratatui::text::{Line, Span};

use crate::tui::theme::Theme;

/// Turn Markdown into styled lines (wrapping is left to the paragraph that shows them).
pub fn render(md: &str, theme: &Theme) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    let mut in_code = false;
    for raw in md.lines() {
        let line = raw.trim_end();
        if line.trim_start().starts_with("```") {
            in_code = !in_code;
            continue;
        }
        if in_code {
            out.push(Line::from(vec![
                Span::styled("  │ ", theme.dim()),
                Span::styled(line.to_string(), theme.info()),
            ]));
            continue;
        }
        if let Some(h) = heading(line) {
            let (level, text) = h;
            let style = if level == 1 {
                theme.accent().add_modifier(Modifier::UNDERLINED)
            } else {
                theme.accent()
            };
            out.push(Line::styled(text.to_string(), style));
            continue;
        }
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        if let Some(rest) = trimmed
            .strip_prefix("- ")
            .or_else(|| trimmed.strip_prefix("* "))
        {
            let mut spans = vec![
                Span::raw(" ".repeat(indent)),
                Span::styled("• ", theme.accent()),
            ];
            spans.extend(inline(rest, theme));
            out.push(Line::from(spans));
            continue;
        }
        if let Some(rest) = trimmed.strip_prefix("> ") {
            let mut spans = vec![Span::styled("▌ ", theme.warn())];
            spans.extend(inline(rest, theme));
            out.push(Line::from(spans));
            continue;
        }
        let mut spans = vec![Span::raw(" ".repeat(indent))];
        spans.extend(inline(trimmed, theme));
        out.push(Line::from(spans));
    }
    out
}

fn heading(line: &str) -> Option<(usize, &str)> {
    let level = line.chars().take_while(|c| *c == '#').count();
    if (1..=6).contains(&level) && line[level..].starts_with(' ') {
        Some((level, line[level..].trim()))
    } else {
        None
    }
}

/// `code` and **bold** inside a line.
fn inline(text: &str, theme: &Theme) -> Vec<Span<'static>> {
    let mut spans = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        let code = rest.find('`');
        let bold = rest.find("**");
        match (code, bold) {
            (Some(c), b) if b.is_none_or(|b| c < b) => {
                if let Some(end) = rest[c + 1..].find('`') {
                    spans.push(Span::styled(rest[..c].to_string(), theme.text()));
                    spans.push(Span::styled(
                        rest[c + 1..c + 1 + end].to_string(),
                        theme.info().add_modifier(Modifier::BOLD),
                    ));
                    rest = &rest[c + 2 + end..];
                } else {
                    spans.push(Span::styled(rest.to_string(), theme.text()));
                    break;
                }
            }
            (_, Some(b)) => {
                if let Some(end) = rest[b + 2..].find("**") {
                    spans.push(Span::styled(rest[..b].to_string(), theme.text()));
                    spans.push(Span::styled(
                        rest[b + 2..b + 2 + end].to_string(),
                        theme.text().add_modifier(Modifier::BOLD),
                    ));
                    rest = &rest[b + 4 + end..];
                } else {
                    spans.push(Span::styled(rest.to_string(), theme.text()));
                    break;
                }
            }
            _ => {
                spans.push(Span::styled(rest.to_string(), theme.text()));
                break;
            }
        }
    }
    spans
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
        let md =
            "# Title\n\nText with `code` and **bold**.\n- item\n```js\nsetTimeout(f)\n```\n> note";
        let got = plain(&render(md, &theme));
        assert_eq!(
            got,
            vec![
                "Title",
                "",
                "Text with code and bold.",
                "• item",
                "  │ setTimeout(f)",
                "▌ note"
            ]
        );
    }
}
