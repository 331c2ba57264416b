//! `mini-node demo fork`: the fork engine ([`crate::process::fork`]) with the coloured printer
//! ([`crate::print::fork`]). This module turns clap's [`ForkArgs`] into the engine's config,
//! makes Ctrl-C / SIGTERM / SIGHUP (and `--requests N`) the engine's shutdown, and folds the events
//! into a [`ForkState`] for the printer and the summary. It holds no process logic of its own.
//! Its stop signals and the test hook that panics on purpose serve `demo_cluster` too.

use std::time::Duration;

use tokio::sync::oneshot;

use crate::cli::ForkArgs;
use crate::print::fork::{ForkPrinter, ForkSummary};
use crate::process::fork::{self, ForkConfig};
use crate::process::{ForkCommand, ForkEvent, ForkState};

/// Run the engine and print its events; with `--requests N` ask it N times, print a summary and
/// exit.
pub fn run(args: ForkArgs) -> anyhow::Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?;
    runtime.block_on(run_async(args))
}

/// The engine's shutdown: a future that completes when [`Stop::now`] is called (or the `Stop` is
/// dropped).
pub(crate) struct Stop(Option<oneshot::Sender<()>>);

impl Stop {
    /// The trigger and the future to give the engine.
    pub(crate) fn new() -> (Self, impl std::future::Future<Output = ()> + Send + 'static) {
        let (tx, rx) = oneshot::channel();
        (Stop(Some(tx)), async move {
            let _ = rx.await;
        })
    }

    pub(crate) fn now(&mut self) {
        if let Some(tx) = self.0.take() {
            let _ = tx.send(());
        }
    }
}

async fn run_async(args: ForkArgs) -> anyhow::Result<()> {
    let cfg = ForkConfig {
        host: args.host.clone(),
        port: args.port,
        as_written: args.as_written,
        program: None,
    };
    let (mut stop, shutdown) = Stop::new();
    let mut handle = fork::start(cfg, shutdown).await?;
    let mut state = ForkState::new();
    let mut printer = ForkPrinter::new(args.as_written);
    let mut signals = StopSignals::new()?;
    let mut panic_test = test_panic("parent");
    let Some(n) = args.requests else {
        // Serve until a signal; then drain the events of the shutdown.
        let mut stopping = false;
        loop {
            tokio::select! {
                event = handle.events.recv() => match event {
                    Some(event) => {
                        state.apply(&event);
                        printer.print(&event, &state);
                    }
                    None => break,
                },
                signal = signals.recv(), if !stopping => {
                    printer.note(&format!("{signal}: disconnecting the children, then stopping"));
                    stopping = true;
                    stop.now();
                }
                _ = &mut panic_test, if !stopping => {}
            }
        }
        return Ok(());
    };
    let mut summary = ForkSummary {
        requests: n,
        ..ForkSummary::default()
    };
    let mut sent = 0;
    let mut stopping = false;
    if n == 0 {
        stopping = true;
        stop.now();
    } else {
        let _ = handle.commands.send(ForkCommand::Request);
        sent = 1;
    }
    let mut settle: Option<tokio::time::Instant> = None;
    loop {
        let deadline =
            settle.unwrap_or_else(|| tokio::time::Instant::now() + Duration::from_secs(3600));
        tokio::select! {
            event = handle.events.recv() => {
                let Some(event) = event else { break };
                state.apply(&event);
                printer.print(&event, &state);
                if let ForkEvent::Response { .. } = &event {
                    if sent < n {
                        let _ = handle.commands.send(ForkCommand::Request);
                        sent += 1;
                    } else if state.responses >= n as u64 {
                        // Give the children time to leave (the fixed ones do, at once).
                        settle = Some(tokio::time::Instant::now() + Duration::from_millis(300));
                    }
                }
                if settle.is_some() && state.live == 0 && !stopping {
                    settle = Some(tokio::time::Instant::now());
                }
            }
            _ = tokio::time::sleep_until(deadline), if settle.is_some() && !stopping => {
                summary.live_after = state.live;
                stopping = true;
                settle = None;
                printer.summary(&summary, &state);
                stop.now();
            }
            signal = signals.recv(), if !stopping => {
                printer.note(&format!("{signal}: stopping early"));
                summary.live_after = state.live;
                stopping = true;
                stop.now();
            }
        }
    }
    if n == 0 {
        printer.summary(&summary, &state);
    }
    Ok(())
}

/// The signals that stop a demo gracefully: Ctrl-C (SIGINT), SIGTERM and SIGHUP.
pub(crate) struct StopSignals {
    int: tokio::signal::unix::Signal,
    term: tokio::signal::unix::Signal,
    hup: tokio::signal::unix::Signal,
}

impl StopSignals {
    pub(crate) fn new() -> anyhow::Result<Self> {
        use tokio::signal::unix::{signal, SignalKind};
        Ok(StopSignals {
            int: signal(SignalKind::interrupt())?,
            term: signal(SignalKind::terminate())?,
            hup: signal(SignalKind::hangup())?,
        })
    }

    /// The name of the next stop signal received.
    pub(crate) async fn recv(&mut self) -> &'static str {
        tokio::select! {
            _ = self.int.recv() => "SIGINT (Ctrl-C)",
            _ = self.term.recv() => "SIGTERM",
            _ = self.hup.recv() => "SIGHUP",
        }
    }
}

/// A hidden test hook: `MINI_NODE_TEST_PANIC_AFTER_MS` makes a demo's parent (`who`) panic after
/// that many milliseconds, so that tests can prove its children do not survive a panic. Without
/// it, a future that never completes.
pub(crate) fn test_panic(
    who: &'static str,
) -> std::pin::Pin<Box<dyn std::future::Future<Output = ()> + Send>> {
    let after = std::env::var("MINI_NODE_TEST_PANIC_AFTER_MS")
        .ok()
        .and_then(|ms| ms.parse().ok())
        .map(Duration::from_millis);
    Box::pin(async move {
        match after {
            Some(after) => {
                tokio::time::sleep(after).await;
                panic!("MINI_NODE_TEST_PANIC_AFTER_MS: a deliberate panic in the {who}");
            }
            None => std::future::pending().await,
        }
    })
}
