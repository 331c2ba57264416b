//! Input to actions: keys and mouse clicks become [`Action`]s. The global keys (tabs, help,
//! presenter, quit) are mapped here, each tab maps its own ([`Tab::key`]); clicks are hit-tested
//! against the button areas stored while the last frame was drawn. No state changes here.

use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

use super::action::{Action, Effect, TabId};
use super::app::{on_tab, App};
use super::tab::Tab;

/// The action an input event means, if any.
pub fn action(app: &App, ev: &Event) -> Option<Action> {
    match ev {
        Event::Key(k) if k.kind != KeyEventKind::Release => key(app, k),
        Event::Mouse(m) if app.mouse => mouse(app, m),
        _ => None,
    }
}

fn mouse(app: &App, m: &MouseEvent) -> Option<Action> {
    match m.kind {
        MouseEventKind::Down(MouseButton::Left) => app.hit_test(m.column, m.row),
        MouseEventKind::ScrollDown => on_tab!(app, t => t.scroll(true)),
        MouseEventKind::ScrollUp => on_tab!(app, t => t.scroll(false)),
        _ => None,
    }
}

fn key(app: &App, k: &KeyEvent) -> Option<Action> {
    let ctrl = k.modifiers.contains(KeyModifiers::CONTROL);
    if ctrl {
        return match k.code {
            KeyCode::Char('c') => Some(Action::Quit),
            // Ctrl-R: the tab starts its engine again, where it can.
            KeyCode::Char('r') => on_tab!(app, t => t.key(k)),
            _ => None,
        };
    }
    // Overlays take the keys first.
    if app.help {
        return match k.code {
            KeyCode::Char('q') => Some(Action::Quit),
            _ => Some(Action::CloseOverlay),
        };
    }
    if on_tab!(app, t => t.captures_keys()) {
        return on_tab!(app, t => t.key(k));
    }
    match k.code {
        KeyCode::Char('q') => return Some(Action::Quit),
        KeyCode::Char('?') => return Some(Action::ToggleHelp),
        KeyCode::Char('p') => return Some(Action::TogglePresenter),
        KeyCode::Esc => return Some(Action::CloseOverlay),
        KeyCode::Tab => return Some(Action::NextTab),
        KeyCode::BackTab => return Some(Action::PrevTab),
        KeyCode::Char(c @ '1'..='4') => {
            return Some(Action::Go(TabId::ALL[(c as u8 - b'1') as usize]))
        }
        _ => {}
    }
    on_tab!(app, t => t.key(k))
}

impl App {
    /// Turn one input event into effects: map it to an action and apply it.
    pub fn handle(&mut self, ev: &Event) -> Vec<Effect> {
        match action(self, ev) {
            Some(a) => self.update(a),
            None => vec![],
        }
    }
}
