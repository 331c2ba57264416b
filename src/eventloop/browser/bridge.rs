//! The page's native bridge: the functions `browser.js` calls to hand its requests (timers,
//! tasks, animation frames, console output, the clock) to the [`Page`], the JavaScript entry
//! points the loop calls back, and the classic script's compilation with the console's syntax
//! error report.
//!
//! Every name the page's script reads as `mn.<name>` is one line of [`PAGE_BRIDGE`]; [`install`]
//! builds `mn` from the table and nothing else, and the tests below parse the script build.rs
//! joined (lib/common.js and browser.js) with Node's bridge check (host/bridge/names.rs): a name
//! used but not in the table, or in the table but used by no file, fails `cargo test`.
//!
//! Mechanism only: the bridge records requests and never decides when a callback runs.

use std::cell::RefCell;
use std::ffi::CString;
use std::rc::Rc;

use rquickjs::{Ctx, Function, IntoJs, Object, Value};

use super::page::Page;
use crate::eventloop::host;
use crate::eventloop::host::native::native;
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

/// What the page's bridge functions reach: the run's options and script, and the page.
struct PageHost<'a> {
    source: &'a str,
    opts: &'a RunOptions,
    page: Rc<RefCell<Page>>,
}

/// Makes the value of one name of the page's bridge.
type Make = for<'js> fn(&Ctx<'js>, &PageHost<'_>) -> rquickjs::Result<Value<'js>>;

/// Every name of the page's `mn`, with the Rust function that makes it. *Must* match the
/// `mn.<name>` uses in lib/common.js and browser.js (checked by the tests below).
const PAGE_BRIDGE: &[(&str, Make)] = &[
    // the run and the script (common.js reads `source`)
    ("filename", filename),
    ("prelude", prelude),
    ("source", source),
    ("record", record),
    // the console and the clock
    ("write", write),
    ("now", now),
    ("promiseState", promise_state),
    // timers, animation frames, tasks, microtasks
    ("timerStart", timer_start),
    ("timerClear", timer_clear),
    ("rafRequest", raf_request),
    ("rafCancel", raf_cancel),
    ("task", task),
    ("microtask", microtask),
];

/// Build the page's globals in `ctx`: the native bridge (one property per line of
/// [`PAGE_BRIDGE`]), then the page's script.
pub fn install<'js>(
    ctx: &Ctx<'js>,
    source: &str,
    opts: &RunOptions,
    page: Rc<RefCell<Page>>,
) -> rquickjs::Result<Js<'js>> {
    let host = PageHost { source, opts, page };
    let mn = Object::new(ctx.clone())?;
    for (name, make) in PAGE_BRIDGE {
        mn.set(*name, make(ctx, &host)?)?;
    }

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

/// `mn.filename`: the script's path.
fn filename<'js>(ctx: &Ctx<'js>, h: &PageHost<'_>) -> rquickjs::Result<Value<'js>> {
    h.opts.filename.display().to_string().into_js(ctx)
}

/// `mn.prelude`: the page script's own file name in stacks (its frames are left out).
fn prelude<'js>(ctx: &Ctx<'js>, _: &PageHost<'_>) -> rquickjs::Result<Value<'js>> {
    PRELUDE_FILE.into_js(ctx)
}

/// `mn.source`: the script's text (error reports and call sites read it back).
fn source<'js>(ctx: &Ctx<'js>, h: &PageHost<'_>) -> rquickjs::Result<Value<'js>> {
    h.source.into_js(ctx)
}

/// `mn.record`: whether the run keeps a trace of events (callbacks then tell the page the line
/// that queued them).
fn record<'js>(ctx: &Ctx<'js>, h: &PageHost<'_>) -> rquickjs::Result<Value<'js>> {
    h.page.borrow().record.into_js(ctx)
}

/// `mn.write(stream, text)`: 1 the console's log, 2 its errors and warnings.
fn write<'js>(ctx: &Ctx<'js>, h: &PageHost<'_>) -> rquickjs::Result<Value<'js>> {
    let p = h.page.clone();
    quickjs::write_fn(ctx, move |stream, text| p.borrow_mut().write(stream, text))
        .map(Function::into_value)
}

