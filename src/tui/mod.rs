//! The terminal UI (`mini-node tui`): live, clickable tabs over the engines: lessons, the fork
//! demo, the cluster and the event loop.
//!
//! This module is the runtime: it owns the terminal (raw mode, alternate screen, mouse capture,
//! always restored: on quit, Ctrl-C, SIGTERM, SIGHUP and panic), starts the engines, and runs one
//! `tokio::select!` over the keyboard and mouse, the engines' event channels, the signals and a
//! frame interval that only ticks while something animates (so an idle screen costs nothing).
//! Everything shown is in [`app::App`], which does no I/O; [`engines`] is the one place that
//! talks to the engines.

pub mod action;
pub mod app;
pub mod ctx;
pub mod engines;
pub mod i18n;
pub mod input;
pub mod messages;
pub mod script;
pub mod tab;
pub mod tabs;
pub mod theme;
pub mod widgets;

use std::io::{self, Stdout, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};

use anyhow::Context as _;
use crossterm::event::{DisableMouseCapture, EnableMouseCapture, EventStream};
use crossterm::terminal::{
    disable_raw_mode, enable_raw_mode, EnterAlternateScreen, LeaveAlternateScreen,
};
use crossterm::{cursor, execute};
use futures::StreamExt;
use ratatui::backend::CrosstermBackend;
use ratatui::Terminal;
use tokio::signal::unix::{signal, SignalKind};
use tokio::sync::mpsc::{self, UnboundedSender};
use tokio::time::MissedTickBehavior;

use crate::error::code;
use crate::process::{ClusterCommand, ForkCommand};

use action::{Effect, TabId};
use app::{App, Config};
use engines::Msg;

/// Frames per second while something animates.
pub const FPS: u64 = 30;
/// How long `q` waits for the engines to reap their processes.
const SHUTDOWN_CAP: Duration = Duration::from_secs(6);

/// Run the TUI on this terminal until the user quits; the status to exit with (0, or the signal's
/// conventional code). The caller has checked the arguments and that stdout is a terminal.
pub fn run(cfg: Config, ports: engines::Ports) -> anyhow::Result<i32> {
    let started = Instant::now();
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .context("cannot start the async runtime")?;
    let status = rt.block_on(main_loop(cfg, ports, started));
    // Engines are shut down; do not wait for stray blocking tasks (a runaway script).
    rt.shutdown_timeout(Duration::from_millis(200));
    status
}

// ---- terminal ---------------------------------------------------------------------------------

static RAW: AtomicBool = AtomicBool::new(false);
static UI_THREAD: OnceLock<std::thread::ThreadId> = OnceLock::new();
/// A panic on another thread (an engine task): shown in the TUI instead of printed over it.
pub static BACKGROUND_PANIC: Mutex<Option<String>> = Mutex::new(None);

/// Put the terminal back: mouse capture off, main screen, cursor shown, raw mode off. Safe to call
/// more than once.
pub fn restore_terminal() {
    if RAW.swap(false, Ordering::SeqCst) {
        let mut out = io::stdout();
        let _ = execute!(out, DisableMouseCapture, LeaveAlternateScreen, cursor::Show);
        let _ = disable_raw_mode();
        let _ = out.flush();
    }
}

fn install_panic_hook() {
    let _ = UI_THREAD.set(std::thread::current().id());
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if Some(&std::thread::current().id()) == UI_THREAD.get() {
            restore_terminal();
            previous(info);
        } else {
            if let Ok(mut slot) = BACKGROUND_PANIC.lock() {
                *slot = Some(info.to_string());
            }
            if !RAW.load(Ordering::SeqCst) {
                previous(info);
            }
        }
    }));
}

struct TerminalGuard;

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore_terminal();
    }
}

fn setup_terminal(
    mouse: bool,
) -> anyhow::Result<(Terminal<CrosstermBackend<Stdout>>, TerminalGuard)> {
    install_panic_hook();
    enable_raw_mode().context("cannot put the terminal in raw mode")?;
    RAW.store(true, Ordering::SeqCst);
    let guard = TerminalGuard;
    let mut out = io::stdout();
    execute!(out, EnterAlternateScreen, cursor::Hide)
        .context("cannot enter the alternate screen")?;
    if mouse {
        execute!(out, EnableMouseCapture).context("cannot capture the mouse (try --no-mouse)")?;
    }
    let terminal =
        Terminal::new(CrosstermBackend::new(out)).context("cannot draw on the terminal")?;
    Ok((terminal, guard))
}

