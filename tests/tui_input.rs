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
    assert_eq!(a.cluster.selected, 0);
}

#[test]
fn k_kills_the_selected_worker_and_arrows_select() {
    let mut a = app(Lang::En);
    a.handle(&key(KeyCode::Char('3')));
    cluster_events(&mut a);
    render(&mut a, 80, 24);
    assert_eq!(a.cluster.selected, 0);
    let fx = a.handle(&key(KeyCode::Char('k')));
    assert_eq!(
        fx,
        vec![Effect::Cluster(ClusterCommand::Kill {
            id: 1,
            signal: libc::SIGKILL
        })]
    );
    a.handle(&key(KeyCode::Right));
    assert_eq!(a.cluster.selected, 1);
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
    assert_eq!(a.cluster.selected, 2);
    assert!(a.handle(&key(KeyCode::Char('k'))).is_empty());
    a.handle(&key(KeyCode::Right));
    assert_eq!(a.cluster.selected, 2, "selection stops at the last worker");
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
    assert!(a.fork.as_written);
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
    assert!(a.event_loop.playing, "a fresh recording plays");
    a.handle(&key(KeyCode::Char(' ')));
    assert!(!a.event_loop.playing);
    for _ in 0..4 {
        a.handle(&key(KeyCode::Right));
    }
    assert_eq!(a.event_loop.cursor, 4);
    a.handle(&key(KeyCode::Left));
    assert_eq!(a.event_loop.cursor, 3);
    assert_eq!(
        a.event_loop.folded.output,
        vec![(mini_node::eventloop::Stream::Stdout, "start".to_string())]
    );
    let speed = a.event_loop.speed;
    a.handle(&key(KeyCode::Char('+')));
    assert_eq!(a.event_loop.speed, speed + 1);
    a.handle(&key(KeyCode::Char('-')));
    a.handle(&key(KeyCode::Char('-')));
    assert_eq!(a.event_loop.speed, speed - 1);
    // Playback advances with the clock.
    a.handle(&key(KeyCode::Char(' ')));
    a.tick(a.now + std::time::Duration::from_secs(2));
    assert!(a.event_loop.cursor > 3);
    a.handle(&key(KeyCode::End));
    assert_eq!(a.event_loop.cursor, loop_events().len());
    assert_eq!(a.event_loop.folded.output.len(), 6);
    a.handle(&key(KeyCode::Char('r')));
    assert_eq!(a.event_loop.cursor, 0);
    // The picker: open, pick by click.
    a.handle(&key(KeyCode::Char('e')));
    assert!(a.event_loop.picker.is_some());
    let s = render(&mut a, 80, 24);
    let (x, y) = find(&s, "» order");
    let fx = a.handle(&click(x + 3, y));
    assert!(matches!(fx.as_slice(), [Effect::RunScript(s, _)] if s.name == "order"));
    assert!(a.event_loop.picker.is_none());
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
    assert_eq!(a.lessons.selected, 2);
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
    assert_eq!(a.lessons.selected, 1);
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
