//! V8's syntax-error reports from QuickJS's: node prints a syntax error in a script as
//! `file:line`, the line, a caret (or an underline) and `SyntaxError: <V8's message>`, then its
//! loader's frames. QuickJS words its syntax errors differently and often reports no useful
//! column, so this module rewrites the message (`v8_message`) and places the caret from the
//! line's text (`node_caret`, `syntax_report`), one rule per common mistake; each rule has a unit
//! test whose expected text is what node v20 prints.
//!
//! It only reads an error value and the source text: it compiles nothing (`module.rs` does) and
//! runs no JavaScript.

use std::path::Path;

use rquickjs::Value;

/// node's frames below a syntax error in the main module.
const SYNTAX_FRAMES: &str = "    at wrapSafe (node:internal/modules/cjs/loader:1464:18)
    at Module._compile (node:internal/modules/cjs/loader:1495:20)
    at Module._extensions..js (node:internal/modules/cjs/loader:1623:10)
    at Module.load (node:internal/modules/cjs/loader:1266:32)
    at Module._load (node:internal/modules/cjs/loader:1091:12)
    at Function.executeUserEntryPoint [as runMain] (node:internal/modules/run_main:164:12)
    at node:internal/main/run_main_module:28:49";

/// Where a syntax error points: (line, column), 1-based.
pub fn error_location(e: &Value<'_>, file: &Path) -> Option<(usize, usize)> {
    let stack: String = e.as_object()?.get("stack").ok()?;
    location_in(&stack, &file.display().to_string())
}

/// node's report of a syntax error; `first_col`: the column to use if it is on the first line.
pub fn syntax_report(
    e: &Value<'_>,
    source: &str,
    file: &Path,
    main: bool,
    first_col: Option<usize>,
) -> String {
    let message: String = e
        .as_object()
        .and_then(|o| o.get("message").ok())
        .unwrap_or_else(|| "invalid script".into());
    let (line, col) = error_location(e, file).unwrap_or((1, 1));
    let col = match first_col {
        Some(c) if line == 1 => c,
        _ => col,
    };
    let mut message = v8_message(&message);
    let mut line = line.min(source.lines().count().max(1));
    let mut marker = format!("{}^", " ".repeat(col.saturating_sub(1)));
    let placed = {
        match node_caret(&message, line, col, source) {
            Some((m, l, k)) => {
                (message, line, marker) = (m, l, k);
                true
            }
            None => false,
        }
    };
    if !placed && (message == "Unexpected end of input" || message == "Expecting ')'") {
        if let Some((l, start, len)) = open_call_at_end(source) {
            // V8: "missing ) after argument list", under the last token
            message = "missing ) after argument list".into();
            line = l;
            marker = format!("{}{}", " ".repeat(start), "^".repeat(len.max(1)));
        }
    }
    if !placed {
        // V8 underlines a regular expression literal it refuses
        let literal = message
            .strip_prefix("Invalid regular expression: ")
            .and_then(|r| r.rfind(": ").map(|i| &r[..i]));
        let text = source.lines().nth(line.saturating_sub(1)).unwrap_or("");
        let at = col.saturating_sub(1);
        if let Some(literal) = literal.filter(|l| l.starts_with('/')) {
            if text
                .chars()
                .skip(at)
                .collect::<String>()
                .starts_with(literal)
            {
                marker = format!("{}{}", " ".repeat(at), "^".repeat(literal.chars().count()));
            }
        }
    }
    if !placed && message == "Invalid property name" {
        let at = col.saturating_sub(1);
        let found = source
            .lines()
            .nth(line.saturating_sub(1))
            .and_then(|t| t.chars().nth(at));
        match found {
            // V8 names the token where a property name should be
            Some(c) if !c.is_whitespace() && !is_ident(c) => {
                message = format!("Unexpected token '{c}'");
                marker = format!("{}^", " ".repeat(at));
            }
            // the input ended inside an object or class body: V8 points past the last line
            _ if braces_left_open(source) => {
                message = "Unexpected end of input".into();
                line = source.lines().count() + usize::from(source.ends_with('\n'));
                marker = String::new();
            }
            _ => {}
        }
    }
    let text = source.lines().nth(line.saturating_sub(1)).unwrap_or("");
    let mut out = format!(
        "{}:{line}\n{text}\n{marker}\n\nSyntaxError: {message}\n",
        file.display()
    );
    if main {
        out.push_str(SYNTAX_FRAMES);
        out.push_str("\n\nNode.js v20.20.2\n");
    }
    out
}

