//! The native bridge: the one object (`mn`) through which Node's library in JavaScript
//! (`src/eventloop/lib/*.js`) reaches Rust, declared once in [`BRIDGE`].
//!
//! Every name the JavaScript reads as `mn.<name>` is one line of [`BRIDGE`]: the name and the
//! function that makes its value (a plain value such as `mn.pid`, or a native function such as
//! `mn.timerStart`). [`install`] builds `mn` from the table and nothing else, and the tests below
//! parse every lib file for the names it uses: a name used but not in the table, or in the table
//! but used by no file, fails `cargo test`.
//!
//! ## Adding a Node module
//! 1. one JavaScript file in `src/eventloop/lib/` (its header says how and why it works and names
//!    the bridge entries it uses), listed in `NODE_LIB` in build.rs and in `builtins` in
//!    lib/module.js;
//! 2. one Rust file in `src/eventloop/host/` for its native half: a function per bridge entry,
//!    `fn(&Ctx, &Host) -> rquickjs::Result<Value>`;
//! 3. one line per entry in [`BRIDGE`].
//!
//! The bridge only records requests in the scheduler's state and does the real work (files,
//! clocks, the machine's facts); it must never decide when a callback runs.

use rquickjs::{Ctx, Function, IntoJs, Object, Value};

use super::super::quickjs;
use super::native::{Host, Make};
use super::{buffer, fs, module, os, process, task_queues, timers};

/// Every name of `mn`, by the lib file that uses it first, with the Rust function that makes it.
/// *Must* match the `mn.<name>` uses in src/eventloop/lib/*.js (checked by the tests below).
pub const BRIDGE: &[(&str, Make)] = &[
    // callbacks.js, common.js, errors.js: the run and the main script
    ("filename", module::filename),
    ("record", record),
    ("source", module::source),
    ("headerLength", module::header_length),
    // inspect.js
    ("promiseState", promise_state),
    // console.js, process.js, globals.js
    ("write", process::write),
    ("now", process::now),
    // timers.js
    ("timerStart", timers::timer_start),
    ("timerClear", timers::timer_clear),
    ("timerRef", timers::timer_ref),
    ("timerActive", timers::timer_active),
    ("immediate", timers::immediate),
    ("immediateClear", timers::immediate_clear),
    ("immediateRef", timers::immediate_ref),
    // task_queues.js
    ("tick", task_queues::tick),
    ("tickWake", task_queues::tick_wake),
    ("microtask", task_queues::microtask),
    // uncaught.js
    ("fatal", process::fatal),
    // process.js
    ("argv", process::argv),
    ("pid", process::pid),
    ("ppid", process::ppid),
    ("platform", process::platform),
    ("arch", process::arch),
    ("env", process::env),
    ("cwd", process::cwd),
    ("memory", process::memory),
    ("exit", process::exit),
    // buffer.js
    ("utf8Encode", buffer::utf8_encode),
    ("utf8Decode", buffer::utf8_decode),
    ("base64Encode", buffer::base64_encode),
    ("base64Decode", buffer::base64_decode),
    // fs.js
    ("fs", fs::fs_native),
    ("fsStart", fs::fs_start),
    ("streamSource", fs::stream_source),
    // os.js
    ("tmpdir", os::tmpdir),
    ("homedir", os::homedir),
    ("hostname", os::hostname),
    ("osRelease", os::os_release),
    ("cpus", os::cpus),
    ("totalmem", os::totalmem),
    ("freemem", os::freemem),
    ("osUptime", os::os_uptime),
    // module.js
    ("compile", module::compile_native),
];

/// The native object `mn`, one property per line of [`BRIDGE`].
pub fn install<'js>(ctx: &Ctx<'js>, host: &Host<'_>) -> rquickjs::Result<Object<'js>> {
    let mn = Object::new(ctx.clone())?;
    for (name, make) in BRIDGE {
        mn.set(*name, make(ctx, host)?)?;
    }
    Ok(mn)
}

/// `mn.record`: whether the run keeps a trace of events (callbacks then tell the scheduler the
/// line that queued them).
fn record<'js>(ctx: &Ctx<'js>, h: &Host<'_>) -> rquickjs::Result<Value<'js>> {
    h.sched.borrow().record.into_js(ctx)
}

