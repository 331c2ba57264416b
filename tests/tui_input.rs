//! Input handling with synthetic key and mouse events: keys map to actions, and clicks hit the
//! button areas stored while drawing (the Kill button of a worker, the tab bar, the fork buttons).

mod tui_support;

use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers, MouseButton, MouseEvent,
    MouseEventKind,
};
use mini_node::cli::Lang;
use mini_node::process::{ClusterCommand, ForkCommand};
use mini_node::tui::app::{Action, App, Effect, TabId};
use mini_node::tui::tabs::cluster::ClusterAction;
use tui_support::*;

fn key(code: KeyCode) -> Event {
    Event::Key(KeyEvent {
        code,
        modifiers: KeyModifiers::NONE,
        kind: KeyEventKind::Press,
        state: KeyEventState::NONE,
    })
}

fn ctrl(c: char) -> Event {
    Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL))
}

fn click(column: u16, row: u16) -> Event {
    Event::Mouse(MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column,
        row,
        modifiers: KeyModifiers::NONE,
    })
}

/// Where `text` is drawn on the screen (column, row), from the rendered frame.
fn find(screen: &str, text: &str) -> (u16, u16) {
    for (row, line) in screen.lines().enumerate() {
        if let Some(byte) = line.find(text) {
            let col = ratatui::text::Span::raw(&line[..byte]).width();
            return (col as u16, row as u16);
        }
    }
    panic!("{text:?} is not on the screen:\n{screen}");
}

/// The `k/N` drawn after `label` on the first row that has `label` (and `on`, when given).
fn count_after(screen: &str, on: &str, label: &str) -> (usize, usize) {
    let row = screen
        .lines()
        .find(|l| l.contains(on) && l.contains(label))
        .unwrap_or_else(|| panic!("no {label:?} on a row with {on:?}:\n{screen}"));
    let rest = &row[row.find(label).unwrap() + label.len()..];
    let digits = |t: &str| -> (usize, usize) {
        let n: String = t.chars().take_while(|c| c.is_ascii_digit()).collect();
        (n.parse().unwrap(), n.len())
    };
    let (k, used) = digits(rest);
    let (n, _) = digits(&rest[used + 1..]);
    (k, n)
}

/// The single view's "event k/N".
fn event_no(screen: &str) -> (usize, usize) {
    count_after(screen, "", "event ")
}

/// The compare view's "console line k/N".
fn console_line(screen: &str) -> (usize, usize) {
    count_after(screen, "", "console line ")
}

/// One side of the compare view: its "event k/N" and whether its last event printed a line.
fn side(screen: &str, title: &str) -> ((usize, usize), bool) {
    let row = screen.lines().find(|l| l.contains(title)).unwrap();
    let part = &row[row.find(title).unwrap()..];
    let part = part.split("  ■").next().unwrap();
    (
        count_after(part, "", "· event "),
        part.contains("· print \""),
    )
}

#[test]
fn number_keys_tab_and_backtab_switch_tabs() {
    let mut a = app(Lang::En);
    assert_eq!(a.tab, TabId::Lessons);
    let fx = a.handle(&key(KeyCode::Char('3')));
    assert_eq!(a.tab, TabId::Cluster);
    assert_eq!(fx, vec![Effect::StartCluster { workers: 2 }]);
    // The cluster starts once, not on every visit.
    a.handle(&key(KeyCode::Char('1')));
    assert!(a.handle(&key(KeyCode::Char('3'))).is_empty());
    a.handle(&key(KeyCode::Tab));
    assert_eq!(a.tab, TabId::EventLoop);
    a.handle(&key(KeyCode::Tab));
    assert_eq!(a.tab, TabId::Lessons);
    a.handle(&key(KeyCode::BackTab));
    assert_eq!(a.tab, TabId::EventLoop);
    let fx = a.handle(&key(KeyCode::Char('2')));
    assert_eq!(fx, vec![Effect::StartFork { as_written: false }]);
}

#[test]
fn clicking_the_tab_bar_switches_tabs() {
    let mut a = app(Lang::En);
    let s = render(&mut a, 80, 24);
    let (x, y) = find(&s, "4 Event Loop");
    let fx = a.handle(&click(x + 2, y));
    assert_eq!(a.tab, TabId::EventLoop);
    assert!(matches!(fx.as_slice(), [Effect::RunScript(s, _)] if s.name == "order"));
    let s = render(&mut a, 80, 24);
    let (x, y) = find(&s, "2 Fork");
    a.handle(&click(x, y));
    assert_eq!(a.tab, TabId::Fork);
}

