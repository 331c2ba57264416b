//! The quizzes of `mini-node lesson`: a quiz's question and snippet, and the interactive
//! question "in which order does node print these lines?" with its verdict. It prints and reads
//! the student's answer; the right order comes from the engine (`crate::lessons::answer`).

use std::io::{self, BufRead, Write};

use colored::Colorize;

use super::lessons::Msg;
use crate::lessons::{Lang, Quiz};

/// A quiz's question and its snippet with line numbers.
pub fn head(
    quiz: &Quiz,
    n: usize,
    total: usize,
    lang: Lang,
    out: &mut dyn Write,
) -> io::Result<()> {
    writeln!(
        out,
        "{} {}",
        Msg::Quiz { n, total }.text(lang).bold().magenta(),
        quiz.question.get(lang).bold()
    )?;
    writeln!(out, "  {}", format!("┌─ {}", quiz.file).dimmed())?;
    for (i, line) in quiz.source.lines().enumerate() {
        writeln!(
            out,
            "  {} {}",
            format!("{:>3} │", i + 1).dimmed(),
            line.yellow()
        )?;
    }
    writeln!(out, "  {}", "└─".dimmed())
}

/// The engine failed to run a quiz's snippet.
pub fn engine_failed(err: &anyhow::Error, lang: Lang, out: &mut dyn Write) -> io::Result<()> {
    writeln!(
        out,
        "{} {err:#}",
        Msg::EngineCouldNotAnswer.text(lang).red()
    )
}

/// A quiz's answer, when nobody is asked.
pub fn answer(lines: &[String], lang: Lang, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "{}", Msg::Answer.text(lang).bold())?;
    print_lines(lines, out)
}

/// The student ended the input before the last quiz.
pub fn input_ended(lang: Lang, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "{}", Msg::InputEnded.text(lang).dimmed())
}

/// After a lesson read without a terminal: how to answer its quizzes.
pub fn answer_in_a_terminal(id: &str, lang: Lang, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "{}", Msg::AnswerInATerminal { id }.text(lang).dimmed())
}

/// Numbered output lines.
fn print_lines(lines: &[String], out: &mut dyn Write) -> io::Result<()> {
    for (i, line) in lines.iter().enumerate() {
        writeln!(out, "  {} {line}", format!("{}.", i + 1).cyan())?;
    }
    writeln!(out)
}

/// A shuffled copy of `lines` that differs from them when it can.
fn shuffled(lines: &[String]) -> Vec<String> {
    let mut out = lines.to_vec();
    for _ in 0..20 {
        fastrand::shuffle(&mut out);
        if out != lines {
            break;
        }
    }
    out
}

/// Parse "3 1 2" (or "312" when there are fewer than 10 lines) into 0-based indexes: a
/// permutation of `0..n`, or why not.
fn parse_order(text: &str, n: usize) -> Result<Vec<usize>, String> {
    let text = text.trim();
    let parts: Vec<&str> = if n < 10 && !text.contains([' ', ',']) {
        text.char_indices()
            .map(|(i, c)| &text[i..i + c.len_utf8()])
            .collect()
    } else {
        text.split([' ', ',']).filter(|p| !p.is_empty()).collect()
    };
    let mut order = Vec::with_capacity(n);
    for part in parts {
        let k: usize = part
            .parse()
            .map_err(|_| format!("{part:?} is not a line number"))?;
        if k == 0 || k > n {
            return Err(format!("{k} is not between 1 and {n}"));
        }
        if order.contains(&(k - 1)) {
            return Err(format!("{k} appears twice"));
        }
        order.push(k - 1);
    }
    if order.len() != n {
        return Err(format!("give all {n} numbers, each once"));
    }
    Ok(order)
}

/// How a quiz question ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reply {
    Right,
    Wrong,
    /// An empty line, or three orders that could not be read.
    Skipped,
    /// End of input (Ctrl-D): no more questions.
    InputEnded,
}

