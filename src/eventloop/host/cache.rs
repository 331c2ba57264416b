//! The compiled-prelude cache: parsing the prelude (lib/*.js joined by build.rs) is most of a
//! one-line script's start-up, so its QuickJS bytecode is kept in the user's cache directory,
//! under a key build.rs makes of the joined text, the crate's version and the engine's changes
//! (`MINI_NODE_PRELUDE_KEY`): a change to any lib file, or to the engine, makes a new file.
//!
//! It must stay a pure speed-up: any failure (no cache directory, a stale or damaged file) falls
//! back to compiling the source.

use std::fs;

use rquickjs::{Ctx, Function, Value};

use super::{PRELUDE, PRELUDE_FILE};

/// Where the compiled prelude is cached: parsing it is most of a one-line script's start-up.
fn prelude_cache() -> Option<std::path::PathBuf> {
    let dirs = directories::ProjectDirs::from("", "", "mini-node")?;
    let key = env!("MINI_NODE_PRELUDE_KEY");
    Some(dirs.cache_dir().join(format!("prelude-{key}.qjsbc")))
}

/// The prelude from its cached bytecode, compiling and caching it on the first run. `None`:
/// evaluate the source instead (no cache directory, a stale or damaged file).
pub fn load_prelude<'js>(ctx: &Ctx<'js>) -> Option<Function<'js>> {
    let path = prelude_cache()?;
    let raw = ctx.as_raw().as_ptr();
    // SAFETY: plain QuickJS calls on a live context; every JSValue is consumed exactly once
    // (JS_EvalFunction frees the function object) and buffers outlive the calls.
    unsafe {
        let func = match fs::read(&path) {
            Ok(bytes) => {
                let f = rquickjs::qjs::JS_ReadObject(
                    raw,
                    bytes.as_ptr(),
                    bytes.len() as _,
                    rquickjs::qjs::JS_READ_OBJ_BYTECODE as i32,
                );
                if rquickjs::qjs::JS_IsException(f) {
                    let _ = ctx.catch();
                    let _ = fs::remove_file(&path);
                    return None;
                }
                f
            }
            Err(_) => {
                let src = std::ffi::CString::new(PRELUDE).ok()?;
                let f = rquickjs::qjs::JS_Eval(
                    raw,
                    src.as_ptr(),
                    PRELUDE.len() as _,
                    PRELUDE_FILE.as_ptr(),
                    (rquickjs::qjs::JS_EVAL_TYPE_GLOBAL | rquickjs::qjs::JS_EVAL_FLAG_COMPILE_ONLY)
                        as i32,
                );
                if rquickjs::qjs::JS_IsException(f) {
                    let _ = ctx.catch();
                    return None;
                }
                let mut size: rquickjs::qjs::size_t = 0;
                let buf = rquickjs::qjs::JS_WriteObject(
                    raw,
                    &mut size,
                    f,
                    rquickjs::qjs::JS_WRITE_OBJ_BYTECODE as i32,
                );
                if !buf.is_null() {
                    let bytes = std::slice::from_raw_parts(buf, size as usize).to_vec();
                    rquickjs::qjs::js_free(raw, buf.cast());
                    if let Some(dir) = path.parent() {
                        let _ = fs::create_dir_all(dir);
                    }
                    // write then rename, so a concurrent run (or a worker thread of this one)
                    // never reads half a file
                    let thread = format!("{:?}", std::thread::current().id());
                    let thread: String = thread.chars().filter(char::is_ascii_digit).collect();
                    let tmp = path.with_extension(format!("tmp{}-{thread}", std::process::id()));
                    if fs::write(&tmp, bytes).is_ok() {
                        let _ = fs::rename(&tmp, &path);
                    }
                }
                f
            }
        };
        let v = rquickjs::qjs::JS_EvalFunction(raw, func);
        if rquickjs::qjs::JS_IsException(v) {
            let _ = ctx.catch();
            return None;
        }
        Value::from_raw(ctx.clone(), v).into_function()
    }
}
