//! Real I/O for Node's loop: the handles a script opens (servers, sockets, child processes,
//! workers, IPC channels) and the completions their background work posts back, for the poll and
//! close-callbacks phases to run.
//!
//! HOW: the JavaScript runs on the loop's thread; sockets, processes and channels are served by a
//! tokio runtime of one background thread, started on first use (a script without real I/O never
//! starts it). A module's Rust half (`host/net.rs`, `host/http.rs`, ...) opens a handle here
//! ([`Io::open`]), spawns its work on [`Io::runtime`] and posts each [`Completion`] through a
//! cloned [`Post`]: "call method `event` of handle `id`'s JavaScript object with this argument".
//! The loop takes completions in the poll phase ([`Io::try_next`], or [`Io::wait`] when nothing
//! else can run) and calls `runIo(id, event, arg)` in lib/io.js. Closing a handle
//! ([`Io::close`]) queues its `onclose` for the close-callbacks phase of this iteration, as
//! libuv's `uv_close` does; completions that arrive for it afterwards are dropped by lib/io.js.
//!
//! Work that is mostly waiting on sockets the JavaScript answers (HTTP connections) can run on
//! [`Io::local`] instead: a current-thread runtime on the loop's own thread, run while the
//! loop polls ([`Io::drive`], libuv's epoll of the poll phase) and while it waits
//! ([`Io::wait`]); the JavaScript's answers wake those tasks the next time the loop drives them
//! ([`Io::wake_later`]), so a request and its answer cross no thread.
//!
//! WHY: libuv's liveness rule holds here too: a referenced handle keeps the loop alive
//! ([`Io::refs`]), and once any handle has been open the loop runs in real time (a server waits
//! for requests; a `setInterval` beside it ticks every real second).
//!
//! Nothing here runs JavaScript or decides the order of phases; that is `node.rs`'s job.

use std::any::{Any, TypeId};
use std::cell::RefCell;
use std::collections::{HashMap, VecDeque};
use std::os::fd::RawFd;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{channel, Receiver, Sender};
use std::sync::Arc;
use std::task::Waker;
use std::time::Duration;

use rquickjs::{Ctx, Value};
use tokio::sync::Notify;

/// Builds a completion's argument in the loop's JavaScript context.
pub type Make = Box<dyn for<'js> FnOnce(&Ctx<'js>) -> rquickjs::Result<Value<'js>> + Send>;

/// The argument a completion hands to its handle's method.
pub enum Arg {
    None,
    /// A number (an exit code, a count); no module of this build posts one yet.
    #[allow(dead_code)]
    Num(f64),
    Str(String),
    /// Bytes, as a Buffer.
    Bytes(Vec<u8>),
    /// Anything else, built on the loop's thread.
    Make(Make),
}

/// Something a handle's background work finished: `handle[event](arg)` runs in the poll phase.
pub struct Completion {
    pub handle: u64,
    /// The method of the handle's JavaScript object that takes it (`onconnection`, `ondata` ...).
    pub event: &'static str,
    pub arg: Arg,
}

/// A handle's descriptor, lent to other modules (to duplicate it, or read its addresses) while
/// its owner keeps it open.
pub trait FdSource: Send + Sync {
    /// Call `f` with the descriptor if it is still open, keeping it open meanwhile.
    fn with_fd(&self, f: &mut dyn FnMut(RawFd));
}

/// Where background work posts its completions (cloned into each task; `Send`).
#[derive(Clone)]
pub struct Post {
    tx: Sender<Completion>,
    /// Wakes the loop when it waits inside the loop-thread runtime ([`Io::local`]).
    posted: Arc<Notify>,
}

impl Post {
    /// Post a completion; `false` once the loop has ended (the work should stop).
    pub fn send(&self, handle: u64, event: &'static str, arg: Arg) -> bool {
        let sent = self.tx.send(Completion { handle, event, arg }).is_ok();
        self.posted.notify_one();
        sent
    }
}