/// QuickJS reports many syntax errors without a column. For the common ones, V8's message, line
/// and caret (or underline) worked out from the reported line's text: (message, line, marker).
fn node_caret(
    message: &str,
    line: usize,
    col: usize,
    source: &str,
) -> Option<(String, usize, String)> {
    let lines: Vec<&str> = source.lines().collect();
    let text: Vec<char> = lines.get(line.checked_sub(1)?)?.chars().collect();
    let under =
        |start: usize, len: usize| format!("{}{}", " ".repeat(start), "^".repeat(len.max(1)));
    let code = code_mask(&text);
    // an unterminated '…' or "…" string
    if let Some(q) = unterminated_quote(&text) {
        if message.starts_with("Unexpected")
            || message.starts_with("Invalid or")
            || message.starts_with("Expecting")
        {
            let len = text.len() - q;
            return Some(("Invalid or unexpected token".into(), line, under(q, len)));
        }
    }
    if message == "let is disallowed as a lexically bound name" {
        let at = col.checked_sub(1).filter(|&c| {
            text.get(c..)
                .is_some_and(|r| r.starts_with(&['l', 'e', 't']))
        })?;
        return Some((message.into(), line, under(at, 3)));
    }
    let unclosed_template = source.chars().filter(|&c| c == '`').count() % 2 == 1;
    if message == "Unexpected token ''"
        || (message == "Unexpected end of input" && unclosed_template)
    {
        // the input ended inside a block: V8 points past the last line
        let last = if source.ends_with('\n') {
            lines.len() + 1
        } else {
            lines.len()
        };
        return Some(("Unexpected end of input".into(), last, String::new()));
    }
    let word_at = |word: &str| -> Option<usize> {
        let w: Vec<char> = word.chars().collect();
        (0..text.len()).find(|&i| {
            code[i]
                && text[i..].starts_with(&w)
                && (i == 0 || !is_ident(text[i - 1]))
                && text.get(i + w.len()).is_none_or(|c| !is_ident(*c))
        })
    };
    if let Some(tok) = message
        .strip_prefix("Unexpected token '")
        .and_then(|t| t.strip_suffix('\''))
        .filter(|t| !t.is_empty())
    {
        let t: Vec<char> = tok.chars().collect();
        let given = col
            .checked_sub(1)
            .filter(|&c| c > 0 && text.get(c..).is_some_and(|r| r.starts_with(&t)));
        let at =
            given.or_else(|| (0..text.len()).find(|&i| code[i] && text[i..].starts_with(&t)))?;
        if let Some(open) = open_call_before(&text, &code, at) {
            // V8: "missing ) after argument list", under the last argument
            let from = (open + 1..at)
                .rev()
                .find(|&i| code[i] && text[i] == ',')
                .unwrap_or(open)
                + 1;
            let start = (from..at).find(|&i| !text[i].is_whitespace()).unwrap_or(at);
            let end = (start..at)
                .rev()
                .find(|&i| !text[i].is_whitespace())
                .map_or(start, |e| e + 1);
            let (start, len) = if end > start {
                (start, end - start)
            } else {
                (at, t.len())
            };
            return Some((
                "missing ) after argument list".into(),
                line,
                under(start, len),
            ));
        }
        return Some((message.to_string(), line, under(at, t.len())));
    }
    if message == "Invalid assignment left-hand side" {
        let eq = (0..text.len()).find(|&i| {
            code[i]
                && text[i] == '='
                && text.get(i + 1).is_none_or(|c| *c != '=' && *c != '>')
                && (i == 0 || !"=!<>+-*/%&|^".contains(text[i - 1]))
        })?;
        let start = text.iter().position(|c| !c.is_whitespace())?;
        let end = (start..eq)
            .rev()
            .find(|&i| !text[i].is_whitespace())
            .map_or(start, |e| e + 1);
        let len = end.saturating_sub(start);
        return Some((
            "Invalid left-hand side in assignment".into(),
            line,
            under(start, len),
        ));
    }
    if message == "Missing initializer for variable" {
        let at = word_at("const")?;
        let name = (at + 5..text.len()).find(|&i| !text[i].is_whitespace())?;
        let len = text[name..].iter().take_while(|c| is_ident(**c)).count();
        return Some((
            "Missing initializer in const declaration".into(),
            line,
            under(name, len),
        ));
    }
    let unexpected_operand = message.starts_with("Unexpected identifier")
        || message == "Unexpected number"
        || message == "Unexpected string";
    if unexpected_operand {
        if let Some(at) = word_at("await").filter(|_| message == "Unexpected identifier") {
            return Some((
                "await is only valid in async functions and the top level bodies of modules".into(),
                line,
                under(at, 5),
            ));
        }
        let at = col.checked_sub(1)?;
        // a call still open here, maybe since an earlier line: V8 says "missing ) after argument
        // list", under the token before (on its own line)
        let (flat, flat_code, starts) = flatten(lines.get(..line)?);
        let flat_at = starts[line - 1] + at;
        if open_call_before(&flat, &flat_code, flat_at).is_some() {
            let (start, len) = token_before(&flat, flat_at).unwrap_or((flat_at, 1));
            let k = starts.iter().rposition(|&s| s <= start).unwrap_or(line - 1);
            return Some((
                "missing ) after argument list".into(),
                k + 1,
                under(start - starts[k], len),
            ));
        }
        if let Some((m, len)) = unexpected_token(&text, at) {
            return Some((m, line, under(at, len)));
        }
        return None;
    }
    if message.ends_with("has already been declared") {
        let at = ["const", "let", "class"]
            .iter()
            .find_map(|w| word_at(w).map(|a| a + w.len()))?;
        let name = (at..text.len()).find(|&i| !text[i].is_whitespace())?;
        let ident: String = text[name..].iter().take_while(|c| is_ident(**c)).collect();
        return Some((
            format!("Identifier '{ident}' has already been declared"),
            line,
            under(name, 1),
        ));
    }
    None
}

