//! CommonJS compilation: a module's source becomes node's wrapper function
//! `(exports, require, module, __filename, __dirname)`, compiled by QuickJS as node compiles it
//! (sloppy mode, named after its file); a syntax error comes back as node's report (see
//! `syntax.rs`). Also the bridge's values about the main script (`filename`, `source`,
//! `headerLength`) and its `compile` function, which `require` (lib/module.js) uses.
//!
//! It runs no module: lib/module.js calls the compiled function.

use std::path::Path;

use rquickjs::{Ctx, Function, IntoJs, Value};

use super::native::{native, Host};
use super::syntax::{error_location, syntax_report};

/// The wrapper's head; it shares the script's first line, so QuickJS's columns there are off by
/// its length. *Must* match the wrapper's parameters in lib/module.js and `mn.headerLength`'s use
/// in lib/errors.js.
pub const HEADER: &str = "(function (exports, require, module, __filename, __dirname) { ";

/// `mn.filename`: the main script's path.
pub fn filename<'js>(ctx: &Ctx<'js>, h: &Host<'_>) -> rquickjs::Result<Value<'js>> {
    h.opts.filename.display().to_string().into_js(ctx)
}

/// `mn.source`: the main script's text (error reports and call sites read it back).
pub fn source<'js>(ctx: &Ctx<'js>, h: &Host<'_>) -> rquickjs::Result<Value<'js>> {
    h.source.into_js(ctx)
}

/// `mn.headerLength`: [`HEADER`]'s length.
pub fn header_length<'js>(ctx: &Ctx<'js>, _: &Host<'_>) -> rquickjs::Result<Value<'js>> {
    (HEADER.len() as f64).into_js(ctx)
}

/// `mn.compile(source, file)`: a required file's wrapper function; throws node's report of its
/// syntax error.
pub fn compile_native<'js>(ctx: &Ctx<'js>, _: &Host<'_>) -> rquickjs::Result<Value<'js>> {
    native(ctx, |ctx: Ctx<'js>, src: String, file: String| {
        compile(&ctx, &src, Path::new(&file), false).map_err(|report| {
            let e = rquickjs::Exception::from_message(ctx.clone(), &report)
                .map(|e| e.into_value())
                .unwrap_or_else(|_| Value::new_undefined(ctx.clone()));
            ctx.throw(e)
        })
    })
}

/// Compile a CommonJS module body into its wrapper function. A syntax error comes back as the
/// report node prints (`file:line`, the line, a caret, the error, node's frames).
pub fn compile<'js>(
    ctx: &Ctx<'js>,
    source: &str,
    file: &Path,
    main: bool,
) -> Result<Function<'js>, String> {
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    let body = if source.starts_with("#!") {
        // node ignores a shebang line; keep the line count.
        let end = source.find('\n').unwrap_or(source.len());
        format!("{}{}", " ".repeat(end), &source[end..])
    } else {
        source.to_string()
    };
    let wrapped = format!("{HEADER}{body}\n}})");
    let r: rquickjs::Result<Function> =
        ctx.eval_with_options(wrapped, sloppy(file.display().to_string()));
    match r {
        Ok(f) => Ok(f),
        Err(rquickjs::Error::Exception) => {
            let wrapped_error = ctx.catch();
            // The wrapper shifts what the parser sees (an extra `}` closes it): report the error
            // the bare source has, when it has one.
            match bare_syntax_error(ctx, &body, file) {
                Some(e) => {
                    // QuickJS places an error on the first line of a bare script at column 1;
                    // the wrapped compile has the column right
                    let first_col = match error_location(&e, file) {
                        Some((1, 1)) => error_location(&wrapped_error, file)
                            .filter(|&(line, col)| line == 1 && col > 1)
                            .map(|(_, col)| col),
                        _ => None,
                    };
                    Err(syntax_report(&e, source, file, main, first_col))
                }
                None => {
                    // the wrapper's header shares the first line
                    let first_col = error_location(&wrapped_error, file)
                        .map(|(_, col)| col.saturating_sub(HEADER.len()).max(1));
                    Err(syntax_report(&wrapped_error, source, file, main, first_col))
                }
            }
        }
        Err(e) => Err(format!("{}: {e}\n", file.display())),
    }
}

/// Compile (without running) the bare source as a script; its syntax error, if any.
fn bare_syntax_error<'js>(ctx: &Ctx<'js>, body: &str, file: &Path) -> Option<Value<'js>> {
    let src = std::ffi::CString::new(body).ok()?;
    let name = std::ffi::CString::new(file.display().to_string()).ok()?;
    // SAFETY: NUL-terminated buffers that outlive the call; the result is freed or caught.
    unsafe {
        let raw = ctx.as_raw().as_ptr();
        let v = rquickjs::qjs::JS_Eval(
            raw,
            src.as_ptr(),
            body.len() as _,
            name.as_ptr(),
            (rquickjs::qjs::JS_EVAL_TYPE_GLOBAL | rquickjs::qjs::JS_EVAL_FLAG_COMPILE_ONLY) as i32,
        );
        if rquickjs::qjs::JS_IsException(v) {
            let e = ctx.catch();
            let is_syntax = e
                .as_object()
                .and_then(|o| o.get::<_, String>("name").ok())
                .is_some_and(|n| n == "SyntaxError");
            let message: String = e
                .as_object()
                .and_then(|o| o.get("message").ok())
                .unwrap_or_default();
            // a top-level `return` is fine in a CommonJS module
            if is_syntax && !message.contains("return") {
                return Some(e);
            }
            None
        } else {
            rquickjs::qjs::JS_FreeValue(raw, v);
            None
        }
    }
}

/// Script evaluation as node compiles CommonJS: sloppy mode, named after its file.
pub fn sloppy(filename: String) -> rquickjs::context::EvalOptions {
    let mut o = rquickjs::context::EvalOptions::default();
    o.global = true;
    o.strict = false;
    o.filename = Some(filename);
    o
}
