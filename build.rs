//! Embeds the course (`lessons/`) in the binary so that `cargo install` works offline: generates
//! `$OUT_DIR/lessons_files.rs`, a table of `(relative path, include_str!(absolute path))` for every
//! lesson text (`.md`), index (`.toml`) and snippet (`.js`). The recorded node outputs
//! (`*.node.out`) and scripts are left out: only the tests read those.
//!
//! Joins Node's library (`src/eventloop/lib/*.js`, one file per module) into
//! `$OUT_DIR/prelude.js`, the single script the engine compiles (and caches as bytecode, keyed by
//! `MINI_NODE_PRELUDE_KEY`, a hash of the joined text, the version and the engine's patch): one
//! function `(mn, global)` whose body is the files in [`NODE_LIB`]'s order.
//! Joins the browser model's script the same way into `$OUT_DIR/browser.js`: the files of
//! [`BROWSER_LIB`] (`lib/common.js`, which both models share, then `browser.js`).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::{env, fs};

fn main() {
    let root =
        PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let lessons = root.join("lessons");
    println!("cargo:rerun-if-changed=lessons");
    let mut files = Vec::new();
    if lessons.is_dir() {
        collect(&lessons, &lessons, &mut files);
    }
    files.sort();
    let mut table = String::from("&[\n");
    for (rel, abs) in &files {
        println!("cargo:rerun-if-changed={}", abs.display());
        writeln!(
            table,
            "    ({rel:?}, include_str!({:?})),",
            abs.display().to_string()
        )
        .expect("writing to a String");
    }
    table.push(']');
    let out = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    fs::write(out.join("lessons_files.rs"), table).expect("writing lessons_files.rs");

    // The engine's changes (vendor/rquickjs-sys): part of the key of the cached prelude bytecode,
    // so a changed engine never reads bytecode an older one wrote.
    let patch = root.join("vendor/rquickjs-sys/mini-node.patch");
    println!("cargo:rerun-if-changed={}", patch.display());
    let engine = fs::read(&patch).unwrap_or_default();

    let lib = root.join("src/eventloop/lib");
    println!("cargo:rerun-if-changed={}", lib.display());
    check_node_lib(&lib);
    let node: Vec<String> = NODE_LIB.iter().map(|n| format!("lib/{n}")).collect();
    let prelude = join(&root, &node);
    check_unique_functions(&prelude);
    // The cached bytecode's key: the joined library, the crate's version and the engine's
    // changes, hashed here once rather than on every start.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let version = env::var("CARGO_PKG_VERSION").expect("cargo sets CARGO_PKG_VERSION");
    for b in prelude.bytes().chain(version.bytes()).chain(engine) {
        h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    println!("cargo:rustc-env=MINI_NODE_PRELUDE_KEY={h:016x}");
    fs::write(out.join("prelude.js"), prelude).expect("writing prelude.js");
    let browser: Vec<String> = BROWSER_LIB.iter().map(|n| n.to_string()).collect();
    fs::write(out.join("browser.js"), join(&root, &browser)).expect("writing browser.js");
}

/// Node's library, in the order its files are joined. The files share one function scope: a
/// file may call any function of another (declarations are hoisted), but a value a file computes
/// as it runs (a `const` built at start-up) must come from a file above it. Each file's header
/// says what it needs. A new module: its file here, before `module.js` (which lists the modules
/// `require` returns) and `globals.js` (which ends the function with the handles Rust calls).
const NODE_LIB: &[&str] = &[
    "callbacks.js",
    "common.js",
    "errors.js",
    "inspect.js",
    "console.js",
    "events.js",
    "timers.js",
    "task_queues.js",
    "io.js",
    "uncaught.js",
    "process.js",
    "signals.js",
    "buffer.js",
    "encoding.js",
    "url.js",
    "clone.js",
    "abort.js",
    "intl.js",
    "fs.js",
    "path.js",
    "os.js",
    "net.js",
    "http_message.js",
    "http.js",
    "http_client.js",
    "comparisons.js",
    "util.js",
    "assertion_error.js",
    "assert.js",
    "child_process_internal.js",
    "child_process.js",
    "cluster.js",
    "worker_threads.js",
    "module.js",
    "globals.js",
];

/// The browser model's script, in the order its files are joined (paths under src/eventloop).
/// common.js declares only functions and constants, so the page's file may use them anywhere.
const BROWSER_LIB: &[&str] = &["lib/common.js", "browser.js"];

/// Panics on a `.js` file in `lib` that [`NODE_LIB`] leaves out, so none is forgotten.
fn check_node_lib(lib: &Path) {
    let mut listed: Vec<String> = fs::read_dir(lib)
        .unwrap_or_else(|e| panic!("reading {}: {e}", lib.display()))
        .map(|e| {
            e.expect("a directory entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .filter(|n| n.ends_with(".js"))
        .collect();
    listed.sort();
    let mut declared: Vec<String> = NODE_LIB.iter().map(|s| s.to_string()).collect();
    declared.sort();
    assert_eq!(
        listed, declared,
        "src/eventloop/lib: every .js file must be listed once in build.rs's NODE_LIB"
    );
}

/// Panics on a function declared twice at the top of the joined library. The files share one
/// function scope, where a second `function name` silently replaces the first for every file
/// (a `const` twice is already a syntax error).
fn check_unique_functions(prelude: &str) {
    let mut seen: std::collections::BTreeMap<&str, &str> = std::collections::BTreeMap::new();
    let mut file = "";
    let mut twice = Vec::new();
    for line in prelude.lines() {
        if let Some(path) = line.strip_prefix("// ---- ") {
            file = path;
            continue;
        }
        let Some(rest) = line
            .strip_prefix("  function ")
            .or_else(|| line.strip_prefix("  async function "))
            .or_else(|| line.strip_prefix("  function* "))
        else {
            continue;
        };
        let name = rest.split(['(', ' ']).next().unwrap_or("");
        if let Some(first) = seen.insert(name, file) {
            twice.push(format!("{name} in {first} and {file}"));
        }
    }
    assert!(
        twice.is_empty(),
        "src/eventloop/lib: these functions are declared twice in the library's one scope, so the \
         later replaces the earlier everywhere; rename one: {}",
        twice.join(", ")
    );
}

/// One script of `files` (paths under src/eventloop): `(function (mn, global) { 'use strict';
/// <files> })`, an expression whose value (the function) the host calls with the native bridge
/// and the global object. Each file opens with a `// ---- <path>` line at the start of a line
/// (the bridge tests split the script there to name the file of each `mn.<name>`).
fn join(root: &Path, files: &[String]) -> String {
    let dir = root.join("src/eventloop");
    let mut js = String::from(
        "// Generated by build.rs from files under src/eventloop: edit those files.\n\
         (function (mn, global) {\n  'use strict';\n",
    );
    for name in files {
        let path = dir.join(name);
        println!("cargo:rerun-if-changed={}", path.display());
        let text =
            fs::read_to_string(&path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()));
        writeln!(js, "\n// ---- {name}").expect("writing to a String");
        js.push_str(&text);
    }
    js.push_str("})\n");
    js
}

/// Every embeddable file under `dir`, as (path relative to `base` with `/`, absolute path).
fn collect(base: &Path, dir: &Path, files: &mut Vec<(String, PathBuf)>) {
    let entries = fs::read_dir(dir).unwrap_or_else(|e| panic!("reading {}: {e}", dir.display()));
    for entry in entries {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            println!("cargo:rerun-if-changed={}", path.display());
            collect(base, &path, files);
        } else if matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("md" | "toml" | "js")
        ) {
            let rel = path
                .strip_prefix(base)
                .expect("under the lessons folder")
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect::<Vec<_>>()
                .join("/");
            files.push((rel, path));
        }
    }
}