#[test]
fn clicking_a_workers_kill_button_kills_that_worker() {
    let mut a = app(Lang::En);
    a.handle(&key(KeyCode::Char('3')));
    cluster_events(&mut a);
    let s = render(&mut a, 200, 60);
    // Worker 4 is the second box; its Kill button is on the same row as worker 1's.
    let (x4, _) = find(&s, "worker 4");
    let row = s.lines().position(|l| l.contains("[k Kill]")).unwrap() as u16;
    let line = s.lines().nth(row as usize).unwrap();
    let kills: Vec<usize> = line
        .match_indices("[k Kill]")
        .map(|(i, _)| ratatui::text::Span::raw(&line[..i]).width())
        .collect();
    let kill4 = kills.iter().copied().find(|&c| c as u16 > x4).unwrap() as u16;
    let fx = a.handle(&click(kill4 + 3, row));
    assert_eq!(
        fx,
        vec![Effect::Cluster(ClusterCommand::Kill {
            id: 4,
            signal: libc::SIGKILL
        })]
    );
    // Clicking the box elsewhere selects it without killing.
    let (x1, y1) = find(&s, "worker 1");
    let fx = a.handle(&click(x1, y1 + 1));
    assert!(fx.is_empty());
    assert_eq!(
        a.handle(&key(KeyCode::Char('k'))),
        vec![Effect::Cluster(ClusterCommand::Kill {
            id: 1,
            signal: libc::SIGKILL
        })],
        "worker 1 is selected"
    );
}

#[test]
fn k_kills_the_selected_worker_and_arrows_select() {
    let mut a = app(Lang::En);
    a.handle(&key(KeyCode::Char('3')));
    cluster_events(&mut a);
    render(&mut a, 80, 24);
    // The first worker is selected: `k` kills it.
    let fx = a.handle(&key(KeyCode::Char('k')));
    assert_eq!(
        fx,
        vec![Effect::Cluster(ClusterCommand::Kill {
            id: 1,
            signal: libc::SIGKILL
        })]
    );
    a.handle(&key(KeyCode::Right));
    let fx = a.handle(&key(KeyCode::Char('k')));
    assert_eq!(
        fx,
        vec![Effect::Cluster(ClusterCommand::Kill {
            id: 4,
            signal: libc::SIGKILL
        })]
    );
    // Worker 3 is backing off: nothing to kill.
    a.handle(&key(KeyCode::Right));
    assert!(a.handle(&key(KeyCode::Char('k'))).is_empty());
    a.handle(&key(KeyCode::Right));
    assert!(
        a.handle(&key(KeyCode::Char('k'))).is_empty(),
        "selection stops at the last worker"
    );
    assert_eq!(
        a.handle(&key(KeyCode::Char('a'))),
        vec![Effect::Cluster(ClusterCommand::AddWorker)]
    );
    assert_eq!(
        a.handle(&key(KeyCode::Char('d'))),
        vec![Effect::Cluster(ClusterCommand::RemoveWorker)]
    );
    assert_eq!(
        a.handle(&key(KeyCode::Char('l'))),
        vec![Effect::Cluster(ClusterCommand::Load(Some(16)))]
    );
    assert_eq!(
        a.handle(&key(KeyCode::Char('l'))),
        vec![Effect::Cluster(ClusterCommand::Load(None))]
    );
    a.handle(&key(KeyCode::Left));
    assert_eq!(
        a.handle(&key(KeyCode::Char('m'))),
        vec![Effect::Cluster(ClusterCommand::Send {
            id: 4,
            payload: serde_json::json!({ "hello": 1 })
        })]
    );
    assert_eq!(
        a.handle(&key(KeyCode::Char('s'))),
        vec![Effect::Cluster(ClusterCommand::SetSched(
            mini_node::process::SchedPolicy::None
        ))]
    );
}

