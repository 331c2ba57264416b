//! Palettes for a shared screen: dark, light and high-contrast, and a plain one for NO_COLOR.
//!
//! A palette only says which colour a role gets. Meaning is never carried by colour alone: every
//! state the TUI shows also has a symbol (see [`Symbol`]) and lit things are bold or reversed, so
//! the screen still reads on a monochrome projector or for a colour-blind student.

use ratatui::style::{Color, Modifier, Style};

use crate::cli::Theme as ThemeName;

/// The colours of one theme, by role.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub name: ThemeName,
    /// No colour at all (NO_COLOR): roles differ only by modifiers and symbols.
    pub plain: bool,
    pub fg: Color,
    pub bg: Color,
    pub dim: Color,
    pub accent: Color,
    pub ok: Color,
    pub warn: Color,
    pub bad: Color,
    pub info: Color,
    pub border: Color,
}

impl Theme {
    /// The palette for `name`; `plain` (NO_COLOR) keeps only bold, reverse and symbols.
    pub fn new(name: ThemeName, plain: bool) -> Self {
        let t = match name {
            ThemeName::Dark => Theme {
                name,
                plain,
                fg: Color::Gray,
                bg: Color::Reset,
                dim: Color::DarkGray,
                accent: Color::Cyan,
                ok: Color::Green,
                warn: Color::Yellow,
                bad: Color::LightRed,
                info: Color::LightBlue,
                border: Color::DarkGray,
            },
            ThemeName::Light => Theme {
                name,
                plain,
                fg: Color::Black,
                bg: Color::Reset,
                dim: Color::DarkGray,
                accent: Color::Blue,
                ok: Color::Rgb(0, 110, 0),
                warn: Color::Rgb(150, 90, 0),
                bad: Color::Red,
                info: Color::Magenta,
                border: Color::Gray,
            },
            ThemeName::HighContrast => Theme {
                name,
                plain,
                fg: Color::White,
                bg: Color::Black,
                dim: Color::White,
                accent: Color::LightYellow,
                ok: Color::LightGreen,
                warn: Color::LightYellow,
                bad: Color::LightRed,
                info: Color::LightCyan,
                border: Color::White,
            },
        };
        if plain {
            Theme {
                fg: Color::Reset,
                bg: Color::Reset,
                dim: Color::Reset,
                accent: Color::Reset,
                ok: Color::Reset,
                warn: Color::Reset,
                bad: Color::Reset,
                info: Color::Reset,
                border: Color::Reset,
                ..t
            }
        } else {
            t
        }
    }

    fn colored(&self, c: Color) -> Style {
        if self.plain {
            Style::default()
        } else {
            Style::default().fg(c)
        }
    }

    pub fn base(&self) -> Style {
        if self.plain {
            Style::default()
        } else {
            Style::default().fg(self.fg).bg(self.bg)
        }
    }
    pub fn text(&self) -> Style {
        self.colored(self.fg)
    }
    pub fn dim(&self) -> Style {
        // High contrast never greys text out; it only drops the bold.
        match (self.plain, self.name) {
            (true, _) => Style::default(),
            (false, ThemeName::HighContrast) => self.colored(self.fg),
            _ => self.colored(self.dim),
        }
    }
    pub fn accent(&self) -> Style {
        self.colored(self.accent).add_modifier(Modifier::BOLD)
    }
    pub fn ok(&self) -> Style {
        self.colored(self.ok)
    }
    pub fn warn(&self) -> Style {
        self.colored(self.warn).add_modifier(Modifier::BOLD)
    }
    pub fn bad(&self) -> Style {
        self.colored(self.bad).add_modifier(Modifier::BOLD)
    }
    pub fn info(&self) -> Style {
        self.colored(self.info)
    }
    pub fn border(&self) -> Style {
        self.colored(self.border)
    }
    /// Something lit right now (the current phase, the running line): reversed and bold in every
    /// theme, so it shows without colour.
    pub fn lit(&self) -> Style {
        self.colored(self.accent)
            .add_modifier(Modifier::REVERSED | Modifier::BOLD)
    }
    /// A clickable button.
    pub fn button(&self) -> Style {
        self.colored(self.accent).add_modifier(Modifier::BOLD)
    }
    /// The selected item of a list or grid.
    pub fn selected(&self) -> Style {
        self.colored(self.accent)
            .add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
    }
    /// The key hint inside a button or the footer.
    pub fn key(&self) -> Style {
        self.colored(self.warn).add_modifier(Modifier::BOLD)
    }
}

/// The symbols that carry meaning next to colours.
pub struct Symbol;

impl Symbol {
    pub const RUNNING: &'static str = "●";
    pub const STARTING: &'static str = "◌";
    pub const LISTENING: &'static str = "✓";
    pub const DEAD: &'static str = "✗";
    pub const WAITING: &'static str = "…";
    pub const DISCONNECTED: &'static str = "○";
    pub const LIT: &'static str = "▶";
    pub const ARROW_RIGHT: &'static str = "→";
    pub const ARROW_LEFT: &'static str = "←";
    pub const SELECTED: &'static str = "»";
}
