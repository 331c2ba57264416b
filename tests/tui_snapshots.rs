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

/// NO_COLOR: no cell has a colour, yet the lit phase and the selected worker still stand out
/// (reversed / bold), and the states carry symbols.
#[test]
fn plain_theme_means_by_symbol_and_modifier_not_colour() {
    use ratatui::backend::TestBackend;
    use ratatui::style::{Color, Modifier};
    use ratatui::Terminal;
    for theme in [
        mini_node::cli::Theme::Dark,
        mini_node::cli::Theme::Light,
        mini_node::cli::Theme::HighContrast,
    ] {
        let mut cfg = config(Lang::En);
        cfg.theme = theme;
        cfg.plain = true;
        let mut a = mini_node::tui::app::App::new(cfg);
        a.update(Action::Go(TabId::EventLoop));
        a.on_loop_events("order", loop_events());
        a.update(Action::Loop(LoopAction::Seek(30))); // in the check phase
        let mut t = Terminal::new(TestBackend::new(80, 24)).unwrap();
        t.draw(|f| a.draw(f)).unwrap();
        let buf = t.backend().buffer().clone();
        for cell in buf.content() {
            assert_eq!(cell.fg, Color::Reset, "{theme:?}: no colour under NO_COLOR");
            assert_eq!(cell.bg, Color::Reset);
        }
        let text = screen(&buf);
        let (row, line) = text
            .lines()
            .enumerate()
            .find(|(_, l)| l.contains("▶ check"))
            .expect("the lit phase has a ▶");
        let col = ratatui::text::Span::raw(&line[..line.find("▶ check").unwrap()]).width() as u16;
        let cell = &buf[(col + 2, row as u16)];
        assert!(
            cell.modifier.contains(Modifier::REVERSED | Modifier::BOLD),
            "{theme:?}: lit is reversed and bold"
        );
    }
    // With colour, the palettes differ.
    let colours = |theme| {
        let mut cfg = config(Lang::En);
        cfg.theme = theme;
        let mut a = mini_node::tui::app::App::new(cfg);
        let mut t = Terminal::new(TestBackend::new(80, 24)).unwrap();
        t.draw(|f| a.draw(f)).unwrap();
        t.backend()
            .buffer()
            .content()
            .iter()
            .map(|c| c.fg)
            .collect::<Vec<_>>()
    };
    assert_ne!(
        colours(mini_node::cli::Theme::Dark),
        colours(mini_node::cli::Theme::Light)
    );
    assert_ne!(
        colours(mini_node::cli::Theme::Dark),
        colours(mini_node::cli::Theme::HighContrast)
    );
}

#[test]
fn chinese_event_loop_and_fork() {
    let mut a = app(Lang::Zh);
    a.update(Action::Go(TabId::EventLoop));
    a.on_loop_events("order", loop_events());
    a.update(Action::Loop(LoopAction::Seek(11)));
    snap("event_loop_zh_80x24", render(&mut a, 80, 24));
    let mut f = app(Lang::Zh);
    f.update(Action::Go(TabId::Fork));
    fork_events(&mut f);
    snap("fork_zh_80x24", render(&mut f, 80, 24));
}
