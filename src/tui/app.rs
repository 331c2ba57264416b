//! The TUI's state and its update function: no I/O here.
//!
//! [`App`] holds what is on screen; [`App::update`] turns an [`Action`] (from a key, a click, or a
//! button) into new state plus a list of [`Effect`]s that the runtime (`tui::run`) carries out on
//! the engines. Engine events come back through `on_*` methods. Drawing is generic over any ratatui
//! backend, so the tests draw into `TestBackend`. Time is injected ([`App::now`]) so snapshots are
//! reproducible.

use std::time::Duration;

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::widgets::Widget;
use ratatui::Frame;

use crate::cli::{Lang, Theme as ThemeName};
use crate::eventloop::Event;
use crate::lessons::{DemoLink, Lesson};
use crate::process::{ClusterEvent, ForkEvent};

pub use super::action::{
    Action, ClusterAction, Effect, ForkAction, LessonsAction, LoopAction, TabId,
};
pub use super::ctx::{Ctx, Hit};
pub use super::script::{BranchView, Compared, LoopEvent, Recorded, Script};
pub use super::widgets::chrome::{MIN_HEIGHT, MIN_WIDTH};

use super::i18n::L;
use super::tab::{Drawn, Keys, Tab};
use super::tabs::cluster::ClusterTab;
use super::tabs::event_loop::LoopTab;
use super::tabs::fork::ForkTab;
use super::tabs::lessons::{LessonsTab, Opened};
use super::theme::Theme;
use super::widgets;

/// Run `$body` with `$t` bound to the tab on screen (shared, or `mut`), whichever it is.
macro_rules! on_tab {
    ($app:expr, $t:ident => $body:expr) => {
        match $app.tab {
            TabId::Lessons => {
                let $t = &$app.lessons;
                $body
            }
            TabId::Fork => {
                let $t = &$app.fork;
                $body
            }
            TabId::Cluster => {
                let $t = &$app.cluster;
                $body
            }
            TabId::EventLoop => {
                let $t = &$app.event_loop;
                $body
            }
        }
    };
    ($app:expr, mut $t:ident => $body:expr) => {
        match $app.tab {
            TabId::Lessons => {
                let $t = &mut $app.lessons;
                $body
            }
            TabId::Fork => {
                let $t = &mut $app.fork;
                $body
            }
            TabId::Cluster => {
                let $t = &mut $app.cluster;
                $body
            }
            TabId::EventLoop => {
                let $t = &mut $app.event_loop;
                $body
            }
        }
    };
}
pub(crate) use on_tab;

/// How the TUI starts.
#[derive(Debug, Clone)]
pub struct Config {
    pub theme: ThemeName,
    /// NO_COLOR: symbols and bold only.
    pub plain: bool,
    pub lang: Lang,
    pub mouse: bool,
    /// Workers the cluster starts with.
    pub workers: usize,
    pub first_tab: TabId,
    /// The built-in examples of the Event Loop tab.
    pub examples: Vec<Script>,
    /// `--script FILE.js`, loaded first when given.
    pub script: Option<Script>,
}

/// The whole TUI state.
pub struct App {
    pub tab: TabId,
    pub theme: Theme,
    pub lang: Lang,
    pub mouse: bool,
    pub presenter: bool,
    pub help: bool,
    /// Set once `q` was pressed: engines are being shut down.
    pub quitting: bool,
    /// Time since the TUI started; the runtime sets it, tests fix it.
    pub now: Duration,
    pub hits: Vec<Hit>,
    pub lessons: LessonsTab,
    pub fork: ForkTab,
    pub cluster: ClusterTab,
    pub event_loop: LoopTab,
    workers: usize,
    fork_started: bool,
    cluster_started: bool,
    pending_start: Vec<Effect>,
}

impl App {
    pub fn new(cfg: Config) -> Self {
        App {
            tab: TabId::Lessons,
            theme: Theme::new(cfg.theme, cfg.plain),
            lang: cfg.lang,
            mouse: cfg.mouse,
            presenter: false,
            help: false,
            quitting: false,
            now: Duration::ZERO,
            hits: Vec::new(),
            lessons: LessonsTab::default(),
            fork: ForkTab::new(cfg.lang),
            cluster: ClusterTab::new(cfg.lang),
            event_loop: LoopTab::new(cfg.examples, cfg.script),
            workers: cfg.workers.max(1),
            fork_started: false,
            cluster_started: false,
            pending_start: Vec::new(),
        }
        .opened(cfg.first_tab)
    }

    fn opened(mut self, tab: TabId) -> Self {
        let effects = self.switch(tab);
        self.pending_start = effects;
        self
    }

    /// Effects due at start-up (the first tab's engine); the runtime takes them once.
    pub fn take_startup_effects(&mut self) -> Vec<Effect> {
        std::mem::take(&mut self.pending_start)
    }

