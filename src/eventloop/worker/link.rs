//! What a worker thread (node's `worker_threads`) and the loop that started it share, and what
//! each loop keeps about its threads and message ports: the [`WorkerLink`] a worker's loop gets
//! in its `RunOptions`, and [`Threads`], the table in every Node loop's state.
//!
//! HOW: every message port is a handle of the loop it lives in (`io.rs`); its peer is a handle of
//! the same or another loop, reached through that loop's [`Post`]. A message crosses as a
//! completion (`onmessage`, the value serialised by lib/lazy/clone.js) that the peer's loop runs
//! in its poll phase, as node's MessagePort does with its `uv_async_t`. A worker's loop is made by
//! its parent (its [`Io`], with the worker's two ports already open), so the parent can post to
//! it before the thread runs. A worker's output goes to the parent as node's does: its first
//! chunk at once, the next ones held until the parent says it wrote the previous one (node's
//! `STDIO_WANTS_MORE_DATA`), which is what makes a worker's lines interleave with its messages
//! as node's do.
//!
//! Nothing here runs JavaScript or starts a thread (`worker.rs` does); the bridge
//! (`host/worker_threads.rs`) and the loop (`node.rs`) call it.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use crate::eventloop::io::{Arg, Io, Post};

/// node's thread ids: the main thread is 0, workers count from 1, never reused in a process.
static NEXT_THREAD_ID: AtomicU64 = AtomicU64::new(1);

/// A new worker's thread id (taken before its data is serialised, as node takes it).
pub fn next_thread_id() -> u64 {
    NEXT_THREAD_ID.fetch_add(1, Ordering::Relaxed)
}

/// How long the end of a loop waits for its workers to stop before leaving them behind.
const JOIN_WAIT: Duration = Duration::from_secs(2);

/// The streams a worker writes: node's 1 (stdout) and 2 (stderr), as `mn.write` numbers them.
fn slot(stream: u8) -> usize {
    usize::from(stream == 2)
}

/// The completion that carries a chunk of a worker's stream `stream` to its parent.
fn stdio_event(stream: u8) -> &'static str {
    if stream == 2 {
        "onstderr"
    } else {
        "onstdout"
    }
}

/// What a worker's loop is told about itself and its parent (`RunOptions::worker`). Cloning
/// it shares it.
#[derive(Clone)]
pub struct WorkerLink(Arc<Shared>);

struct Shared {
    thread_id: u64,
    /// The worker's loop I/O, made by the parent; the worker's loop takes it once.
    io: Mutex<Option<Io>>,
    /// `parentPort`'s handle in the worker's loop.
    port: u64,
    /// The worker's internal port (node's `kPort`): stdio acknowledgements and the wake-up of
    /// `terminate()`.
    internal: u64,
    /// The parent's loop, and the parent's `Worker` object's handle there.
    parent: Post,
    handle: u64,
    /// `workerData` and the parent's environment data, serialised by lib/lazy/worker_threads.js.
    data: String,
    /// `eval: true`: the filename is the code.
    eval: bool,
    /// `process.env` of the worker (node copies the parent's, or takes `options.env`).
    env: HashMap<String, String>,
    /// Set by `terminate()` (and by the end of the parent): the worker's engine stops at once.
    stop: Arc<AtomicBool>,
    /// The worker told its parent it is running ('online'); a terminate before that ends it
    /// with code 0, as node's.
    online: AtomicBool,
    /// The worker's file could not be read (node reports MODULE_NOT_FOUND in the worker).
    missing: AtomicBool,
    stdio: Mutex<Stdio>,
}

/// A worker's output on its way to the parent: per stream, whether a chunk awaits the parent's
/// acknowledgement, and what was written since.
#[derive(Default)]
struct Stdio {
    busy: [bool; 2],
    pending: [String; 2],
}

impl std::fmt::Debug for WorkerLink {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WorkerLink")
            .field("thread_id", &self.0.thread_id)
            .field("eval", &self.0.eval)
            .finish_non_exhaustive()
    }
}