#[test]
fn fork_buttons_by_click_and_by_key() {
    let mut a = app(Lang::En);
    a.handle(&key(KeyCode::Char('2')));
    fork_events(&mut a);
    let s = render(&mut a, 80, 24);
    let (x, y) = find(&s, "[r GET /get-data]");
    assert_eq!(
        a.handle(&click(x + 1, y)),
        vec![Effect::Fork(ForkCommand::Request)]
    );
    let (x, y) = find(&s, "[f fork a child]");
    assert_eq!(
        a.handle(&click(x + 5, y)),
        vec![Effect::Fork(ForkCommand::ForkChild)]
    );
    let (x, y) = find(&s, "[w notes' leaky code]");
    assert_eq!(
        a.handle(&click(x, y)),
        vec![Effect::Fork(ForkCommand::SetAsWritten(true))]
    );
    let s = render(&mut a, 80, 24);
    assert!(
        s.contains("w fixed code"),
        "the footer now offers the fix:\n{s}"
    );
    assert_eq!(
        a.handle(&key(KeyCode::Char('w'))),
        vec![Effect::Fork(ForkCommand::SetAsWritten(false))]
    );
    assert_eq!(
        a.handle(&key(KeyCode::Char('r'))),
        vec![Effect::Fork(ForkCommand::Request)]
    );
    assert_eq!(
        a.handle(&key(KeyCode::Char('f'))),
        vec![Effect::Fork(ForkCommand::ForkChild)]
    );
}

#[test]
fn no_mouse_ignores_clicks() {
    let mut cfg = config(Lang::En);
    cfg.mouse = false;
    let mut a = App::new(cfg);
    let s = render(&mut a, 80, 24);
    let (x, y) = find(&s, "2 Fork");
    assert!(a.handle(&click(x, y)).is_empty());
    assert_eq!(a.tab, TabId::Lessons);
}

#[test]
fn quit_help_presenter_and_ctrl_c() {
    let mut a = app(Lang::En);
    a.handle(&key(KeyCode::Char('?')));
    assert!(a.help);
    // Any key closes the help; q still quits.
    a.handle(&key(KeyCode::Char('x')));
    assert!(!a.help);
    a.handle(&key(KeyCode::Char('p')));
    assert!(a.presenter);
    a.handle(&key(KeyCode::Esc));
    assert!(!a.presenter);
    assert_eq!(a.handle(&key(KeyCode::Char('q'))), vec![Effect::Quit]);
    assert!(a.quitting);
    let mut b = app(Lang::En);
    assert_eq!(b.handle(&ctrl('c')), vec![Effect::Quit]);
}

#[test]
fn event_loop_controls_step_back_speed_and_picker() {
    let mut a = app(Lang::En);
    a.handle(&key(KeyCode::Char('4')));
    a.on_loop_events("order", loop_events());
    let n = loop_events().len();
    let s = render(&mut a, 80, 24);
    assert!(
        s.contains("[space ⏸ pause]"),
        "a fresh recording plays:\n{s}"
    );
    a.handle(&key(KeyCode::Char(' ')));
    let s = render(&mut a, 80, 24);
    assert!(s.contains("[space ▶ play]"), "{s}");
    for _ in 0..4 {
        a.handle(&key(KeyCode::Right));
    }
    assert_eq!(event_no(&render(&mut a, 80, 24)), (4, n));
    a.handle(&key(KeyCode::Left));
    let s = render(&mut a, 80, 24);
    assert_eq!(event_no(&s), (3, n));
    // The console holds the one line printed so far.
    let (_, console) = find(&s, "Console");
    let printed: Vec<&str> = s
        .lines()
        .skip(console as usize + 1)
        .filter(|l| l.contains('│'))
        .filter_map(|l| l.rsplit('│').next())
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    assert_eq!(printed, ["start"], "{s}");
    assert!(s.contains(" 4/s "), "{s}");
    a.handle(&key(KeyCode::Char('+')));
    assert!(render(&mut a, 80, 24).contains(" 8/s "));
    a.handle(&key(KeyCode::Char('-')));
    a.handle(&key(KeyCode::Char('-')));
    assert!(render(&mut a, 80, 24).contains(" 2/s "));
    // Playback advances with the clock.
    a.handle(&key(KeyCode::Char(' ')));
    a.tick(a.now + std::time::Duration::from_secs(2));
    assert!(event_no(&render(&mut a, 80, 24)).0 > 3);
    a.handle(&key(KeyCode::End));
    let s = render(&mut a, 200, 60);
    assert_eq!(event_no(&s), (n, n));
    for line in ["start", "end", "tick", "promise", "timeout", "immediate"] {
        assert!(s.contains(&format!("│{line}")), "{line:?} printed:\n{s}");
    }
    a.handle(&key(KeyCode::Char('r')));
    assert_eq!(event_no(&render(&mut a, 80, 24)).0, 0);
    // The picker: open, pick by click.
    a.handle(&key(KeyCode::Char('e')));
    let s = render(&mut a, 80, 24);
    assert!(s.contains("Pick an example"), "{s}");
    let (x, y) = find(&s, "» order");
    let fx = a.handle(&click(x + 3, y));
    assert!(matches!(fx.as_slice(), [Effect::RunScript(s, _)] if s.name == "order"));
    assert!(!render(&mut a, 80, 24).contains("Pick an example"));
}

