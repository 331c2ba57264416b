//! The native half of lib/io.js: opening, referencing and closing the loop's real handles
//! (`src/eventloop/io.rs`). The modules' own work (sockets, processes) lives in their files; this
//! only keeps the handle table the loop's liveness and close phase read.

use rquickjs::{Ctx, Value};

use super::native::{native, Host};

/// `mn.ioOpen(kind, refed)`: a new handle's id. The kind names it in the trace. Under
/// `--explore` the run stops here instead (id 0), and the explorer says why.
pub fn io_open<'js>(ctx: &Ctx<'js>, h: &Host<'_>) -> rquickjs::Result<Value<'js>> {
    let s = h.sched.clone();
    let interrupt = h.interrupt.clone();
    native(ctx, move |kind: String, refed: bool| {
        let mut s = s.borrow_mut();
        let kind = handle_kind(&kind);
        if s.io.refuse {
            s.io.refused.get_or_insert(kind);
            s.exit = Some(0);
            interrupt.set(true);
            return 0.0;
        }
        s.io.open(kind, refed) as f64
    })
}

/// `mn.ioRef(id, refed)`: `ref()` / `unref()`.
pub fn io_ref<'js>(ctx: &Ctx<'js>, h: &Host<'_>) -> rquickjs::Result<Value<'js>> {
    let s = h.sched.clone();
    native(ctx, move |id: f64, refed: bool| {
        s.borrow_mut().io.set_ref(id as u64, refed)
    })
}

/// `mn.ioClose(id)`: close it; its `onclose` runs in the close-callbacks phase. Another process
/// may see the close at once (a channel's or a socket's end), so the output written so far goes
/// out first, as node's synchronous writes would have.
pub fn io_close<'js>(ctx: &Ctx<'js>, h: &Host<'_>) -> rquickjs::Result<Value<'js>> {
    let s = h.sched.clone();
    native(ctx, move |id: f64| {
        let mut s = s.borrow_mut();
        s.flush_output();
        s.io.close(id as u64)
    })
}

/// The trace's name of a handle kind, as a static string.
fn handle_kind(kind: &str) -> &'static str {
    match kind {
        "net.Server" => "net.Server",
        "net.Socket" => "net.Socket",
        "http.Server" => "http.Server",
        "http.ClientRequest" => "http.ClientRequest",
        "ChildProcess" => "ChildProcess",
        "Pipe" => "Pipe",
        "process.channel" => "process.channel",
        "Worker" => "Worker",
        "MessagePort" => "MessagePort",
        "Signal" => "Signal",
        _ => "handle",
    }
}
