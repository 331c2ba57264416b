//! Reading a script for the engine: its source from a file or stdin, the path the script sees as
//! `__filename`, and the refusal of ES modules (`import`/`export`, `.mjs`, top-level `await`),
//! which mini-node does not run.
//!
//! Every failure is a typed [`ScriptError`] whose message names the file (and line) and the way
//! out; the commands decide the exit code. Nothing here prints or knows the command line.

use std::path::{Path, PathBuf};

mod tokens;

use tokens::{Kind, Token};

/// The name node gives a script read from stdin (`node -` or `node < app.js`).
pub const STDIN_NAME: &str = "[stdin]";

/// Why a script cannot be run.
#[derive(Debug, thiserror::Error)]
pub enum ScriptError {
    #[error(
        "cannot read the script from stdin: {0} (pipe UTF-8 JavaScript into `mini-node run -`)"
    )]
    Stdin(std::io::Error),
    #[error("cannot read {}: {}", .path.display(), io_reason(.source))]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{} is a directory: give a JavaScript file, e.g. {}/index.js", .0.display(), .0.display())]
    Directory(PathBuf),
    #[error("{} is a binary file, not JavaScript source", .0.display())]
    Binary(PathBuf),
    #[error("{} is not UTF-8 text: save the script as UTF-8", .0.display())]
    NotUtf8(PathBuf),
    #[error("{} is an ES module (.mjs): {COMMONJS}; save it as .js and use require, e.g. `const fs = require('fs')`", .0.display())]
    ModuleFile(PathBuf),
    #[error("{}:{line}: `import` makes this an ES module: {COMMONJS}; rewrite it as `{rewrite}`", .path.display())]
    Import {
        path: PathBuf,
        line: usize,
        /// The CommonJS form of the import, e.g. `const fs = require('fs')`.
        rewrite: String,
    },
    #[error("{}:{line}: `export` makes this an ES module: {COMMONJS}; use `module.exports = …` instead", .path.display())]
    Export { path: PathBuf, line: usize },
    #[error("{}:{line}: top-level `await` works only in ES modules: {COMMONJS}; put the code in an async function: `(async () => {{ … }})()`", .path.display())]
    TopLevelAwait { path: PathBuf, line: usize },
}

const COMMONJS: &str =
    "mini-node runs CommonJS scripts (like node's .js files without \"type\": \"module\")";

/// Whether `path` means "read the script from stdin" (`-`, as with node).
pub fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// Read a script, refusing a missing file, a directory or a binary file. The path `-` reads the
/// script from stdin.
pub fn read(path: &Path) -> Result<String, ScriptError> {
    if is_stdin(path) {
        let mut source = String::new();
        return match std::io::Read::read_to_string(&mut std::io::stdin(), &mut source) {
            Ok(_) => Ok(source),
            Err(e) => Err(ScriptError::Stdin(e)),
        };
    }
    let read_error = |source| ScriptError::Read {
        path: path.to_path_buf(),
        source,
    };
    let meta = std::fs::metadata(path).map_err(read_error)?;
    if meta.is_dir() {
        return Err(ScriptError::Directory(path.to_path_buf()));
    }
    let bytes = std::fs::read(path).map_err(read_error)?;
    if bytes.contains(&0) {
        return Err(ScriptError::Binary(path.to_path_buf()));
    }
    String::from_utf8(bytes).map_err(|_| ScriptError::NotUtf8(path.to_path_buf()))
}

/// Read a script and refuse an ES module: what `mini-node run` and the demos do first.
pub fn load(path: &Path) -> Result<String, ScriptError> {
    let source = read(path)?;
    reject_module(path, &source)?;
    Ok(source)
}

/// A script written as an ES module (`.mjs`, `import`/`export`, top-level `await`): mini-node runs
/// CommonJS scripts, so it says so with the CommonJS rewrite instead of letting the parser report
/// a puzzling syntax error. The source is read token by token ([`tokens`]), so a comment, string,
/// template or regular expression that mentions these words is never refused.
pub fn reject_module(path: &Path, source: &str) -> Result<(), ScriptError> {
    let path_buf = || path.to_path_buf();
    if path.extension().is_some_and(|e| e == "mjs") {
        return Err(ScriptError::ModuleFile(path_buf()));
    }
    let toks = tokens::tokenize(source);
    for (i, t) in toks.iter().enumerate() {
        let Kind::Word(word) = &t.kind else { continue };
        let prev = i.checked_sub(1).map(|p| &toks[p]);
        let next = toks.get(i + 1).map(|n| &n.kind);
        match word.as_str() {
            "import" if t.depth == 0 && statement_start(prev, t) => {
                if matches!(
                    next,
                    Some(Kind::Word(_) | Kind::Str | Kind::Punct('{' | '*'))
                ) {
                    let end = source[t.start..]
                        .find(['\n', ';'])
                        .map_or(source.len(), |n| t.start + n);
                    return Err(ScriptError::Import {
                        path: path_buf(),
                        line: t.line,
                        rewrite: require_form(&source[t.start..end]),
                    });
                }
            }
            "export" if t.depth == 0 && statement_start(prev, t) => {
                if matches!(next, Some(Kind::Word(_) | Kind::Punct('{' | '*'))) {
                    return Err(ScriptError::Export {
                        path: path_buf(),
                        line: t.line,
                    });
                }
            }
            "await"
                if !t.in_function
                    && is_await_expression(prev, next)
                    && !in_async_arrow(&toks[..i], t.depth) =>
            {
                return Err(ScriptError::TopLevelAwait {
                    path: path_buf(),
                    line: t.line,
                });
            }
            _ => {}
        }
    }
    Ok(())
}

