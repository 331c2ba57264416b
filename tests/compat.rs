//! docs/compat.md, the Node compatibility page, held to what mini-node provides: the page is
//! rendered from node v20's listing (tests/compat/node.txt, recorded by tests/compat/gen.sh), a
//! fresh `mini-node run tests/compat/list.js` and the hand-written notes (tests/compat/notes.toml),
//! and must equal the committed page row for row. `COMPAT_WRITE=1` rewrites the page instead
//! (tests/compat/gen.sh does that). When node v20 is on PATH, its listing is checked too.
//! It must not need node for the main check, nor run mini-node more than once.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;

const GLOBALS: &str = "(globals)";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// One runtime's listing: each module's status (`None` = provided, `Some(msg)` = refused) and
/// each (module, name)'s type or `refused\t<message>`.
#[derive(Default, PartialEq, Debug)]
struct Listing {
    modules: BTreeMap<String, Option<String>>,
    names: BTreeMap<(String, String), String>,
}

fn parse_listing(text: &str, what: &str) -> Listing {
    let mut l = Listing::default();
    for (i, line) in text.lines().enumerate() {
        let f: Vec<&str> = line.split('\t').collect();
        match f.as_slice() {
            ["M", m, "provided"] => {
                l.modules.insert(m.to_string(), None);
            }
            ["M", m, "refused", msg] => {
                l.modules.insert(m.to_string(), Some(msg.to_string()));
            }
            ["N", m, n, rest @ ..] if !rest.is_empty() => {
                l.names
                    .insert((m.to_string(), n.to_string()), rest.join("\t"));
            }
            _ => panic!("{what} line {}: unexpected `{line}`", i + 1),
        }
    }
    l
}

/// notes.toml: `"module.name" = "partial: ..."` (or `"module" = "..."` for the module), one a line.
fn parse_notes(text: &str) -> BTreeMap<String, String> {
    let mut notes = BTreeMap::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let unquote = |s: &str| -> String {
            let s = s.trim();
            assert!(
                s.len() >= 2 && s.starts_with('"') && s.ends_with('"'),
                "tests/compat/notes.toml line {}: expected \"key\" = \"value\"",
                i + 1
            );
            s[1..s.len() - 1].replace("\\\"", "\"")
        };
        let (k, v) = line
            .split_once(" = ")
            .unwrap_or_else(|| panic!("tests/compat/notes.toml line {}: no ` = `", i + 1));
        notes.insert(unquote(k), unquote(v));
    }
    notes
}

fn cell(s: &str) -> String {
    s.replace('|', "\\|")
}

fn kind(t: &str) -> &str {
    if t.starts_with("refused") {
        "throws"
    } else {
        t
    }
}