/// The loop's real handles and the channel their completions come back on.
pub struct Io {
    runtime: Option<tokio::runtime::Runtime>,
    /// The runtime that runs on the loop's own thread, while the loop polls or waits
    /// ([`Io::local`]): its tasks never cross a thread to reach the JavaScript.
    local: Option<tokio::runtime::Runtime>,
    /// What [`Post::send`] notifies.
    posted: Arc<Notify>,
    /// Loop-thread tasks the JavaScript gave work to, woken the next time the loop drives the
    /// local runtime ([`Io::wake_later`]).
    to_wake: RefCell<Vec<Waker>>,
    /// Loop-thread tasks still running ([`Io::spawn_local`]): the end of the loop lets them
    /// finish what they were given (a last response written).
    local_live: Arc<AtomicUsize>,
    tx: Sender<Completion>,
    rx: Receiver<Completion>,
    next_id: u64,
    /// Open handles: whether each keeps the loop alive (referenced), and its kind for the trace.
    open: HashMap<u64, (bool, &'static str)>,
    /// The kinds of the handles closing (their `onclose` still to run).
    closed_kinds: HashMap<u64, &'static str>,
    /// The descriptors of handles whose Rust half another module owns (an HTTP connection), for
    /// the modules that pass descriptors on.
    fds: HashMap<u64, Arc<dyn FdSource>>,
    /// Background tasks that serve a handle, stopped when it closes.
    tasks: HashMap<u64, Vec<tokio::task::AbortHandle>>,
    refs: usize,
    /// Each open handle's Rust half (a listener's accept task, a socket's writer): dropped when
    /// the handle closes, which stops its background work.
    natives: HashMap<u64, Box<dyn Any + Send>>,
    /// A module's state for this loop that belongs to no one handle (the HTTP client's idle
    /// connections), by its type.
    modules: HashMap<TypeId, Box<dyn Any + Send>>,
    /// Handles closed since the last close-callbacks phase, in the order they were closed.
    pub closing: VecDeque<u64>,
    /// Some handle has been open: the loop runs in real time from then on.
    pub real: bool,
    /// `--explore`: real handles are refused (the explorer varies one process's timing only);
    /// `refused` names the first kind the script tried to open.
    pub refuse: bool,
    pub refused: Option<&'static str>,
}

impl Default for Io {
    fn default() -> Self {
        let (tx, rx) = channel();
        Io {
            runtime: None,
            local: None,
            posted: Arc::new(Notify::new()),
            to_wake: RefCell::new(Vec::new()),
            local_live: Arc::new(AtomicUsize::new(0)),
            tx,
            rx,
            next_id: 0,
            open: HashMap::new(),
            closed_kinds: HashMap::new(),
            tasks: HashMap::new(),
            fds: HashMap::new(),
            refs: 0,
            natives: HashMap::new(),
            modules: HashMap::new(),
            closing: VecDeque::new(),
            real: false,
            refuse: false,
            refused: None,
        }
    }
}

impl Io {
    /// The runtime that serves this loop's handles, started on first use.
    pub fn runtime(&mut self) -> std::io::Result<tokio::runtime::Handle> {
        if self.runtime.is_none() {
            self.runtime = Some(
                tokio::runtime::Builder::new_multi_thread()
                    .worker_threads(1)
                    .thread_name("mini-node-io")
                    .enable_all()
                    .build()?,
            );
        }
        Ok(self
            .runtime
            .as_ref()
            .expect("started above")
            .handle()
            .clone())
    }

    /// The runtime that runs on the loop's thread, started on first use: its tasks make
    /// progress while the loop polls ([`Io::drive`]) or waits ([`Io::wait`]), as libuv's
    /// handles do, so a busy connection costs no wake-up of another thread. For work that
    /// must not wait for the loop (a blocking call, a child to reap), use [`Io::runtime`].
    pub fn local(&mut self) -> std::io::Result<tokio::runtime::Handle> {
        if self.local.is_none() {
            self.local = Some(
                tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()?,
            );
        }
        Ok(self.local.as_ref().expect("started above").handle().clone())
    }

    /// Run `task` on the loop-thread runtime ([`Io::local`]).
    pub fn spawn_local<F>(&mut self, task: F) -> std::io::Result<()>
    where
        F: std::future::Future<Output = ()> + Send + 'static,
    {
        let rt = self.local()?;
        let live = LiveTask::new(self.local_live.clone());
        rt.spawn(async move {
            let _live = live;
            task.await;
        });
        Ok(())
    }

    /// Wake `waker`'s loop-thread task the next time the loop drives the local runtime (from
    /// inside it, which costs no system call).
    pub fn wake_later(&self, waker: Waker) {
        self.to_wake.borrow_mut().push(waker);
    }

    /// Let the loop-thread runtime run what is ready, without waiting: the tasks woken since
    /// (their answers written), then the I/O that is ready (the completions it posts are taken
    /// by the next [`Io::try_next`]).
    pub fn drive(&self) {
        let Some(local) = &self.local else { return };
        local.block_on(async {
            self.wake_pending();
            // (each yield lets the runtime run its ready tasks and poll its I/O once)
            tokio::task::yield_now().await;
            tokio::task::yield_now().await;
        });
    }

    fn wake_pending(&self) {
        let wakers = std::mem::take(&mut *self.to_wake.borrow_mut());
        for w in wakers {
            w.wake();
        }
    }

    /// A sender for background work.
    pub fn post(&self) -> Post {
        Post {
            tx: self.tx.clone(),
            posted: self.posted.clone(),
        }
    }

