//! The floors of the crate, checked on its source: the engines (`src/eventloop`, `src/process`,
//! `src/lessons`) import no view, no command line and no terminal crate, and no two files of
//! `src/` import each other, directly or round a circle.
//!
//! The checks read the `.rs` files as text: comments and string literals are blanked, then every
//! `use` tree is expanded into paths, and `crate::…` / `super::…` paths in code are read too.
//! `mod` declarations and a parent's plain `child::item` paths are not imports.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The engines: they know no terminal and no command line.
const ENGINES: &[&str] = &["src/eventloop", "src/process", "src/lessons"];
/// Modules of this crate that an engine must not import: the views and the command line.
const VIEW_MODULES: &[&str] = &["print", "tui", "cli", "commands"];
/// Crates that an engine must not use: colours, terminals, the argument parser.
const VIEW_CRATES: &[&str] = &["colored", "crossterm", "ratatui", "clap"];

#[test]
fn engines_import_no_view_and_no_command_line() {
    let mut problems = Vec::new();
    for file in rust_files("src") {
        let rel = relative(&file);
        if !ENGINES.iter().any(|e| rel.starts_with(&format!("{e}/"))) {
            continue;
        }
        let source = Source::read(&file);
        for import in source.imports() {
            if let Some(why) = forbidden(&Source::resolve(&import)) {
                problems.push(format!(
                    "{rel}:{}: `{}` {why}: an engine takes plain config and emits events; \
                     move this to src/commands or src/print",
                    import.line,
                    import.path.join("::")
                ));
            }
        }
    }
    assert!(problems.is_empty(), "\n{}\n", problems.join("\n"));
}

#[test]
fn no_import_circles() {
    let problems: Vec<String> = circles(&import_graph())
        .into_iter()
        .map(|group| {
            format!(
                "import circle among {}, e.g. {} -> {}",
                group.files.join(", "),
                group.circle.join(" -> "),
                group.circle[0]
            )
        })
        .collect();
    assert!(problems.is_empty(), "\n{}\n", problems.join("\n"));
}

/// The checks themselves, on small made-up sources.
#[test]
fn the_reader_finds_what_it_should() {
    let source = Source::parse(
        "src/process/x.rs",
        "//! crate::print in a comment\n\
         use crate::{error::code, print::{self, process::Printer}};\n\
         use super::super::tui::App;\n\
         use colored::Colorize as _;\n\
         fn f() { let s = \"crate::cli::Lang\"; crate::commands::run(); ratatui::x(); }\n\
         fn g<'a>(c: char) -> bool { c == '\"' }\n\
         mod cli;\n",
    );
    let found: Vec<(usize, String)> = source
        .imports()
        .into_iter()
        .filter_map(|i| forbidden(&Source::resolve(&i)).map(|_| (i.line, i.path.join("::"))))
        .collect();
    assert_eq!(
        found,
        [
            (2, "crate::print".to_string()),
            (2, "crate::print::process::Printer".to_string()),
            (3, "super::super::tui::App".to_string()),
            (4, "colored::Colorize".to_string()),
            (5, "crate::commands::run".to_string()),
            (5, "ratatui::x".to_string()),
        ]
    );
    let mut graph = BTreeMap::new();
    for (from, to) in [("a", "b"), ("b", "c"), ("c", "a"), ("c", "d"), ("d", "d")] {
        graph
            .entry(from.to_string())
            .or_insert_with(BTreeSet::new)
            .insert(to.to_string());
    }
    let found = circles(&graph);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].files, ["a", "b", "c"]);
    assert_eq!(found[0].circle, ["a", "b", "c"]);
}

/// Why an absolute path (`crate::…`, or an outside crate's) must not be imported by an engine.
fn forbidden(path: &[String]) -> Option<&'static str> {
    match path {
        [first, module, ..] if first == "crate" => VIEW_MODULES
            .iter()
            .any(|v| v == module)
            .then_some("imports a view or the command line"),
        [first, ..] => VIEW_CRATES
            .iter()
            .any(|c| c == first)
            .then_some("uses a terminal or argument-parsing crate"),
        [] => None,
    }
}