// ---- the loop ---------------------------------------------------------------------------------

/// Commands to the running engines, and how many are still open.
struct Running {
    fork: Option<UnboundedSender<ForkCommand>>,
    cluster: Option<UnboundedSender<ClusterCommand>>,
    /// Commands given while an engine was still starting, sent once it runs.
    fork_pending: Vec<ForkCommand>,
    cluster_pending: Vec<ClusterCommand>,
    /// Engines started (or starting) and not closed yet.
    open: usize,
    quitting: bool,
}

async fn main_loop(cfg: Config, ports: engines::Ports, started: Instant) -> anyhow::Result<i32> {
    let mouse = cfg.mouse;
    let stats_path = std::env::var_os("MINI_NODE_TUI_STATS");
    let (mut terminal, _guard) = setup_terminal(mouse)?;
    let mut app = App::new(cfg);
    let (tx, mut rx) = mpsc::unbounded_channel::<Msg>();
    let mut running = Running {
        fork: None,
        cluster: None,
        fork_pending: Vec::new(),
        cluster_pending: Vec::new(),
        open: 0,
        quitting: false,
    };

    terminal.draw(|f| app.draw(f))?;
    let first_frame = started.elapsed();
    let mut frames: u64 = 1;

    engines::spawn_lessons(tx.clone());
    let fx = app.take_startup_effects();
    perform(fx, &mut running, &tx, &ports);

    let mut input = EventStream::new();
    let mut sigterm = signal(SignalKind::terminate())?;
    let mut sighup = signal(SignalKind::hangup())?;
    let mut sigint = signal(SignalKind::interrupt())?;
    let mut frame = tokio::time::interval(Duration::from_millis(1000 / FPS));
    frame.set_missed_tick_behavior(MissedTickBehavior::Skip);
    let mut clock = tokio::time::interval(Duration::from_secs(1));
    clock.set_missed_tick_behavior(MissedTickBehavior::Skip);
    let mut status = code::OK;
    let mut deadline: Option<tokio::time::Instant> = None;

    loop {
        let animating = app.animating() && !running.quitting;
        let shows_clock = app.shows_clock() && !running.quitting;
        let mut fx = Vec::new();
        let mut dirty = false;
        tokio::select! {
            ev = input.next(), if !running.quitting => match ev {
                Some(Ok(ev)) => {
                    fx = app.handle(&ev);
                    dirty = true;
                }
                Some(Err(e)) => return Err(e).context("cannot read the keyboard"),
                None => {
                    app.quitting = true;
                    fx = vec![Effect::Quit];
                }
            },
            msg = rx.recv() => {
                if let Some(msg) = msg {
                    dirty |= apply(&mut app, &mut running, msg);
                    // Take whatever else is waiting, then draw once.
                    while let Ok(msg) = rx.try_recv() {
                        dirty |= apply(&mut app, &mut running, msg);
                    }
                }
            }
            _ = frame.tick(), if animating => dirty = true,
            _ = clock.tick(), if shows_clock => dirty = true,
            _ = sigterm.recv() => { status = 128 + libc::SIGTERM; fx = vec![Effect::Quit]; }
            _ = sighup.recv() => { status = 128 + libc::SIGHUP; fx = vec![Effect::Quit]; }
            _ = sigint.recv() => { status = 128 + libc::SIGINT; fx = vec![Effect::Quit]; }
            _ = sleep_until(deadline) => break,
        }
        if fx.contains(&Effect::Quit) && !running.quitting {
            app.quitting = true;
            running.quitting = true;
            deadline = Some(tokio::time::Instant::now() + SHUTDOWN_CAP);
            dirty = true;
        }
        perform(fx, &mut running, &tx, &ports);
        if let Some(panic) = BACKGROUND_PANIC.lock().ok().and_then(|mut p| p.take()) {
            app.on_background_panic(format!("a background task panicked: {panic}"));
            dirty = true;
        }
        if running.quitting && running.open == 0 {
            break;
        }
        if dirty {
            app.tick(started.elapsed());
            terminal.draw(|f| app.draw(f))?;
            frames += 1;
        }
    }
    if let Some(path) = stats_path {
        let stats = serde_json::json!({
            "first_frame_ms": first_frame.as_secs_f64() * 1000.0,
            "frames": frames,
            "seconds": started.elapsed().as_secs_f64(),
            "engines_left_open": running.open,
        });
        let _ = std::fs::write(path, stats.to_string());
    }
    Ok(status)
}

