//! The check of a native bridge against the script that reads it, shared by the tests of both
//! bridges: Node's `BRIDGE` (src/eventloop/host/bridge.rs) against the prelude, and the page's `PAGE_BRIDGE`
//! (src/eventloop/browser/bridge.rs, through `host::bridge_check`) against the browser
//! model's script. Every `mn.<name>` a script reads must be an entry of its table, every entry
//! must be read by some file, and no entry may be there twice.
//!
//! Test code only. It reads the scripts build.rs joined (each file after its `// ---- <path>`
//! line) with comments blanked, and refuses `mn` reached any other way than `mn.<name>`, so that
//! no use escapes the check; it must not grow into a JavaScript parser.

use std::collections::{BTreeMap, BTreeSet};

/// Every name a joined script reads from `mn`, with the files that read it.
fn used(script: &str) -> BTreeMap<String, Vec<String>> {
    let mut used: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (file, code) in files(script) {
        for name in bridge_names(&file, &code) {
            used.entry(name).or_default().push(file.clone());
        }
    }
    used
}

/// The names `script` reads that `table` lacks, each with the files that read it.
pub fn missing(table: &[&str], script: &str) -> Vec<String> {
    used(script)
        .into_iter()
        .filter(|(n, _)| !table.contains(&n.as_str()))
        .map(|(n, files)| format!("mn.{n} (in {})", files.join(", ")))
        .collect()
}

/// The entries of `table` no file of `script` reads, and those that are in it twice.
pub fn unused_or_twice(table: &[&str], script: &str) -> Vec<String> {
    let used = used(script);
    let mut seen = BTreeSet::new();
    let mut wrong = Vec::new();
    for name in table {
        if !seen.insert(*name) {
            wrong.push(format!("mn.{name} is in the table twice"));
        }
        if !used.contains_key(*name) {
            wrong.push(format!("mn.{name} is in the table but no file reads it"));
        }
    }
    wrong
}

/// A script joined by build.rs, cut into its files: (path, text with comments blanked). What
/// comes before the first file (the wrapper function's head, which names `mn`) is left out.
fn files(script: &str) -> Vec<(String, String)> {
    let mut files = Vec::new();
    for part in script.split("\n// ---- ").skip(1) {
        let (name, text) = part.split_once('\n').unwrap_or((part, ""));
        files.push((name.to_string(), strip_comments(text)));
    }
    assert!(
        !files.is_empty(),
        "a joined script has `// ---- <path>` lines"
    );
    files
}

/// `text` with its comments blanked: `//` lines, ` // ` after code, and `/* */` blocks (a `//`
/// without spaces around it may be a regular expression or a URL).
pub fn strip_comments(text: &str) -> String {
    let mut out = String::new();
    let mut in_block = false;
    for line in text.lines() {
        let t = line.trim_start();
        if in_block {
            if let Some(end) = line.find("*/") {
                in_block = false;
                out.push_str(&line[end + 2..]);
            }
        } else if t.starts_with("//") {
        } else if let Some(start) = line.find("/*") {
            out.push_str(&line[..start]);
            match line[start..].find("*/") {
                Some(end) => out.push_str(&line[start + end + 2..]),
                None => in_block = true,
            }
        } else {
            out.push_str(line.split(" // ").next().unwrap_or(line));
        }
        out.push('\n');
    }
    out
}

fn is_ident(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || c == '$'
}

/// Every `mn.<name>` read in `code` (an assignment `mn.x = ...` is the script's own property,
/// not a bridge name). Panics on `mn` reached any other way (`mn[...]`, `const { x } = mn`,
/// passing `mn` on), so no use escapes the check.
pub fn bridge_names(file: &str, code: &str) -> BTreeSet<String> {
    let chars: Vec<char> = code.chars().collect();
    let mut names = BTreeSet::new();
    let mut i = 0;
    while i + 2 <= chars.len() {
        let word = chars[i] == 'm'
            && chars[i + 1] == 'n'
            && (i == 0 || !(is_ident(chars[i - 1]) || chars[i - 1] == '.'))
            && chars.get(i + 2).is_none_or(|c| !is_ident(*c));
        if !word {
            i += 1;
            continue;
        }
        assert_eq!(
            chars.get(i + 2),
            Some(&'.'),
            "{file}: `mn` reached other than as `mn.<name>` near {:?}",
            chars[i.saturating_sub(20)..(i + 20).min(chars.len())]
                .iter()
                .collect::<String>()
        );
        let name: String = chars[i + 3..]
            .iter()
            .take_while(|c| is_ident(**c))
            .collect();
        let rest: String = chars[i + 3 + name.len()..].iter().take(3).collect();
        let rest = rest.trim_start();
        let assigned = rest.starts_with('=') && !rest.starts_with("==");
        if !assigned {
            names.insert(name.clone());
        }
        i += 3 + name.len();
    }
    names
}
