//! The native half of lib/task_queues.js: process.nextTick requests (`mn.tick`, recorded runs),
//! the wake-up of the prelude's own tick queue (`mn.tickWake`, plain runs), and the trace's name
//! for a queueMicrotask job (`mn.microtask`), and who is draining the queues now (`mn.drainState`,
//! for the node frames under a tick or a job in stack traces).
//!
//! It never runs a tick or a job: the loop model drains them after each callback.

use rquickjs::{Ctx, Value};

use super::super::{Event, Queue};
use super::native::{native, Host};

/// `mn.tick(id, line)`: a recorded run's nextTick, queued with the loop.
pub fn tick<'js>(ctx: &Ctx<'js>, h: &Host<'_>) -> rquickjs::Result<Value<'js>> {
    let s = h.sched.clone();
    native(ctx, move |id: f64, line: u32| {
        s.borrow_mut().add_tick(id as u64, line)
    })
}

/// `mn.tickWake()`: a plain run's tick queue has work again.
pub fn tick_wake<'js>(ctx: &Ctx<'js>, h: &Host<'_>) -> rquickjs::Result<Value<'js>> {
    let s = h.sched.clone();
    native(ctx, move || s.borrow_mut().tick_wake = true)
}

/// `mn.microtask(line)`: names the job queueMicrotask queues next (recorded runs only).
pub fn microtask<'js>(ctx: &Ctx<'js>, h: &Host<'_>) -> rquickjs::Result<Value<'js>> {
    let s = h.sched.clone();
    native(ctx, move |line: u32| {
        let mut s = s.borrow_mut();
        if s.record {
            let label = if line > 0 {
                format!("queueMicrotask at line {line}")
            } else {
                "queueMicrotask".into()
            };
            let line = (line > 0).then_some(line);
            if s.jobs.is_some() {
                // the job queueMicrotask queues next carries its name
                s.sync_jobs();
                s.microtask_label = Some((label, line));
            } else {
                s.events.push(Event::Enqueue {
                    id: 0,
                    queue: Queue::Microtask,
                    label,
                    line,
                    due_ms: None,
                });
            }
        }
    })
}

/// `mn.drainState()`: -1 outside a drain; else `2 * from + ticks`, where `from` is who runs the
/// drain (*Must* match `DrainFrom`'s numbers, read by DRAIN_CALLERS in lib/errors.js) and `ticks`
/// is 1 once it has become processTicksAndRejections.
pub fn drain_state<'js>(ctx: &Ctx<'js>, h: &Host<'_>) -> rquickjs::Result<Value<'js>> {
    let s = h.sched.clone();
    native(ctx, move || match s.borrow().drain {
        None => -1,
        Some((from, ticks)) => 2 * from as i32 + i32::from(ticks),
    })
}
