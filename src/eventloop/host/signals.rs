//! The native half of lib/signals.js: watching a signal for `process.on('SIGINT', ...)`, with the machine's signal numbers (`os.constants.signals`).
//!
//! A watched signal is an unreferenced handle (as node's signal wraps are): it never keeps the
//! loop alive, and each delivery runs `onsignal` in the poll phase. It decides nothing else.

use std::str::FromStr;

use nix::sys::signal::Signal;
use rquickjs::{Ctx, IntoJs, Object, Value};

use super::native::{native, Host};
use crate::eventloop::io::Arg;

/// `mn.signals`: `{ SIGHUP: 1, SIGINT: 2, ... }`, this machine's numbers.
pub fn signals<'js>(ctx: &Ctx<'js>, _: &Host<'_>) -> rquickjs::Result<Value<'js>> {
    let o = Object::new(ctx.clone())?;
    for s in Signal::iterator() {
        o.set(s.as_str(), s as i32)?;
    }
    Ok(o.into_value())
}

/// `mn.signalStart(id, name)`: deliver signal `name` to handle `id` (`onsignal`) until it is
/// closed. `false` if the signal cannot be watched (SIGKILL, SIGSTOP).
pub fn signal_start<'js>(ctx: &Ctx<'js>, h: &Host<'_>) -> rquickjs::Result<Value<'js>> {
    let s = h.sched.clone();
    native(ctx, move |ctx: Ctx<'js>, id: f64, name: String| {
        let Ok(sig) = Signal::from_str(&name) else {
            return false.into_js(&ctx);
        };
        if matches!(sig, Signal::SIGKILL | Signal::SIGSTOP) {
            return false.into_js(&ctx);
        }
        let mut st = s.borrow_mut();
        let post = st.io.post();
        let rt = st.io.runtime().map_err(|e| {
            rquickjs::Error::new_from_js_message("signal", "runtime", e.to_string())
        })?;
        let id = id as u64;
        let kind = tokio::signal::unix::SignalKind::from_raw(sig as i32);
        let started = {
            let _guard = rt.enter();
            tokio::signal::unix::signal(kind)
        };
        let Ok(mut stream) = started else {
            return false.into_js(&ctx);
        };
        let task = rt.spawn(async move {
            while stream.recv().await.is_some() {
                if !post.send(id, "onsignal", Arg::Num(sig as i32 as f64)) {
                    break;
                }
            }
        });
        st.io.attach_task(id, task.abort_handle());
        true.into_js(&ctx)
    })
}