/// What the parent gives a new worker.
pub struct Birth {
    pub thread_id: u64,
    pub parent: Post,
    pub handle: u64,
    pub data: String,
    pub eval: bool,
    pub env: HashMap<String, String>,
}

impl WorkerLink {
    /// A new worker's link and its loop's I/O (both ports open, neither keeping it alive), with
    /// what the parent keeps to reach it.
    pub fn new(birth: Birth) -> (WorkerLink, Started) {
        let mut io = Io::default();
        let port = io.open("MessagePort", false);
        let internal = io.open("MessagePort", false);
        let to_worker = io.post();
        let stop = Arc::new(AtomicBool::new(false));
        let link = WorkerLink(Arc::new(Shared {
            thread_id: birth.thread_id,
            io: Mutex::new(Some(io)),
            port,
            internal,
            parent: birth.parent,
            handle: birth.handle,
            data: birth.data,
            eval: birth.eval,
            env: birth.env,
            stop: stop.clone(),
            online: AtomicBool::new(false),
            missing: AtomicBool::new(false),
            stdio: Mutex::new(Stdio::default()),
        }));
        let started = Started {
            stop,
            to_worker,
            port,
            internal,
            thread: None,
        };
        (link, started)
    }

    pub fn thread_id(&self) -> u64 {
        self.0.thread_id
    }

    pub fn port(&self) -> u64 {
        self.0.port
    }

    pub fn internal(&self) -> u64 {
        self.0.internal
    }

    pub fn data(&self) -> &str {
        &self.0.data
    }

    pub fn eval(&self) -> bool {
        self.0.eval
    }

    pub fn env(&self) -> &HashMap<String, String> {
        &self.0.env
    }

    /// The flag `terminate()` sets; the worker's interrupt handler reads it.
    pub fn stop_flag(&self) -> Arc<AtomicBool> {
        self.0.stop.clone()
    }

    pub fn stopped(&self) -> bool {
        self.0.stop.load(Ordering::Relaxed)
    }

    pub fn missing(&self) -> bool {
        self.0.missing.load(Ordering::Relaxed)
    }

    /// The worker's file could not be read.
    pub fn set_missing(&self) {
        self.0.missing.store(true, Ordering::Relaxed);
    }

    /// The worker's loop I/O (once; `None` afterwards).
    pub fn take_io(&self) -> Option<Io> {
        self.0.io.lock().ok()?.take()
    }

    /// Post `event` with `arg` to the parent's `Worker` object.
    fn to_parent(&self, event: &'static str, arg: Arg) -> bool {
        self.0.parent.send(self.0.handle, event, arg)
    }

    /// The worker is about to run its script: the parent's 'online'.
    pub fn online(&self) {
        self.0.online.store(true, Ordering::Relaxed);
        self.to_parent("ononline", Arg::None);
    }

    /// The worker wrote `text` on `stream` (1 stdout, 2 stderr): sent now if the parent has
    /// acknowledged the previous chunk, else held. Answers whether a chunk now awaits an
    /// acknowledgement (the internal port keeps the worker's loop alive meanwhile).
    pub fn write(&self, stream: u8, text: String) -> bool {
        let Ok(mut io) = self.0.stdio.lock() else {
            return false;
        };
        let i = slot(stream);
        if io.busy[i] {
            io.pending[i].push_str(&text);
        } else {
            io.busy[i] = true;
            self.to_parent(stdio_event(stream), Arg::Str(text));
        }
        io.busy.iter().any(|b| *b)
    }

    /// The parent wrote the last chunk of `stream`: what was held since goes now. Answers as
    /// [`WorkerLink::write`].
    pub fn acknowledged(&self, stream: u8) -> bool {
        let Ok(mut io) = self.0.stdio.lock() else {
            return false;
        };
        let i = slot(stream);
        let held = std::mem::take(&mut io.pending[i]);
        if held.is_empty() {
            io.busy[i] = false;
        } else {
            self.to_parent(stdio_event(stream), Arg::Str(held));
        }
        io.busy.iter().any(|b| *b)
    }

