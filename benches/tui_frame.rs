//! How long one frame takes to draw at 200x60 into ratatui's TestBackend, for each tab in a busy
//! state (a cluster of eight workers under load, the event loop mid-run, the fork demo with
//! children and messages in flight). Run with `cargo bench --bench tui_frame`; the goal is under
//! 2 ms per frame.

use std::time::{Duration, Instant};

use mini_node::cli::{Lang, Theme};
use mini_node::eventloop::{self, Event, RunOptions};
use mini_node::lessons;
use mini_node::process::{ClusterEvent, Decision, ExitStatus, ForkEvent, SchedPolicy, Side};
use mini_node::tui::app::{Action, App, Config, Effect, TabId};
use mini_node::tui::engines;
use mini_node::tui::tabs::event_loop::LoopAction;
use ratatui::backend::TestBackend;
use ratatui::Terminal;

fn app() -> App {
    let mut a = App::new(Config {
        theme: Theme::Dark,
        plain: false,
        lang: Lang::En,
        mouse: true,
        workers: 8,
        first_tab: TabId::Lessons,
        examples: engines::examples(),
        script: None,
    });
    a.on_lessons(lessons::catalog());
    let d = Duration::ZERO;
    // Cluster: eight workers, served counts, a guard back-off, a long log.
    a.on_cluster_event(ClusterEvent::PrimaryStarted {
        pid: 1,
        addr: "127.0.0.1:9000".into(),
        sched: SchedPolicy::Rr,
        at: d,
    });
    for id in 1..=8u32 {
        a.on_cluster_event(ClusterEvent::Fork {
            id,
            pid: 100 + id,
            replaces: None,
            at: d,
        });
        a.on_cluster_event(ClusterEvent::Listening {
            id,
            pid: 100 + id,
            addr: "127.0.0.1:9000".into(),
            at: d,
        });
        a.on_cluster_event(ClusterEvent::Memory {
            id,
            rss: 11_000_000,
            at: d,
        });
    }
    for round in 0..100u64 {
        a.on_cluster_event(ClusterEvent::Served {
            counts: (1..=8).map(|id| (id, round * 10 + id as u64)).collect(),
            at: d,
        });
    }
    a.on_cluster_event(ClusterEvent::Exit {
        id: 3,
        pid: 103,
        status: ExitStatus::Signal(9),
        expected: false,
        at: d,
    });
    a.on_cluster_event(ClusterEvent::Guard {
        id: 3,
        decision: Decision::Unstable {
            uptime: Duration::from_millis(300),
            min_uptime: Duration::from_secs(1),
            in_a_row: 5,
            delay: Duration::from_secs(2),
            capped: false,
        },
        at: d,
    });
    // Fork: parent, six children, messages in flight.
    a.on_fork_event(ForkEvent::Listening {
        addr: "127.0.0.1:8000".into(),
        parent_pid: 1,
        as_written: true,
        at: d,
    });
    for pid in 200..206u32 {
        a.on_fork_event(ForkEvent::Forked {
            pid,
            request: Some(pid as u64 - 199),
            at: d,
        });
        a.on_fork_event(ForkEvent::Message {
            pid,
            from: Side::Parent,
            payload: serde_json::json!("start..."),
            at: d,
        });
    }
    // Event loop: a real recording of the built-in "phases" example, stopped halfway.
    let ex = engines::examples()
        .into_iter()
        .find(|s| s.name == "phases")
        .expect("example");
    let mut events: Vec<Event> = Vec::new();
    let opts = RunOptions::new(std::env::temp_dir().join("phases.js"));
    eventloop::run(&ex.source, &opts, &mut |e| events.push(e.clone())).expect("runs");
    let half = events.len() / 2;
    a.update(Action::Go(TabId::EventLoop));
    a.event_loop.load_example("phases", Duration::ZERO);
    a.on_loop_events("phases", events);
    a.update(Action::Loop(LoopAction::Seek(half)));
    a.now = Duration::from_millis(300);
    a
}

/// CPU time of this thread: unlike wall time it does not count the time other processes on a
/// busy machine take the core away.
fn thread_cpu() -> Duration {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime writes one timespec into the pointer it is given.
    unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32)
}

/// Draw `n` frames of the current state, changing the clock each frame, and print the figures.
fn measure(label: &str, a: &mut App, terminal: &mut Terminal<TestBackend>) {
    for _ in 0..50 {
        terminal.draw(|f| a.draw(f)).expect("draw");
    }
    let n = 2000;
    let mut times = Vec::with_capacity(n);
    let cpu0 = thread_cpu();
    for i in 0..n {
        // Change something each frame, as an animation does.
        a.now = Duration::from_millis(300 + i as u64 * 33);
        let t = Instant::now();
        terminal.draw(|f| a.draw(f)).expect("draw");
        times.push(t.elapsed());
    }
    let cpu = (thread_cpu() - cpu0) / n as u32;
    times.sort();
    let mean = times.iter().sum::<Duration>() / n as u32;
    println!(
        "  {:<10} cpu {:>6.1} µs/frame   wall: mean {:>7.1} µs  p50 {:>7.1} µs  p99 {:>7.1} µs  max {:>7.1} µs",
        label,
        cpu.as_secs_f64() * 1e6,
        mean.as_secs_f64() * 1e6,
        times[n / 2].as_secs_f64() * 1e6,
        times[n * 99 / 100].as_secs_f64() * 1e6,
        times[n - 1].as_secs_f64() * 1e6,
    );
}

fn main() {
    let mut a = app();
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).expect("backend");
    println!("tui_frame: one frame at 200x60 over TestBackend");
    for tab in TabId::ALL {
        a.tab = tab;
        measure(&format!("{tab:?}"), &mut a, &mut terminal);
    }
    // The Event Loop tab's compare view: the "browser-vs-node" example recorded under both
    // models by the real scheduler, aligned by the engine, stopped at its fifth console line.
    a.tab = TabId::EventLoop;
    let mut fx = a.event_loop.load_example("browser-vs-node", Duration::ZERO);
    fx.extend(a.update(Action::Loop(LoopAction::ToggleCompare)));
    while let Some(e) = fx.pop() {
        match e {
            Effect::RunScript(s, model) => a.on_recorded(engines::record(&s, model)),
            Effect::CompareScript(s) => a.on_compared(engines::compare(&s)),
            _ => {}
        }
    }
    a.update(Action::Loop(LoopAction::PlayPause));
    for _ in 0..5 {
        a.update(Action::Loop(LoopAction::Step));
    }
    // Both sides recorded: the view is at its fifth console line.
    terminal.draw(|f| a.draw(f)).expect("draw");
    let shown: String = terminal
        .backend()
        .buffer()
        .content()
        .iter()
        .map(|c| c.symbol())
        .collect();
    assert!(
        shown.contains("console line 5/"),
        "the compare view is not drawn"
    );
    assert!(
        !shown.contains("Running the snippet"),
        "a side is still recording"
    );
    measure("Compare", &mut a, &mut terminal);
}