async fn sleep_until(deadline: Option<tokio::time::Instant>) {
    match deadline {
        Some(d) => tokio::time::sleep_until(d).await,
        None => std::future::pending().await,
    }
}

/// Fold one engine message into the app and the running set; true when the screen changes (an
/// engine working behind another tab costs no frames).
fn apply(app: &mut App, running: &mut Running, msg: Msg) -> bool {
    let visible = match &msg {
        Msg::Lessons(_) => app.tab == TabId::Lessons,
        Msg::ForkStarted(_) | Msg::Fork(_) => app.tab == TabId::Fork,
        Msg::ClusterStarted(_) | Msg::Cluster(_) => app.tab == TabId::Cluster,
        Msg::Recorded(_) | Msg::Compared(_) => app.tab == TabId::EventLoop,
        Msg::ForkError(_) | Msg::ForkClosed | Msg::ClusterError(_) | Msg::ClusterClosed => true,
    };
    match msg {
        Msg::Lessons(l) => app.on_lessons(l),
        Msg::ForkStarted(commands) => {
            for cmd in running.fork_pending.drain(..) {
                let _ = commands.send(cmd);
            }
            if running.quitting {
                let _ = commands.send(ForkCommand::Shutdown);
            }
            running.fork = Some(commands);
        }
        Msg::Fork(ev) => app.on_fork_event(ev),
        Msg::ForkError(e) => {
            running.fork_pending.clear();
            running.open = running.open.saturating_sub(1);
            app.on_fork_error(e);
        }
        Msg::ForkClosed => {
            running.open = running.open.saturating_sub(1);
            running.fork = None;
            app.on_fork_closed();
        }
        Msg::ClusterStarted(commands) => {
            for cmd in running.cluster_pending.drain(..) {
                let _ = commands.send(cmd);
            }
            if running.quitting {
                let _ = commands.send(ClusterCommand::Shutdown);
            }
            running.cluster = Some(commands);
        }
        Msg::Cluster(ev) => app.on_cluster_event(ev),
        Msg::ClusterError(e) => {
            running.cluster_pending.clear();
            running.open = running.open.saturating_sub(1);
            app.on_cluster_error(e);
        }
        Msg::ClusterClosed => {
            running.open = running.open.saturating_sub(1);
            running.cluster = None;
            app.on_cluster_closed();
        }
        Msg::Recorded(r) => app.on_recorded(r),
        Msg::Compared(c) => app.on_compared(c),
    }
    visible
}

/// Carry out the app's effects on the engines.
fn perform(
    fx: Vec<Effect>,
    running: &mut Running,
    tx: &UnboundedSender<Msg>,
    ports: &engines::Ports,
) {
    for effect in fx {
        match effect {
            Effect::StartFork { as_written } => {
                if running.quitting {
                    continue;
                }
                running.open += 1;
                engines::spawn_fork(ports.fork, as_written, tx.clone());
            }
            Effect::StartCluster { workers } => {
                if running.quitting {
                    continue;
                }
                running.open += 1;
                engines::spawn_cluster(ports.cluster, workers, tx.clone());
            }
            Effect::Fork(cmd) => match &running.fork {
                Some(s) => {
                    let _ = s.send(cmd);
                }
                None => running.fork_pending.push(cmd),
            },
            Effect::Cluster(cmd) => match &running.cluster {
                Some(s) => {
                    let _ = s.send(cmd);
                }
                None => running.cluster_pending.push(cmd),
            },
            Effect::RunScript(script, model) => engines::spawn_record(script, model, tx.clone()),
            Effect::CompareScript(script) => engines::spawn_compare(script, tx.clone()),
            Effect::Quit => {
                if let Some(s) = &running.fork {
                    let _ = s.send(ForkCommand::Shutdown);
                }
                if let Some(s) = &running.cluster {
                    let _ = s.send(ClusterCommand::Shutdown);
                }
            }
        }
    }
}
