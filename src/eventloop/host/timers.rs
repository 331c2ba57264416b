//! The native half of lib/timers.js: setTimeout/setInterval and setImmediate requests, queued by
//! id with the scheduler's timer list and check queue (`Sched`), which owns their order.
//!
//! It keeps no state of its own and never runs a callback: the loop model calls the prelude's
//! `runTimer` / `runImmediate` when their phase comes.

use rquickjs::function::Opt;
use rquickjs::{Ctx, Value};

use super::native::{native, Host};

/// The prelude names a timer's kind by number (1 setTimeout, 2 setInterval): no string crosses
/// from JavaScript for each timer. *Must* match lib/timers.js.
fn kind_name(kind: u32) -> Option<&'static str> {
    match kind {
        1 => Some("setTimeout"),
        2 => Some("setInterval"),
        _ => None,
    }
}

/// `mn.timerStart(id, ms, line, refed, kind)`.
pub fn timer_start<'js>(ctx: &Ctx<'js>, h: &Host<'_>) -> rquickjs::Result<Value<'js>> {
    let s = h.sched.clone();
    native(
        ctx,
        move |id: f64, ms: f64, line: u32, refed: bool, kind: Opt<u32>| {
            let kind = kind.0.and_then(kind_name);
            s.borrow_mut().add_timer(id as u64, ms, line, refed, kind);
        },
    )
}

/// `mn.timerClear(id)`.
pub fn timer_clear<'js>(ctx: &Ctx<'js>, h: &Host<'_>) -> rquickjs::Result<Value<'js>> {
    let s = h.sched.clone();
    native(ctx, move |id: f64| s.borrow_mut().clear_timer(id as u64))
}

/// `mn.timerRef(id, refed)`: ref() / unref().
pub fn timer_ref<'js>(ctx: &Ctx<'js>, h: &Host<'_>) -> rquickjs::Result<Value<'js>> {
    let s = h.sched.clone();
    native(ctx, move |id: f64, refed: bool| {
        s.borrow_mut().timers.set_ref(id as u64, refed)
    })
}

/// `mn.timerActive(id)`: whether the timer is still in the list (after a refresh()).
pub fn timer_active<'js>(ctx: &Ctx<'js>, h: &Host<'_>) -> rquickjs::Result<Value<'js>> {
    let s = h.sched.clone();
    native(ctx, move |id: f64| s.borrow().timers.is_active(id as u64))
}

/// `mn.immediate(id, line)`.
pub fn immediate<'js>(ctx: &Ctx<'js>, h: &Host<'_>) -> rquickjs::Result<Value<'js>> {
    let s = h.sched.clone();
    native(ctx, move |id: f64, line: u32| {
        s.borrow_mut().add_immediate(id as u64, line)
    })
}

/// `mn.immediateClear(id)`.
pub fn immediate_clear<'js>(ctx: &Ctx<'js>, h: &Host<'_>) -> rquickjs::Result<Value<'js>> {
    let s = h.sched.clone();
    native(ctx, move |id: f64| {
        s.borrow_mut().clear_immediate(id as u64)
    })
}

/// `mn.immediateRef(id, refed)`.
pub fn immediate_ref<'js>(ctx: &Ctx<'js>, h: &Host<'_>) -> rquickjs::Result<Value<'js>> {
    let s = h.sched.clone();
    native(ctx, move |id: f64, refed: bool| {
        s.borrow_mut().ref_immediate(id as u64, refed)
    })
}