/// `mn.promiseState(p)`: `[state, value]`, state 0 pending, 1 fulfilled, 2 rejected. An object
/// that only inherits from Promise answers 2: util.inspect shows its (undefined) value.
fn promise_state<'js>(ctx: &Ctx<'js>, _: &Host<'_>) -> rquickjs::Result<Value<'js>> {
    quickjs::promise_state(ctx, 2).map(Function::into_value)
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, BTreeSet};
    use std::path::PathBuf;

    use super::BRIDGE;

    fn lib_dir() -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src/eventloop/lib")
    }

    /// Each lib file's text with its comments blanked: `//` lines, ` // ` after code, and
    /// `/* */` blocks (a `//` without spaces around it may be a regular expression or a URL).
    fn lib_files() -> Vec<(String, String)> {
        let mut files: Vec<(String, String)> = std::fs::read_dir(lib_dir())
            .expect("src/eventloop/lib")
            .map(|e| e.expect("a directory entry").path())
            .filter(|p| p.extension().is_some_and(|e| e == "js"))
            .map(|p| {
                let text = std::fs::read_to_string(&p).expect("a lib file");
                let name = p.file_name().unwrap().to_string_lossy().into_owned();
                (name, strip_comments(&text))
            })
            .collect();
        files.sort();
        files
    }

    fn strip_comments(text: &str) -> String {
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
    fn bridge_names(file: &str, code: &str) -> BTreeSet<String> {
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
                "lib/{file}: `mn` reached other than as `mn.<name>` near {:?}",
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

    fn used() -> BTreeMap<String, Vec<String>> {
        let mut used: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for (file, code) in lib_files() {
            for name in bridge_names(&file, &code) {
                used.entry(name).or_default().push(file.clone());
            }
        }
        used
    }

    #[test]
    fn every_name_the_library_uses_is_in_the_table() {
        let table: BTreeSet<&str> = BRIDGE.iter().map(|(n, _)| *n).collect();
        let missing: Vec<String> = used()
            .into_iter()
            .filter(|(n, _)| !table.contains(n.as_str()))
            .map(|(n, files)| format!("mn.{n} (in {})", files.join(", ")))
            .collect();
        assert!(
            missing.is_empty(),
            "bridge names used by src/eventloop/lib but not in BRIDGE: {missing:?}"
        );
    }

    #[test]
    fn every_table_entry_is_used_once_declared() {
        let used = used();
        let mut seen = BTreeSet::new();
        for (name, _) in BRIDGE {
            assert!(seen.insert(*name), "mn.{name} is twice in BRIDGE");
            assert!(
                used.contains_key(*name),
                "mn.{name} is in BRIDGE but no file of src/eventloop/lib uses it"
            );
        }
    }

    #[test]
    fn the_check_sees_every_way_of_naming_a_bridge_entry() {
        let code = "const a = mn.now(); mn.shapes = []; if (mn.record == 1) f(mn.fs('x'));";
        let names: Vec<String> = bridge_names("t.js", code).into_iter().collect();
        assert_eq!(names, ["fs", "now", "record"]);
        let stripped =
            strip_comments("// mn.a\nx(); /* mn.b */ mn.c;\n/*\n mn.d\n*/ mn.e\nmn.g(); // mn.f\n");
        let names: Vec<String> = bridge_names("t.js", &stripped).into_iter().collect();
        assert_eq!(names, ["c", "e", "g"]);
    }

    #[test]
    #[should_panic(expected = "reached other than")]
    fn the_check_refuses_mn_passed_whole() {
        bridge_names("t.js", "const { now } = mn;");
    }

    /// browser.rs compiles src/eventloop/browser.js as it is, so the browser model carries a
    /// verbatim copy of lib/common.js between its BEGIN and END markers.
    #[test]
    fn browser_js_carries_lib_common_js_verbatim() {
        let browser = include_str!("../browser.js");
        let common = include_str!("../lib/common.js");
        let begin = browser
            .find("// BEGIN lib/common.js")
            .expect("browser.js: a `// BEGIN lib/common.js` line");
        let from = begin + browser[begin..].find('\n').expect("a line end") + 1;
        let to = browser
            .find("  // END lib/common.js")
            .expect("browser.js: an `// END lib/common.js` line");
        assert!(
            browser[from..to] == *common,
            "src/eventloop/browser.js: the text between the lib/common.js markers differs from \
             src/eventloop/lib/common.js; copy that file there again"
        );
    }
}