/// Lines joined by `\n`, with their code mask (outside strings and comments) and where each
/// line starts.
fn flatten(lines: &[&str]) -> (Vec<char>, Vec<bool>, Vec<usize>) {
    let mut flat: Vec<char> = Vec::new();
    let mut code: Vec<bool> = Vec::new();
    let mut starts: Vec<usize> = Vec::new();
    for (k, l) in lines.iter().enumerate() {
        let chars: Vec<char> = l.chars().collect();
        starts.push(flat.len());
        code.extend(code_mask(&chars));
        flat.extend(chars);
        if k + 1 < lines.len() {
            flat.push('\n');
            code.push(true);
        }
    }
    (flat, code, starts)
}

/// More `{` than `}` in the code (strings and comments aside).
fn braces_left_open(source: &str) -> bool {
    let lines: Vec<&str> = source.lines().collect();
    let (flat, code, _) = flatten(&lines);
    let depth: i64 = flat
        .iter()
        .zip(&code)
        .filter(|(_, &c)| c)
        .map(|(&ch, _)| match ch {
            '{' => 1,
            '}' => -1,
            _ => 0,
        })
        .sum();
    depth > 0
}

/// A call still open where the source ends: (line, start, length) of the last token, where V8
/// reports `missing ) after argument list`.
fn open_call_at_end(source: &str) -> Option<(usize, usize, usize)> {
    let lines: Vec<&str> = source.lines().collect();
    let (flat, code, starts) = flatten(&lines);
    open_call_before(&flat, &code, flat.len())?;
    let (start, len) = token_before(&flat, flat.len())?;
    let k = starts.iter().rposition(|&s| s <= start)?;
    Some((k + 1, start - starts[k], len))
}

