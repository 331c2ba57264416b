//! The one shape every tab has ([`Tab`]): it answers its own actions, takes its engine's
//! events, moves with the clock,
//! names its keys for the footer and the help, maps a key press to an action, takes an engine's
//! error, and draws itself from `&self` (drawing never changes a tab; only the clickable areas
//! go into the [`Ctx`]). The app (`tui/app.rs`) holds the four tabs and dispatches through this
//! trait. A tab does no I/O: what the engines must do comes back as [`Effect`](super::action::Effect)s.

use std::time::Duration;

use crossterm::event::KeyEvent;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use crate::cli::Lang;

use super::action::Action;
use super::ctx::Ctx;

/// Keys with their labels, as the footer and the help list them: (key, label).
pub type Keys = Vec<(&'static str, &'static str)>;

/// What every tab offers the app.
pub trait Tab {
    /// The tab's own actions (a variant of [`Action`] carries them).
    type Action;
    /// What an action asks of the app: effects on the engines, or (the Lessons tab) a demo or
    /// a quiz to open in another tab.
    type Outcome;
    /// What the tab's engine sends it (the fork demo's events, a recorded run, the course).
    type Event;

    /// Apply one of the tab's actions at time `now`.
    fn update(&mut self, action: Self::Action, now: Duration) -> Self::Outcome;

    /// Take one event from the tab's engine, arrived at `now`.
    fn on_event(&mut self, event: Self::Event, now: Duration);

    /// Advance time-driven state (playback) to `now`.
    fn tick(&mut self, _now: Duration) {}

    /// True while something moves on its own (playback, a message in flight, a fading box):
    /// only then does the runtime draw frames.
    fn animating(&self, _now: Duration) -> bool {
        false
    }

    /// True when the tab shows clocks (uptimes) worth redrawing about once a second.
    fn shows_clock(&self) -> bool {
        false
    }

    /// The keys the footer shows now.
    fn keys(&self, lang: Lang) -> Keys;

    /// The same keys with shorter labels, for a footer that must fit in one row.
    fn keys_narrow(&self, lang: Lang) -> Keys {
        self.keys(lang)
    }

    /// Every key of the tab, for the help overlay.
    fn help_keys(lang: Lang) -> Keys
    where
        Self: Sized;

    /// True while an overlay of the tab (the example picker) takes every key first.
    fn captures_keys(&self) -> bool {
        false
    }

    /// The action a key press means on this tab (the global keys are taken before it, unless
    /// [`Tab::captures_keys`]).
    fn key(&self, key: &KeyEvent) -> Option<Action>;

    /// The action a mouse wheel step means (down or up).
    fn scroll(&self, _down: bool) -> Option<Action> {
        None
    }

    /// Close the tab's overlay; true when one was open.
    fn close_overlay(&mut self) -> bool {
        false
    }

    /// An engine failed (or panicked) while this tab was on screen.
    fn on_error(&mut self, message: String);

    /// Draw the tab into `area`, storing its buttons in `ctx`.
    fn draw(&self, ctx: &mut Ctx, area: Rect, buf: &mut Buffer);
}

/// A tab with the context it draws in, as a ratatui [`Widget`]: `Drawn::new(&tab, &mut ctx)`
/// renders like any widget (`frame.render_widget(..)`). Borrowing the tab, as ratatui's
/// `impl Widget for &App` does, means no state is cloned per frame; the context travels with it
/// because a tab's buttons must be stored for the next click.
pub struct Drawn<'t, 'c, T> {
    tab: &'t T,
    ctx: &'t mut Ctx<'c>,
}

impl<'t, 'c, T: Tab> Drawn<'t, 'c, T> {
    pub fn new(tab: &'t T, ctx: &'t mut Ctx<'c>) -> Self {
        Drawn { tab, ctx }
    }
}

impl<T: Tab> Widget for Drawn<'_, '_, T> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        self.tab.draw(self.ctx, area, buf);
    }
}
