//! The native half of lib/worker_threads.js: starting a worker thread (`mn.workerStart`), the
//! messages of its ports, `terminate()`, and in a worker the link to its parent (`mn.workerInfo`,
//! its 'online', its output's acknowledgements, its uncaught error).
//!
//! It only moves serialised messages between loops and records the threads in the loop's state
//! (`worker/link.rs`'s `Threads`); the thread itself is `worker.rs`'s, and when a message's
//! callback runs is the loop's business (each arrives as a completion in the poll phase).

use std::collections::HashMap;

use rquickjs::{Ctx, Exception, Object, Value};

use super::super::io::Arg;
use super::super::worker::{self, next_thread_id, Birth, Spec, WorkerLink};
use super::native::{native, Host};

/// `mn.workerInfo`: in a worker, what it knows of itself (`threadId`, `data`: workerData and the
/// environment data serialised, `eval`, `missing`: its file could not be read, and the handles of `port`
/// (parentPort) and `internal`); `null` in the main thread.
pub fn worker_info<'js>(ctx: &Ctx<'js>, h: &Host<'_>) -> rquickjs::Result<Value<'js>> {
    let Some(link) = h.opts.worker.as_ref() else {
        return Ok(Value::new_null(ctx.clone()));
    };
    let o = Object::new(ctx.clone())?;
    o.set("threadId", link.thread_id() as f64)?;
    o.set("data", link.data())?;
    o.set("eval", link.eval())?;
    o.set("missing", link.missing())?;
    o.set("port", link.port() as f64)?;
    o.set("internal", link.internal() as f64)?;
    Ok(o.into_value())
}

/// `mn.workerThreadId()`: the next worker's thread id.
pub fn worker_thread_id<'js>(ctx: &Ctx<'js>, _: &Host<'_>) -> rquickjs::Result<Value<'js>> {
    native(ctx, || next_thread_id() as f64)
}

/// `mn.workerStart(handle, spec)`: start the worker whose `Worker` object is `handle`. `spec`:
/// `{ threadId, filename, eval, data, argv, env }` (filename absolute, or the code with `eval`;
/// `data` serialised; `env` an object of strings).
pub fn worker_start<'js>(ctx: &Ctx<'js>, h: &Host<'_>) -> rquickjs::Result<Value<'js>> {
    let s = h.sched.clone();
    let timeout = h.opts.timeout;
    let max_memory = h.opts.max_memory;
    let trace = h.opts.thread_trace.clone();
    native(
        ctx,
        move |ctx: Ctx<'js>, handle: f64, spec: Object<'js>| -> rquickjs::Result<()> {
            let env: HashMap<String, String> = match spec.get::<_, Option<Object>>("env")? {
                Some(o) => o
                    .props::<String, Value>()
                    .filter_map(Result::ok)
                    .filter_map(|(k, v)| {
                        let v = v
                            .as_string()
                            .and_then(|s| s.to_string().ok())
                            .or_else(|| v.as_number().map(|n| n.to_string()))?;
                        Some((k, v))
                    })
                    .collect(),
                None => std::env::vars().collect(),
            };
            let handle = handle as u64;
            let parent = s.borrow().io.post();
            let (link, mut started) = WorkerLink::new(Birth {
                thread_id: spec.get::<_, f64>("threadId")? as u64,
                parent,
                handle,
                data: spec.get("data")?,
                eval: spec.get("eval")?,
                env,
            });
            let job = Spec {
                filename: spec.get("filename")?,
                eval: spec.get("eval")?,
                args: spec.get("argv")?,
                timeout,
                max_memory,
                trace: trace.clone(),
            };
            match worker::spawn(link, job) {
                Ok(thread) => {
                    started.set_thread(thread);
                    s.borrow_mut().threads.started(handle, started);
                    Ok(())
                }
                Err(e) => Err(Exception::throw_message(
                    &ctx,
                    &format!("mini-node could not start a worker thread: {e}"),
                )),
            }
        },
    )
}

/// `mn.portPost(handle, text)`: a serialised message from port (or `Worker`) `handle` to its
/// peer; `false` when the peer is gone.
pub fn port_post<'js>(ctx: &Ctx<'js>, h: &Host<'_>) -> rquickjs::Result<Value<'js>> {
    let s = h.sched.clone();
    native(ctx, move |handle: f64, text: String| {
        s.borrow()
            .threads
            .send(handle as u64, "onreceive", Arg::Str(text))
    })
}

