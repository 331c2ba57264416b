//! Shared pieces of the TUI tests: an app with a fixed configuration, synthetic engine events,
//! drawing into ratatui's TestBackend, and a scrubber for pids, ports and times.
#![allow(dead_code)]

use std::time::Duration;

use mini_node::cli::{Lang, Theme};
use mini_node::eventloop::{Event, Phase, Queue, Stream};
use mini_node::lessons::{Bilingual, DemoLink, Lesson, Quiz};
use mini_node::process::{ClusterEvent, Decision, ExitStatus, ForkEvent, SchedPolicy, Side};
use mini_node::tui::app::{App, Config, Script, TabId};
use ratatui::backend::TestBackend;
use ratatui::Terminal;

pub const SNIPPET: &str = "console.log('start')\nsetTimeout(() => console.log('timeout'), 0)\nsetImmediate(() => console.log('immediate'))\nprocess.nextTick(() => console.log('tick'))\nPromise.resolve().then(() => console.log('promise'))\nconsole.log('end')\n";

/// A snippet whose order differs between the models (real `node` v20 prints `script end`,
/// `nextTick (Node only)`, `promise`, `timeout 1 ms`, `timeout 0 ms`).
pub const COMPARE_SNIPPET: &str = "// setTimeout(0) and setTimeout(1): Node makes both 1 ms (they run in the order they were set);
// a browser keeps 0 ms, so the second one runs first.
setTimeout(() => console.log('timeout 1 ms'), 1);
setTimeout(() => console.log('timeout 0 ms'), 0);
Promise.resolve().then(() => console.log('promise'));
if (typeof process === 'object') process.nextTick(() => console.log('nextTick (Node only)'));
if (typeof requestAnimationFrame === 'function') {
  requestAnimationFrame(() => console.log('animation frame (browser only)'));
}
console.log('script end');
";

pub fn config(lang: Lang) -> Config {
    Config {
        theme: Theme::Dark,
        plain: false,
        lang,
        mouse: true,
        workers: 2,
        first_tab: TabId::Lessons,
        examples: vec![Script {
            name: "order".into(),
            title: "timers, immediates, ticks and promises".into(),
            source: SNIPPET.into(),
            path: None,
        }],
        script: None,
    }
}

pub fn app(lang: Lang) -> App {
    App::new(config(lang))
}

/// Draw one frame at `w`x`h` and return the screen as text, one line per row.
pub fn render(app: &mut App, w: u16, h: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| app.draw(f)).unwrap();
    screen(terminal.backend().buffer())
}