/// Whether a token starts a statement: the first token, after `;` or `}`, or first on its line.
fn statement_start(prev: Option<&Token>, t: &Token) -> bool {
    match prev {
        None => true,
        Some(p) => {
            matches!(p.kind, Kind::Punct(';' | '}')) || p.line < t.line && p.kind != Kind::Dot
        }
    }
}

/// Whether the tokens before an `await`, back to the start of its statement, hold an `async`
/// arrow function whose expression body it may be in (`const f = async () => await g()`).
fn in_async_arrow(before: &[Token], depth: usize) -> bool {
    let mut arrow = false;
    for t in before.iter().rev() {
        if t.depth != depth || matches!(t.kind, Kind::Punct(';' | '{' | '}')) {
            break;
        }
        match &t.kind {
            Kind::Arrow => arrow = true,
            Kind::Word(w) if w == "async" && arrow => return true,
            _ => {}
        }
    }
    false
}

/// Whether an `await` outside every function is the operator (an ES module's top-level `await`)
/// and not a name, which sloppy CommonJS allows: `var await`, `obj.await`, `{ await: 1 }`,
/// `await = 2`, `await + 1`.
fn is_await_expression(prev: Option<&Token>, next: Option<&Kind>) -> bool {
    if let Some(p) = prev {
        match &p.kind {
            Kind::Dot => return false,
            Kind::Word(w)
                if matches!(w.as_str(), "var" | "let" | "const" | "function" | "class") =>
            {
                return false
            }
            _ => {}
        }
    }
    match next {
        Some(Kind::Word(w)) => !matches!(w.as_str(), "in" | "instanceof" | "of"),
        Some(Kind::Number | Kind::Str | Kind::Template | Kind::Punct('(' | '!' | '~')) => true,
        _ => false,
    }
}