/// The page, and the notes it used.
fn render(
    node: &Listing,
    mini: &Listing,
    notes: &BTreeMap<String, String>,
) -> (String, BTreeSet<String>) {
    let mut used = BTreeSet::new();
    let mut modules: BTreeSet<&String> = node.modules.keys().collect();
    modules.extend(mini.modules.keys());
    let mut summary = String::new();
    let mut sections = String::new();
    for m in modules {
        let mut names: BTreeSet<&String> = BTreeSet::new();
        for (mm, n) in node.names.keys().chain(mini.names.keys()) {
            if mm == m {
                names.insert(n);
            }
        }
        let refused = match mini.modules.get(m) {
            Some(None) => None,
            Some(Some(msg)) => Some(msg.clone()),
            None => Some("not listed by mini-node".to_string()),
        };
        let mut rows = String::new();
        let mut counts = [0usize; 4]; // provided, partial, refused, missing
        for n in names {
            let key = format!("{m}.{n}");
            let node_t = node.names.get(&(m.clone(), n.clone()));
            let mini_t = mini.names.get(&(m.clone(), n.clone()));
            let status = if refused.is_some() {
                counts[2] += 1;
                "refused".to_string()
            } else {
                match (node_t, mini_t) {
                    (_, Some(t)) if t.starts_with("refused\t") => {
                        counts[2] += 1;
                        format!("refused: {}", &t["refused\t".len()..])
                    }
                    (Some(_), Some(_)) => match notes.get(&key) {
                        Some(note) if note.starts_with("partial") => {
                            used.insert(key.clone());
                            counts[1] += 1;
                            note.clone()
                        }
                        _ => {
                            counts[0] += 1;
                            "provided".to_string()
                        }
                    },
                    (None, Some(_)) => {
                        counts[0] += 1;
                        "mini-node only".to_string()
                    }
                    (_, None) => {
                        counts[3] += 1;
                        match notes.get(&key) {
                            Some(note) if note.starts_with("missing") => {
                                used.insert(key.clone());
                                note.clone()
                            }
                            _ => "missing".to_string(),
                        }
                    }
                }
            };
            rows.push_str(&format!(
                "| `{}` | {} | {} | {} |\n",
                n,
                node_t.map_or("-", |t| kind(t)),
                mini_t.map_or("-", |t| kind(t)),
                cell(&status)
            ));
        }
        let status = if refused.is_some() {
            "refused"
        } else if counts[1] + counts[2] + counts[3] > 0 {
            "partial"
        } else {
            "provided"
        };
        let title = if m == GLOBALS {
            "globals".to_string()
        } else {
            format!("`{m}`")
        };
        summary.push_str(&format!(
            "| [{}](#{}) | {} | {} | {} | {} | {} |\n",
            title,
            anchor_of(m, status),
            status,
            counts[0],
            counts[1],
            counts[2],
            counts[3]
        ));
        sections.push_str(&format!("## {title}: {status}\n\n"));
        if let Some(msg) = &refused {
            sections.push_str(&format!("`require('{m}')` throws: {msg}\n\n"));
        }
        if let Some(note) = notes.get(m.as_str()) {
            used.insert(m.clone());
            sections.push_str(&format!("{note}\n\n"));
        }
        if rows.is_empty() {
            sections.push_str("(no top-level names)\n\n");
        } else {
            sections
                .push_str("| name | node v20 | mini-node | status |\n| --- | --- | --- | --- |\n");
            sections.push_str(&rows);
            sections.push('\n');
        }
    }
    let page = format!(
        "# Node compatibility\n\n\
         What `mini-node run` provides of node v20's library: every built-in module \
         (`require('module').builtinModules`) and the globals a course's snippets use, and for each \
         top-level name (names starting with `_` left out) whether mini-node provides it.\n\n\
         - `provided`: there, and held to node's output by the goldens where a snippet uses it \
         (docs/golden.md).\n\
         - `partial: ...`: there, with what is missing (written by hand in tests/compat/notes.toml).\n\
         - `refused: ...`: using it throws an error that names it (the message is shown); a \
         refused module's `require` throws.\n\
         - `missing`: node has it and mini-node has not (reading it gives `undefined`; a global is \
         not defined).\n\
         - `mini-node only`: mini-node has a name node v20 has not.\n\n\
         The type columns say what each side has: function, class, object or value (`throws`: a \
         refusal; `-`: absent).\n\n\
         This page is generated; do not edit it by hand. `tests/compat/gen.sh` rewrites it from \
         node v20's listing (`tests/compat/node.txt`, recorded by `node tests/compat/list.js`), \
         mini-node's (`mini-node run tests/compat/list.js`) and the notes in \
         `tests/compat/notes.toml`; `cargo test --test compat` fails when it no longer matches \
         what mini-node provides.\n\n\
         | module | status | provided | partial | refused | missing |\n\
         | --- | --- | --- | --- | --- | --- |\n\
         {summary}\n{sections}"
    );
    (page.trim_end().to_string() + "\n", used)
}

/// GitHub's anchor for the heading `## <title>: <status>`.
fn anchor_of(m: &str, status: &str) -> String {
    let title = if m == GLOBALS {
        "globals".to_string()
    } else {
        m.to_string()
    };
    format!("{title}-{status}")
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric() || *c == '-' || *c == '_' || *c == ' ')
        .map(|c| if c == ' ' { '-' } else { c })
        .collect()
}

