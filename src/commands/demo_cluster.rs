//! `mini-node demo cluster`: the cluster engine ([`crate::process::cluster`]) with the coloured
//! printer ([`crate::print::cluster`]). This module turns clap's [`ClusterArgs`] (ranges already
//! checked by clap) into the engine's config, makes Ctrl-C / SIGTERM / SIGHUP and `--duration` the
//! engine's shutdown, sends `--load` and `--kill-every` as commands (the victim picked from the
//! [`ClusterState`] the events fold into), and prints. It holds no process logic of its own.

use std::time::Duration;

use super::demo_fork::{test_panic, Stop, StopSignals};
use crate::cli::{ClusterArgs, Sched};
use crate::print::cluster::ClusterPrinter;
use crate::process::cluster::{self, default_workers, ClusterConfig};
use crate::process::{ClusterCommand, ClusterEvent, ClusterState, SchedPolicy};

/// Run the engine and print its events until Ctrl-C or `--duration`, then a summary.
pub fn run(args: ClusterArgs) -> anyhow::Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?;
    runtime.block_on(run_async(args))
}

async fn run_async(args: ClusterArgs) -> anyhow::Result<()> {
    let sched = match args.sched {
        Some(Sched::None) => SchedPolicy::None,
        _ => SchedPolicy::Rr,
    };
    let workers = args.workers.unwrap_or_else(default_workers);
    let cfg = ClusterConfig {
        host: args.host.clone(),
        port: args.port,
        workers,
        sched,
        ..ClusterConfig::default()
    };
    let (mut stop, shutdown) = Stop::new();
    let mut handle = cluster::start(cfg, shutdown).await?;
    let mut state = ClusterState::new();
    let mut printer = ClusterPrinter::new();
    let mut signals = StopSignals::new()?;
    // The load starts once every first worker listens, so that rr deals its connections to all.
    let mut load_pending = args.load;
    let mut listening = 0;
    let far = tokio::time::Instant::now() + Duration::from_secs(100 * 365 * 24 * 3600);
    let end = args
        .duration
        .map(|d| tokio::time::Instant::now() + Duration::from_secs_f64(d))
        .unwrap_or(far);
    let mut panic_test = test_panic("primary");
    let kill_every = args.kill_every.map(Duration::from_millis);
    let mut chaos = tokio::time::interval(kill_every.unwrap_or(Duration::from_secs(3600)));
    chaos.tick().await;
    let mut stopping = false;
    loop {
        tokio::select! {
            event = handle.events.recv() => match event {
                Some(event) => {
                    state.apply(&event);
                    printer.print(&event);
                    if let ClusterEvent::Listening { .. } = event {
                        listening += 1;
                        if listening >= workers {
                            if let Some(connections) = load_pending.take() {
                                let _ = handle.commands.send(ClusterCommand::Load(Some(connections)));
                            }
                        }
                    }
                }
                None => break,
            },
            _ = chaos.tick(), if kill_every.is_some() && !stopping => {
                let live = state.live_workers();
                if !live.is_empty() {
                    let id = live[fastrand::usize(..live.len())];
                    let _ = handle.commands.send(ClusterCommand::Kill { id, signal: libc::SIGKILL });
                }
            }
            _ = tokio::time::sleep_until(end), if !stopping => {
                printer.note(&format!("--duration {}s is over: disconnecting the workers", args.duration.unwrap_or_default()));
                stopping = true;
                let _ = handle.commands.send(ClusterCommand::Load(None));
                stop.now();
            }
            signal = signals.recv(), if !stopping => {
                printer.note(&format!("{signal}: disconnecting the workers, then stopping"));
                stopping = true;
                stop.now();
            }
            _ = &mut panic_test, if !stopping => {}
        }
    }
    printer.summary(&state);
    Ok(())
}
