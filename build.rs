//! Embeds the course (`lessons/`) in the binary so that `cargo install` works offline: generates
//! `$OUT_DIR/lessons_files.rs`, a table of `(relative path, include_str!(absolute path))` for every
//! lesson text (`.md`), index (`.toml`) and snippet (`.js`). The recorded node outputs
//! (`*.node.out`) and scripts are left out: only the tests read those. Also names the engine's
//! build (`MINI_NODE_ENGINE`, a hash of its patch) for the prelude's bytecode cache.

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
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in fs::read(&patch).unwrap_or_default() {
        h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    println!("cargo:rustc-env=MINI_NODE_ENGINE={h:016x}");
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