/// `mn.portClose(handle)`: the port sends no more; its peer hears `onpeerclose`.
pub fn port_close<'js>(ctx: &Ctx<'js>, h: &Host<'_>) -> rquickjs::Result<Value<'js>> {
    let s = h.sched.clone();
    native(ctx, move |handle: f64| {
        s.borrow_mut().threads.close(handle as u64)
    })
}

/// `mn.portKick(handle, n)`: `n` `ondrain` completions for `handle` in this loop's poll phase
/// (a port started with messages queued delivers them one per completion, as node's does).
pub fn port_kick<'js>(ctx: &Ctx<'js>, h: &Host<'_>) -> rquickjs::Result<Value<'js>> {
    let s = h.sched.clone();
    native(ctx, move |handle: f64, n: f64| {
        let post = s.borrow().io.post();
        for _ in 0..(n.max(0.0) as u64) {
            post.send(handle as u64, "ondrain", Arg::None);
        }
    })
}

/// `mn.workerStop(handle)`: `worker.terminate()`.
pub fn worker_stop<'js>(ctx: &Ctx<'js>, h: &Host<'_>) -> rquickjs::Result<Value<'js>> {
    let s = h.sched.clone();
    native(ctx, move |handle: f64| {
        s.borrow().threads.terminate(handle as u64)
    })
}

/// `mn.workerAck(handle, stream)`: the parent wrote worker `handle`'s chunk of `stream`.
pub fn worker_ack<'js>(ctx: &Ctx<'js>, h: &Host<'_>) -> rquickjs::Result<Value<'js>> {
    let s = h.sched.clone();
    native(ctx, move |handle: f64, stream: f64| {
        s.borrow().threads.acknowledge(handle as u64, stream as u8)
    })
}

/// `mn.workerEnded(handle)`: worker `handle`'s 'exit' came; its thread is reaped.
pub fn worker_ended<'js>(ctx: &Ctx<'js>, h: &Host<'_>) -> rquickjs::Result<Value<'js>> {
    let s = h.sched.clone();
    native(ctx, move |handle: f64| {
        s.borrow_mut().threads.ended(handle as u64)
    })
}

/// `mn.workerOnline()`: in a worker, about to run its script (the parent's 'online').
pub fn worker_online<'js>(ctx: &Ctx<'js>, h: &Host<'_>) -> rquickjs::Result<Value<'js>> {
    let link = h.opts.worker.clone();
    native(ctx, move || {
        if let Some(l) = &link {
            l.online();
        }
    })
}

/// `mn.workerMore(stream)`: in a worker, the parent wrote its last chunk of `stream`.
pub fn worker_more<'js>(ctx: &Ctx<'js>, h: &Host<'_>) -> rquickjs::Result<Value<'js>> {
    let s = h.sched.clone();
    native(ctx, move |stream: f64| {
        let mut s = s.borrow_mut();
        let Some(link) = s.threads.link.clone() else {
            return;
        };
        let busy = link.acknowledged(stream as u8);
        s.io.set_ref(link.internal(), busy);
    })
}

/// `mn.workerError(text)`: in a worker, its uncaught error (serialised) for the parent.
pub fn worker_error<'js>(ctx: &Ctx<'js>, h: &Host<'_>) -> rquickjs::Result<Value<'js>> {
    let link = h.opts.worker.clone();
    native(ctx, move |text: String| {
        if let Some(l) = &link {
            l.error(text);
        }
    })
}

/// `mn.write` in a worker: the script's output goes to the parent (see [`WorkerLink::write`]);
/// the internal port keeps the loop alive while a chunk awaits the parent. `Err(text)` in the
/// main thread, whose output is its own.
pub fn write(
    sched: &mut super::super::node::Sched,
    stream: u8,
    text: String,
) -> Result<(), String> {
    let Some(link) = sched.threads.link.clone() else {
        return Err(text);
    };
    let busy = link.write(stream, text);
    sched.io.set_ref(link.internal(), busy);
    Ok(())
}
