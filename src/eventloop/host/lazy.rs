//! Library code compiled on first use instead of at startup: the larger parts of Node's library
//! that most scripts never touch (`lib/lazy/*.js`). The prelude's `lazyModule(name, deps)`
//! (lib/buffer.js) asks for a file's text with `mn.lazySource(name)` and compiles it as one
//! CommonJS body, so a script that does not use it reads none of its bytecode at startup.
//!
//! Only texts live here; when a lazy module is compiled and what it is given is the library's
//! business.

use rquickjs::{Ctx, IntoJs, Value};

use super::native::{native, Host};

/// Every lazy module by the name the library asks for, with its text. *Must* match the names
/// passed to `lazyModule` in src/eventloop/lib/*.js.
const LAZY: &[(&str, &str)] = &[
    ("abort", include_str!("../lib/lazy/abort.js")),
    ("clone", include_str!("../lib/lazy/clone.js")),
    ("encoding", include_str!("../lib/lazy/encoding.js")),
    ("intl", include_str!("../lib/lazy/intl.js")),
    (
        "streams",
        concat!(
            include_str!("../lib/lazy/stream.js"),
            include_str!("../lib/lazy/stream_pipeline.js")
        ),
    ),
    ("url", include_str!("../lib/lazy/url.js")),
    (
        "worker_threads",
        include_str!("../lib/lazy/worker_threads.js"),
    ),
];

/// `mn.lazySource(name)`: the text of the lazy module `name`, or `undefined` if there is none.
pub fn lazy_source<'js>(ctx: &Ctx<'js>, _: &Host<'_>) -> rquickjs::Result<Value<'js>> {
    native(ctx, |ctx: Ctx<'js>, name: String| match source(&name) {
        Some(text) => text.into_js(&ctx),
        None => Ok(Value::new_undefined(ctx)),
    })
}

fn source(name: &str) -> Option<&'static str> {
    LAZY.iter().find(|(n, _)| *n == name).map(|(_, text)| *text)
}

#[cfg(test)]
mod tests {
    use super::{source, LAZY};

    /// Every lazy module is asked for by name somewhere in the library, and ends by setting its
    /// `module.exports`.
    #[test]
    fn every_lazy_module_is_used_and_exports_something() {
        let lib = concat!(env!("CARGO_MANIFEST_DIR"), "/src/eventloop/lib");
        let mut prelude = String::new();
        for entry in std::fs::read_dir(lib).expect("lib/") {
            let path = entry.expect("an entry").path();
            if path.extension().is_some_and(|e| e == "js") {
                prelude.push_str(&std::fs::read_to_string(path).expect("a lib file"));
            }
        }
        for (name, text) in LAZY {
            assert!(
                prelude.contains(&format!("lazyModule('{name}'")),
                "no lib file asks for the lazy module {name}"
            );
            assert!(text.contains("module.exports ="), "{name} exports nothing");
        }
        assert!(source("no such module").is_none());
    }
}
