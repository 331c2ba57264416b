//! The QuickJS plumbing both loop models (`node.rs` and `browser.rs`) share: the engine's
//! runtime limits, the native `promiseState` and `write` bridge functions, the promise-job check,
//! thrown values, script output split into lines, and the words of the stop messages.
//!
//! Everything here is mechanism, not policy: nothing decides when a callback runs (that is each
//! model's job) and nothing writes to a terminal.

use rquickjs::{Ctx, Function, IntoJs, Runtime, Value};

use super::{Event, RunError, RunOptions, Stream};

/// What the models print when the JavaScript heap limit is reached.
pub const OUT_OF_MEMORY: &str = "mini-node: the script ran out of memory: the JavaScript heap limit was reached. Raise it with --max-memory MB.\n";

/// A QuickJS runtime with the run's heap limit and a 4 MB native stack.
pub fn runtime(opts: &RunOptions) -> Result<Runtime, RunError> {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    let runtime = Runtime::new_with_alloc(heap::HugeHeap::new());
    #[cfg(not(all(target_os = "linux", target_env = "gnu")))]
    let runtime = Runtime::new();
    let runtime = runtime.map_err(|e| RunError::Engine(e.to_string()))?;
    runtime.set_memory_limit(opts.max_memory);
    runtime.set_max_stack_size(4 * 1024 * 1024);
    Ok(runtime)
}

/// A queue label with its source line, when known: `setTimeout at line 3`.
pub fn at_line(what: &str, line: u32) -> String {
    if line > 0 {
        format!("{what} at line {line}")
    } else {
        what.to_string()
    }
}

/// Are promise jobs waiting? (QuickJS's job queue, which the loop drains itself.)
pub fn job_pending(ctx: &Ctx<'_>) -> bool {
    // SAFETY: the context (and so its runtime) is alive for the whole borrow.
    unsafe { rquickjs::qjs::JS_IsJobPending(rquickjs::qjs::JS_GetRuntime(ctx.as_raw().as_ptr())) }
}

/// Run the oldest pending promise job: `Ok(false)` when none was pending. A job that threw (the
/// deadline's interrupt, the heap limit, process.exit) answers `Err(Exception)` with its exception
/// left pending on `ctx`, to be caught and judged like a callback's ([`thrown`]).
///
/// rquickjs's `Ctx::execute_pending_job` is not used: it catches and drops a job's exception and
/// answers `true` as for a job that ran, so a promise-job storm stopped by the deadline inside a
/// job looked like a chain that had simply ended, and the run exited 0 without a word.
pub fn run_job(ctx: &Ctx<'_>) -> rquickjs::Result<bool> {
    let ours = ctx.as_raw().as_ptr();
    let mut ran_in = std::ptr::null_mut();
    // SAFETY: the context (and so its runtime) is alive for the whole borrow, and the caller holds
    // the runtime's lock (it is inside `Context::with`).
    unsafe {
        let r =
            rquickjs::qjs::JS_ExecutePendingJob(rquickjs::qjs::JS_GetRuntime(ours), &mut ran_in);
        if r >= 0 {
            return Ok(r > 0);
        }
        if !ran_in.is_null() && ran_in != ours {
            // a job of another context of the runtime: its exception moves to ours
            let e = rquickjs::qjs::JS_GetException(ran_in);
            rquickjs::qjs::JS_Throw(ours, e);
        }
    }
    Err(rquickjs::Error::Exception)
}

/// The value a failed call threw: the pending exception, or the error's text.
pub fn thrown<'js>(ctx: &Ctx<'js>, e: rquickjs::Error) -> Value<'js> {
    match e {
        rquickjs::Error::Exception => ctx.catch(),
        other => rquickjs::String::from_str(ctx.clone(), &other.to_string())
            .map(|s| s.into_value())
            .unwrap_or_else(|_| Value::new_undefined(ctx.clone())),
    }
}

/// The message for a run stopped by `--timeout`, saying `what` was going on.
pub fn interrupted(secs: f64, what: &str) -> String {
    format!("mini-node: interrupted after {secs} s: {what}. Raise the limit with --timeout SECS.\n")
}

/// Hand the recorded events to the view's sink.
pub fn deliver(events: Vec<Event>, sink: &mut dyn FnMut(&Event)) {
    for e in &events {
        sink(e);
    }
}

/// Script output kept as whole lines for the Outcome: `text` is appended to the stream's partial
/// line, and every finished line moves to `output`.
pub fn split_lines(
    partial: &mut [String; 2],
    output: &mut Vec<(Stream, String)>,
    stream: Stream,
    text: &str,
) {
    let i = match stream {
        Stream::Stdout => 0,
        Stream::Stderr => 1,
    };
    let mut rest = text;
    while let Some(pos) = rest.find('\n') {
        let mut line = std::mem::take(&mut partial[i]);
        line.push_str(&rest[..pos]);
        output.push((stream, line));
        rest = &rest[pos + 1..];
    }
    partial[i].push_str(rest);
}