#[test]
fn lessons_run_this_opens_the_demo() {
    let mut a = app(Lang::En);
    a.on_lessons(Ok(lessons()));
    assert_eq!(
        a.handle(&key(KeyCode::Enter)),
        vec![Effect::StartFork { as_written: false }]
    );
    assert_eq!(a.tab, TabId::Fork);
    a.handle(&key(KeyCode::Char('1')));
    a.handle(&key(KeyCode::Down));
    a.handle(&key(KeyCode::Down));
    assert!(
        render(&mut a, 80, 24).contains("timers, pending callbacks"),
        "the third lesson is shown"
    );
    let fx = a.handle(&key(KeyCode::Char('r')));
    assert_eq!(a.tab, TabId::EventLoop);
    assert!(matches!(fx.as_slice(), [Effect::RunScript(s, _)] if s.name == "order"));
    // A quiz's snippet is loaded by F1 or by a click on its button.
    a.handle(&key(KeyCode::Char('1')));
    let s = render(&mut a, 80, 24);
    let (x, y) = find(&s, "[F1");
    let fx = a.handle(&click(x + 1, y));
    assert!(
        matches!(fx.as_slice(), [Effect::RunScript(s, _)] if s.name == "quiz1.js" && s.source.contains("setImmediate") && s.path.as_deref() == Some(std::path::Path::new("lessons/04-phases/quiz1.js")))
    );
    assert_eq!(a.tab, TabId::EventLoop);
    // Clicking a lesson in the list selects it.
    a.handle(&key(KeyCode::Char('1')));
    let s = render(&mut a, 80, 24);
    let (x, y) = find(&s, "2. cluster.fork");
    a.handle(&click(x, y));
    assert!(
        render(&mut a, 80, 24).contains("One worker per CPU."),
        "the second lesson is shown"
    );
    let _ = Action::Cluster(ClusterAction::Add);
}

#[test]
fn engine_errors_show_in_the_tab() {
    let mut a = app(Lang::En);
    a.handle(&key(KeyCode::Char('3')));
    a.on_cluster_error(
        "cannot listen on 127.0.0.1:9000: address in use (use --cluster-port)".into(),
    );
    let s = render(&mut a, 80, 24);
    assert!(s.contains("Engine error"), "{s}");
    assert!(s.contains("address in use"), "{s}");
    assert_eq!(
        a.handle(&ctrl('r')),
        vec![Effect::StartCluster { workers: 2 }]
    );
}

/// The rectangle of the button whose action is `action`, as stored while drawing.
fn button_rect(a: &App, action: &Action) -> ratatui::layout::Rect {
    a.hits
        .iter()
        .find(|h| &h.action == action)
        .map(|h| h.area)
        .unwrap_or_else(|| panic!("no button for {action:?}"))
}

#[test]
fn c_and_the_compare_button_toggle_the_compare_view() {
    use mini_node::eventloop::Model;
    use mini_node::tui::tabs::event_loop::LoopAction;
    let toggle = Action::Loop(LoopAction::ToggleCompare);
    let mut a = app(Lang::En);
    a.handle(&key(KeyCode::Char('4')));
    a.on_loop_events("order", loop_events());
    let comparing = |a: &mut App| render(a, 80, 24).contains("console line");
    assert!(!comparing(&mut a));

    // `c` opens it: the browser's run and the engine's comparison are asked for.
    let fx = a.handle(&key(KeyCode::Char('c')));
    assert!(comparing(&mut a), "c opens the compare view");
    assert!(
        fx.iter()
            .any(|e| matches!(e, Effect::RunScript(s, Model::Browser) if s.name == "order")),
        "{fx:?}"
    );
    assert!(
        fx.iter()
            .any(|e| matches!(e, Effect::CompareScript(s) if s.name == "order")),
        "{fx:?}"
    );
    let screen = render(&mut a, 80, 24);
    assert!(screen.contains("[c compare]"), "{screen}");
    // `c` again closes it.
    assert!(a.handle(&key(KeyCode::Char('c'))).is_empty());
    assert!(!comparing(&mut a));

    // A click on the [c compare] button (its rect stored at draw time) opens it ...
    for (w, h) in [(80, 24), (200, 60)] {
        render(&mut a, w, h);
        let r = button_rect(&a, &toggle);
        let screen = render(&mut a, w, h);
        assert_eq!(find(&screen, "[c compare]"), (r.x, r.y), "{screen}");
        let fx = a.handle(&click(r.x + r.width - 2, r.y));
        assert!(comparing(&mut a), "a click on the button opens it");
        assert!(fx.contains(&Effect::CompareScript(
            a.event_loop.script().unwrap().clone()
        )));
        // ... and a click on the same button, now on the compare view's status line, closes it.
        let screen = render(&mut a, w, h);
        let r = button_rect(&a, &toggle);
        assert_eq!(find(&screen, "[c compare]"), (r.x, r.y), "{screen}");
        a.handle(&click(r.x, r.y));
        assert!(!comparing(&mut a), "a second click closes it");
    }

    // With --no-mouse the click does nothing; the key still works.
    let mut cfg = config(Lang::En);
    cfg.mouse = false;
    let mut n = App::new(cfg);
    n.handle(&key(KeyCode::Char('4')));
    render(&mut n, 80, 24);
    let r = button_rect(&n, &toggle);
    n.handle(&click(r.x, r.y));
    assert!(!comparing(&mut n));
    n.handle(&key(KeyCode::Char('c')));
    assert!(comparing(&mut n));
}