    /// Send everything held, without waiting for acknowledgements (the worker is ending).
    pub fn flush(&self) {
        let Ok(mut io) = self.0.stdio.lock() else {
            return;
        };
        for stream in [1u8, 2] {
            let held = std::mem::take(&mut io.pending[slot(stream)]);
            if !held.is_empty() {
                self.to_parent(stdio_event(stream), Arg::Str(held));
            }
        }
    }

    /// Text the worker's engine itself wrote (a time-out, the heap limit): to the parent's
    /// stream at once.
    pub fn engine_output(&self, stream: u8, text: String) {
        self.to_parent(stdio_event(stream), Arg::Str(text));
    }

    /// An uncaught error ended the worker: its output so far, then the error (serialised by
    /// lib/lazy/worker_threads.js) for the parent's 'error' event.
    pub fn error(&self, serialised: String) {
        self.flush();
        self.to_parent("onerror", Arg::Str(serialised));
    }

    /// The worker's loop has ended with `code`: its held output (unless terminated, which loses
    /// it, as node's does), then the parent's 'exit'. A worker terminated before it ran exits
    /// with 0, as node's.
    pub fn exited(&self, code: i32) {
        let code = if self.stopped() {
            i32::from(self.0.online.load(Ordering::Relaxed))
        } else {
            self.flush();
            code
        };
        self.to_parent("onexit", Arg::Num(f64::from(code)));
    }
}

/// What a loop keeps about a worker it started.
pub struct Started {
    stop: Arc<AtomicBool>,
    /// The worker's loop.
    to_worker: Post,
    port: u64,
    internal: u64,
    thread: Option<JoinHandle<()>>,
}

impl Started {
    /// The worker's thread, once started.
    pub fn set_thread(&mut self, thread: JoinHandle<()>) {
        self.thread = Some(thread);
    }

    fn stop(&self) {
        self.stop.store(true, Ordering::Relaxed);
        // wake its loop if it waits for I/O; the loop sees the flag before running anything
        self.to_worker.send(self.internal, "onterminate", Arg::None);
    }
}

/// A loop's threads and message ports: where each port's messages go, the workers it started
/// and, in a worker, the link to its parent.
#[derive(Default)]
pub struct Threads {
    /// Each open port of this loop: its peer's loop and handle.
    peers: HashMap<u64, (Post, u64)>,
    /// Workers this loop started and that have not ended, by their `Worker` handle.
    workers: HashMap<u64, Started>,
    /// Threads of ended workers, joined once they have returned.
    ended: Vec<JoinHandle<()>>,
    /// In a worker's loop: its link to the parent.
    pub link: Option<WorkerLink>,
}

impl Threads {
    /// A worker's loop starts: its I/O (with its ports) comes from the link, and `parentPort`
    /// sends to the parent's `Worker` object.
    pub fn attach(&mut self, link: &WorkerLink, io: &mut Io) {
        if let Some(own) = link.take_io() {
            *io = own;
        }
        self.peers
            .insert(link.port(), (link.0.parent.clone(), link.0.handle));
        self.link = Some(link.clone());
    }

    /// A worker started by this loop, whose `Worker` object is `handle`.
    pub fn started(&mut self, handle: u64, worker: Started) {
        self.peers
            .insert(handle, (worker.to_worker.clone(), worker.port));
        self.workers.insert(handle, worker);
    }

    /// A message from port `handle` to its peer; `false` when it has none (closed).
    pub fn send(&self, handle: u64, event: &'static str, arg: Arg) -> bool {
        match self.peers.get(&handle) {
            Some((post, peer)) => post.send(*peer, event, arg),
            None => false,
        }
    }