    /// A new handle of `kind` (`net.Server`, `ChildProcess` ...: the trace names it so),
    /// referenced or not; the loop runs in real time from now on.
    pub fn open(&mut self, kind: &'static str, refed: bool) -> u64 {
        self.next_id += 1;
        let id = self.next_id;
        self.open.insert(id, (refed, kind));
        if refed {
            self.refs += 1;
        }
        self.real = true;
        id
    }

    /// `handle.ref()` / `unref()`. Unknown (closed) handles are ignored.
    pub fn set_ref(&mut self, id: u64, refed: bool) {
        if let Some((r, _)) = self.open.get_mut(&id) {
            if *r != refed {
                *r = refed;
                if refed {
                    self.refs += 1;
                } else {
                    self.refs -= 1;
                }
            }
        }
    }

    /// A task serving handle `id`: aborted when the handle closes.
    pub fn attach_task(&mut self, id: u64, task: tokio::task::AbortHandle) {
        self.tasks.entry(id).or_default().push(task);
    }

    /// Register where open handle `id`'s descriptor can be borrowed (kept while it is open).
    pub fn set_fd_source(&mut self, id: u64, source: Arc<dyn FdSource>) {
        if self.open.contains_key(&id) {
            self.fds.insert(id, source);
        }
    }

    /// `f` of open handle `id`'s registered descriptor, if it is still open (it stays open
    /// while `f` runs).
    pub fn with_fd<R>(&self, id: u64, f: impl FnOnce(RawFd) -> R) -> Option<R> {
        let source = self.fds.get(&id)?;
        let mut f = Some(f);
        let mut out = None;
        source.with_fd(&mut |fd| out = f.take().map(|f| f(fd)));
        out
    }

    /// Is the handle open (not yet closed)?
    pub fn is_open(&self, id: u64) -> bool {
        self.open.contains_key(&id)
    }

    /// Is the handle open, or closed with its `onclose` still to run? Completions for any other
    /// id are dropped unread (what they carry, an accepted socket's fd, closes as it drops).
    pub fn is_live(&self, id: u64) -> bool {
        self.is_open(id) || self.closed_kinds.contains_key(&id)
    }

    /// Give open handle `id` its Rust half, kept until the handle closes. Ignored (and dropped
    /// at once) for a handle that is not open.
    pub fn attach(&mut self, id: u64, native: Box<dyn Any + Send>) {
        if self.open.contains_key(&id) {
            self.natives.insert(id, native);
        }
    }

    /// Handle `id`'s Rust half, if it is open and has one of type `T`.
    pub fn native<T: 'static>(&mut self, id: u64) -> Option<&mut T> {
        self.natives.get_mut(&id)?.downcast_mut()
    }

    /// A module's state for this loop, made on first use.
    pub fn module<T: Default + Send + 'static>(&mut self) -> &mut T {
        self.modules
            .entry(TypeId::of::<T>())
            .or_insert_with(|| Box::<T>::default())
            .downcast_mut()
            .expect("stored under its own type id")
    }

    /// Close a handle: its `onclose` runs in this iteration's close-callbacks phase. A second
    /// close is ignored (`false`).
    pub fn close(&mut self, id: u64) -> bool {
        match self.open.remove(&id) {
            Some((refed, kind)) => {
                if refed {
                    self.refs -= 1;
                }
                self.natives.remove(&id);
                self.fds.remove(&id);
                self.closed_kinds.insert(id, kind);
                for task in self.tasks.remove(&id).unwrap_or_default() {
                    task.abort();
                }
                self.closing.push_back(id);
                true
            }
            None => false,
        }
    }

    /// The kind a handle was opened as (`handle` once it is gone).
    pub fn kind(&self, id: u64) -> &'static str {
        self.open
            .get(&id)
            .map(|(_, k)| *k)
            .or_else(|| self.closed_kinds.get(&id).copied())
            .unwrap_or("handle")
    }

    /// The close-callbacks phase took `id`'s `onclose`.
    pub fn closed(&mut self, id: u64) {
        self.closed_kinds.remove(&id);
    }

    /// Referenced open handles (libuv's active handles).
    pub fn refs(&self) -> usize {
        self.refs
    }

    /// A completion that is ready now, if any.
    pub fn try_next(&self) -> Option<Completion> {
        self.rx.try_recv().ok()
    }

    /// Wait for the next completion, at most `timeout` (`None`: until one comes), running the
    /// loop-thread runtime meanwhile.
    pub fn wait(&self, timeout: Option<Duration>) -> Option<Completion> {
        if let Ok(c) = self.rx.try_recv() {
            return Some(c);
        }
        let Some(local) = &self.local else {
            return match timeout {
                Some(t) => self.rx.recv_timeout(t).ok(),
                // the loop holds a sender itself, so this cannot disconnect
                None => self.rx.recv().ok(),
            };
        };
        local.block_on(async {
            self.wake_pending();
            let deadline = timeout.map(|t| tokio::time::Instant::now() + t);
            loop {
                let posted = self.posted.notified();
                tokio::pin!(posted);
                posted.as_mut().enable();
                if let Ok(c) = self.rx.try_recv() {
                    return Some(c);
                }
                match deadline {
                    Some(d) => tokio::select! {
                        _ = posted => {}
                        _ = tokio::time::sleep_until(d) => return self.rx.try_recv().ok(),
                    },
                    None => posted.await,
                }
            }
        })
    }
}

