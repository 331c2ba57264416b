//! The JavaScript host of the Node model: what a Node script sees (console, timers, process,
//! require('fs' | 'path' | 'os' | ...), error reports), built from Node's library in JavaScript
//! (`src/eventloop/lib/*.js`, joined by build.rs into one prelude) and a native bridge (`mn`).
//!
//! The bridge ([`bridge::BRIDGE`], one Rust file per module's native half) only records requests
//! in the scheduler's state ([`Sched`]) and does real file-system work; it never decides when a
//! callback runs. That is the job of the loop model (`node.rs`, and a browser model), which calls
//! back into the functions returned in [`Js`]. Also here: CommonJS compilation (`module.rs`), V8's
//! syntax-error reports (`syntax.rs`) and the compiled-prelude cache (`cache.rs`).

mod bridge;
mod buffer;
mod cache;
mod child_process;
mod cluster;
mod fs;
mod handle;
mod http;
mod lazy;
mod module;
pub(super) mod native;
mod net;
mod os;
mod pipe;
mod process;
mod signals;
mod syntax;
mod task_queues;
mod tcp;
mod timers;
mod worker_threads;

/// The check of a bridge table against its script, for the browser model's bridge tests too.
#[cfg(test)]
pub(super) use bridge::names as bridge_check;

use std::cell::{Cell, RefCell};
use std::ffi::CStr;
use std::rc::Rc;

use rquickjs::{Ctx, Function, Object, Value};

pub use module::compile;
pub(super) use syntax::{location_in, v8_message};

use super::node::queues::Sched;
use super::RunOptions;

/// The prelude's entry points the loop calls.
pub struct Js<'js> {
    pub main: Function<'js>,
    pub run_timer: Function<'js>,
    pub run_immediate: Function<'js>,
    pub run_tick: Function<'js>,
    /// Plain runs: drain the prelude's own nextTick queue.
    pub run_ticks: Function<'js>,
    pub run_callback: Function<'js>,
    /// A real handle's completion: `runIo(handle, event, arg)` (lib/io.js).
    pub run_io: Function<'js>,
    pub uncaught: Function<'js>,
    pub process_rejections: Function<'js>,
    pub run_exit: Function<'js>,
    pub before_exit: Function<'js>,
}

/// Node's library, joined by build.rs from `lib/*.js` (its `NODE_LIB` gives the order).
const PRELUDE: &str = include_str!(concat!(env!("OUT_DIR"), "/prelude.js"));
/// The prelude's file name in stacks: frames there are the host's, not the script's. *Must* match
/// `isScriptFile` and RUNNER_FRAMES's lookup in lib/errors.js.
const PRELUDE_FILE: &CStr = c"node:mini-node";

/// Build the host in `ctx`: the native bridge, the prelude, the globals.
pub fn install<'js>(
    ctx: &Ctx<'js>,
    source: &str,
    opts: &RunOptions,
    sched: Rc<RefCell<Sched>>,
    interrupt: Rc<Cell<bool>>,
) -> rquickjs::Result<Js<'js>> {
    let host = native::Host {
        source,
        opts,
        sched,
        interrupt,
    };
    let mn = bridge::install(ctx, &host)?;
    let prelude: Function = match cache::load_prelude(ctx) {
        Some(f) => f,
        None => ctx.eval_with_options(
            PRELUDE,
            module::sloppy(PRELUDE_FILE.to_string_lossy().into_owned()),
        )?,
    };
    let handles: Object = prelude.call((mn, ctx.globals()))?;
    let track: Function = handles.get("trackRejection")?;
    ctx.globals().prop(
        "__mn_track",
        rquickjs::object::Property::from(track).configurable(),
    )?;
    Ok(Js {
        main: handles.get("main")?,
        run_timer: handles.get("runTimer")?,
        run_immediate: handles.get("runImmediate")?,
        run_tick: handles.get("runTick")?,
        run_ticks: handles.get("runTicks")?,
        run_callback: handles.get("runCallback")?,
        run_io: handles.get("runIo")?,
        uncaught: handles.get("uncaught")?,
        process_rejections: handles.get("processRejections")?,
        run_exit: handles.get("runExit")?,
        before_exit: handles.get("beforeExit")?,
    })
}

/// QuickJS throws `InternalError: out of memory` at the heap limit.
pub fn is_out_of_memory(v: &Value<'_>) -> bool {
    if v.is_null() || v.is_undefined() {
        // QuickJS may fail to even allocate the error object.
        return false;
    }
    if let Some(o) = v.as_object() {
        let msg: String = o.get("message").unwrap_or_default();
        return msg == "out of memory";
    }
    v.as_string()
        .and_then(|s| s.to_string().ok())
        .is_some_and(|s| s.contains("out of memory"))
}

/// A one-line description of an engine error (for RunError).
pub fn describe(ctx: &Ctx<'_>, e: rquickjs::Error) -> String {
    match e {
        rquickjs::Error::Exception => {
            let v = ctx.catch();
            if let Some(o) = v.as_object() {
                let m: String = o.get("message").unwrap_or_default();
                let s: String = o.get("stack").unwrap_or_default();
                format!("{m} {s}")
            } else {
                format!("{v:?}")
            }
        }
        other => other.to_string(),
    }
}
