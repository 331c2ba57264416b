//! What a tab or widget needs while it draws: the palette, the language, the clock, presenter
//! mode, and where to store the clickable areas ([`Hit`]) the next click is tested against. It
//! draws nothing itself and knows no tab.

use std::time::Duration;

use ratatui::layout::Rect;

use crate::cli::Lang;

use super::action::Action;
use super::i18n::L;
use super::theme::Theme;

/// A clickable area stored while drawing, hit-tested on the next click.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub area: Rect,
    pub action: Action,
}

/// What a tab needs to draw: the palette, the language, the clock, and where to store buttons.
pub struct Ctx<'a> {
    pub theme: &'a Theme,
    pub lang: Lang,
    pub now: Duration,
    pub presenter: bool,
    pub hits: &'a mut Vec<Hit>,
}

impl Ctx<'_> {
    pub fn t(&self, l: L) -> &'static str {
        l.t(self.lang)
    }
    /// Remember that a click inside `area` means `action`.
    pub fn hit(&mut self, area: Rect, action: Action) {
        if area.width > 0 && area.height > 0 {
            self.hits.push(Hit { area, action });
        }
    }
}
