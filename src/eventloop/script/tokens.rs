//! A JavaScript tokenizer just deep enough to find ES-module syntax in a script before it runs:
//! it skips every comment (`//`, `/* */`, a hashbang), string, template literal (with `${}`
//! nesting) and regular expression, and tells each token's line, whether it sits inside a
//! function body and how deep in braces it is.
//!
//! It does not parse: it never rejects a script, it only gives `script::reject_module` the
//! tokens to judge. When the source is malformed it keeps going; the engine reports the error.

/// What a token is; its text matters only for words and punctuators.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    /// An identifier or keyword.
    Word(String),
    /// A number literal.
    Number,
    /// A string literal.
    Str,
    /// A template literal or one of its pieces around `${}`.
    Template,
    /// A regular expression literal.
    Regex,
    /// `=>`
    Arrow,
    /// `.` or `?.`
    Dot,
    /// Any other punctuator, one character.
    Punct(char),
}

/// A token and where it is.
#[derive(Debug, Clone)]
pub struct Token {
    pub kind: Kind,
    /// 1-based line of its first character.
    pub line: usize,
    /// Byte offset of its first character.
    pub start: usize,
    /// Open braces (blocks, functions, objects, `${`) around it.
    pub depth: usize,
    /// Whether a function body (or an arrow function's braces) encloses it.
    pub in_function: bool,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Brace {
    Block,
    /// An object literal's braces: a `/` after its `}` divides.
    Object,
    Function,
    Template,
}

/// Words after which a `/` starts a regular expression, not a division.
const BEFORE_EXPRESSION: &[&str] = &[
    "return",
    "typeof",
    "instanceof",
    "in",
    "of",
    "new",
    "delete",
    "void",
    "throw",
    "case",
    "do",
    "else",
    "yield",
    "await",
];

/// Words whose `( … )` is followed by a block, not a function body.
const CONTROL: &[&str] = &["if", "for", "while", "switch", "catch", "with"];

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || c == '$' || c == '\\'
}

/// The tokens of `source`.
pub fn tokenize(source: &str) -> Vec<Token> {
    Lexer {
        src: source.as_bytes(),
        text: source,
        pos: 0,
        line: 1,
        braces: Vec::new(),
        parens: Vec::new(),
        tokens: Vec::new(),
        last_paren_head: None,
        last_closed: None,
    }
    .run()
}

struct Lexer<'a> {
    src: &'a [u8],
    text: &'a str,
    pos: usize,
    line: usize,
    braces: Vec<Brace>,
    /// For each open `(`: the word before it (`if`, `function`, a name …).
    parens: Vec<Option<String>>,
    tokens: Vec<Token>,
    /// The word before the `(` of the `)` just closed.
    last_paren_head: Option<Option<String>>,
    /// The kind of the brace the last `}` closed.
    last_closed: Option<Brace>,
}

