//! The small Markdown of the lessons, parsed into typed blocks that any view can draw: headings,
//! paragraphs, list items, block quotes, fenced code blocks and rules, with bold, italic and
//! `code` spans inside. It draws nothing itself (the CLI colours the blocks, the TUI styles them).

/// A run of text with one style.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inline {
    Text(String),
    Bold(String),
    Italic(String),
    Code(String),
}

/// One block of a lesson.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// `#` .. `######`.
    Heading { level: u8, text: Vec<Inline> },
    /// Lines joined into one paragraph.
    Paragraph(Vec<Inline>),
    /// A list item: `marker` is `•` for `-`/`*` items or the number with its dot (`2.`);
    /// `indent` counts nesting levels (two or more spaces each).
    Item {
        marker: String,
        indent: usize,
        text: Vec<Inline>,
    },
    /// `> ...` lines, joined.
    Quote(Vec<Inline>),
    /// A fenced code block with its info string (`js`, `sh`, or empty).
    Code { lang: String, lines: Vec<String> },
    /// `---`.
    Rule,
}

/// Parse a lesson's Markdown. Never fails: anything unknown is a paragraph.
pub fn parse(text: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut paragraph: Vec<&str> = Vec::new();
    let mut quote: Vec<&str> = Vec::new();
    let mut lines = text.lines();
    let flush = |buf: &mut Vec<&str>, blocks: &mut Vec<Block>, quoted: bool| {
        if !buf.is_empty() {
            let inline = inlines(&join(buf));
            blocks.push(if quoted {
                Block::Quote(inline)
            } else {
                Block::Paragraph(inline)
            });
            buf.clear();
        }
    };
    while let Some(line) = lines.next() {
        let trimmed = line.trim_start();
        if let Some(info) = trimmed.strip_prefix("```") {
            flush(&mut paragraph, &mut blocks, false);
            flush(&mut quote, &mut blocks, true);
            let mut code = Vec::new();
            for inner in lines.by_ref() {
                if inner.trim_start().starts_with("```") {
                    break;
                }
                code.push(inner.to_string());
            }
            blocks.push(Block::Code {
                lang: info.trim().to_string(),
                lines: code,
            });
            continue;
        }
        if trimmed.is_empty() {
            flush(&mut paragraph, &mut blocks, false);
            flush(&mut quote, &mut blocks, true);
            continue;
        }
        if let Some(rest) = trimmed.strip_prefix('>') {
            flush(&mut paragraph, &mut blocks, false);
            quote.push(rest.trim());
            continue;
        }
        flush(&mut quote, &mut blocks, true);
        if let Some(heading) = heading(trimmed) {
            flush(&mut paragraph, &mut blocks, false);
            blocks.push(heading);
            continue;
        }
        if trimmed.chars().all(|c| c == '-') && trimmed.len() >= 3 {
            flush(&mut paragraph, &mut blocks, false);
            blocks.push(Block::Rule);
            continue;
        }
        if let Some((marker, rest)) = list_marker(trimmed) {
            flush(&mut paragraph, &mut blocks, false);
            let indent = (line.len() - trimmed.len()) / 2;
            blocks.push(Block::Item {
                marker,
                indent,
                text: inlines(rest.trim()),
            });
            continue;
        }
        // A continuation line of a list item belongs to it.
        if line.starts_with("  ") && paragraph.is_empty() {
            if let Some(Block::Item { text, .. }) = blocks.last_mut() {
                let mut joined = plain(text);
                joined = join(&[joined.as_str(), trimmed]);
                *text = inlines(&joined);
                continue;
            }
        }
        paragraph.push(trimmed);
    }
    flush(&mut paragraph, &mut blocks, false);
    flush(&mut quote, &mut blocks, true);
    blocks
}

/// The line (1-based) of a code fence that is opened and never closed.
pub fn unclosed_fence(text: &str) -> Option<usize> {
    let mut open = None;
    for (n, line) in text.lines().enumerate() {
        if line.trim_start().starts_with("```") {
            open = match open {
                None => Some(n + 1),
                Some(_) => None,
            };
        }
    }
    open
}

/// The text of some inlines without their styles (with the Markdown markers back).
fn plain(text: &[Inline]) -> String {
    text.iter()
        .map(|i| match i {
            Inline::Text(t) => t.clone(),
            Inline::Bold(t) => format!("**{t}**"),
            Inline::Italic(t) => format!("*{t}*"),
            Inline::Code(t) => format!("`{t}`"),
        })
        .collect()
}

/// Join source lines into one line: a space between words, none between Chinese characters.
fn join(lines: &[&str]) -> String {
    let mut out = String::new();
    for line in lines {
        let line = line.trim();
        if let (Some(last), Some(first)) = (out.chars().last(), line.chars().next()) {
            if last.is_ascii() || first.is_ascii() {
                out.push(' ');
            }
        }
        out.push_str(line);
    }
    out
}