/// Counts a loop-thread task as running until it is dropped (finished or cancelled).
struct LiveTask(Arc<AtomicUsize>);

impl LiveTask {
    fn new(count: Arc<AtomicUsize>) -> LiveTask {
        count.fetch_add(1, Ordering::AcqRel);
        LiveTask(count)
    }
}

impl Drop for LiveTask {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::AcqRel);
    }
}

impl Drop for Io {
    fn drop(&mut self) {
        // The handles' Rust halves first (they may touch their sockets as they go), then the
        // tasks still serving sockets end with the runtime; nothing waits for them.
        self.natives.clear();
        self.modules.clear();
        // the loop-thread tasks finish what they were given (their handles are closed now), for
        // a moment at most, then end with their runtime
        if let Some(local) = self.local.take() {
            let live = self.local_live.clone();
            local.block_on(async {
                self.wake_pending();
                let _ = tokio::time::timeout(Duration::from_millis(200), async {
                    while live.load(Ordering::Acquire) > 0 {
                        tokio::task::yield_now().await;
                    }
                })
                .await;
            });
        }
        if let Some(rt) = self.runtime.take() {
            rt.shutdown_background();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn handles_keep_the_loop_alive_until_closed_or_unreferenced() {
        let mut io = Io::default();
        assert!(!io.real);
        let a = io.open("net.Server", true);
        let b = io.open("net.Socket", true);
        assert!(io.real);
        assert_eq!(io.refs(), 2);
        io.set_ref(a, false);
        io.set_ref(a, false);
        assert_eq!(io.refs(), 1);
        assert!(io.close(b));
        assert!(!io.close(b));
        assert_eq!(io.refs(), 0);
        assert_eq!(io.closing.pop_front(), Some(b));
        io.set_ref(b, true);
        assert_eq!(io.refs(), 0, "a closed handle cannot be referenced again");
    }

    #[test]
    fn completions_come_back_in_order_from_other_threads() {
        let mut io = Io::default();
        let id = io.open("net.Socket", true);
        let post = io.post();
        let rt = io.runtime().expect("a runtime");
        rt.spawn(async move {
            post.send(id, "ondata", Arg::Num(1.0));
            post.send(id, "onend", Arg::None);
        });
        let first = io
            .wait(Some(Duration::from_secs(10)))
            .expect("a completion");
        assert_eq!((first.handle, first.event), (id, "ondata"));
        let second = io
            .wait(Some(Duration::from_secs(10)))
            .expect("a completion");
        assert_eq!(second.event, "onend");
        assert!(io.try_next().is_none());
        assert!(io.wait(Some(Duration::from_millis(1))).is_none());
    }

    #[test]
    fn loop_thread_tasks_run_while_the_loop_drives_or_waits() {
        let mut io = Io::default();
        let id = io.open("net.Socket", true);
        let post = io.post();
        let loop_thread = std::thread::current().id();
        io.spawn_local(async move {
            assert_eq!(std::thread::current().id(), loop_thread);
            post.send(id, "ondata", Arg::Num(1.0));
        })
        .expect("a runtime");
        // nothing runs it until the loop drives its runtime
        assert!(io.try_next().is_none());
        io.drive();
        let c = io.try_next().expect("posted while driven");
        assert_eq!((c.handle, c.event), (id, "ondata"));
        // a task woken by the JavaScript side runs when the loop next waits
        let (tx, rx) = std::sync::mpsc::channel::<Waker>();
        let post = io.post();
        io.spawn_local(async move {
            let mut first = true;
            std::future::poll_fn(|cx| {
                if first {
                    first = false;
                    tx.send(cx.waker().clone()).expect("the test waits");
                    std::task::Poll::Pending
                } else {
                    std::task::Poll::Ready(())
                }
            })
            .await;
            post.send(id, "onend", Arg::None);
        })
        .expect("a runtime");
        io.drive();
        io.wake_later(rx.recv().expect("the task ran once"));
        let c = io
            .wait(Some(Duration::from_secs(10)))
            .expect("the woken task posted");
        assert_eq!(c.event, "onend");
    }
}