/// At the end of a run: the unfinished last lines become lines too.
pub fn flush_partial(partial: &mut [String; 2], output: &mut Vec<(Stream, String)>) {
    for (i, stream) in [(0, Stream::Stdout), (1, Stream::Stderr)] {
        if !partial[i].is_empty() {
            output.push((stream, std::mem::take(&mut partial[i])));
        }
    }
}

/// The native `write(stream, text)`: stream 2 is stderr, anything else stdout.
pub fn write_fn<'js>(
    ctx: &Ctx<'js>,
    write: impl Fn(Stream, String) + 'js,
) -> rquickjs::Result<Function<'js>> {
    Function::new(ctx.clone(), move |stream: i32, text: String| {
        let stream = if stream == 2 {
            Stream::Stderr
        } else {
            Stream::Stdout
        };
        write(stream, text)
    })
}

/// The native `promiseState(p)`: `[state, value]` with 0 pending, 1 fulfilled, 2 rejected; a
/// value that is not a promise answers `[non_promise, undefined]` (each model's prelude reads
/// that differently).
pub fn promise_state<'js>(ctx: &Ctx<'js>, non_promise: i32) -> rquickjs::Result<Function<'js>> {
    Function::new(
        ctx.clone(),
        move |ctx: Ctx<'js>, p: Value<'js>| -> rquickjs::Result<Vec<Value<'js>>> {
            let Some(p) = p.as_promise() else {
                return Ok(vec![
                    non_promise.into_js(&ctx)?,
                    Value::new_undefined(ctx.clone()),
                ]);
            };
            let state = match p.state() {
                rquickjs::promise::PromiseState::Pending => 0,
                rquickjs::promise::PromiseState::Resolved => 1,
                rquickjs::promise::PromiseState::Rejected => 2,
            };
            let value = if state == 0 {
                Value::new_undefined(ctx.clone())
            } else {
                // SAFETY: JS_PromiseResult returns a new reference to the settled value.
                unsafe {
                    let v = rquickjs::qjs::JS_PromiseResult(ctx.as_raw().as_ptr(), p.as_raw());
                    Value::from_raw(ctx.clone(), v)
                }
            };
            Ok(vec![state.into_js(&ctx)?, value])
        },
    )
}

/// The engine's memory, from the C heap, on transparent huge pages where the system offers them
/// (Linux's `madvise` mode): a script that builds a big heap (a 200k-link promise chain is
/// 150 MB) then takes a page fault per 2 MB instead of one per 4 KB, which was a fifth of its
/// run time. Allocation itself stays glibc's `malloc`.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
mod heap {
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Once;

    const HUGE_PAGE: usize = 2 << 20;
    /// How far ahead of its use `malloc` grows the heap, so that whole huge pages fit in it.
    const TOP_PAD: i32 = 32 << 20;

    /// The end of the heap already advised.
    static ADVISED: AtomicUsize = AtomicUsize::new(0);

    pub struct HugeHeap;

    impl HugeHeap {
        pub fn new() -> Self {
            static SETUP: Once = Once::new();
            // SAFETY: mallopt only changes how far the heap grows at a time.
            SETUP.call_once(|| unsafe {
                libc::mallopt(libc::M_TOP_PAD, TOP_PAD);
            });
            HugeHeap
        }
    }

    /// Advise the heap grown since the last look (`sbrk(0)` reads the break, no system call).
    #[inline]
    fn advise_growth() {
        // SAFETY: sbrk(0) only reads the current break.
        let end = unsafe { libc::sbrk(0) } as usize;
        let advised = ADVISED.load(Ordering::Relaxed);
        if end <= advised {
            return;
        }
        let from = if advised == 0 {
            end.saturating_sub(TOP_PAD as usize * 2)
        } else {
            advised
        } & !(HUGE_PAGE - 1);
        // SAFETY: advice only; parts of the range that are not mapped are skipped (ENOMEM).
        unsafe {
            libc::madvise(from as *mut libc::c_void, end - from, libc::MADV_HUGEPAGE);
        }
        ADVISED.store(end, Ordering::Relaxed);
    }

    // SAFETY: every block comes from malloc/calloc/realloc (16-byte aligned) and goes back to free.
    unsafe impl rquickjs::allocator::Allocator for HugeHeap {
        fn alloc(&mut self, size: usize) -> *mut u8 {
            // SAFETY: plain malloc.
            let p = unsafe { libc::malloc(size) };
            advise_growth();
            p.cast()
        }

        fn calloc(&mut self, count: usize, size: usize) -> *mut u8 {
            // SAFETY: plain calloc.
            let p = unsafe { libc::calloc(count, size) };
            advise_growth();
            p.cast()
        }

        unsafe fn dealloc(&mut self, ptr: *mut u8) {
            // SAFETY: `ptr` came from this allocator.
            unsafe { libc::free(ptr.cast()) }
        }

        unsafe fn realloc(&mut self, ptr: *mut u8, new_size: usize) -> *mut u8 {
            // SAFETY: `ptr` came from this allocator.
            let p = unsafe { libc::realloc(ptr.cast(), new_size) };
            advise_growth();
            p.cast()
        }

        unsafe fn usable_size(ptr: *mut u8) -> usize {
            // SAFETY: `ptr` came from this allocator.
            unsafe { libc::malloc_usable_size(ptr.cast()) }
        }
    }
}
