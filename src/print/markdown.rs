//! Lesson Markdown for a terminal: the typed blocks of `crate::lessons::markdown`, coloured and
//! wrapped to the terminal's width (Chinese wraps between characters), and still readable without
//! colour. It prints; parsing the Markdown is the lessons engine's.

use std::io::{self, IsTerminal, Write};

use colored::Colorize;

use crate::lessons::markdown::{self, Block, Inline};

/// Lesson Markdown, coloured for a terminal (and still readable without colour).
pub fn render_markdown(text: &str, width: Option<usize>, out: &mut dyn Write) -> io::Result<()> {
    let mut previous_was_item = false;
    for (n, block) in markdown::parse(text).into_iter().enumerate() {
        let is_item = matches!(block, Block::Item { .. });
        // A blank line between blocks, none between the items of one list.
        if n > 0 && !(is_item && previous_was_item) {
            writeln!(out)?;
        }
        previous_was_item = is_item;
        match block {
            Block::Heading { level, text } => {
                let plain: String = text.iter().map(inline_text).collect();
                if level <= 1 {
                    writeln!(out, "{}", plain.bold().bright_cyan().underline())?;
                } else {
                    writeln!(out, "{}", plain.bold().cyan())?;
                }
                let rule = if level <= 1 { "━" } else { "─" };
                writeln!(out, "{}", rule.repeat(markdown::width(&plain)).cyan())?;
            }
            Block::Paragraph(text) => {
                for line in wrap(&text, width, 0) {
                    writeln!(out, "{line}")?;
                }
            }
            Block::Item {
                marker,
                indent,
                text,
            } => {
                let lead = "  ".repeat(indent + 1);
                let hang = markdown::width(&lead) + markdown::width(&marker) + 1;
                for (k, line) in wrap(&text, width, hang).into_iter().enumerate() {
                    if k == 0 {
                        writeln!(out, "{lead}{} {line}", marker.cyan().bold())?;
                    } else {
                        writeln!(out, "{}{line}", " ".repeat(hang))?;
                    }
                }
            }
            Block::Quote(text) => {
                for line in wrap(&text, width, 4) {
                    writeln!(out, "  {} {}", "┃".magenta(), line.italic())?;
                }
            }
            Block::Code { lang, lines } => {
                let tag = if lang.is_empty() { "code" } else { &lang };
                writeln!(out, "  {}", format!("┌─ {tag}").dimmed())?;
                for line in lines {
                    writeln!(out, "  {} {}", "│".dimmed(), line.yellow())?;
                }
                writeln!(out, "  {}", "└─".dimmed())?;
            }
            Block::Rule => writeln!(out, "{}", "─".repeat(40).dimmed())?,
        }
    }
    writeln!(out)
}

fn inline_text(inline: &Inline) -> &str {
    match inline {
        Inline::Text(t) | Inline::Bold(t) | Inline::Italic(t) | Inline::Code(t) => t,
    }
}

/// How a piece of wrapped text is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Look {
    Plain,
    Bold,
    Italic,
    Code,
    BoldCode,
}

/// One unbreakable piece of a paragraph: a word, or a single wide (Chinese) character.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Piece {
    text: String,
    look: Look,
    /// A space separates it from the piece before.
    space_before: bool,
    wide: bool,
}

/// Split inline runs into pieces: words at spaces, each wide character on its own.
fn pieces(text: &[Inline]) -> Vec<Piece> {
    let mut runs: Vec<(&str, Look)> = Vec::new();
    for inline in text {
        match inline {
            Inline::Text(t) => runs.push((t, Look::Plain)),
            Inline::Italic(t) => runs.push((t, Look::Italic)),
            Inline::Code(t) => runs.push((t, Look::Code)),
            // `code` inside bold keeps its code colour.
            Inline::Bold(t) => {
                for (i, part) in t.split('`').enumerate() {
                    runs.push((
                        part,
                        if i % 2 == 1 {
                            Look::BoldCode
                        } else {
                            Look::Bold
                        },
                    ));
                }
            }
        }
    }
    let mut out: Vec<Piece> = Vec::new();
    let mut space = false;
    for (run, look) in runs {
        let mut word = String::new();
        let flush = |word: &mut String, space: &mut bool, out: &mut Vec<Piece>| {
            if !word.is_empty() {
                out.push(Piece {
                    text: std::mem::take(word),
                    look,
                    space_before: std::mem::take(space),
                    wide: false,
                });
            }
        };
        for c in run.chars() {
            if c == ' ' {
                flush(&mut word, &mut space, &mut out);
                space = true;
            } else if markdown::width(c.encode_utf8(&mut [0; 4])) == 2 {
                flush(&mut word, &mut space, &mut out);
                out.push(Piece {
                    text: c.to_string(),
                    look,
                    space_before: std::mem::take(&mut space),
                    wide: true,
                });
            } else {
                word.push(c);
            }
        }
        flush(&mut word, &mut space, &mut out);
    }
    out
}