fn run_listing(cmd: &mut Command, what: &str) -> String {
    let out = cmd
        .arg(root().join("tests/compat/list.js"))
        .current_dir(root())
        .env("NO_COLOR", "1")
        .output()
        .unwrap_or_else(|e| panic!("{what}: {e}"));
    assert!(
        out.status.success(),
        "{what} tests/compat/list.js failed: {}\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8 listing")
}

fn read(p: &Path) -> String {
    std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// The lines only one side has, under the heading of the section they are in.
fn differences(page: &str, expected: &str) -> Vec<String> {
    fn by_section(text: &str) -> BTreeSet<(String, String)> {
        let mut section = String::from("(top)");
        let mut set = BTreeSet::new();
        for line in text.lines() {
            if let Some(h) = line.strip_prefix("## ") {
                section = h.to_string();
            }
            set.insert((section.clone(), line.to_string()));
        }
        set
    }
    let (have, want) = (by_section(page), by_section(expected));
    let mut out = Vec::new();
    for (s, l) in have.difference(&want) {
        out.push(format!("  [{s}] the page says:      {l}"));
    }
    for (s, l) in want.difference(&have) {
        out.push(format!("  [{s}] mini-node now gives: {l}"));
    }
    out
}

#[test]
fn compat_page_matches_what_mini_node_provides() {
    let node = parse_listing(
        &read(&root().join("tests/compat/node.txt")),
        "tests/compat/node.txt",
    );
    let mini_text = run_listing(
        Command::new(env!("CARGO_BIN_EXE_mini-node")).arg("run"),
        "mini-node run",
    );
    let mini = parse_listing(&mini_text, "mini-node's listing");
    let notes = parse_notes(&read(&root().join("tests/compat/notes.toml")));
    let (expected, used) = render(&node, &mini, &notes);
    let page_path = root().join("docs/compat.md");
    if std::env::var_os("COMPAT_WRITE").is_some() {
        std::fs::write(&page_path, &expected).expect("write docs/compat.md");
        eprintln!("wrote {}", page_path.display());
    }
    let stale: Vec<&String> = notes.keys().filter(|k| !used.contains(*k)).collect();
    assert!(
        stale.is_empty(),
        "tests/compat/notes.toml has notes that no longer apply (a partial note on a name \
         mini-node no longer provides, a missing note on one it now provides, or a name neither \
         side has): {stale:?}; fix the notes, then run tests/compat/gen.sh"
    );
    let page = read(&page_path);
    let diff = differences(&page, &expected);
    assert!(
        page == expected,
        "docs/compat.md does not match what mini-node provides:\n{}\n\
         If the change is meant, run tests/compat/gen.sh to rewrite the page (and add a note in \
         tests/compat/notes.toml for a partial name).",
        if diff.is_empty() {
            "  (order or spacing differs)".to_string()
        } else {
            diff.join("\n")
        }
    );
}

#[test]
fn node_listing_is_node_v20s() {
    let version = match Command::new("node").arg("--version").output() {
        Ok(out) if out.status.success() => String::from_utf8_lossy(&out.stdout).trim().to_string(),
        _ => {
            println!("skipped: no `node` on PATH to re-list tests/compat/node.txt");
            return;
        }
    };
    if !version.starts_with("v20.") {
        println!("skipped: node {version} is not v20; tests/compat/node.txt is node v20's listing");
        return;
    }
    let fresh = run_listing(&mut Command::new("node"), "node");
    let recorded = read(&root().join("tests/compat/node.txt"));
    let diff = differences(&recorded, &fresh);
    assert!(
        fresh == recorded,
        "node {version} lists differently from tests/compat/node.txt:\n{}\n\
         Run tests/compat/gen.sh to record it again and rewrite docs/compat.md.",
        diff.join("\n")
            .replace("mini-node now gives", "node now gives")
    );
    println!("checked tests/compat/node.txt against node {version}");
}
