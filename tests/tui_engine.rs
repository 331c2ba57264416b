//! The Event Loop tab over the real scheduler: a built-in example recorded by the engine and
//! replayed by the tab ends with exactly the output the engine computed, the phases light up in
//! libuv's order, stepping back is a pure fold, and `--explore`'s orders are offered for a race.

mod tui_support;

use mini_node::cli::Lang;
use mini_node::eventloop::replay::Snapshot;
use mini_node::eventloop::{self, Event, Phase, RunOptions};
use mini_node::tui::app::{Action, Effect, Recorded, Script, TabId};
use mini_node::tui::engines;
use mini_node::tui::tabs::event_loop::LoopAction;
use tui_support::*;

fn example(name: &str) -> mini_node::tui::app::Script {
    engines::examples()
        .into_iter()
        .find(|s| s.name == name)
        .unwrap_or_else(|| panic!("no built-in example {name}"))
}

/// The app on the Event Loop tab with the built-in example `name` chosen.
fn app_on_example(name: &str) -> mini_node::tui::app::App {
    let mut cfg = config(Lang::En);
    cfg.examples = engines::examples();
    // The picker lists the examples in this order (there is no --script).
    let i = cfg
        .examples
        .iter()
        .position(|s| s.name == name)
        .unwrap_or_else(|| panic!("no built-in example {name}"));
    let mut a = mini_node::tui::app::App::new(cfg);
    a.update(Action::Go(TabId::EventLoop));
    a.update(Action::Loop(LoopAction::Choose(Some(i))));
    a
}

/// The order the screen shows ("order k/N"), counted from 0.
fn order_no(screen: &str, n: usize) -> Option<usize> {
    (1..=n)
        .find(|k| screen.contains(&format!("order {k}/{n} ")))
        .map(|k| k - 1)
}

/// Output as console lines (a write may hold several lines, or end without a newline).
fn norm(v: &[(mini_node::eventloop::Stream, String)]) -> Vec<String> {
    v.iter()
        .flat_map(|(_, t)| {
            t.trim_end_matches('\n')
                .split('\n')
                .map(String::from)
                .collect::<Vec<_>>()
        })
        .collect()
}

#[test]
fn the_tab_lists_the_engines_examples() {
    let names: Vec<String> = engines::examples().into_iter().map(|s| s.name).collect();
    assert!(names.contains(&"microtasks".to_string()), "{names:?}");
    assert!(
        names.contains(&"timeout-vs-immediate".to_string()),
        "{names:?}"
    );
}

#[test]
fn a_replayed_recording_ends_with_the_engines_output() {
    let script = example("microtasks");
    let rec = engines::record(&script, mini_node::eventloop::Model::Node);
    let events = rec.result.clone().expect("the example runs");
    // What the engine says the snippet prints, without recording.
    let mut opts = RunOptions::new(std::env::temp_dir().join(&script.name));
    opts.record = false;
    let outcome = eventloop::run(&script.source, &opts, &mut |_e: &Event| {}).unwrap();
    let folded = Snapshot::after(&events, events.len());
    assert_eq!(norm(&folded.output), norm(&outcome.output));
    assert_eq!(folded.exit.as_ref().map(|e| e.0), Some(outcome.exit_code));
    // The phases are entered in libuv's order within an iteration.
    let order = [
        Phase::Timers,
        Phase::PendingCallbacks,
        Phase::IdlePrepare,
        Phase::Poll,
        Phase::Check,
        Phase::CloseCallbacks,
    ];
    let mut last: Option<usize> = None;
    for e in &events {
        match e {
            Event::LoopIteration { .. } => last = None,
            Event::PhaseEnter { phase, .. } => {
                let i = order.iter().position(|p| p == phase).unwrap();
                assert!(last.is_none_or(|l| i > l), "{phase:?} after {last:?}");
                last = Some(i);
            }
            _ => {}
        }
    }

    // Through the app: load it, play to the end, step back one event, forward again.
    let mut a = app(Lang::En);
    let fx = a.update(Action::Go(TabId::EventLoop));
    assert!(matches!(fx.as_slice(), [Effect::RunScript(..)]));
    let mut a = app_on_example("microtasks");
    a.on_recorded(rec);
    a.update(Action::Loop(LoopAction::Seek(usize::MAX)));
    // The whole output is on a large screen's console, in order.
    let large = render(&mut a, 200, 60);
    let mut rest = large.as_str();
    for line in norm(&outcome.output) {
        let at = rest
            .find(&format!("│{line}"))
            .unwrap_or_else(|| panic!("{line:?} not on screen, in order:\n{large}"));
        rest = &rest[at..];
    }
    let end = render(&mut a, 80, 24);
    a.update(Action::Loop(LoopAction::Back));
    assert_ne!(render(&mut a, 80, 24), end);
    a.update(Action::Loop(LoopAction::Step));
    assert_eq!(render(&mut a, 80, 24), end);
    let screen = render(&mut a, 80, 24);
    for (_, line) in outcome.output.iter().rev().take(3) {
        let start: String = line.chars().take(20).collect();
        assert!(screen.contains(&start), "{line:?} not on screen:\n{screen}");
    }
}