/// Wrap inline runs to `width` columns (the first `used` columns are taken by a prefix on every
/// line), styled for the terminal. `None`: one line, as the terminal or pager will wrap it.
fn wrap(text: &[Inline], width: Option<usize>, used: usize) -> Vec<String> {
    let room = width.map_or(usize::MAX, |w| w.saturating_sub(used).max(20));
    // Glue pieces that cannot be split (`(` + `code` + `),`) into groups; lines break between groups.
    let mut groups: Vec<Vec<Piece>> = Vec::new();
    for piece in pieces(text) {
        let glued = match groups.last().and_then(|g| g.last()) {
            Some(prev) => !(piece.space_before || piece.wide || prev.wide),
            None => false,
        };
        match groups.last_mut() {
            Some(group) if glued => group.push(piece),
            _ => groups.push(vec![piece]),
        }
    }
    let mut lines: Vec<Vec<Piece>> = vec![Vec::new()];
    let mut filled = 0;
    for mut group in groups {
        let line = lines.last_mut().expect("one line at least");
        let gap = usize::from(group[0].space_before && !line.is_empty());
        let w: usize = group.iter().map(|p| markdown::width(&p.text)).sum();
        if !line.is_empty() && filled + gap + w > room {
            group[0].space_before = false;
            lines.push(group);
            filled = w;
        } else {
            filled += gap + w;
            line.extend(group);
        }
    }
    lines
        .into_iter()
        .map(|line| {
            let mut out = String::new();
            for (k, piece) in line.iter().enumerate() {
                if k > 0 && piece.space_before {
                    out.push(' ');
                }
                let t = piece.text.as_str();
                let styled = match piece.look {
                    Look::Plain => t.normal(),
                    Look::Bold => t.bold(),
                    Look::Italic => t.italic(),
                    Look::Code => t.yellow(),
                    Look::BoldCode => t.bold().yellow(),
                };
                out.push_str(&styled.to_string());
            }
            out
        })
        .collect()
}

/// The width to wrap lesson text to: the terminal's (at most 100 columns, for reading), or none
/// when the output is not a terminal.
pub fn text_width() -> Option<usize> {
    if !io::stdout().is_terminal() {
        return None;
    }
    crossterm::terminal::size()
        .ok()
        .filter(|&(cols, _)| cols > 0)
        .map(|(cols, _)| usize::from(cols).min(100))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn paragraphs_wrap_at_spaces_and_between_chinese_characters() {
        colored::control::set_override(false);
        let en =
            markdown::inlines("the poll phase waits **at most** until the nearest timer is due");
        assert_eq!(
            wrap(&en, Some(24), 0),
            lines(&[
                "the poll phase waits at",
                "most until the nearest",
                "timer is due"
            ])
        );
        assert_eq!(wrap(&en, None, 0).len(), 1);
        let zh = markdown::inlines("事件循环的六个阶段，每个阶段有自己的回调队列");
        let wrapped = wrap(&zh, Some(20), 0);
        assert_eq!(
            wrapped,
            lines(&["事件循环的六个阶段，", "每个阶段有自己的回调", "队列"])
        );
        // Punctuation stays with the code it follows.
        let code = markdown::inlines("we recommend `setImmediate()`, always");
        assert_eq!(
            wrap(&code, Some(20), 0),
            lines(&["we recommend", "setImmediate(),", "always"])
        );
    }
}