pub fn screen(buf: &ratatui::buffer::Buffer) -> String {
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut line = String::new();
        let mut skip = 0usize;
        for x in 0..buf.area.width {
            let sym = buf[(x, y)].symbol();
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let w = ratatui::text::Span::raw(sym).width();
            skip = w.saturating_sub(1);
            line.push_str(sym);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// Replace what changes from run to run: numbers after "pid ", ports after ':', times like
/// "12.3s", "4s", "1m02s", "3.2 ms", "0.4MB".
pub fn scrub(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let chars: Vec<char> = s.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_ascii_digit() && (i == 0 || !chars[i - 1].is_ascii_alphanumeric()) {
            let start = i;
            while i < chars.len() && (chars[i].is_ascii_digit() || chars[i] == '.') {
                i += 1;
            }
            let num: String = chars[start..i].iter().collect();
            let before: String = chars[start.saturating_sub(4)..start].iter().collect();
            let rest: String = chars[i..chars.len().min(i + 3)].iter().collect();
            let is_pid =
                before.ends_with("pid ") || before.ends_with("kill -9 ".get(4..).unwrap_or(""));
            let is_port = start > 0 && chars[start - 1] == ':' && num.len() >= 4;
            let is_time = rest.starts_with('s') && !rest.starts_with("s:")
                || rest.starts_with("m0")
                || rest.starts_with("m1")
                || rest.starts_with(" ms")
                || rest.starts_with("MB");
            if is_pid {
                out.push_str("<pid>");
            } else if is_port {
                out.push_str("<port>");
            } else if is_time {
                out.push_str(&"#".repeat(num.len()));
            } else {
                out.push_str(&num);
            }
            continue;
        }
        out.push(c);
        i += 1;
    }
    out
}

pub fn at(ms: u64) -> Duration {
    Duration::from_millis(ms)
}

pub fn lessons() -> Vec<Lesson> {
    let b = |en: &str, zh: &str| Bilingual {
        en: en.into(),
        zh: zh.into(),
    };
    vec![
        Lesson {
            id: "fork".into(),
            title: b("child_process.fork", "child_process.fork 子进程"),
            body: b(
                "# child_process.fork\n\nThe parent and the child talk with `send()` and `on('message')`.\n\n- The parent forks one child per request.\n- **The notes' child never exits.**\n\n```js\nchildProcess.send('start...')\n```",
                "# child_process.fork\n\n父、子进程发送消息都用 `send()`，接收都用 `on()`。\n\n- 每个请求 fork 一个子进程。\n- **笔记里的子进程永不退出。**",
            ),
            demo: Some(DemoLink::Fork),
            quizzes: vec![],
            dir: "lessons/01-fork".into(),
            demo_line: 0,
        },
        Lesson {
            id: "cluster".into(),
            title: b("cluster.fork", "cluster.fork 集群"),
            body: b("# cluster.fork\n\nOne worker per CPU.", "# cluster.fork\n\n每个 CPU 一个工作进程。"),
            demo: Some(DemoLink::Cluster),
            quizzes: vec![],
            dir: "lessons/02-cluster".into(),
            demo_line: 0,
        },
        Lesson {
            id: "phases".into(),
            title: b("The six phases", "事件循环的六个阶段"),
            body: b("# The six phases\n\ntimers, pending callbacks, idle/prepare, poll, check, close callbacks.", "# 六个阶段\n\n定时器、待定回调、闲置/准备、轮询、检查、关闭回调。"),
            demo: Some(DemoLink::EventLoop {
                example: Some("order".into()),
                snippet: None,
            }),
            quizzes: vec![Quiz {
                id: "q1".into(),
                question: b("What does this print?", "输出是什么？"),
                file: "quiz1.js".into(),
                source: "setImmediate(() => console.log('b'))\nconsole.log('a')\n".into(),
                path: "lessons/04-phases/quiz1.js".into(),
                line: 0,
            }],
            dir: "lessons/04-phases".into(),
            demo_line: 0,
        },
    ]
}

/// A fork demo: one request answered (its child gone), one child forked directly, still running.
pub fn fork_events(app: &mut App) {
    fork_events_until(app, u64::MAX);
    app.now = at(5500);
}

/// The events of [`fork_events`] up to `until` ms (the clock is left at the last one).
pub fn fork_events_until(app: &mut App, until: u64) {
    let ev = move |app: &mut App, ms: u64, e: ForkEvent| {
        if ms > until {
            return;
        }
        app.now = at(ms);
        app.on_fork_event(e);
    };
    let d = Duration::ZERO;
    ev(
        app,
        0,
        ForkEvent::Listening {
            addr: "127.0.0.1:8000".into(),
            parent_pid: 4242,
            as_written: false,
            at: d,
        },
    );
    ev(
        app,
        100,
        ForkEvent::Request {
            request: 1,
            method: "GET".into(),
            path: "/get-data".into(),
            at: d,
        },
    );
    ev(
        app,
        110,
        ForkEvent::Forked {
            pid: 5001,
            request: Some(1),
            at: d,
        },
    );
    ev(app, 120, ForkEvent::LiveChildren { count: 1, at: d });
    ev(
        app,
        130,
        ForkEvent::Message {
            pid: 5001,
            from: Side::Parent,
            payload: serde_json::json!("start..."),
            at: d,
        },
    );
    ev(
        app,
        140,
        ForkEvent::Message {
            pid: 5001,
            from: Side::Child,
            payload: serde_json::json!(49995000),
            at: d,
        },
    );
    ev(
        app,
        150,
        ForkEvent::Response {
            request: 1,
            status: 200,
            body: "data: 49995000".into(),
            latency: at(40),
            at: d,
        },
    );
    ev(app, 160, ForkEvent::Disconnect { pid: 5001, at: d });
    ev(
        app,
        170,
        ForkEvent::Exit {
            pid: 5001,
            status: ExitStatus::Code(0),
            at: d,
        },
    );
    ev(app, 180, ForkEvent::Close { pid: 5001, at: d });
    ev(app, 190, ForkEvent::LiveChildren { count: 0, at: d });
    ev(
        app,
        5000,
        ForkEvent::Forked {
            pid: 5002,
            request: None,
            at: d,
        },
    );
    ev(app, 5010, ForkEvent::LiveChildren { count: 1, at: d });
    ev(
        app,
        5020,
        ForkEvent::Message {
            pid: 5002,
            from: Side::Parent,
            payload: serde_json::json!("start..."),
            at: d,
        },
    );
}

/// A cluster of two workers, one killed and replaced, one more added and backing off.
pub fn cluster_events(app: &mut App) {
    let ev = |app: &mut App, ms: u64, e: ClusterEvent| {
        app.now = at(ms);
        app.on_cluster_event(e);
    };
    let d = Duration::ZERO;
    ev(
        app,
        0,
        ClusterEvent::PrimaryStarted {
            pid: 7000,
            addr: "127.0.0.1:9000".into(),
            sched: SchedPolicy::Rr,
            at: d,
        },
    );
    for (id, pid) in [(1u32, 7001u32), (2, 7002), (3, 7003)] {
        ev(
            app,
            10,
            ClusterEvent::Fork {
                id,
                pid,
                replaces: None,
                at: d,
            },
        );
        ev(app, 20, ClusterEvent::Online { id, pid, at: d });
        ev(
            app,
            30,
            ClusterEvent::Listening {
                id,
                pid,
                addr: "127.0.0.1:9000".into(),
                at: d,
            },
        );
        ev(
            app,
            40,
            ClusterEvent::Memory {
                id,
                rss: 3_500_000,
                at: d,
            },
        );
    }
    ev(
        app,
        1000,
        ClusterEvent::Served {
            counts: vec![(1, 300), (2, 300), (3, 150)],
            at: d,
        },
    );
    ev(
        app,
        1100,
        ClusterEvent::Load {
            requests: 750,
            errors: 0,
            per_second: 7500.0,
            at: d,
        },
    );
    ev(
        app,
        2000,
        ClusterEvent::Exit {
            id: 2,
            pid: 7002,
            status: ExitStatus::Signal(9),
            expected: false,
            at: d,
        },
    );
    ev(
        app,
        2001,
        ClusterEvent::Guard {
            id: 2,
            decision: Decision::Stable {
                uptime: Duration::from_millis(2000),
                reset: false,
            },
            at: d,
        },
    );
    ev(
        app,
        2005,
        ClusterEvent::Fork {
            id: 4,
            pid: 7004,
            replaces: Some(2),
            at: d,
        },
    );
    ev(
        app,
        2010,
        ClusterEvent::Online {
            id: 4,
            pid: 7004,
            at: d,
        },
    );
    ev(
        app,
        2015,
        ClusterEvent::Listening {
            id: 4,
            pid: 7004,
            addr: "127.0.0.1:9000".into(),
            at: d,
        },
    );
    ev(
        app,
        2500,
        ClusterEvent::Exit {
            id: 3,
            pid: 7003,
            status: ExitStatus::Code(1),
            expected: false,
            at: d,
        },
    );
    ev(
        app,
        2501,
        ClusterEvent::Guard {
            id: 3,
            decision: Decision::Unstable {
                uptime: Duration::from_millis(100),
                min_uptime: Duration::from_millis(1000),
                in_a_row: 1,
                delay: Duration::from_secs(1),
                capped: false,
            },
            at: d,
        },
    );
    app.now = at(3000);
}

/// The events the scheduler emits for [`SNIPPET`] (hand-written in its shape; the real engine's
/// run is tested where it is available).
pub fn loop_events() -> Vec<Event> {
    use Event::*;
    let out = |t: &str| Output {
        stream: Stream::Stdout,
        text: t.into(),
    };
    vec![
        ScriptStart {
            file: "order.js".into(),
        },
        CallbackStart {
            id: 0,
            queue: Queue::Main,
            label: "main script".into(),
            line: Some(1),
        },
        out("start"),
        Enqueue {
            id: 1,
            queue: Queue::Timers,
            label: "setTimeout at line 2".into(),
            line: Some(2),
            due_ms: Some(1.0),
        },
        Enqueue {
            id: 2,
            queue: Queue::Check,
            label: "setImmediate at line 3".into(),
            line: Some(3),
            due_ms: None,
        },
        Enqueue {
            id: 3,
            queue: Queue::NextTick,
            label: "nextTick at line 4".into(),
            line: Some(4),
            due_ms: None,
        },
        Enqueue {
            id: 4,
            queue: Queue::Microtask,
            label: "promise reaction at line 5".into(),
            line: Some(5),
            due_ms: None,
        },
        out("end"),
        CallbackEnd { id: 0 },
        DrainStart {
            queue: Queue::NextTick,
        },
        CallbackStart {
            id: 3,
            queue: Queue::NextTick,
            label: "nextTick at line 4".into(),
            line: Some(4),
        },
        out("tick"),
        CallbackEnd { id: 3 },
        DrainEnd {
            queue: Queue::NextTick,
            ran: 1,
        },
        DrainStart {
            queue: Queue::Microtask,
        },
        CallbackStart {
            id: 4,
            queue: Queue::Microtask,
            label: "promise reaction at line 5".into(),
            line: Some(5),
        },
        out("promise"),
        CallbackEnd { id: 4 },
        DrainEnd {
            queue: Queue::Microtask,
            ran: 1,
        },
        LoopIteration {
            iteration: 1,
            at_ms: 1.0,
        },
        PhaseEnter {
            phase: Phase::Timers,
            at_ms: 1.0,
        },
        CallbackStart {
            id: 1,
            queue: Queue::Timers,
            label: "setTimeout at line 2".into(),
            line: Some(2),
        },
        out("timeout"),
        CallbackEnd { id: 1 },
        PhaseEnter {
            phase: Phase::PendingCallbacks,
            at_ms: 1.0,
        },
        PhaseEnter {
            phase: Phase::IdlePrepare,
            at_ms: 1.0,
        },
        PhaseEnter {
            phase: Phase::Poll,
            at_ms: 1.0,
        },
        PhaseEnter {
            phase: Phase::Check,
            at_ms: 1.0,
        },
        CallbackStart {
            id: 2,
            queue: Queue::Check,
            label: "setImmediate at line 3".into(),
            line: Some(3),
        },
        out("immediate"),
        CallbackEnd { id: 2 },
        PhaseEnter {
            phase: Phase::CloseCallbacks,
            at_ms: 1.0,
        },
        Exit {
            code: 0,
            reason: "nothing left to run".into(),
        },
    ]
}

/// Carry out the Event Loop tab's effects the way the runtime does, with the real scheduler:
/// record runs and compare the two models (on this thread).
pub fn run_loop_effects(app: &mut App, fx: Vec<mini_node::tui::app::Effect>) {
    use mini_node::tui::app::Effect;
    use mini_node::tui::engines;
    for e in fx {
        match e {
            Effect::RunScript(s, model) => app.on_recorded(engines::record(&s, model)),
            Effect::CompareScript(s) => app.on_compared(engines::compare(&s)),
            _ => {}
        }
    }
}

/// The Event Loop tab with [`COMPARE_SNIPPET`] recorded under Node, then the compare view opened
/// (`c`) and both models recorded and compared by the real engine; paused at console line 0.
pub fn compare_app(lang: Lang) -> App {
    use mini_node::tui::app::Action;
    use mini_node::tui::tabs::event_loop::LoopAction;
    let mut app = App::new(config(lang));
    let fx = app.update(Action::Go(TabId::EventLoop));
    run_loop_effects(&mut app, fx);
    let script = Script {
        name: "timeouts.js".into(),
        title: "setTimeout(0) vs setTimeout(1)".into(),
        source: COMPARE_SNIPPET.into(),
        path: None,
    };
    let fx = app.event_loop.load(script, app.now);
    run_loop_effects(&mut app, fx);
    let fx = app.update(Action::Loop(LoopAction::ToggleCompare));
    run_loop_effects(&mut app, fx);
    app.update(Action::Loop(LoopAction::PlayPause));
    app
}