/// The token that ends before `at`: (start, length).
fn token_before(text: &[char], at: usize) -> Option<(usize, usize)> {
    let end = (0..at).rev().find(|&i| !text[i].is_whitespace())? + 1;
    let last = text[end - 1];
    let start = if last == '"' || last == '\'' {
        (0..end - 1)
            .rev()
            .find(|&i| text[i] == last && (i == 0 || text[i - 1] != '\\'))?
    } else if is_ident(last) {
        (0..end)
            .rev()
            .take_while(|&i| {
                is_ident(text[i]) || text[i] == '.' && text[i.saturating_sub(1)].is_ascii_digit()
            })
            .last()?
    } else {
        end - 1
    };
    Some((start, end - start))
}

/// V8's words for the token QuickJS found where a `;` should have been: (message, its length).
fn unexpected_token(text: &[char], at: usize) -> Option<(String, usize)> {
    const KEYWORDS: &[&str] = &[
        "async",
        "break",
        "case",
        "catch",
        "class",
        "const",
        "continue",
        "debugger",
        "default",
        "delete",
        "do",
        "else",
        "export",
        "extends",
        "false",
        "finally",
        "for",
        "function",
        "if",
        "import",
        "in",
        "instanceof",
        "new",
        "null",
        "return",
        "super",
        "switch",
        "this",
        "throw",
        "true",
        "try",
        "typeof",
        "var",
        "void",
        "while",
        "with",
    ];
    let rest = text.get(at..)?;
    let c = *rest.first()?;
    if c.is_ascii_digit() || (c == '.' && rest.get(1).is_some_and(|d| d.is_ascii_digit())) {
        let len = rest
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric() || **c == '.' || **c == '_')
            .count();
        return Some(("Unexpected number".into(), len));
    }
    if c == '"' || c == '\'' {
        let mut i = 1;
        while i < rest.len() {
            if rest[i] == '\\' {
                i += 2;
            } else if rest[i] == c {
                return Some(("Unexpected string".into(), i + 1));
            } else {
                i += 1;
            }
        }
        return None;
    }
    if is_ident(c) || c == '#' {
        let len = 1 + rest[1..].iter().take_while(|c| is_ident(**c)).count();
        let word: String = rest[..len].iter().collect();
        let message = if KEYWORDS.contains(&word.as_str()) {
            format!("Unexpected token '{word}'")
        } else if word == "enum" {
            "Unexpected reserved word".into()
        } else {
            format!("Unexpected identifier '{word}'")
        };
        return Some((message, len));
    }
    (!c.is_whitespace()).then(|| (format!("Unexpected token '{c}'"), 1))
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || c == '$'
}

/// For each character of a line: whether it is code (not inside a string or a `//` comment).
fn code_mask(text: &[char]) -> Vec<bool> {
    let mut mask = vec![true; text.len()];
    let mut quote: Option<char> = None;
    let mut i = 0;
    while i < text.len() {
        let c = text[i];
        match quote {
            Some(q) => {
                mask[i] = false;
                if c == '\\' {
                    if i + 1 < text.len() {
                        mask[i + 1] = false;
                    }
                    i += 1;
                } else if c == q {
                    quote = None;
                }
            }
            None if c == '/' && text.get(i + 1) == Some(&'/') => {
                mask[i..].iter_mut().for_each(|m| *m = false);
                break;
            }
            None if matches!(c, '\'' | '"' | '`') => {
                quote = Some(c);
                mask[i] = false;
            }
            None => {}
        }
        i += 1;
    }
    mask
}