#[test]
fn the_compare_view_steps_both_sides_by_console_line() {
    use mini_node::tui::tabs::event_loop::LoopAction;
    let mut a = compare_app(Lang::En);
    let sides = |a: &mut App| {
        let s = render(a, 200, 60);
        (
            side(&s, "■ Node v20"),
            side(&s, "■ Browser"),
            console_line(&s),
            s,
        )
    };
    let ((node, _), (browser, _), _, _) = sides(&mut a);
    assert_eq!((node.0, browser.0), (0, 0));
    // → moves each side to just after its next printed line; ← back; End to both ends.
    for k in 1..=3 {
        a.handle(&key(KeyCode::Right));
        let ((_, node_printed), (_, browser_printed), (line, _), s) = sides(&mut a);
        assert_eq!(line, k, "{s}");
        assert!(node_printed, "Node after {k} steps:\n{s}");
        assert!(browser_printed, "browser after {k} steps:\n{s}");
    }
    a.handle(&key(KeyCode::Left));
    let ((_, node_printed), _, (line, _), s) = sides(&mut a);
    assert_eq!(line, 2);
    assert!(node_printed, "{s}");
    a.handle(&key(KeyCode::End));
    let ((node, _), (browser, _), _, s) = sides(&mut a);
    assert_eq!(node.0, node.1);
    assert_eq!(browser.0, browser.1);
    assert_eq!(s.matches("— exit code 0").count(), 2, "both exits:\n{s}");
    // Playing advances console lines on the clock, and stops at the end.
    a.handle(&key(KeyCode::Home));
    a.update(Action::Loop(LoopAction::PlayPause));
    assert!(render(&mut a, 200, 60).contains("[space ⏸ pause]"));
    a.tick(a.now + std::time::Duration::from_millis(600)); // 4 lines per second
    assert_eq!(console_line(&render(&mut a, 200, 60)).0, 2);
    a.tick(a.now + std::time::Duration::from_secs(60));
    let s = render(&mut a, 200, 60);
    assert!(s.contains("[space ▶ play]"), "{s}");
    let (line, steps) = console_line(&s);
    assert_eq!(line, steps);
    // `m` and `b` do nothing while both models are on screen.
    assert!(a.handle(&key(KeyCode::Char('m'))).is_empty());
    assert!(render(&mut a, 200, 60).contains("console line"));
}

#[test]
fn a_background_panic_in_the_compare_view_ends_its_waiting() {
    let mut a = app(Lang::En);
    a.handle(&key(KeyCode::Char('4')));
    a.on_loop_events("order", loop_events());
    a.handle(&key(KeyCode::Char('c')));
    let s = render(&mut a, 200, 60);
    assert!(
        s.contains("Running the snippet…"),
        "the browser side records:\n{s}"
    );
    a.on_background_panic("a background task panicked: boom".into());
    let s = render(&mut a, 200, 60);
    assert!(!s.contains("Running the snippet…"), "{s}");
    assert!(s.contains("✗ a background task panicked: boom"), "{s}");
    let screen = render(&mut a, 80, 24);
    assert!(screen.contains("boom"), "{screen}");
    // `r` runs both models again.
    let fx = a.handle(&key(KeyCode::Char('r')));
    assert!(
        fx.iter().any(|e| matches!(e, Effect::CompareScript(_))),
        "{fx:?}"
    );
}
