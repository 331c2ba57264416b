//! The native half of lib/process.js (and of console.js's output): the process's static facts
//! (argv, pid, platform ...), its environment, working directory and memory, the output streams
//! (`mn.write`), the loop's clock (`mn.now`) and the two ways a run ends (`mn.exit`, `mn.fatal`).
//!
//! Output and the end of a run go through the scheduler's state, which the loop model reads; it
//! prints nothing itself.

use rquickjs::{Ctx, IntoJs, Value};

use super::super::{quickjs, Stream};
use super::native::{native, Host};
use super::worker_threads;

/// `mn.argv`: node's argv: the node binary, the script, its arguments.
pub fn argv<'js>(ctx: &Ctx<'js>, h: &Host<'_>) -> rquickjs::Result<Value<'js>> {
    let mut argv = vec![
        "/usr/local/bin/node".to_string(),
        h.opts.filename.display().to_string(),
    ];
    argv.extend(h.opts.args.iter().cloned());
    argv.into_js(ctx)
}

/// `mn.pid`.
pub fn pid<'js>(ctx: &Ctx<'js>, _: &Host<'_>) -> rquickjs::Result<Value<'js>> {
    std::process::id().into_js(ctx)
}

/// `mn.ppid`.
pub fn ppid<'js>(ctx: &Ctx<'js>, _: &Host<'_>) -> rquickjs::Result<Value<'js>> {
    std::os::unix::process::parent_id().into_js(ctx)
}

/// `mn.platform`: `linux`, `macos` ... (process.platform and os.platform()).
pub fn platform<'js>(ctx: &Ctx<'js>, _: &Host<'_>) -> rquickjs::Result<Value<'js>> {
    std::env::consts::OS.into_js(ctx)
}

/// `mn.arch`, in node's names (x64, arm64).
pub fn arch<'js>(ctx: &Ctx<'js>, _: &Host<'_>) -> rquickjs::Result<Value<'js>> {
    match std::env::consts::ARCH {
        "x86_64" => "x64",
        "aarch64" => "arm64",
        other => other,
    }
    .into_js(ctx)
}

/// `mn.env()`: the environment, as an object (a worker thread's own, in a worker).
pub fn env<'js>(ctx: &Ctx<'js>, h: &Host<'_>) -> rquickjs::Result<Value<'js>> {
    if let Some(link) = h.opts.worker.clone() {
        return native(ctx, move || link.env().clone());
    }
    native(ctx, || {
        std::env::vars().collect::<std::collections::HashMap<String, String>>()
    })
}

/// `mn.cwd()`.
pub fn cwd<'js>(ctx: &Ctx<'js>, _: &Host<'_>) -> rquickjs::Result<Value<'js>> {
    native(ctx, || {
        std::env::current_dir()
            .map(|p| p.display().to_string())
            .unwrap_or_else(|_| "/".into())
    })
}

/// `mn.memory()`: the resident set size, in bytes.
pub fn memory<'js>(ctx: &Ctx<'js>, _: &Host<'_>) -> rquickjs::Result<Value<'js>> {
    native(ctx, || {
        std::fs::read_to_string("/proc/self/statm")
            .ok()
            .and_then(|s| {
                s.split_whitespace()
                    .nth(1)
                    .and_then(|x| x.parse::<f64>().ok())
            })
            .map_or(0.0, |pages| pages * 4096.0)
    })
}

/// `mn.write(stream, text)`: 1 stdout, 2 stderr. In a worker thread the text goes to the
/// parent (`worker_threads::write`).
pub fn write<'js>(ctx: &Ctx<'js>, h: &Host<'_>) -> rquickjs::Result<Value<'js>> {
    let s = h.sched.clone();
    quickjs::write_fn(ctx, move |stream, text| {
        let mut s = s.borrow_mut();
        // node's stdout and stderr queue an afterWriteTick for each write
        s.out_tick = true;
        let n = if stream == Stream::Stderr { 2 } else { 1 };
        if let Err(text) = worker_threads::write(&mut s, n, text) {
            s.write(stream, text);
        }
    })
    .map(|f| f.into_value())
}

/// `mn.now()`: the loop's clock, in ms since the start.
pub fn now<'js>(ctx: &Ctx<'js>, h: &Host<'_>) -> rquickjs::Result<Value<'js>> {
    let s = h.sched.clone();
    native(ctx, move || s.borrow_mut().clock.read())
}

/// `mn.exit(code)`: process.exit; interrupts the running callback. It throws an error no `catch`
/// or `finally` of the script can see (QuickJS's uncatchable error, as its interrupt throws), since
/// nothing more of the script runs in node after process.exit.
pub fn exit<'js>(ctx: &Ctx<'js>, h: &Host<'_>) -> rquickjs::Result<Value<'js>> {
    let s = h.sched.clone();
    let intr = h.interrupt.clone();
    native(
        ctx,
        move |ctx: Ctx<'js>, code: i32| -> rquickjs::Result<()> {
            s.borrow_mut().exit = Some(code);
            intr.set(true);
            let error =
                rquickjs::Exception::from_message(ctx.clone(), "process.exit")?.into_value();
            // SAFETY: both pointers are live: the context for this call, the error held above.
            unsafe { rquickjs::qjs::JS_SetUncatchableError(ctx.as_raw().as_ptr(), error.as_raw()) };
            Err(ctx.throw(error))
        },
    )
}

/// `mn.fatal(report, code)`: an uncaught error's report, on stderr (none when empty: the report
/// may follow the 'exit' listeners), and the run's exit code.
pub fn fatal<'js>(ctx: &Ctx<'js>, h: &Host<'_>) -> rquickjs::Result<Value<'js>> {
    let s = h.sched.clone();
    native(ctx, move |text: String, code: i32| {
        let mut s = s.borrow_mut();
        if !text.is_empty() {
            s.write(Stream::Stderr, text);
        }
        s.fatal = Some(code);
    })
}