impl Lexer<'_> {
    fn peek(&self, ahead: usize) -> u8 {
        self.src.get(self.pos + ahead).copied().unwrap_or(0)
    }

    fn push(&mut self, kind: Kind, start: usize, line: usize) {
        let in_function = self.braces.contains(&Brace::Function);
        self.tokens.push(Token {
            kind,
            line,
            start,
            depth: self.braces.len(),
            in_function,
        });
    }

    fn regex_allowed(&self) -> bool {
        match self.tokens.last().map(|t| &t.kind) {
            None => true,
            Some(Kind::Word(w)) => BEFORE_EXPRESSION.contains(&w.as_str()),
            // after a block's `}` a statement starts; after an object literal's, an operator
            Some(Kind::Punct('}')) => self.last_closed != Some(Brace::Object),
            Some(Kind::Punct(c)) => !matches!(c, ')' | ']'),
            Some(Kind::Arrow) => true,
            _ => false,
        }
    }

    fn run(mut self) -> Vec<Token> {
        if self.text.starts_with("#!") {
            self.skip_line();
        }
        while self.pos < self.src.len() {
            let c = self.src[self.pos];
            let (start, line) = (self.pos, self.line);
            match c {
                b'\n' => {
                    self.line += 1;
                    self.pos += 1;
                }
                b' ' | b'\t' | b'\r' | 0x0b | 0x0c => self.pos += 1,
                b'/' if self.peek(1) == b'/' => self.skip_line(),
                b'/' if self.peek(1) == b'*' => {
                    self.pos += 2;
                    while self.pos < self.src.len()
                        && !(self.src[self.pos] == b'*' && self.peek(1) == b'/')
                    {
                        self.newline_at_pos();
                        self.pos += 1;
                    }
                    self.pos += 2;
                }
                b'<' if self.text[self.pos..].starts_with("<!--") => self.skip_line(),
                b'-' if self.text[self.pos..].starts_with("-->") && self.line_start_only() => {
                    self.skip_line()
                }
                b'\'' | b'"' => {
                    self.pos += 1;
                    while self.pos < self.src.len() && self.src[self.pos] != c {
                        if self.src[self.pos] == b'\\' {
                            self.pos += 1;
                        } else if self.src[self.pos] == b'\n' {
                            break; // unterminated: the engine reports it
                        }
                        self.newline_at_pos();
                        self.pos += 1;
                    }
                    self.pos += 1;
                    self.push(Kind::Str, start, line);
                }
                b'`' => {
                    self.pos += 1;
                    self.template_rest(start, line);
                }
                b'/' if self.regex_allowed() => {
                    self.pos += 1;
                    let mut class = false;
                    while self.pos < self.src.len() {
                        match self.src[self.pos] {
                            b'\\' => self.pos += 1,
                            b'[' => class = true,
                            b']' => class = false,
                            b'/' if !class => break,
                            b'\n' => break,
                            _ => {}
                        }
                        self.pos += 1;
                    }
                    self.pos += 1;
                    while self.pos < self.src.len() && self.src[self.pos].is_ascii_alphanumeric() {
                        self.pos += 1;
                    }
                    self.push(Kind::Regex, start, line);
                }
                b'0'..=b'9' => {
                    self.word_end();
                    self.push(Kind::Number, start, line);
                }
                b'.' if self.peek(1).is_ascii_digit() => {
                    self.pos += 1;
                    self.word_end();
                    self.push(Kind::Number, start, line);
                }
                b'.' => {
                    self.pos += if self.text[self.pos..].starts_with("...") {
                        3
                    } else {
                        1
                    };
                    self.push(Kind::Dot, start, line);
                }
                b'?' if self.peek(1) == b'.' && !self.peek(2).is_ascii_digit() => {
                    self.pos += 2;
                    self.push(Kind::Dot, start, line);
                }
                b'=' if self.peek(1) == b'>' => {
                    self.pos += 2;
                    self.push(Kind::Arrow, start, line);
                }
                b'(' => {
                    let head = match self.tokens.last().map(|t| &t.kind) {
                        Some(Kind::Word(w)) => Some(w.clone()),
                        _ => None,
                    };
                    self.parens.push(head);
                    self.pos += 1;
                    self.push(Kind::Punct('('), start, line);
                }
                b')' => {
                    self.last_paren_head = Some(self.parens.pop().flatten());
                    self.pos += 1;
                    self.push(Kind::Punct(')'), start, line);
                }
                b'{' => {
                    let kind = match self.tokens.last().map(|t| &t.kind) {
                        Some(Kind::Arrow) => Brace::Function,
                        Some(Kind::Punct(')')) => match &self.last_paren_head {
                            Some(Some(w)) if CONTROL.contains(&w.as_str()) => Brace::Block,
                            _ => Brace::Function,
                        },
                        Some(Kind::Punct(c)) if !matches!(c, ';' | '}' | '{') => Brace::Object,
                        Some(Kind::Word(w))
                            if BEFORE_EXPRESSION.contains(&w.as_str())
                                && w != "else"
                                && w != "do" =>
                        {
                            Brace::Object
                        }
                        _ => Brace::Block,
                    };
                    self.push(Kind::Punct('{'), start, line);
                    self.braces.push(kind);
                    self.pos += 1;
                }
                b'}' => {
                    self.pos += 1;
                    let closed = self.braces.pop();
                    self.last_closed = closed;
                    if closed == Some(Brace::Template) {
                        self.template_rest(start, line);
                    } else {
                        self.push(Kind::Punct('}'), start, line);
                    }
                }
                _ if c.is_ascii() && !is_word_char(c as char) => {
                    self.pos += 1;
                    self.push(Kind::Punct(c as char), start, line);
                }
                _ => {
                    let first = self.text[self.pos..].chars().next().unwrap_or(' ');
                    if is_word_char(first) {
                        self.word_end();
                        let word = self.text[start..self.pos].to_string();
                        self.push(Kind::Word(word), start, line);
                    } else {
                        // other Unicode (spaces, symbols): skip the character
                        self.pos += first.len_utf8().max(1);
                    }
                }
            }
        }
        self.tokens
    }

    fn newline_at_pos(&mut self) {
        if self.src.get(self.pos) == Some(&b'\n') {
            self.line += 1;
        }
    }

    /// Whether only whitespace or comments precede the position on its line (for `-->`).
    fn line_start_only(&self) -> bool {
        self.tokens.last().is_none_or(|t| t.line < self.line)
    }

    fn skip_line(&mut self) {
        while self.pos < self.src.len() && self.src[self.pos] != b'\n' {
            self.pos += 1;
        }
    }

    fn word_end(&mut self) {
        while let Some(c) = self.text[self.pos..].chars().next() {
            if !is_word_char(c) {
                break;
            }
            self.pos += c.len_utf8();
        }
    }

    /// The rest of a template literal after its opening backquote or a `${}`'s closing brace:
    /// up to the closing backquote, or up to a `${`, whose brace it pushes.
    fn template_rest(&mut self, start: usize, line: usize) {
        while self.pos < self.src.len() {
            match self.src[self.pos] {
                b'\\' => {
                    self.pos += 1;
                    self.newline_at_pos();
                }
                b'`' => {
                    self.pos += 1;
                    self.push(Kind::Template, start, line);
                    return;
                }
                b'$' if self.peek(1) == b'{' => {
                    self.pos += 2;
                    self.push(Kind::Template, start, line);
                    self.braces.push(Brace::Template);
                    return;
                }
                b'\n' => self.line += 1,
                _ => {}
            }
            self.pos += 1;
        }
        self.push(Kind::Template, start, line);
    }
}