    /// Port `handle` closes: its peer hears of it (`onpeerclose`) and nothing more goes to it.
    pub fn close(&mut self, handle: u64) {
        if let Some((post, peer)) = self.peers.remove(&handle) {
            post.send(peer, "onpeerclose", Arg::None);
        }
    }

    /// The parent wrote a chunk of worker `handle`'s `stream`: ask for the next.
    pub fn acknowledge(&self, handle: u64, stream: u8) {
        if let Some(w) = self.workers.get(&handle) {
            w.to_worker
                .send(w.internal, "onack", Arg::Num(f64::from(stream)));
        }
    }

    /// `worker.terminate()`.
    pub fn terminate(&self, handle: u64) {
        if let Some(w) = self.workers.get(&handle) {
            w.stop();
        }
    }

    /// Worker `handle` has ended (its 'exit' came): its thread is joined when it has returned.
    pub fn ended(&mut self, handle: u64) {
        self.peers.remove(&handle);
        if let Some(mut w) = self.workers.remove(&handle) {
            if let Some(t) = w.thread.take() {
                self.ended.push(t);
            }
        }
        let (done, running): (Vec<_>, Vec<_>) = std::mem::take(&mut self.ended)
            .into_iter()
            .partition(|t| t.is_finished());
        for t in done {
            let _ = t.join();
        }
        self.ended = running;
    }

    /// The loop has ended: every worker still running is stopped, and every thread joined
    /// (those that do not stop within [`JOIN_WAIT`] are left to end with the process).
    pub fn stop_all(&mut self) {
        for w in self.workers.values() {
            w.stop();
        }
        let threads = self
            .workers
            .drain()
            .filter_map(|(_, mut w)| w.thread.take())
            .chain(self.ended.drain(..));
        let until = Instant::now() + JOIN_WAIT;
        for t in threads {
            while !t.is_finished() && Instant::now() < until {
                std::thread::sleep(Duration::from_millis(1));
            }
            if t.is_finished() {
                let _ = t.join();
            }
        }
        self.peers.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn birth(parent: Post) -> Birth {
        Birth {
            thread_id: next_thread_id(),
            parent,
            handle: 7,
            data: String::new(),
            eval: true,
            env: HashMap::new(),
        }
    }

    #[test]
    fn a_workers_output_waits_for_the_parent_to_take_the_previous_chunk() {
        let mut parent = Io::default();
        let (link, _) = WorkerLink::new(birth(parent.post()));
        assert!(link.write(1, "a\n".into()));
        assert!(link.write(1, "b\n".into()));
        assert!(link.write(1, "c\n".into()));
        assert!(link.write(2, "e\n".into()));
        let first = parent.try_next().expect("the first chunk");
        assert_eq!((first.handle, first.event), (7, "onstdout"));
        assert_eq!(parent.try_next().expect("stderr's first").event, "onstderr");
        assert!(parent.try_next().is_none(), "b and c wait");
        assert!(link.acknowledged(1));
        match parent.try_next().map(|c| c.arg) {
            Some(Arg::Str(s)) => assert_eq!(s, "b\nc\n"),
            _ => panic!("b and c together"),
        }
        assert!(
            link.acknowledged(1),
            "stderr still awaits its acknowledgement"
        );
        assert!(!link.acknowledged(2));
        let _ = parent.open("Worker", true);
    }

    #[test]
    fn a_worker_terminated_before_it_ran_exits_with_0_and_loses_nothing_else() {
        let mut parent = Io::default();
        let (link, started) = WorkerLink::new(birth(parent.post()));
        started.stop();
        assert!(link.stopped());
        link.exited(5);
        match parent.try_next() {
            Some(Completion {
                event: "onexit",
                arg: Arg::Num(n),
                ..
            }) => assert_eq!(n, 0.0),
            _ => panic!("an exit"),
        }
        let _ = parent.open("Worker", true);
    }

    use crate::eventloop::io::Completion;
}
