//! The native bridge: the one object (`mn`) through which Node's library in JavaScript
//! (`src/eventloop/lib/*.js`) reaches Rust, declared once in [`BRIDGE`].
//!
//! Every name the JavaScript reads as `mn.<name>` is one line of [`BRIDGE`]: the name and the
//! function that makes its value (a plain value such as `mn.pid`, or a native function such as
//! `mn.timerStart`). [`install`] builds `mn` from the table and nothing else, and the tests below
//! parse every lib file (as build.rs joined them) for the names it uses, with the check in
//! `bridge/names.rs` that the page's bridge (src/eventloop/browser/bridge.rs) shares: a name used
//! but not in the table, or in the table but used by no file, fails `cargo test`.
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
use super::{
    buffer, child_process, cluster, fs, handle, http, lazy, module, net, os, pipe, process,
    signals, task_queues, timers, worker_threads,
};

/// Every name of `mn`, by the lib file that uses it first, with the Rust function that makes it.
/// *Must* match the `mn.<name>` uses in src/eventloop/lib/*.js (checked by the tests below).
pub const BRIDGE: &[(&str, Make)] = &[
    // callbacks.js, common.js, errors.js: the run and the main script
    ("filename", module::filename),
    ("record", record),
    ("traceMessage", trace_message),
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
    ("drainState", task_queues::drain_state),
    // io.js
    ("ioOpen", handle::io_open),
    ("ioRef", handle::io_ref),
    ("ioClose", handle::io_close),
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
    // signals.js
    ("signals", signals::signals),
    ("signalStart", signals::signal_start),
    // buffer.js
    ("utf8Encode", buffer::utf8_encode),
    ("utf8Decode", buffer::utf8_decode),
    ("base64Encode", buffer::base64_encode),
    ("base64Decode", buffer::base64_decode),
    // fs.js
    ("fs", fs::fs_native),
    ("fsStart", fs::fs_start),
    // os.js
    ("tmpdir", os::tmpdir),
    ("homedir", os::homedir),
    ("hostname", os::hostname),
    ("osRelease", os::os_release),
    ("cpus", os::cpus),
    ("totalmem", os::totalmem),
    ("freemem", os::freemem),
    ("osUptime", os::os_uptime),
    // worker_threads.js
    ("workerInfo", worker_threads::worker_info),
    ("workerThreadId", worker_threads::worker_thread_id),
    ("workerStart", worker_threads::worker_start),
    ("workerStop", worker_threads::worker_stop),
    ("workerAck", worker_threads::worker_ack),
    ("workerEnded", worker_threads::worker_ended),
    ("workerOnline", worker_threads::worker_online),
    ("workerMore", worker_threads::worker_more),
    ("workerError", worker_threads::worker_error),
    ("portPost", worker_threads::port_post),
    ("portClose", worker_threads::port_close),
    ("portKick", worker_threads::port_kick),
    // net.js
    ("tcpListen", net::tcp_listen),
    ("tcpListenFd", net::tcp_listen_fd),
    ("tcpAdopt", net::tcp_adopt),
    ("tcpConnect", net::tcp_connect),
    ("tcpWrite", net::tcp_write),
    ("tcpShutdown", net::tcp_shutdown),
    ("tcpDupFd", net::tcp_dup_fd),
    ("tcpAddress", net::tcp_address),
    ("tcpOption", net::tcp_option),
    ("fdClose", net::fd_close),
    // http.js
    ("httpServe", http::http_serve),
    ("httpRespond", http::http_respond),
    ("httpBody", http::http_body),
    ("httpRequest", http::http_request),
    // child_process.js
    ("execPath", child_process::exec_path),
    ("cpSpawn", child_process::cp_spawn),
    ("cpKill", child_process::cp_kill),
    ("cpSpawnSync", child_process::cp_spawn_sync),
    ("pipeOpen", pipe::pipe_open),
    ("pipeWrite", pipe::pipe_write),
    ("pipeShutdown", pipe::pipe_shutdown),
    ("errname", child_process::errname),
    ("kill", child_process::kill),
    // cluster.js
    ("clusterBind", cluster::cluster_bind),
    // module.js
    ("compile", module::compile_native),
    ("lazySource", lazy::lazy_source),
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

/// `mn.traceMessage(sent, peer, payload)`: a message crossed a channel (recorded runs only).
fn trace_message<'js>(ctx: &Ctx<'js>, h: &Host<'_>) -> rquickjs::Result<Value<'js>> {
    let s = h.sched.clone();
    super::native::native(ctx, move |sent: bool, peer: String, payload: String| {
        s.borrow_mut().emit(super::super::Event::Message {
            sent,
            peer,
            payload,
        });
    })
}

/// `mn.promiseState(p)`: `[state, value]`, state 0 pending, 1 fulfilled, 2 rejected. An object
/// that only inherits from Promise answers 2: util.inspect shows its (undefined) value.
fn promise_state<'js>(ctx: &Ctx<'js>, _: &Host<'_>) -> rquickjs::Result<Value<'js>> {
    quickjs::promise_state(ctx, 2).map(Function::into_value)
}

#[cfg(test)]
pub(in crate::eventloop) mod names;

#[cfg(test)]
mod tests {
    use super::names::{bridge_names, missing, strip_comments, unused_or_twice};
    use super::BRIDGE;

    /// Node's library as build.rs joined it (lib/*.js in NODE_LIB's order).
    const PRELUDE: &str = include_str!(concat!(env!("OUT_DIR"), "/prelude.js"));

    fn table() -> Vec<&'static str> {
        BRIDGE.iter().map(|(n, _)| *n).collect()
    }

    #[test]
    fn every_name_the_library_uses_is_in_the_table() {
        let missing = missing(&table(), PRELUDE);
        assert!(
            missing.is_empty(),
            "bridge names used by src/eventloop/lib but not in BRIDGE: {missing:?}"
        );
    }

    #[test]
    fn every_table_entry_is_used_once_declared() {
        let wrong = unused_or_twice(&table(), PRELUDE);
        assert!(
            wrong.is_empty(),
            "BRIDGE against src/eventloop/lib: {wrong:?}"
        );
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
}