/// Every file's imports of other files of `src/` (the crate's library; `main.rs` is its own crate).
fn import_graph() -> BTreeMap<String, BTreeSet<String>> {
    let files: Vec<PathBuf> = rust_files("src")
        .into_iter()
        .filter(|f| relative(f) != "src/main.rs")
        .collect();
    let modules: BTreeMap<Vec<String>, String> = files
        .iter()
        .map(|f| (module_path(&relative(f)), relative(f)))
        .collect();
    let mut graph = BTreeMap::new();
    for file in &files {
        let from = relative(file);
        let source = Source::read(file);
        let edges: &mut BTreeSet<String> = graph.entry(from.clone()).or_default();
        let depth = module_path(&from).len();
        for import in source.imports() {
            // A file's unit tests (`mod tests`) may drive it through the modules that call it.
            if import.module.iter().skip(depth).any(|m| m == "tests") {
                continue;
            }
            let path = Source::resolve(&import);
            if path.first().map(String::as_str) != Some("crate") {
                continue;
            }
            // The longest prefix of the path that is a file's module.
            let target = (1..=path.len()).rev().find_map(|n| modules.get(&path[..n]));
            if let Some(to) = target {
                if *to != from {
                    edges.insert(to.clone());
                }
            }
        }
    }
    graph
}

/// Files that import each other, directly or round a circle.
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Circle {
    /// Every file of the group (each reaches every other), sorted.
    files: Vec<String>,
    /// One shortest circle through the first file, for the message.
    circle: Vec<String>,
}

/// The circles of `graph`: each strongly connected group of two or more nodes, sorted.
fn circles(graph: &BTreeMap<String, BTreeSet<String>>) -> Vec<Circle> {
    let nodes: Vec<&String> = graph
        .keys()
        .chain(graph.values().flatten())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let next = |n: &String| graph.get(n).into_iter().flatten();
    let reach = |start: &String| {
        let mut seen = BTreeSet::new();
        let mut todo = vec![start];
        while let Some(n) = todo.pop() {
            for m in next(n) {
                if seen.insert(m) {
                    todo.push(m);
                }
            }
        }
        seen
    };
    let reachable: BTreeMap<&String, BTreeSet<&String>> =
        nodes.iter().map(|n| (*n, reach(n))).collect();
    let mut done = BTreeSet::new();
    let mut out = Vec::new();
    for n in &nodes {
        if done.contains(n) {
            continue;
        }
        let group: Vec<&String> = nodes
            .iter()
            .filter(|m| *m != n && reachable[*n].contains(*m) && reachable[*m].contains(*n))
            .copied()
            .chain(std::iter::once(*n))
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        done.extend(group.iter().copied());
        if group.len() < 2 {
            continue;
        }
        out.push(Circle {
            files: group.iter().map(|f| f.to_string()).collect(),
            circle: circle_through(group[0], &group, graph),
        });
    }
    out.sort();
    out
}

/// A shortest circle from `start` back to it, inside `group`, visiting the group's other members
/// it passes on the way (for the message).
fn circle_through(
    start: &String,
    group: &[&String],
    graph: &BTreeMap<String, BTreeSet<String>>,
) -> Vec<String> {
    let mut parent: BTreeMap<&String, &String> = BTreeMap::new();
    let mut queue = std::collections::VecDeque::from([start]);
    while let Some(n) = queue.pop_front() {
        for m in graph.get(n).into_iter().flatten() {
            if !group.contains(&m) {
                continue;
            }
            if m == start {
                let mut path = vec![n.clone()];
                let mut at = n;
                while at != start {
                    at = parent[at];
                    path.push(at.clone());
                }
                path.reverse();
                return path;
            }
            if !parent.contains_key(m) {
                parent.insert(m, n);
                queue.push_back(m);
            }
        }
    }
    unreachable!("{start} is in a circle")
}

/// One imported path, with the line it is on and the module it is written in (a file's inline
/// `mod tests { … }` is a module of its own, which `super` counts from).
struct Import {
    line: usize,
    path: Vec<String>,
    module: Vec<String>,
}

/// A source file with its comments and string literals blanked (lines kept).
struct Source {
    /// The file's module path, e.g. `["crate", "process", "fork"]`.
    module: Vec<String>,
    code: String,
}

impl Source {
    fn read(file: &Path) -> Self {
        let text = std::fs::read_to_string(file).unwrap();
        Source::parse(&relative(file), &text)
    }

