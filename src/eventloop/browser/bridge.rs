//! The page's native bridge: the functions `browser.js` calls to hand its requests (timers,
//! tasks, animation frames, console output, the clock) to the [`Page`], the JavaScript entry
//! points the loop calls back, and the classic script's compilation with the console's syntax
//! error report.
//!
//! Mechanism only: the bridge records requests and never decides when a callback runs.

use std::cell::RefCell;
use std::ffi::CString;
use std::rc::Rc;

use rquickjs::{Ctx, Function, Object, Value};

use super::page::Page;
use crate::eventloop::host;
use crate::eventloop::quickjs;
use crate::eventloop::{Event, Queue, RunOptions};

/// The page's script, joined by build.rs from lib/common.js and browser.js (its `BROWSER_LIB`).
const PRELUDE: &str = include_str!(concat!(env!("OUT_DIR"), "/browser.js"));
const PRELUDE_FILE: &str = "mini-node:browser";

/// The JavaScript side's entry points the loop calls.
pub struct Js<'js> {
    pub run_timer: Function<'js>,
    pub run_frame: Function<'js>,
    pub run_task: Function<'js>,
    pub report: Function<'js>,
    pub after_checkpoint: Function<'js>,
    pub track_rejection: Function<'js>,
}

/// Build the page's globals in `ctx`: the native bridge, then `browser.js`.
pub fn install<'js>(
    ctx: &Ctx<'js>,
    source: &str,
    opts: &RunOptions,
    page: Rc<RefCell<Page>>,
) -> rquickjs::Result<Js<'js>> {
    let mn = Object::new(ctx.clone())?;
    mn.set("filename", opts.filename.display().to_string())?;
    mn.set("prelude", PRELUDE_FILE)?;
    mn.set("source", source)?;
    mn.set("record", page.borrow().record)?;
    let p = page.clone();
    mn.set(
        "write",
        quickjs::write_fn(ctx, move |stream, text| p.borrow_mut().write(stream, text))?,
    )?;
    let p = page.clone();
    mn.set(
        "now",
        Function::new(ctx.clone(), move || p.borrow_mut().clock.read())?,
    )?;
    let p = page.clone();
    mn.set(
        "timerStart",
        Function::new(
            ctx.clone(),
            move |id: f64, delay: f64, repeat: bool, line: u32| {
                p.borrow_mut().start_timer(id as u64, delay, repeat, line)
            },
        )?,
    )?;
    let p = page.clone();
    mn.set(
        "timerClear",
        Function::new(ctx.clone(), move |id: f64| {
            p.borrow_mut().clear_timer(id as u64)
        })?,
    )?;
    let p = page.clone();
    mn.set(
        "rafRequest",
        Function::new(ctx.clone(), move |id: f64, line: u32| {
            p.borrow_mut().request_frame(id as u64, line)
        })?,
    )?;
    let p = page.clone();
    mn.set(
        "rafCancel",
        Function::new(ctx.clone(), move |id: f64| {
            p.borrow_mut().cancel_frame(id as u64)
        })?,
    )?;
    let p = page.clone();
    mn.set(
        "task",
        Function::new(
            ctx.clone(),
            move |id: f64, kind: String, delay: f64, line: u32| {
                p.borrow_mut().queue_task(id as u64, &kind, delay, line)
            },
        )?,
    )?;
    let p = page.clone();
    mn.set(
        "microtask",
        Function::new(ctx.clone(), move |line: u32| {
            p.borrow_mut().emit(Event::Enqueue {
                id: 0,
                queue: Queue::Microtask,
                label: quickjs::at_line("queueMicrotask", line),
                line: (line > 0).then_some(line),
                due_ms: None,
            })
        })?,
    )?;
    // An object that only inherits from Promise answers 0: the console shows it as <pending>.
    mn.set("promiseState", quickjs::promise_state(ctx, 0)?)?;

    let mut o = rquickjs::context::EvalOptions::default();
    o.global = true;
    o.strict = false;
    o.filename = Some(PRELUDE_FILE.into());
    let prelude: Function = ctx.eval_with_options(PRELUDE, o)?;
    let handles: Object = prelude.call((mn, ctx.globals()))?;
    Ok(Js {
        track_rejection: handles.get("trackRejection")?,
        run_timer: handles.get("runTimer")?,
        run_frame: handles.get("runFrame")?,
        run_task: handles.get("runTask")?,
        report: handles.get("reportException")?,
        after_checkpoint: handles.get("afterCheckpoint")?,
    })
}

/// Compile a classic script (global code, sloppy mode) without running it. A syntax error comes
/// back as the console reports it, with the line and a caret.
pub fn compile<'js>(ctx: &Ctx<'js>, source: &str, file: &str) -> Result<Value<'js>, String> {
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    let (Ok(src), Ok(name)) = (CString::new(source), CString::new(file)) else {
        return Err(format!(
            "Uncaught SyntaxError: Invalid or unexpected token (at {file}: a NUL character)\n"
        ));
    };
    let flags =
        (rquickjs::qjs::JS_EVAL_TYPE_GLOBAL | rquickjs::qjs::JS_EVAL_FLAG_COMPILE_ONLY) as i32;
    // SAFETY: both strings are NUL-terminated and outlive the call; the result is a new reference
    // (or the exception marker, whose exception is taken with `catch`).
    unsafe {
        let v = rquickjs::qjs::JS_Eval(
            ctx.as_raw().as_ptr(),
            src.as_ptr(),
            source.len() as _,
            name.as_ptr(),
            flags,
        );
        if rquickjs::qjs::JS_IsException(v) {
            let e = ctx.catch();
            return Err(syntax_report(&e, source, file));
        }
        Ok(Value::from_raw(ctx.clone(), v))
    }
}

fn syntax_report(e: &Value<'_>, source: &str, file: &str) -> String {
    let (message, stack) = match e.as_object() {
        Some(o) => (
            o.get::<_, String>("message").unwrap_or_default(),
            o.get::<_, String>("stack").unwrap_or_default(),
        ),
        None => ("invalid script".to_string(), String::new()),
    };
    let (line, col) = host::location_in(&stack, file).unwrap_or((1, 1));
    let text = source.lines().nth(line.saturating_sub(1)).unwrap_or("");
    let short = std::path::Path::new(file)
        .file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_else(|| file.to_string());
    format!(
        "Uncaught SyntaxError: {} (at {short}:{line}:{col})\n    {text}\n    {}^\n",
        host::v8_message(&message),
        " ".repeat(col.saturating_sub(1))
    )
}

/// Run the compiled script (a bytecode function from [`compile`]).
pub fn eval_compiled<'js>(ctx: &Ctx<'js>, f: &Value<'js>) -> rquickjs::Result<()> {
    // SAFETY: JS_EvalFunction consumes the reference we duplicate for it; its result is a new
    // reference that we free (or the exception marker).
    unsafe {
        let raw = ctx.as_raw().as_ptr();
        let r = rquickjs::qjs::JS_EvalFunction(raw, rquickjs::qjs::JS_DupValue(raw, f.as_raw()));
        if rquickjs::qjs::JS_IsException(r) {
            return Err(rquickjs::Error::Exception);
        }
        rquickjs::qjs::JS_FreeValue(raw, r);
    }
    Ok(())
}