/// `import fs from 'fs'` → `const fs = require('fs')` (and the `{ a, b }` and `* as x` forms).
fn require_form(import: &str) -> String {
    let stmt = import.trim_end().trim_end_matches(';');
    let Some((what, from)) = stmt
        .strip_prefix("import")
        .and_then(|r| r.rsplit_once(" from "))
    else {
        let module = stmt.strip_prefix("import").unwrap_or("").trim();
        return format!("require({module})");
    };
    let what = what.trim();
    let binding = what.strip_prefix("* as ").unwrap_or(what).trim();
    format!("const {binding} = require({})", from.trim())
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file (check the path)".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

/// node's report for a main module that is not there (`node missing.js`): what a forked child
/// prints on stderr before it exits with code 1, so its parent sees node's words. `path` is the
/// absolute path node resolved ([`script_path`]).
pub fn missing_main_report(path: &Path) -> String {
    format!(
        "node:internal/modules/cjs/loader:1210\n  throw err;\n  ^\n\nError: Cannot find module '{}'\n    \
         at Module._resolveFilename (node:internal/modules/cjs/loader:1207:15)\n    \
         at Module._load (node:internal/modules/cjs/loader:1038:27)\n    \
         at Function.executeUserEntryPoint [as runMain] (node:internal/modules/run_main:164:12)\n    \
         at node:internal/main/run_main_module:28:49 {{\n  code: 'MODULE_NOT_FOUND',\n  requireStack: []\n}}\n\n\
         Node.js v20.20.2\n",
        path.display()
    )
}

/// Is `err` a script that is not there (rather than one that cannot be read)?
pub fn is_missing(err: &ScriptError) -> bool {
    matches!(err, ScriptError::Read { source, .. } if source.kind() == std::io::ErrorKind::NotFound)
}

/// The path the script sees as `__filename` and `process.argv[1]`: absolute and normalised like
/// node's `path.resolve`, or [`STDIN_NAME`] for `-`.
pub fn script_path(p: &Path) -> PathBuf {
    if is_stdin(p) {
        return PathBuf::from(STDIN_NAME);
    }
    let p = if p.is_absolute() {
        p.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(p)
    };
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refusal(name: &str, source: &str) -> Option<String> {
        reject_module(Path::new(name), source)
            .err()
            .map(|e| e.to_string())
    }

    #[test]
    fn es_modules_are_refused_with_the_commonjs_rewrite() {
        let mjs = refusal("app.mjs", "").unwrap();
        assert!(mjs.starts_with("app.mjs is an ES module (.mjs)"), "{mjs}");
        let import = refusal("a.js", "// x\nimport fs from 'fs';\n").unwrap();
        assert!(
            import.starts_with("a.js:2: `import` makes this an ES module"),
            "{import}"
        );
        assert!(
            import.ends_with("rewrite it as `const fs = require('fs')`"),
            "{import}"
        );
        let named = refusal("a.js", "import { a, b } from \"m\"\n").unwrap();
        assert!(
            named.ends_with("`const { a, b } = require(\"m\")`"),
            "{named}"
        );
        let star = refusal("a.js", "import * as m from 'm'\n").unwrap();
        assert!(star.ends_with("`const m = require('m')`"), "{star}");
        let export = refusal("a.js", "export default 1;\n").unwrap();
        assert!(export.starts_with("a.js:1: `export`"), "{export}");
        let wait = refusal("a.js", "const x = 1;\nawait f();\n").unwrap();
        assert!(wait.starts_with("a.js:2: top-level `await`"), "{wait}");
    }

    #[test]
    fn commonjs_with_await_inside_functions_runs() {
        for ok in [
            "import('m').then(console.log);\n",
            "async function f() {\n  await g();\n}\n",
            "const f = async () => await g();\n",
            "console.log('await here is text'); // await in a comment\n",
            "const important = 1; exports.x = 2;\n",
        ] {
            assert_eq!(refusal("a.js", ok), None, "{ok}");
        }
    }

    #[test]
    fn await_as_text_or_a_name_is_never_refused() {
        for ok in [
            "/* await fetch(url) */\nconsole.log(1);\n",
            "/*\n * await here, on its own line\n await x\n */\n",
            "// await f();\n",
            "const s = 'await f()';\nconst d = \"await g()\";\n",
            "const t = `await ${1 + 1} and await ${`await ${'x'}`}`;\n",
            "const t = `line one\nawait two`;\n",
            "const r = /await x/g;\nconst q = /[/]await y/;\n",
            "const o = { await: 1 };\nconsole.log(o.await, o?.await);\n",
            "var await = 1;\nawait = 2;\nconsole.log(await + 1, await);\n",
            "function f() { return await; }\n",
            "const f = async () => await g();\n",
            "const f = async (x) => (await g(x)) + 1;\n",
            "class A { async m() { await 1; } }\n",
            "const o = { async m() { await 1; } };\n",
            "setTimeout(async () => {\n  await 1;\n}, 0);\n",
            "#!/usr/bin/env node\nconsole.log('await x');\n",
            "const x = 4 / 2; // await\nconst y = x / 2 /* await */;\n",
            "const s = 'it\\'s await x';\n",
            "function f() {}\n/await x/.test(s);\nif (a) {} /await y/g.exec(s);\n",
            "const half = { n: 4 }.n / 2 / await;\n",
            "console.log(`import x from 'y'`);\n",
            "/*\nimport fs from 'fs';\nexport default 1;\n*/\n",
        ] {
            assert_eq!(refusal("a.js", ok), None, "{ok}");
        }
    }

    #[test]
    fn top_level_await_is_refused_on_its_line() {
        for (src, line) in [
            ("await f();\n", 1),
            ("/* a comment */\nconst x = await f();\n", 2),
            (
                "// await\nconst t = `x`;\nawait new Promise((r) => setTimeout(r, 1));\n",
                3,
            ),
            ("if (ok) {\n  await f();\n}\n", 2),
            ("for (const x of xs) {\n  console.log(await x);\n}\n", 2),
            ("const f = async () => 1;\nawait f();\n", 2),
            ("const s = `${'a'}`;\nconst v = await 'value';\n", 2),
            ("const { a } = await import('m');\n", 1),
        ] {
            let why = refusal("a.js", src).unwrap_or_else(|| panic!("not refused: {src}"));
            assert!(
                why.starts_with(&format!("a.js:{line}: top-level `await`")),
                "{src}: {why}"
            );
        }
    }

    #[test]
    fn the_script_path_is_absolute_and_normalised() {
        assert_eq!(script_path(Path::new("-")), PathBuf::from(STDIN_NAME));
        let cwd = std::env::current_dir().unwrap();
        assert_eq!(script_path(Path::new("./x/../a.js")), cwd.join("a.js"));
        assert_eq!(
            script_path(Path::new("/t/./b.js")),
            PathBuf::from("/t/b.js")
        );
    }
}