    fn parse(rel: &str, text: &str) -> Self {
        Source {
            module: module_path(rel),
            code: blank_comments_and_strings(text),
        }
    }

    /// An import's `super::`/`self::` path made absolute (`crate::…`); other paths as written.
    fn resolve(import: &Import) -> Vec<String> {
        let path = &import.path;
        let mut base = import.module.clone();
        let mut rest = &path[..];
        match rest.first().map(String::as_str) {
            Some("self") => rest = &rest[1..],
            Some("super") => {
                while rest.first().map(String::as_str) == Some("super") {
                    base.pop();
                    rest = &rest[1..];
                }
            }
            _ => return path.to_vec(),
        }
        base.extend(rest.iter().cloned());
        base
    }

    /// Every path of every `use` tree, then every `crate::…`, `super::…` and view-crate path in
    /// the code, each with its line; in the order they appear.
    fn imports(&self) -> Vec<Import> {
        let mut out = Vec::new();
        let bytes = self.code.as_bytes();
        let line_of = |at: usize| self.code[..at].matches('\n').count() + 1;
        // Inline modules open here: (name, brace depth inside them).
        let mut inline: Vec<(String, usize)> = Vec::new();
        let mut depth = 0;
        let module = |inline: &[(String, usize)]| {
            let mut m = self.module.clone();
            m.extend(inline.iter().map(|(name, _)| name.clone()));
            m
        };
        let mut at = 0;
        while at < bytes.len() {
            match bytes[at] {
                b'{' => depth += 1,
                b'}' => {
                    if inline.last().is_some_and(|(_, d)| *d == depth) {
                        inline.pop();
                    }
                    depth -= 1;
                }
                _ => {}
            }
            if !starts_word(bytes, at) {
                at += 1;
                continue;
            }
            let end = word_end(bytes, at);
            let word = &self.code[at..end];
            if word == "mod" {
                let rest = &self.code[end..];
                let name_at = end + (rest.len() - rest.trim_start().len());
                let name_end = word_end(bytes, name_at);
                if self.code[name_end..].trim_start().starts_with('{') {
                    let open = name_end + self.code[name_end..].find('{').unwrap();
                    depth += 1;
                    inline.push((self.code[name_at..name_end].to_string(), depth));
                    at = open + 1;
                    continue;
                }
            }
            if word == "use" && bytes.get(end).is_some_and(u8::is_ascii_whitespace) {
                let stop = self.code[end..].find(';').map_or(bytes.len(), |k| end + k);
                for path in expand_use(&self.code[end..stop]) {
                    out.push(Import {
                        line: line_of(at),
                        path,
                        module: module(&inline),
                    });
                }
                at = stop;
                continue;
            }
            let rooted = matches!(word, "crate" | "super") || VIEW_CRATES.contains(&word);
            if rooted && self.code[end..].starts_with("::") {
                let mut path = vec![word.to_string()];
                let mut k = end;
                while self.code[k..].starts_with("::")
                    && bytes.get(k + 2).is_some_and(|b| is_ident(*b))
                {
                    let e = word_end(bytes, k + 2);
                    path.push(self.code[k + 2..e].to_string());
                    k = e;
                }
                out.push(Import {
                    line: line_of(at),
                    path,
                    module: module(&inline),
                });
                at = k;
                continue;
            }
            at = end;
        }
        out
    }
}

/// `a::{b, c::{d, self}} as x` (a `use` tree without `use` and `;`) as paths.
fn expand_use(tree: &str) -> Vec<Vec<String>> {
    fn walk(tree: &str, prefix: &[String], out: &mut Vec<Vec<String>>) {
        let tree = tree.trim();
        let (head, group) = match tree.find('{') {
            Some(open) => (
                &tree[..open],
                Some(&tree[open + 1..tree.rfind('}').unwrap()]),
            ),
            None => (tree, None),
        };
        let head = head
            .split(" as ")
            .next()
            .unwrap()
            .trim()
            .trim_start_matches("::");
        let mut path = prefix.to_vec();
        path.extend(
            head.split("::")
                .map(str::trim)
                .filter(|s| !s.is_empty() && *s != "*")
                .map(String::from),
        );
        let Some(group) = group else {
            if path.last().map(String::as_str) == Some("self") {
                path.pop();
            }
            out.push(path);
            return;
        };
        let mut depth = 0;
        let mut start = 0;
        for (i, c) in group.char_indices() {
            match c {
                '{' => depth += 1,
                '}' => depth -= 1,
                ',' if depth == 0 => {
                    walk(&group[start..i], &path, out);
                    start = i + 1;
                }
                _ => {}
            }
        }
        if !group[start..].trim().is_empty() {
            walk(&group[start..], &path, out);
        }
    }
    let mut out = Vec::new();
    walk(tree, &[], &mut out);
    out
}