    /// True while something moves on its own (playback, a message in flight, a fading child):
    /// only then does the runtime tick frames.
    pub fn animating(&self) -> bool {
        on_tab!(self, t => t.animating(self.now))
    }

    /// True when the tab shows clocks (uptimes) that should be redrawn about once a second.
    pub fn shows_clock(&self) -> bool {
        on_tab!(self, t => t.shows_clock())
    }

    /// Advance time-driven state (playback) to `now`.
    pub fn tick(&mut self, now: Duration) {
        self.now = now;
        self.event_loop.tick(now);
    }

    fn switch(&mut self, tab: TabId) -> Vec<Effect> {
        self.tab = tab;
        let mut fx = Vec::new();
        match tab {
            TabId::Fork if !self.fork_started => {
                self.fork_started = true;
                fx.push(self.fork.start());
            }
            TabId::Cluster if !self.cluster_started => {
                self.cluster_started = true;
                fx.push(self.cluster.start(self.workers));
            }
            TabId::EventLoop => fx.extend(self.event_loop.opened(self.now)),
            _ => {}
        }
        fx
    }

    /// Apply one action; return what the engines must do.
    pub fn update(&mut self, action: Action) -> Vec<Effect> {
        match action {
            Action::Quit => {
                self.quitting = true;
                vec![Effect::Quit]
            }
            Action::NextTab => {
                let i = (self.tab.index() + 1) % TabId::ALL.len();
                self.switch(TabId::ALL[i])
            }
            Action::PrevTab => {
                let i = (self.tab.index() + TabId::ALL.len() - 1) % TabId::ALL.len();
                self.switch(TabId::ALL[i])
            }
            Action::Go(tab) => self.switch(tab),
            Action::ToggleHelp => {
                self.help = !self.help;
                vec![]
            }
            Action::CloseOverlay => {
                if self.help {
                    self.help = false;
                } else if self.event_loop.close_overlay() {
                } else if self.presenter {
                    self.presenter = false;
                }
                vec![]
            }
            Action::TogglePresenter => {
                self.presenter = !self.presenter;
                vec![]
            }
            Action::Lessons(a) => match self.lessons.update(a, self.now) {
                Some(Opened::Demo(link)) => self.run_demo(link),
                Some(Opened::Quiz(script)) => {
                    self.tab = TabId::EventLoop;
                    self.event_loop.load(script, self.now)
                }
                None => vec![],
            },
            Action::Fork(a) => self.fork.update(a, self.now),
            Action::Cluster(a) => self.cluster.update(a, self.now),
            Action::Loop(a) => self.event_loop.update(a, self.now),
        }
    }

    /// "Run this": open the tab of a lesson's demo with its example or snippet loaded.
    fn run_demo(&mut self, link: DemoLink) -> Vec<Effect> {
        match link {
            DemoLink::Fork => self.switch(TabId::Fork),
            DemoLink::Cluster => self.switch(TabId::Cluster),
            DemoLink::EventLoop { example, snippet } => {
                let mut fx = Vec::new();
                if let Some((file, source)) = snippet {
                    fx.extend(self.event_loop.load(
                        Script {
                            title: file.clone(),
                            name: file,
                            source,
                            path: None,
                        },
                        self.now,
                    ));
                } else if let Some(name) = example {
                    fx.extend(self.event_loop.load_example(&name, self.now));
                }
                self.tab = TabId::EventLoop;
                if fx.is_empty() {
                    fx.extend(self.event_loop.opened(self.now));
                }
                fx
            }
        }
    }

    // ---- engine events ------------------------------------------------------------------

    pub fn on_lessons(&mut self, lessons: anyhow::Result<Vec<Lesson>>) {
        self.lessons.on_event(lessons, self.now);
    }
    pub fn on_fork_event(&mut self, ev: ForkEvent) {
        self.fork.on_event(ev, self.now);
    }
    pub fn on_fork_error(&mut self, message: String) {
        self.fork.on_error(message);
    }
    pub fn on_fork_closed(&mut self) {
        self.fork.on_closed(self.now);
    }
    pub fn on_cluster_event(&mut self, ev: ClusterEvent) {
        self.cluster.on_event(ev, self.now);
    }
    pub fn on_cluster_error(&mut self, message: String) {
        self.cluster.on_error(message);
    }
    pub fn on_cluster_closed(&mut self) {
        self.cluster.on_closed(self.now);
    }
    /// A panic on an engine's thread: shown in the tab on screen, the TUI goes on.
    pub fn on_background_panic(&mut self, message: String) {
        on_tab!(self, mut t => t.on_error(message))
    }
    pub fn on_recorded(&mut self, rec: Recorded) {
        self.event_loop.on_event(LoopEvent::Recorded(rec), self.now);
    }
    pub fn on_compared(&mut self, c: Compared) {
        self.event_loop.on_event(LoopEvent::Compared(c), self.now);
    }
    /// A convenience for tests: record a finished run from its events.
    pub fn on_loop_events(&mut self, name: &str, events: Vec<Event>) {
        self.event_loop.on_event(
            LoopEvent::Recorded(Recorded {
                name: name.to_string(),
                model: self.event_loop.model(),
                result: Ok(events),
                branches: Vec::new(),
            }),
            self.now,
        );
    }