/// Ask the student to order the shuffled output (the answer is shown in every case).
pub fn ask(
    answer: &[String],
    lang: Lang,
    input: &mut dyn BufRead,
    out: &mut dyn Write,
) -> io::Result<Reply> {
    let shown = shuffled(answer);
    writeln!(out, "{}", Msg::Shuffled.text(lang).bold())?;
    print_lines(&shown, out)?;
    let mut verdict = Reply::Skipped;
    for _ in 0..3 {
        write!(out, "{} ", Msg::WhichOrder.text(lang))?;
        out.flush()?;
        let mut line = String::new();
        if input.read_line(&mut line)? == 0 {
            writeln!(out)?;
            verdict = Reply::InputEnded;
            break;
        }
        if line.trim().is_empty() {
            writeln!(out)?;
            break;
        }
        match parse_order(&line, shown.len()) {
            Ok(order) => {
                let given: Vec<&String> = order.iter().map(|&i| &shown[i]).collect();
                let right = given.iter().zip(answer).all(|(a, b)| *a == b);
                if right {
                    writeln!(out, "{}", Msg::Right.text(lang).green().bold())?;
                } else {
                    writeln!(out, "{}", Msg::NotQuite.text(lang).red().bold())?;
                }
                verdict = if right { Reply::Right } else { Reply::Wrong };
                break;
            }
            Err(why) => writeln!(out, "{} {why}", "?".yellow().bold())?,
        }
    }
    writeln!(out, "{}", Msg::TheAnswer.text(lang).bold())?;
    print_lines(answer, out)?;
    Ok(verdict)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn orders_parse_with_or_without_spaces() {
        assert_eq!(parse_order("3 1 2", 3), Ok(vec![2, 0, 1]));
        assert_eq!(parse_order("312\n", 3), Ok(vec![2, 0, 1]));
        assert_eq!(parse_order("3,1,2", 3), Ok(vec![2, 0, 1]));
        assert!(parse_order("1 1 2", 3).unwrap_err().contains("twice"));
        assert!(parse_order("1 2", 3).unwrap_err().contains("all 3"));
        assert!(parse_order("1 2 9", 3)
            .unwrap_err()
            .contains("between 1 and 3"));
        assert!(parse_order("a b c", 3).is_err());
    }

    #[test]
    fn shuffled_differs_when_it_can() {
        let answer = lines(&["a", "b"]);
        for _ in 0..10 {
            assert_eq!(shuffled(&answer), lines(&["b", "a"]));
        }
        assert_eq!(shuffled(&lines(&["x", "x"])), lines(&["x", "x"]));
    }

    /// Answer the shuffled lines by looking them up in the answer (the right order) or reversed.
    fn play(answer: &[String], reverse: bool) -> (Reply, String) {
        // The shuffled order is printed first; read it back from a dry run's output is not
        // possible, so answer through a reader that computes the order from what was printed.
        struct Student<'a> {
            answer: &'a [String],
            reverse: bool,
            printed: std::rc::Rc<std::cell::RefCell<Vec<u8>>>,
            done: bool,
        }
        impl io::Read for Student<'_> {
            fn read(&mut self, _: &mut [u8]) -> io::Result<usize> {
                unreachable!("read through BufRead")
            }
        }
        impl BufRead for Student<'_> {
            fn fill_buf(&mut self) -> io::Result<&[u8]> {
                unreachable!("read_line is overridden")
            }
            fn consume(&mut self, _: usize) {}
            fn read_line(&mut self, buf: &mut String) -> io::Result<usize> {
                if self.done {
                    return Ok(0);
                }
                self.done = true;
                let printed = String::from_utf8(self.printed.borrow().clone()).unwrap();
                let shown: Vec<String> = printed
                    .lines()
                    .filter_map(|l| l.trim().split_once(". ").map(|(_, s)| s.to_string()))
                    .collect();
                let mut want: Vec<&String> = self.answer.iter().collect();
                if self.reverse {
                    want.reverse();
                }
                let order: Vec<String> = want
                    .iter()
                    .map(|w| (shown.iter().position(|s| s == *w).unwrap() + 1).to_string())
                    .collect();
                buf.push_str(&order.join(" "));
                buf.push('\n');
                Ok(buf.len())
            }
        }
        struct Shared(std::rc::Rc<std::cell::RefCell<Vec<u8>>>);
        impl Write for Shared {
            fn write(&mut self, b: &[u8]) -> io::Result<usize> {
                self.0.borrow_mut().extend_from_slice(b);
                Ok(b.len())
            }
            fn flush(&mut self) -> io::Result<()> {
                Ok(())
            }
        }
        colored::control::set_override(false);
        let printed = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
        let mut student = Student {
            answer,
            reverse,
            printed: printed.clone(),
            done: false,
        };
        let mut out = Shared(printed.clone());
        let verdict = ask(answer, Lang::En, &mut student, &mut out).unwrap();
        let text = String::from_utf8(printed.borrow().clone()).unwrap();
        (verdict, text)
    }

    #[test]
    fn a_right_order_is_right_and_a_wrong_one_wrong() {
        let answer = lines(&["script start", "script end", "nextTick", "promise"]);
        let (verdict, text) = play(&answer, false);
        assert_eq!(verdict, Reply::Right, "{text}");
        assert!(text.contains("✔ Right!"), "{text}");
        let (verdict, text) = play(&answer, true);
        assert_eq!(verdict, Reply::Wrong, "{text}");
        assert!(text.contains("✘ Not quite."), "{text}");
        assert!(
            text.ends_with("1. script start\n  2. script end\n  3. nextTick\n  4. promise\n\n"),
            "{text}"
        );
    }

    #[test]
    fn no_input_shows_the_answer() {
        colored::control::set_override(false);
        let mut out = Vec::new();
        let verdict = ask(
            &lines(&["a", "b"]),
            Lang::Zh,
            &mut io::Cursor::new(Vec::new()),
            &mut out,
        )
        .unwrap();
        assert_eq!(verdict, Reply::InputEnded);
        let text = String::from_utf8(out).unwrap();
        assert!(text.contains("答案"), "{text}");
    }

    #[test]
    fn enter_skips_one_quiz_and_ctrl_d_ends_them_all() {
        colored::control::set_override(false);
        let quiz = lines(&["a", "b"]);
        let reply = |typed: &str| {
            let mut input = io::Cursor::new(typed.as_bytes().to_vec());
            ask(&quiz, Lang::En, &mut input, &mut Vec::new()).unwrap()
        };
        assert_eq!(reply("\n"), Reply::Skipped);
        assert_eq!(reply("x\ny\nz\n"), Reply::Skipped);
        assert_eq!(reply(""), Reply::InputEnded);
        assert_eq!(reply("x\n"), Reply::InputEnded);
    }
}