#[test]
fn a_race_offers_every_order_explore_finds() {
    let script = example("timeout-vs-immediate");
    let rec = engines::record(&script, mini_node::eventloop::Model::Node);
    let mut opts = RunOptions::new(std::env::temp_dir().join(&script.name));
    opts.record = false;
    let branches = eventloop::explore(&script.source, &opts).unwrap();
    assert!(branches.len() > 1, "the example is a race");
    assert_eq!(rec.branches.len(), branches.len());
    let mut a = app_on_example(&script.name);
    a.on_recorded(rec);
    let screen = render(&mut a, 80, 24);
    let played = order_no(&screen, branches.len()).unwrap_or_else(|| panic!("{screen}"));
    // Switching replays the other order; at its end its output is on screen.
    a.update(Action::Loop(LoopAction::NextBranch));
    let screen = render(&mut a, 80, 24);
    let b = order_no(&screen, branches.len()).unwrap();
    assert_ne!(b, played);
    a.update(Action::Loop(LoopAction::Seek(usize::MAX)));
    let screen = render(&mut a, 80, 24);
    let other = &branches[b].outcome.output;
    let first = &other.first().unwrap().1;
    assert!(screen.contains(first.as_str()), "{screen}");
}

#[test]
fn a_script_that_never_ends_is_stopped_and_shown_not_fatal() {
    let script = mini_node::tui::app::Script {
        name: "spin.js".into(),
        title: "spin".into(),
        source: "function f() { process.nextTick(f) }\nf()\n".into(),
        path: None,
    };
    let rec = engines::record(&script, mini_node::eventloop::Model::Node);
    let events = rec.result.expect("a timeout ends the run normally");
    let folded = Snapshot::after(&events, events.len());
    let (code, _) = folded.exit.expect("the run exits");
    assert_ne!(code, 0);
}

#[test]
fn the_browser_switch_replays_the_browser_model() {
    use mini_node::eventloop::Model;
    let mut a = app_on_example("browser-vs-node");
    let fx = a.update(Action::Loop(LoopAction::ToggleModel));
    let script = match fx.as_slice() {
        [Effect::RunScript(s, Model::Browser)] => s.clone(),
        other => panic!("expected a browser run, got {other:?}"),
    };
    // A Node recording arriving late is ignored once the browser was asked for.
    a.on_recorded(engines::record(&script, Model::Node));
    let screen = render(&mut a, 100, 30);
    assert!(screen.contains("Running the snippet…"), "{screen}");
    let rec = engines::record(&script, Model::Browser);
    let events = rec.result.clone().expect("the browser run");
    let mut opts = RunOptions::new(std::env::temp_dir().join(&script.name));
    opts.model = Model::Browser;
    let outcome = eventloop::run(&script.source, &opts, &mut |_e: &Event| {}).unwrap();
    a.on_recorded(rec);
    assert!(!events.is_empty());
    let screen = render(&mut a, 100, 30);
    assert!(
        screen.contains(&format!("event 0/{} ", events.len())),
        "{screen}"
    );
    // Stop at the first rendering step: the browser's stations are drawn, render lit.
    let at = events.iter().position(|e| {
        matches!(
            e,
            Event::PhaseEnter {
                phase: Phase::Render,
                ..
            }
        )
    });
    if let Some(at) = at {
        a.update(Action::Loop(LoopAction::Seek(at + 1)));
        let screen = render(&mut a, 100, 30);
        assert!(screen.contains("▶ render"), "{screen}");
        assert!(screen.contains("animation frames"), "{screen}");
    }
    a.update(Action::Loop(LoopAction::Seek(usize::MAX)));
    let large = render(&mut a, 200, 60);
    for line in norm(&outcome.output) {
        assert!(large.contains(&format!("│{line}")), "{line:?}:\n{large}");
    }
    let screen = render(&mut a, 100, 30);
    assert!(screen.contains("model Browser"), "{screen}");
}

