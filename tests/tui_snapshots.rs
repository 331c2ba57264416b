//! Snapshots of every tab at 80x24 and 200x60, drawn into ratatui's TestBackend (pids, ports and
//! times scrubbed), plus the "too small" notice, presenter mode, Chinese labels and the help.

mod tui_support;

use mini_node::cli::Lang;
use mini_node::tui::app::{Action, TabId};
use mini_node::tui::tabs::event_loop::LoopAction;
use tui_support::*;

fn snap(name: &str, text: String) {
    insta::assert_snapshot!(name, scrub(&text));
}

fn lessons_app(lang: Lang) -> mini_node::tui::app::App {
    let mut app = app(lang);
    app.on_lessons(Ok(lessons()));
    app
}

#[test]
fn lessons_tab() {
    let mut a = lessons_app(Lang::En);
    snap("lessons_80x24", render(&mut a, 80, 24));
    snap("lessons_200x60", render(&mut a, 200, 60));
    let mut z = lessons_app(Lang::Zh);
    snap("lessons_zh_80x24", render(&mut z, 80, 24));
}

#[test]
fn fork_tab() {
    let mut a = app(Lang::En);
    let fx = a.update(Action::Go(TabId::Fork));
    assert!(!fx.is_empty(), "opening the Fork tab starts the engine");
    fork_events(&mut a);
    snap("fork_80x24", render(&mut a, 80, 24));
    snap("fork_200x60", render(&mut a, 200, 60));
}

#[test]
fn cluster_tab() {
    let mut a = app(Lang::En);
    a.update(Action::Go(TabId::Cluster));
    cluster_events(&mut a);
    snap("cluster_80x24", render(&mut a, 80, 24));
    snap("cluster_200x60", render(&mut a, 200, 60));
    let mut z = app(Lang::Zh);
    z.update(Action::Go(TabId::Cluster));
    cluster_events(&mut z);
    snap("cluster_zh_80x24", render(&mut z, 80, 24));
}

fn loop_app() -> mini_node::tui::app::App {
    let mut a = app(Lang::En);
    a.update(Action::Go(TabId::EventLoop));
    a.on_loop_events("order", loop_events());
    a.update(Action::Loop(LoopAction::PlayPause)); // pause
    a
}

#[test]
fn event_loop_tab() {
    let mut a = loop_app();
    // Stop inside the nextTick drain, then in the check phase.
    a.update(Action::Loop(LoopAction::Seek(11)));
    snap("event_loop_tick_80x24", render(&mut a, 80, 24));
    a.update(Action::Loop(LoopAction::Seek(30)));
    snap("event_loop_check_200x60", render(&mut a, 200, 60));
    snap("event_loop_check_80x24", render(&mut a, 80, 24));
}

#[test]
fn presenter_help_and_too_small() {
    let mut a = loop_app();
    a.update(Action::Loop(LoopAction::Seek(21)));
    a.update(Action::TogglePresenter);
    snap("event_loop_presenter_80x24", render(&mut a, 80, 24));
    a.update(Action::TogglePresenter);
    a.update(Action::ToggleHelp);
    snap("help_80x24", render(&mut a, 80, 24));
    let mut b = app(Lang::En);
    snap("too_small_60x20", render(&mut b, 60, 20));
}