    // ---- input --------------------------------------------------------------------------

    /// The action a click at (`column`, `row`) means, from the buttons of the last frame.
    pub fn hit_test(&self, column: u16, row: u16) -> Option<Action> {
        let p = Position::new(column, row);
        self.hits
            .iter()
            .rev()
            .find(|h| h.area.contains(p))
            .map(|h| h.action.clone())
    }

    // ---- drawing ------------------------------------------------------------------------

    /// Draw one frame; stores every button's area for [`App::hit_test`].
    pub fn draw(&mut self, frame: &mut Frame) {
        let area = frame.area();
        self.render(area, frame.buffer_mut());
    }

    /// Draw into a buffer (what [`App::draw`] does with the frame's buffer).
    pub fn render(&mut self, area: Rect, buf: &mut Buffer) {
        self.hits.clear();
        buf.set_style(area, self.theme.base());
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            widgets::chrome::too_small(&self.theme, self.lang, area, buf);
            return;
        }
        let (keys, tight) = self.footer_keys(area.width);
        let (bar, body, footer) = if self.presenter {
            (None, area, None)
        } else {
            let rows = if self.quitting {
                1
            } else {
                widgets::chrome::footer_rows(self.lang, &keys, area.width, tight).len() as u16
            };
            let bar = Rect { height: 1, ..area };
            let footer = Rect {
                y: area.bottom() - rows,
                height: rows,
                ..area
            };
            let body = Rect {
                y: area.y + 1,
                height: area.height - 1 - rows,
                ..area
            };
            (Some(bar), body, Some(footer))
        };
        let all_keys = if self.help {
            self.all_keys()
        } else {
            Vec::new()
        };
        let mut ctx = Ctx {
            theme: &self.theme,
            lang: self.lang,
            now: self.now,
            presenter: self.presenter,
            hits: &mut self.hits,
        };
        if let Some(bar) = bar {
            widgets::chrome::tab_bar(&mut ctx, self.tab, bar, buf);
        }
        on_tab!(self, t => Drawn::new(t, &mut ctx).render(body, buf));
        if let Some(footer) = footer {
            widgets::chrome::footer(
                &mut ctx,
                &keys,
                tight,
                self.quitting,
                self.mouse,
                footer,
                buf,
            );
        }
        if self.help {
            widgets::chrome::help(&mut ctx, &all_keys, area, buf);
        }
    }

    /// The keys of the current tab, for the footer: (key, label).
    pub fn tab_keys(&self) -> Keys {
        on_tab!(self, t => t.keys(self.lang))
    }

    /// The keys the footer shows at `width` columns, and whether they are packed tight: the
    /// tab's keys, or their narrow form packed tight when only that fits in one row.
    pub fn footer_keys(&self, width: u16) -> (Vec<(&'static str, &'static str)>, bool) {
        let keys = self.tab_keys();
        let one_row = |k: &[(&'static str, &'static str)], tight: bool| {
            widgets::chrome::footer_rows(self.lang, k, width, tight).len() == 1
        };
        if one_row(&keys, false) {
            return (keys, false);
        }
        let narrow = on_tab!(self, t => t.keys_narrow(self.lang));
        if one_row(&narrow, true) {
            (narrow, true)
        } else {
            (keys, false)
        }
    }

    /// Every key, by section, for the help overlay.
    pub fn all_keys(&self) -> Vec<(&'static str, Vec<(&'static str, &'static str)>)> {
        let lang = self.lang;
        vec![
            (
                L::Global.t(lang),
                vec![
                    ("1-4", L::HelpJump.t(lang)),
                    ("Tab/S-Tab", L::HelpTab.t(lang)),
                    ("p", L::HelpPresenter.t(lang)),
                    ("?", L::HelpHelp.t(lang)),
                    ("q", L::HelpQuit.t(lang)),
                    ("mouse", L::HelpClick.t(lang)),
                ],
            ),
            (L::TabLessons.t(lang), LessonsTab::help_keys(lang)),
            (L::TabFork.t(lang), ForkTab::help_keys(lang)),
            (L::TabCluster.t(lang), ClusterTab::help_keys(lang)),
            (L::TabEventLoop.t(lang), LoopTab::help_keys(lang)),
        ]
    }
}