/// The compare view with the real scheduler: the engine's alignment marks the right lines, and
/// stepping by console line keeps both sides at the same number of printed lines.
#[test]
fn the_compare_view_aligns_the_engines_two_runs() {
    use mini_node::eventloop::compare::LineMark;
    let mut a = tui_support::compare_app(mini_node::cli::Lang::En);
    let screen = render(&mut a, 200, 60);
    assert!(
        screen.contains("■ Node v20") && screen.contains("■ Browser"),
        "{screen}"
    );
    assert!(!screen.contains("Engine error"), "{screen}");
    // The engine's alignment, as the tab asked for it.
    let script = Script {
        name: "timeouts.js".into(),
        title: String::new(),
        source: tui_support::COMPARE_SNIPPET.into(),
        path: None,
    };
    let c = engines::compare(&script).result.expect("no engine error");
    let node_out: Vec<&str> = c.node.output.iter().map(|(_, l)| l.as_str()).collect();
    // What real node v20 prints for this snippet.
    assert_eq!(
        node_out,
        [
            "script end",
            "nextTick (Node only)",
            "promise",
            "timeout 1 ms",
            "timeout 0 ms"
        ]
    );
    use LineMark::*;
    assert_eq!(c.node_marks, [Same, Only, Same, Moved, Same]);
    let moved: Vec<&str> = c
        .browser
        .output
        .iter()
        .zip(&c.browser_marks)
        .filter(|(_, m)| **m != Same)
        .map(|(l, _)| l.1.as_str())
        .collect();
    assert_eq!(moved, ["timeout 1 ms", "animation frame (browser only)"]);
    // The tab marks the lines the engine marks.
    a.update(Action::Loop(LoopAction::Seek(usize::MAX)));
    let screen = render(&mut a, 200, 60);
    assert!(screen.contains("+ nextTick (Node only)"), "{screen}");
    assert!(screen.contains("≠ timeout 1 ms"), "{screen}");
    assert!(
        screen.contains("+ animation frame (browser only)"),
        "{screen}"
    );
    // The recordings print what the comparison ran: every line on its side, in order.
    for (side, output) in [(0, &c.node.output), (1, &c.browser.output)] {
        let column: Vec<String> = screen
            .lines()
            .map(|l| {
                let half: String = l.chars().skip(side * 100).take(100).collect();
                half
            })
            .collect();
        let console = column.join("\n");
        let mut rest = console.as_str();
        for (_, line) in output.iter() {
            let at = rest
                .find(line.as_str())
                .unwrap_or_else(|| panic!("{line:?} on side {side}:\n{screen}"));
            rest = &rest[at..];
        }
    }
    let steps = c.browser.output.len().max(c.node.output.len()) + 1;
    assert!(
        screen.contains(&format!("console line {steps}/{steps}")),
        "{screen}"
    );
}

#[test]
fn another_order_is_replayed_step_by_step_from_its_own_events() {
    let script = example("timeout-vs-immediate");
    let rec = engines::record(&script, mini_node::eventloop::Model::Node);
    let mut opts = RunOptions::new(std::env::temp_dir().join(&script.name));
    opts.record = true;
    let branches = eventloop::explore(&script.source, &opts).unwrap();
    assert!(branches.len() > 1, "the example is a race");
    let mut a = app_on_example(&script.name);
    let views = rec.branches.clone();
    a.on_recorded(rec);
    let played = order_no(&render(&mut a, 80, 24), branches.len()).unwrap();
    a.update(Action::Loop(LoopAction::NextBranch));
    let b = order_no(&render(&mut a, 80, 24), branches.len()).unwrap();
    assert_ne!(b, played);
    // The steps are the other order's own events, not only its output: the tab draws what a
    // tab that recorded those events draws, step by step.
    let mut reference = app_on_example(&script.name);
    reference.on_recorded(Recorded {
        name: script.name.clone(),
        model: mini_node::eventloop::Model::Node,
        result: Ok(branches[b].events.clone()),
        branches: views,
    });
    let n = branches[b].events.len();
    a.update(Action::Loop(LoopAction::Seek(0)));
    reference.update(Action::Loop(LoopAction::Seek(0)));
    for k in 1..=n {
        a.update(Action::Loop(LoopAction::Step));
        reference.update(Action::Loop(LoopAction::Seek(k)));
        let screen = render(&mut a, 100, 40);
        assert!(screen.contains(&format!("event {k}/{n} ")), "{screen}");
        // Everything but the orders line (which order the reference counts itself as).
        let body = |s: &str| -> Vec<String> {
            s.lines()
                .filter(|l| !l.contains("possible orders"))
                .map(String::from)
                .collect()
        };
        assert_eq!(
            body(&screen),
            body(&render(&mut reference, 100, 40)),
            "after {k} events"
        );
    }
    // Half way through the other order, and at its end (its output in its order).
    let first_out = branches[b]
        .events
        .iter()
        .position(|e| matches!(e, Event::Output { .. }))
        .unwrap();
    let timer_or_check = branches[b]
        .events
        .iter()
        .position(|e| {
            matches!(
                e,
                Event::PhaseEnter {
                    phase: Phase::Check | Phase::Timers,
                    ..
                }
            )
        })
        .unwrap_or(n / 2);
    a.update(Action::Loop(LoopAction::Seek(
        timer_or_check.max(first_out) + 1,
    )));
    insta::assert_snapshot!("other_order_mid_80x24", scrub(&render(&mut a, 80, 24)));
    a.update(Action::Loop(LoopAction::Seek(n)));
    let screen = render(&mut a, 100, 40);
    for (_, line) in &branches[b].outcome.output {
        assert!(screen.contains(line.as_str()), "{line:?}:\n{screen}");
    }
    insta::assert_snapshot!("other_order_end_100x40", scrub(&screen));
}