/// `mn.now()`: the loop's clock, in ms since the start.
fn now<'js>(ctx: &Ctx<'js>, h: &PageHost<'_>) -> rquickjs::Result<Value<'js>> {
    let p = h.page.clone();
    native(ctx, move || p.borrow_mut().clock.read())
}

/// `mn.promiseState(p)`: `[state, value]`, state 0 pending, 1 fulfilled, 2 rejected. An object
/// that only inherits from Promise answers 0: the console shows it as `<pending>`.
fn promise_state<'js>(ctx: &Ctx<'js>, _: &PageHost<'_>) -> rquickjs::Result<Value<'js>> {
    quickjs::promise_state(ctx, 0).map(Function::into_value)
}

/// `mn.timerStart(id, delay, repeat, line)`: setTimeout / setInterval.
fn timer_start<'js>(ctx: &Ctx<'js>, h: &PageHost<'_>) -> rquickjs::Result<Value<'js>> {
    let p = h.page.clone();
    native(ctx, move |id: f64, delay: f64, repeat: bool, line: u32| {
        p.borrow_mut().start_timer(id as u64, delay, repeat, line)
    })
}

/// `mn.timerClear(id)`: clearTimeout / clearInterval.
fn timer_clear<'js>(ctx: &Ctx<'js>, h: &PageHost<'_>) -> rquickjs::Result<Value<'js>> {
    let p = h.page.clone();
    native(ctx, move |id: f64| p.borrow_mut().clear_timer(id as u64))
}

/// `mn.rafRequest(id, line)`: requestAnimationFrame.
fn raf_request<'js>(ctx: &Ctx<'js>, h: &PageHost<'_>) -> rquickjs::Result<Value<'js>> {
    let p = h.page.clone();
    native(ctx, move |id: f64, line: u32| {
        p.borrow_mut().request_frame(id as u64, line)
    })
}

/// `mn.rafCancel(id)`: cancelAnimationFrame.
fn raf_cancel<'js>(ctx: &Ctx<'js>, h: &PageHost<'_>) -> rquickjs::Result<Value<'js>> {
    let p = h.page.clone();
    native(ctx, move |id: f64| p.borrow_mut().cancel_frame(id as u64))
}

/// `mn.task(id, kind, delay, line)`: a task (kind `message`, `click` or `rejections`) `delay`
/// ms from now.
fn task<'js>(ctx: &Ctx<'js>, h: &PageHost<'_>) -> rquickjs::Result<Value<'js>> {
    let p = h.page.clone();
    native(ctx, move |id: f64, kind: String, delay: f64, line: u32| {
        p.borrow_mut().queue_task(id as u64, &kind, delay, line)
    })
}

/// `mn.microtask(line)`: queueMicrotask, recorded (the callback itself is a promise job).
fn microtask<'js>(ctx: &Ctx<'js>, h: &PageHost<'_>) -> rquickjs::Result<Value<'js>> {
    let p = h.page.clone();
    native(ctx, move |line: u32| {
        p.borrow_mut().emit(Event::Enqueue {
            id: 0,
            queue: Queue::Microtask,
            label: quickjs::at_line("queueMicrotask", line),
            line: (line > 0).then_some(line),
            due_ms: None,
        })
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

#[cfg(test)]
mod tests {
    use super::{PAGE_BRIDGE, PRELUDE};
    use crate::eventloop::host::bridge_check::{missing, unused_or_twice};

    fn table() -> Vec<&'static str> {
        PAGE_BRIDGE.iter().map(|(n, _)| *n).collect()
    }

    #[test]
    fn every_name_the_page_script_uses_is_in_the_table() {
        let missing = missing(&table(), PRELUDE);
        assert!(
            missing.is_empty(),
            "bridge names used by the browser model's script but not in PAGE_BRIDGE: {missing:?}"
        );
    }

    #[test]
    fn every_table_entry_is_used_once_declared() {
        let wrong = unused_or_twice(&table(), PRELUDE);
        assert!(
            wrong.is_empty(),
            "PAGE_BRIDGE against lib/common.js and browser.js: {wrong:?}"
        );
    }
}
