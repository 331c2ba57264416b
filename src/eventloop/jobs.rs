//! A window onto QuickJS's promise-job queue, so a recorded run shows every promise reaction the
//! moment it is queued, not only when it runs.
//!
//! QuickJS keeps its pending jobs (promise reactions, `await` resumptions, thenable resolutions)
//! in a FIFO list inside the runtime and offers no callback when one is added: its promise hook
//! fires on promise creation and settlement, which says neither how many reactions were queued
//! nor anything about `await` on a settled value. [`JobWatch`] finds that list once per run (a
//! marker job is queued through the public `JS_EnqueueJob` and looked for), then reads the
//! entries added since the last look: the engine's own queue is the source of truth, and the
//! order the reactions run in stays the engine's. Only recorded runs (`--trace`, the TUI,
//! explore) look; a plain `mini-node run` never does.
//!
//! The layouts below are QuickJS-ng's (`struct list_head`, `JSJobEntry`) in the rquickjs-sys
//! version locked in Cargo.lock; [`JobWatch::locate`] checks them against a real queued job and
//! gives up (no Enqueue events for promise jobs, everything else unchanged) if they do not match.

use std::ffi::{c_int, CStr};
use std::ptr;

use rquickjs::qjs;

#[repr(C)]
struct ListHead {
    prev: *mut ListHead,
    next: *mut ListHead,
}

#[repr(C)]
struct JobEntry {
    link: ListHead,
    ctx: *mut qjs::JSContext,
    job_func: qjs::JSJobFunc,
    argc: c_int,
    argv: [qjs::JSValue; 0],
}

/// What kind of job was queued, and where its code comes from.
#[derive(Debug, Clone, PartialEq)]
pub struct Job {
    pub label: String,
    pub line: Option<u32>,
}

/// Reads the jobs added to the engine's queue since the last look.
pub struct JobWatch {
    ctx: *mut qjs::JSContext,
    head: *mut ListHead,
    /// The newest entry already reported (still queued), or `head` when none is.
    last: *mut ListHead,
    /// Entries reported and not yet run.
    known: usize,
    /// `fileName` of functions from the user's script.
    file: String,
}

unsafe extern "C" fn marker_job(
    _ctx: *mut qjs::JSContext,
    _argc: c_int,
    _argv: *mut qjs::JSValue,
) -> qjs::JSValue {
    qjs::JS_UNDEFINED
}

/// How many pointer-sized words of `JSRuntime` to search for the job list (it sits about 1.3 KB
/// in, after the arena's free lists; the search stops at the first match).
const SEARCH_WORDS: usize = 512;

impl JobWatch {
    /// Find the job list of `ctx`'s runtime. Call with no job pending and a promise rejection
    /// tracker installed (the list follows the tracker's two words in `JSRuntime`).
    ///
    /// # Safety
    /// `ctx` must be a live context whose runtime outlives the returned watch.
    pub unsafe fn locate(ctx: *mut qjs::JSContext, file: String) -> Option<JobWatch> {
        unsafe {
            let rt = qjs::JS_GetRuntime(ctx);
            if qjs::JS_IsJobPending(rt) {
                return None;
            }
            let words = rt as *const usize;
            // the list follows the rejection tracker's opaque (rquickjs passes the runtime's
            // opaque); when empty it points at itself
            let opaque = qjs::JS_GetRuntimeOpaque(rt) as usize;
            if opaque == 0 {
                return None;
            }
            let mut candidates = Vec::new();
            for i in 2..SEARCH_WORDS {
                let at = words.add(i) as usize;
                if *words.add(i - 1) == opaque
                    && *words.add(i - 2) != 0
                    && *words.add(i) == at
                    && *words.add(i + 1) == at
                {
                    candidates.push(words.add(i) as *mut ListHead);
                    break;
                }
            }
            if qjs::JS_EnqueueJob(ctx, Some(marker_job), 0, ptr::null_mut()) != 0 {
                return None;
            }
            let marker = marker_job as *const ();
            let found: Vec<*mut ListHead> = candidates
                .into_iter()
                .filter(|&h| {
                    let first = (*h).next;
                    first != h
                        && (*first).next == h
                        && (*h).prev == first
                        && (*(first as *mut JobEntry))
                            .job_func
                            .is_some_and(|f| f as *const () == marker)
                })
                .collect();
            let mut pctx = ptr::null_mut();
            qjs::JS_ExecutePendingJob(rt, &mut pctx);
            if found.len() != 1 || qjs::JS_IsJobPending(rt) {
                return None;
            }
            Some(JobWatch {
                ctx,
                head: found[0],
                last: found[0],
                known: 0,
                file,
            })
        }
    }

    /// The jobs queued since the last call, oldest first.
    pub fn take_new(&mut self, out: &mut Vec<Job>) {
        // SAFETY: `last` is `head` or an entry still in the list (entries leave from the front,
        // and `ran_one` resets `last` before the last known one leaves), so the walk stays on
        // live entries of the runtime's list.
        unsafe {
            let mut at = (*self.last).next;
            while at != self.head {
                out.push(self.describe(at as *const JobEntry));
                self.known += 1;
                self.last = at;
                at = (*at).next;
            }
        }
    }

    /// The front job is about to run (and leave the list).
    pub fn ran_one(&mut self) {
        self.known = self.known.saturating_sub(1);
        if self.known == 0 {
            self.last = self.head;
        }
    }

    unsafe fn describe(&self, e: *const JobEntry) -> Job {
        unsafe {
            let argc = (*e).argc;
            let argv = (*e).argv.as_ptr();
            match argc {
                // promise_reaction_job(resolve, reject, handler, is_reject, value)
                5 => {
                    let await_ = qjs::JS_IsUndefined(*argv) && qjs::JS_IsUndefined(*argv.add(1));
                    if await_ {
                        return Job {
                            label: "await (the async function resumes)".into(),
                            line: None,
                        };
                    }
                    match self.line_of(*argv.add(2)) {
                        Some(line) => Job {
                            label: format!("promise reaction (handler at line {line})"),
                            line: Some(line),
                        },
                        None => Job {
                            label: "promise reaction".into(),
                            line: None,
                        },
                    }
                }
                // js_promise_resolve_thenable_job(promise, thenable, then)
                3 => Job {
                    label: "promise resolved with a thenable (calls its then)".into(),
                    line: None,
                },
                _ => Job {
                    label: "promise job".into(),
                    line: None,
                },
            }
        }
    }

    /// The line of a function defined in the user's script.
    unsafe fn line_of(&self, f: qjs::JSValue) -> Option<u32> {
        unsafe {
            if !qjs::JS_IsFunction(self.ctx, f) {
                return None;
            }
            let name = qjs::JS_GetPropertyStr(self.ctx, f, c"fileName".as_ptr());
            let mut len = 0;
            let s = qjs::JS_ToCStringLen2(self.ctx, &mut len, name, false);
            qjs::JS_FreeValue(self.ctx, name);
            if s.is_null() {
                qjs::JS_FreeValue(self.ctx, qjs::JS_GetException(self.ctx));
                return None;
            }
            let ours = CStr::from_ptr(s).to_bytes() == self.file.as_bytes();
            qjs::JS_FreeCString(self.ctx, s);
            if !ours {
                return None;
            }
            let v = qjs::JS_GetPropertyStr(self.ctx, f, c"lineNumber".as_ptr());
            let mut line = 0i32;
            let ok = qjs::JS_ToInt32(self.ctx, &mut line, v) == 0;
            qjs::JS_FreeValue(self.ctx, v);
            (ok && line > 0).then_some(line as u32)
        }
    }
}