fn is_ident(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

fn starts_word(bytes: &[u8], at: usize) -> bool {
    is_ident(bytes[at]) && (at == 0 || !is_ident(bytes[at - 1]))
}

fn word_end(bytes: &[u8], mut at: usize) -> usize {
    while at < bytes.len() && is_ident(bytes[at]) {
        at += 1;
    }
    at
}

/// Comments and the insides of string and char literals replaced by spaces (newlines kept).
fn blank_comments_and_strings(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let blank = |c: char| if c == '\n' { '\n' } else { ' ' };
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                out.push(' ');
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            let mut depth = 0;
            while i < chars.len() {
                if chars[i] == '/' && chars.get(i + 1) == Some(&'*') {
                    depth += 1;
                    out.push_str("  ");
                    i += 2;
                } else if chars[i] == '*' && chars.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    out.push_str("  ");
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    out.push(blank(chars[i]));
                    i += 1;
                }
            }
        } else if c == 'r'
            && matches!(next, Some('"' | '#'))
            && (i == 0 || !chars[i - 1].is_alphanumeric() || chars[i - 1] == 'b')
        {
            // A raw string r"…" or r#"…"#.
            let mut k = i + 1;
            while chars.get(k) == Some(&'#') {
                k += 1;
            }
            if chars.get(k) != Some(&'"') {
                out.push(c);
                i += 1;
                continue;
            }
            let hashes = k - i - 1;
            let close: String = std::iter::once('"')
                .chain(std::iter::repeat_n('#', hashes))
                .collect();
            out.extend(std::iter::repeat_n(' ', k + 1 - i));
            i = k + 1;
            while i < chars.len() && !chars[i..].starts_with(&close.chars().collect::<Vec<_>>()) {
                out.push(blank(chars[i]));
                i += 1;
            }
            out.extend(std::iter::repeat_n(' ', close.len()));
            i += close.len();
        } else if c == '"' {
            out.push(' ');
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                if chars[i] == '\\' {
                    out.push(' ');
                    i += 1;
                }
                if i < chars.len() {
                    out.push(blank(chars[i]));
                    i += 1;
                }
            }
            out.push(' ');
            i += 1;
        } else if c == '\'' && (next == Some('\\') || chars.get(i + 2) == Some(&'\'')) {
            // A char literal ('x', '\n', '\''); a lifetime ('a) has no closing quote.
            let mut k = i + 1;
            if chars.get(k) == Some(&'\\') {
                k += 2;
            } else {
                k += 1;
            }
            while k < chars.len() && chars[k] != '\'' {
                k += 1;
            }
            out.extend(std::iter::repeat_n(' ', k + 1 - i));
            i = k + 1;
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

/// `src/a/b.rs` -> `crate::a::b`; `src/a/mod.rs` -> `crate::a`; `src/lib.rs` -> `crate`.
fn module_path(rel: &str) -> Vec<String> {
    let inner = rel.trim_start_matches("src/").trim_end_matches(".rs");
    let mut path = vec!["crate".to_string()];
    path.extend(
        inner
            .split('/')
            .filter(|p| !matches!(*p, "mod" | "lib"))
            .map(String::from),
    );
    path
}

/// Every `.rs` file under `dir` (relative to the crate), sorted.
fn rust_files(dir: &str) -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    let mut todo = vec![root.join(dir)];
    while let Some(d) = todo.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                todo.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

/// `src/…` from a path under the crate.
fn relative(file: &Path) -> String {
    file.strip_prefix(env!("CARGO_MANIFEST_DIR"))
        .unwrap_or(file)
        .to_string_lossy()
        .replace('\\', "/")
}