fn heading(line: &str) -> Option<Block> {
    let level = line.chars().take_while(|&c| c == '#').count();
    if level == 0 || level > 6 {
        return None;
    }
    let rest = &line[level..];
    if !rest.starts_with(' ') {
        return None;
    }
    Some(Block::Heading {
        level: level as u8,
        text: inlines(rest.trim()),
    })
}

/// `- x`, `* x`, `1. x` -> (marker, rest).
fn list_marker(line: &str) -> Option<(String, &str)> {
    if let Some(rest) = line.strip_prefix("- ").or_else(|| line.strip_prefix("* ")) {
        return Some(("•".to_string(), rest));
    }
    let digits = line.chars().take_while(|c| c.is_ascii_digit()).count();
    if digits > 0 && digits < 4 {
        if let Some(rest) = line[digits..].strip_prefix(". ") {
            return Some((format!("{}.", &line[..digits]), rest));
        }
    }
    None
}

/// Split a line into styled runs: `**bold**`, `*italic*` / `_italic_`, `` `code` ``. An opening
/// marker without its closing one is kept as text.
pub fn inlines(text: &str) -> Vec<Inline> {
    let mut out = Vec::new();
    let mut text_run = String::new();
    let mut rest = text;
    while !rest.is_empty() {
        let (marker, make): (&str, fn(String) -> Inline) = if rest.starts_with("**") {
            ("**", Inline::Bold)
        } else if rest.starts_with('`') {
            ("`", Inline::Code)
        } else if rest.starts_with('*') && !rest[1..].starts_with(' ') {
            ("*", Inline::Italic)
        } else {
            let c = rest.chars().next().expect("rest is not empty");
            text_run.push(c);
            rest = &rest[c.len_utf8()..];
            continue;
        };
        let after = &rest[marker.len()..];
        match after.find(marker) {
            Some(end) if end > 0 => {
                if !text_run.is_empty() {
                    out.push(Inline::Text(std::mem::take(&mut text_run)));
                }
                out.push(make(after[..end].to_string()));
                rest = &after[end + marker.len()..];
            }
            _ => {
                text_run.push_str(marker);
                rest = after;
            }
        }
    }
    if !text_run.is_empty() {
        out.push(Inline::Text(text_run));
    }
    out
}

/// Columns a string takes in a terminal (CJK and full-width characters take two).
pub fn width(text: &str) -> usize {
    text.chars()
        .map(|c| {
            let c = c as u32;
            let wide = matches!(c,
                0x1100..=0x115F | 0x2E80..=0x303E | 0x3041..=0x33FF | 0x3400..=0x4DBF
                | 0x4E00..=0x9FFF | 0xA000..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF
                | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6);
            if wide {
                2
            } else {
                1
            }
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_of_a_small_lesson() {
        let md = "# Title\n\nSome **bold** and `code`\nnext line.\n\n- one\n  more\n2. two\n\n> note\n\n```js\nconsole.log(1)\n```\n---\n";
        let blocks = parse(md);
        assert_eq!(
            blocks,
            vec![
                Block::Heading {
                    level: 1,
                    text: vec![Inline::Text("Title".into())]
                },
                Block::Paragraph(vec![
                    Inline::Text("Some ".into()),
                    Inline::Bold("bold".into()),
                    Inline::Text(" and ".into()),
                    Inline::Code("code".into()),
                    Inline::Text(" next line.".into()),
                ]),
                Block::Item {
                    marker: "•".into(),
                    indent: 0,
                    text: vec![Inline::Text("one more".into())]
                },
                Block::Item {
                    marker: "2.".into(),
                    indent: 0,
                    text: vec![Inline::Text("two".into())]
                },
                Block::Quote(vec![Inline::Text("note".into())]),
                Block::Code {
                    lang: "js".into(),
                    lines: vec!["console.log(1)".into()]
                },
                Block::Rule,
            ]
        );
    }

    #[test]
    fn chinese_lines_join_without_spaces() {
        assert_eq!(join(&["事件", "循环"]), "事件循环");
        assert_eq!(join(&["event", "loop"]), "event loop");
        assert_eq!(join(&["使用", "setImmediate"]), "使用 setImmediate");
    }

    #[test]
    fn unmatched_markers_stay_text() {
        assert_eq!(inlines("a * b"), vec![Inline::Text("a * b".into())]);
        assert_eq!(inlines("2 ** 3"), vec![Inline::Text("2 ** 3".into())]);
    }

    #[test]
    fn an_unclosed_fence_is_found() {
        assert_eq!(unclosed_fence("a\n```js\nx\n```\n"), None);
        assert_eq!(unclosed_fence("a\n\n```js\nx\n"), Some(3));
    }

    #[test]
    fn width_counts_wide_characters_twice() {
        assert_eq!(width("ab"), 2);
        assert_eq!(width("事件"), 4);
    }
}