/// Where a '…' or "…" string opens and is never closed on its line.
fn unterminated_quote(text: &[char]) -> Option<usize> {
    let mut open: Option<(char, usize)> = None;
    let mut i = 0;
    while i < text.len() {
        let c = text[i];
        match open {
            Some(_) if c == '\\' => i += 1,
            Some((q, _)) if c == q => open = None,
            Some(_) => {}
            None if c == '/' && text.get(i + 1) == Some(&'/') => break,
            None if matches!(c, '\'' | '"' | '`') => open = Some((c, i)),
            None => {}
        }
        i += 1;
    }
    open.filter(|(q, _)| *q != '`').map(|(_, at)| at)
}

/// The `(` of a call still open at `at` on this line (not the `(` of `if`, `while` …).
fn open_call_before(text: &[char], code: &[bool], at: usize) -> Option<usize> {
    let mut stack: Vec<usize> = Vec::new();
    for i in 0..at {
        if !code[i] {
            continue;
        }
        match text[i] {
            '(' | '[' | '{' => stack.push(i),
            ')' | ']' | '}' => {
                stack.pop();
            }
            _ => {}
        }
    }
    let open = *stack.last()?;
    if text[open] != '(' {
        return None;
    }
    let before: String = text[..open].iter().collect();
    let before = before.trim_end();
    let word: String = before
        .chars()
        .rev()
        .take_while(|c| is_ident(*c))
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let keyword = matches!(
        word.as_str(),
        "if" | "while" | "for" | "switch" | "catch" | "with" | "return" | "typeof" | "function"
    );
    let callee = before.ends_with(|c: char| is_ident(c) || c == ')' || c == ']');
    (callee && !keyword).then_some(open)
}

/// `file:line:col` of the first frame in `file`.
pub fn location_in(stack: &str, file: &str) -> Option<(usize, usize)> {
    let at = stack.find(&format!("{file}:"))?;
    let rest = &stack[at + file.len() + 1..];
    let mut parts = rest.split(|c: char| !c.is_ascii_digit());
    let line = parts.next()?.parse().ok()?;
    let col = parts.next()?.parse().ok()?;
    Some((line, col))
}

/// QuickJS's wording of the common syntax errors, in V8's words.
pub fn v8_message(m: &str) -> String {
    if let Some(tok) = m.strip_prefix("unexpected token in expression: ") {
        return format!("Unexpected token {tok}");
    }
    if let Some(tok) = m.strip_prefix("unexpected token: ") {
        return format!("Unexpected token {tok}");
    }
    match m {
        "unexpected end of string" | "unexpected end of input" => "Unexpected end of input".into(),
        "unexpected line terminator in regexp" | "unexpected end of regexp" => {
            "Invalid regular expression: missing /".into()
        }
        "expecting ';'" => "Unexpected identifier".into(),
        "'let' is not a valid lexical identifier" => {
            "let is disallowed as a lexically bound name".into()
        }
        "unexpected 'await' keyword" => {
            "await is only valid in async functions and the top level bodies of modules".into()
        }
        "unterminated string literal"
        | "unexpected end of string literal"
        | "invalid number literal"
        | "Invalid number literal" => "Invalid or unexpected token".into(),
        _ if m.starts_with("invalid redefinition of lexical identifier")
            || m.ends_with("already declared") =>
        {
            let name = m.split('\'').nth(1).unwrap_or("");
            format!("Identifier '{name}' has already been declared")
        }
        _ => {
            let mut c = m.chars();
            match c.next() {
                Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
                None => String::new(),
            }
        }
    }
}

#[cfg(test)]
mod tests;
