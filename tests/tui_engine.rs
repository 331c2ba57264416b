//! The Event Loop tab over the real scheduler: a built-in example recorded by the engine and
//! replayed by the tab ends with exactly the output the engine computed, the phases light up in
//! libuv's order, stepping back is a pure fold, and `--explore`'s orders are offered for a race.

mod tui_support;

use mini_node::cli::Lang;
use mini_node::eventloop::replay::Snapshot;
use mini_node::eventloop::{self, Event, Phase, RunOptions};
use mini_node::tui::app::{Action, Effect, TabId};
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
    let mut a = mini_node::tui::app::App::new(cfg);
    a.update(Action::Go(TabId::EventLoop));
    let i = a
        .event_loop
        .scripts
        .iter()
        .position(|s| s.name == name)
        .unwrap_or_else(|| panic!("no built-in example {name}"));
    a.update(Action::Loop(LoopAction::Choose(Some(i))));
    a
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
    let mut cfg = config(Lang::En);
    cfg.examples = engines::examples();
    let mut a = mini_node::tui::app::App::new(cfg);
    a.update(Action::Go(TabId::EventLoop));
    a.update(Action::Loop(LoopAction::Choose(Some(
        a.event_loop
            .scripts
            .iter()
            .position(|s| s.name == "microtasks")
            .unwrap(),
    ))));
    a.on_recorded(rec);
    a.update(Action::Loop(LoopAction::Seek(usize::MAX)));
    assert_eq!(norm(&a.event_loop.folded.output), norm(&outcome.output));
    let end = a.event_loop.folded.clone();
    a.update(Action::Loop(LoopAction::Back));
    assert_ne!(a.event_loop.folded, end);
    a.update(Action::Loop(LoopAction::Step));
    assert_eq!(a.event_loop.folded, end);
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
    let played = a.event_loop.played_branch;
    let screen = render(&mut a, 80, 24);
    assert!(
        screen.contains(&format!("order {}/{}", played + 1, branches.len())),
        "{screen}"
    );
    // Switching replays the other order; at its end its output is on screen.
    a.update(Action::Loop(LoopAction::NextBranch));
    assert_ne!(a.event_loop.branch, played);
    let n = a.event_loop.events.len();
    a.update(Action::Loop(LoopAction::Seek(n)));
    let screen = render(&mut a, 80, 24);
    let other = &branches[a.event_loop.branch].outcome.output;
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
    assert!(a.event_loop.events.is_empty());
    let rec = engines::record(&script, Model::Browser);
    let mut opts = RunOptions::new(std::env::temp_dir().join(&script.name));
    opts.model = Model::Browser;
    let outcome = eventloop::run(&script.source, &opts, &mut |_e: &Event| {}).unwrap();
    a.on_recorded(rec);
    assert!(!a.event_loop.events.is_empty());
    // Stop at the first rendering step: the browser's stations are drawn, render lit.
    let at = a.event_loop.events.iter().position(|e| {
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
    assert_eq!(norm(&a.event_loop.folded.output), norm(&outcome.output));
    let screen = render(&mut a, 100, 30);
    assert!(screen.contains("model Browser"), "{screen}");
}

/// The compare view with the real scheduler: the engine's alignment marks the right lines, and
/// stepping by console line keeps both sides at the same number of printed lines.
#[test]
fn the_compare_view_aligns_the_engines_two_runs() {
    use mini_node::eventloop::browser::LineMark;
    use mini_node::eventloop::Model;
    let a = tui_support::compare_app(mini_node::cli::Lang::En);
    let t = &a.event_loop;
    let (node, browser) = t.sides().expect("compare view open");
    assert_eq!((node.model, browser.model), (Model::Node, Model::Browser));
    assert!(node.error.is_none() && browser.error.is_none());
    let c = t
        .comparison
        .clone()
        .expect("compared")
        .expect("no engine error");
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
    // The recordings print what the comparison ran.
    let mut t = tui_support::compare_app(mini_node::cli::Lang::En);
    let a = &mut t;
    a.update(mini_node::tui::app::Action::Loop(
        mini_node::tui::tabs::event_loop::LoopAction::Seek(usize::MAX),
    ));
    let (node, browser) = a.event_loop.sides().unwrap();
    let lines = |o: &[(mini_node::eventloop::Stream, String)]| {
        o.iter().map(|(_, l)| l.clone()).collect::<Vec<_>>()
    };
    assert_eq!(lines(&node.folded.output), lines(&c.node.output));
    assert_eq!(lines(&browser.folded.output), lines(&c.browser.output));
    assert_eq!(
        a.event_loop.compare_steps(),
        c.browser.output.len().max(c.node.output.len()) + 1
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
    a.on_recorded(rec);
    let played = a.event_loop.played_branch;
    a.update(Action::Loop(LoopAction::NextBranch));
    let b = a.event_loop.branch;
    assert_ne!(b, played);
    // The steps are the other order's own events, not only its output.
    assert_eq!(a.event_loop.played_branch, b, "the other order is replayed");
    assert_eq!(a.event_loop.events, branches[b].events);
    // Step by step: every prefix folds to the same state as the engine's events.
    a.update(Action::Loop(LoopAction::Seek(0)));
    for k in 1..=branches[b].events.len() {
        a.update(Action::Loop(LoopAction::Step));
        assert_eq!(a.event_loop.cursor, k);
        assert_eq!(a.event_loop.folded, Snapshot::after(&branches[b].events, k));
    }
    // Half way through the other order, and at its end (its output in its order).
    let n = branches[b].events.len();
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
