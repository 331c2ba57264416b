//! Input to actions: keys and mouse clicks become [`Action`]s. Clicks are hit-tested against the
//! button areas stored while the last frame was drawn. No state changes here.

use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

use super::action::{Action, ClusterAction, Effect, ForkAction, LessonsAction, LoopAction, TabId};
use super::app::App;

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
        MouseEventKind::ScrollDown => match app.tab {
            TabId::Lessons => Some(Action::Lessons(LessonsAction::ScrollDown)),
            _ => None,
        },
        MouseEventKind::ScrollUp => match app.tab {
            TabId::Lessons => Some(Action::Lessons(LessonsAction::ScrollUp)),
            _ => None,
        },
        _ => None,
    }
}

fn key(app: &App, k: &KeyEvent) -> Option<Action> {
    let ctrl = k.modifiers.contains(KeyModifiers::CONTROL);
    if ctrl {
        return match k.code {
            KeyCode::Char('c') => Some(Action::Quit),
            KeyCode::Char('r') => match app.tab {
                TabId::Fork => Some(Action::Fork(ForkAction::Retry)),
                TabId::Cluster => Some(Action::Cluster(ClusterAction::Retry)),
                _ => None,
            },
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
    if app.tab == TabId::EventLoop && app.event_loop.picker.is_some() {
        return match k.code {
            KeyCode::Up | KeyCode::Char('k') => Some(Action::Loop(LoopAction::PickerUp)),
            KeyCode::Down | KeyCode::Char('j') => Some(Action::Loop(LoopAction::PickerDown)),
            KeyCode::Enter => Some(Action::Loop(LoopAction::Choose(None))),
            KeyCode::Esc | KeyCode::Char('e') => Some(Action::CloseOverlay),
            KeyCode::Char('q') => Some(Action::Quit),
            _ => None,
        };
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
    match app.tab {
        TabId::Lessons => {
            let a = match k.code {
                KeyCode::Up | KeyCode::Char('k') => LessonsAction::Up,
                KeyCode::Down | KeyCode::Char('j') => LessonsAction::Down,
                KeyCode::PageUp => LessonsAction::ScrollUp,
                KeyCode::PageDown | KeyCode::Char(' ') => LessonsAction::ScrollDown,
                KeyCode::Enter | KeyCode::Char('r') => LessonsAction::RunThis,
                KeyCode::F(n @ 1..=9) => LessonsAction::RunQuiz(n as usize - 1),
                _ => return None,
            };
            Some(Action::Lessons(a))
        }
        TabId::Fork => {
            let a = match k.code {
                KeyCode::Char('r') | KeyCode::Enter => ForkAction::Request,
                KeyCode::Char('f') => ForkAction::ForkChild,
                KeyCode::Char('w') => ForkAction::ToggleLeaky,
                _ => return None,
            };
            Some(Action::Fork(a))
        }
        TabId::Cluster => {
            let a = match k.code {
                KeyCode::Left | KeyCode::Char('h') => ClusterAction::Left,
                KeyCode::Right => ClusterAction::Right,
                KeyCode::Up => ClusterAction::Up,
                KeyCode::Down | KeyCode::Char('j') => ClusterAction::Down,
                KeyCode::Char('k') | KeyCode::Delete => ClusterAction::KillSelected,
                KeyCode::Char('a') | KeyCode::Char('+') => ClusterAction::Add,
                KeyCode::Char('d') | KeyCode::Char('-') => ClusterAction::Remove,
                KeyCode::Char('l') => ClusterAction::ToggleLoad,
                KeyCode::Char('s') => ClusterAction::ToggleSched,
                KeyCode::Char('m') => ClusterAction::SendMessage,
                _ => return None,
            };
            Some(Action::Cluster(a))
        }
        TabId::EventLoop => {
            let a = match k.code {
                KeyCode::Char(' ') => LoopAction::PlayPause,
                KeyCode::Right | KeyCode::Char('.') | KeyCode::Char('l') => LoopAction::Step,
                KeyCode::Left | KeyCode::Char(',') | KeyCode::Char('h') => LoopAction::Back,
                KeyCode::Char('+') | KeyCode::Char('=') => LoopAction::Faster,
                KeyCode::Char('-') | KeyCode::Char('_') => LoopAction::Slower,
                KeyCode::Char('r') => LoopAction::Restart,
                KeyCode::Char('e') => LoopAction::Pick,
                KeyCode::Char('b') => LoopAction::NextBranch,
                KeyCode::Char('m') => LoopAction::ToggleModel,
                KeyCode::Char('c') => LoopAction::ToggleCompare,
                KeyCode::Home => LoopAction::Seek(0),
                KeyCode::End => LoopAction::Seek(usize::MAX),
                _ => return None,
            };
            Some(Action::Loop(a))
        }
    }
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
