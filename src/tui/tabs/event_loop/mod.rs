//! The Event Loop tab: a recorded run of a snippet under the built-in scheduler, replayed.
//!
//! The scheduler runs the snippet once (in the runtime, off the UI thread) and the tab keeps every
//! [`Event`](crate::eventloop::Event) it emitted. The screen is a pure fold of the events up to
//! the playback cursor (the engine's replay `Snapshot`): the phase lit, the queues' contents,
//! the call stack, the running line and the console output. Controls play, pause, step, step
//! back, change speed, restart, pick an example (or the `--script` file), and switch between the
//! orders `--explore` found. The model (Node's or the browser's) decides which stations the phase
//! diagram shows and which queues are listed.
//!
//! One file per job: [`playback`] (the recording and the cursor, the clock), [`narration`]
//! (events in words), [`draw`] and [`panes`] (the single view), [`compare`] (both models side by
//! side), [`picker`] (the example list). This file holds the tab's state and answers its
//! actions; it draws nothing itself.

mod compare;
mod draw;
mod narration;
mod panes;
mod picker;
mod playback;

use std::time::Duration;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::cli::Lang;
use crate::eventloop::Model;
pub use crate::tui::action::LoopAction;
use crate::tui::action::{Action, Effect};
use crate::tui::ctx::Ctx;
use crate::tui::i18n::L;
use crate::tui::script::{Compared, LoopEvent, Recorded, Script};

use crate::tui::tab::{Keys, Tab};

use compare::Compare;
pub use narration::describe;
use picker::Picker;
pub use playback::SPEEDS;
use playback::{Clock, Run};

/// The Event Loop tab's state.
#[derive(Debug)]
pub struct LoopTab {
    /// The scripts the picker lists: `--script`, the examples, snippets lessons loaded.
    scripts: Vec<Script>,
    current: usize,
    /// The run of the current script under the tab's model.
    run: Run,
    clock: Clock,
    picker: Picker,
    /// The compare view, when open: the same script under the other model.
    compare: Option<Compare>,
    /// The first recording was asked for (the tab records when first shown).
    requested: bool,
}

fn other_model(m: Model) -> Model {
    match m {
        Model::Node => Model::Browser,
        Model::Browser => Model::Node,
    }
}

/// The play/pause key, the first item of both footers.
fn play_key(lang: Lang, playing: bool) -> (&'static str, &'static str) {
    let label = if playing { L::Pause } else { L::Play };
    ("space", label.t(lang))
}

fn keys(lang: Lang, playing: bool) -> Keys {
    vec![
        play_key(lang, playing),
        ("→", L::Step.t(lang)),
        ("←", L::StepBack.t(lang)),
        ("+/-", L::Speed.t(lang)),
        ("Home/End", L::FirstLast.t(lang)),
        ("r", L::Restart.t(lang)),
        ("e", L::Example.t(lang)),
        ("b", L::Branch.t(lang)),
        ("m", L::Model.t(lang)),
        ("c", L::Compare.t(lang)),
    ]
}

impl LoopTab {
    pub fn new(examples: Vec<Script>, script: Option<Script>) -> Self {
        let mut scripts = Vec::new();
        scripts.extend(script);
        scripts.extend(examples);
        LoopTab {
            scripts,
            current: 0,
            run: Run::new(Model::Node),
            clock: Clock::new(),
            picker: Picker::default(),
            compare: None,
            requested: false,
        }
    }

    /// The script loaded now.
    pub fn script(&self) -> Option<&Script> {
        self.scripts.get(self.current)
    }

    /// The model the tab plays (the compare view's other side runs the other one).
    pub fn model(&self) -> Model {
        self.run.model
    }

    /// The tab is shown: record the current script the first time.
    pub fn opened(&mut self, now: Duration) -> Vec<Effect> {
        if self.requested {
            return vec![];
        }
        match self.scripts.get(self.current).cloned() {
            Some(s) => self.request(s, now),
            None => vec![],
        }
    }

    fn request(&mut self, s: Script, now: Duration) -> Vec<Effect> {
        self.requested = true;
        self.run.start();
        self.clock.set(false, now);
        let mut fx = vec![Effect::RunScript(s.clone(), self.run.model)];
        if let Some(c) = &mut self.compare {
            c.side.start();
            fx.push(Effect::RunScript(s.clone(), c.side.model));
            fx.push(Effect::CompareScript(s));
            c.comparison = None;
            c.line = 0;
        }
        fx
    }

    /// The two runs of the compare view, Node's first.
    fn sides(&self) -> Option<(&Run, &Run)> {
        let side = &self.compare.as_ref()?.side;
        Some(match self.run.model {
            Model::Node => (&self.run, side),
            Model::Browser => (side, &self.run),
        })
    }

    /// Move both runs of the compare view to just after their `k`-th console line.
    fn compare_seek(&mut self, k: usize) {
        if let Some(c) = &mut self.compare {
            c.seek(&mut self.run, k);
        }
    }

    /// A side's recording came back: start both from the first line once both are there.
    fn compare_ready(&mut self, now: Duration) {
        let Some(c) = &self.compare else {
            return;
        };
        let ready = !self.run.recording && !c.side.recording;
        self.compare_seek(0);
        self.clock.set(ready && !self.run.events.is_empty(), now);
    }

    fn on_compared(&mut self, c: Compared) {
        let name = self.script().map(|s| s.name.clone());
        if let Some(cmp) = &mut self.compare {
            if name.is_some_and(|n| n == c.name) {
                cmp.comparison = Some(c.result);
            }
        }
    }

    /// Open or close the compare view.
    fn toggle_compare(&mut self) -> Vec<Effect> {
        self.clock.playing = false;
        if self.compare.take().is_some() {
            return vec![];
        }
        let mut side = Run::new(other_model(self.run.model));
        self.picker.close();
        let mut fx = Vec::new();
        if let Some(s) = self.script().cloned() {
            side.start();
            fx.push(Effect::RunScript(s.clone(), side.model));
            fx.push(Effect::CompareScript(s));
        }
        self.compare = Some(Compare::new(side));
        self.compare_seek(0);
        fx
    }

    /// Where playback stands and where it ends: the console line in the compare view, otherwise
    /// the event cursor.
    fn playhead(&self) -> (usize, usize) {
        match &self.compare {
            Some(c) => (c.line, c.steps(&self.run, &c.side)),
            None => (self.run.cursor, self.run.events.len()),
        }
    }

    /// Move playback to `i`: a console line in the compare view, otherwise an event.
    fn go_to(&mut self, i: usize) {
        if self.compare.is_some() {
            self.compare_seek(i);
        } else {
            self.run.seek(i);
        }
    }

    /// Load a script (a lesson's snippet, say), adding it to the picker if it is new.
    pub fn load(&mut self, s: Script, now: Duration) -> Vec<Effect> {
        let i = match self.scripts.iter().position(|x| x.name == s.name) {
            Some(i) => {
                self.scripts[i] = s.clone();
                i
            }
            None => {
                self.scripts.push(s.clone());
                self.scripts.len() - 1
            }
        };
        self.current = i;
        self.request(s, now)
    }

    /// Load a built-in example by name; nothing when there is no such example.
    pub fn load_example(&mut self, name: &str, now: Duration) -> Vec<Effect> {
        match self.scripts.iter().position(|x| x.name == name) {
            Some(i) => {
                self.current = i;
                let s = self.scripts[i].clone();
                self.request(s, now)
            }
            None => vec![],
        }
    }

    fn on_recorded(&mut self, rec: Recorded, now: Duration) {
        let name = self.script().map(|s| s.name.clone());
        if let Some(c) = &mut self.compare {
            if rec.model == c.side.model {
                c.side.recorded(rec, name.as_deref());
                self.compare_ready(now);
                return;
            }
        }
        if !self.run.recorded(rec, name.as_deref()) {
            return; // an older run, superseded by a newer choice
        }
        self.clock.set(!self.run.events.is_empty(), now);
        if self.compare.is_some() {
            self.compare_ready(now);
        }
    }

    /// Close the example picker; true when it was open.
    pub fn close_picker(&mut self) -> bool {
        self.picker.close()
    }
}

impl Tab for LoopTab {
    type Action = LoopAction;
    type Outcome = Vec<Effect>;
    type Event = LoopEvent;

    fn on_event(&mut self, ev: LoopEvent, now: Duration) {
        match ev {
            LoopEvent::Recorded(rec) => self.on_recorded(rec, now),
            LoopEvent::Compared(c) => self.on_compared(c),
        }
    }

    fn update(&mut self, a: LoopAction, now: Duration) -> Vec<Effect> {
        // The compare view has both models on screen already, and the explored orders belong
        // to the single view.
        if self.compare.is_some() && matches!(a, LoopAction::ToggleModel | LoopAction::NextBranch) {
            return vec![];
        }
        match a {
            LoopAction::ToggleCompare => return self.toggle_compare(),
            LoopAction::PlayPause => {
                let (at, end) = self.playhead();
                if at >= end && !self.clock.playing {
                    self.go_to(0);
                }
                let playing = !self.clock.playing && !self.run.events.is_empty();
                self.clock.set(playing, now);
            }
            LoopAction::Step => {
                self.clock.playing = false;
                self.go_to(self.playhead().0 + 1);
            }
            LoopAction::Back => {
                self.clock.playing = false;
                self.go_to(self.playhead().0.saturating_sub(1));
            }
            LoopAction::Seek(i) => {
                self.clock.playing = false;
                self.go_to(i);
            }
            LoopAction::Faster => self.clock.faster(),
            LoopAction::Slower => self.clock.slower(),
            LoopAction::Restart => {
                let failed = self.run.error.is_some()
                    || self
                        .compare
                        .as_ref()
                        .is_some_and(|c| c.side.error.is_some());
                if failed || (self.run.events.is_empty() && !self.run.recording) {
                    if let Some(s) = self.script().cloned() {
                        return self.request(s, now);
                    }
                }
                self.go_to(0);
                self.clock.set(!self.run.events.is_empty(), now);
            }
            LoopAction::Pick => self.picker.toggle(self.current),
            LoopAction::PickerUp => self.picker.up(),
            LoopAction::PickerDown => self.picker.down(self.scripts.len()),
            LoopAction::Choose(i) => {
                let Some(i) = self.picker.choose(i) else {
                    return vec![];
                };
                if let Some(s) = self.scripts.get(i).cloned() {
                    self.current = i;
                    return self.request(s, now);
                }
            }
            LoopAction::ToggleModel => {
                self.run.model = other_model(self.run.model);
                if let Some(s) = self.script().cloned() {
                    return self.request(s, now);
                }
            }
            LoopAction::NextBranch => {
                if self.run.next_branch() {
                    self.clock.set(true, now);
                }
            }
        }
        vec![]
    }

    fn tick(&mut self, now: Duration) {
        let steps = self.clock.due(now);
        if steps > 0 {
            // The compare view plays console lines, at the same speed setting.
            let (at, _) = self.playhead();
            self.go_to(at + steps);
            let (at, end) = self.playhead();
            if at >= end {
                self.clock.playing = false;
            }
        }
    }

    fn animating(&self, _now: Duration) -> bool {
        self.clock.playing
    }

    fn keys(&self, lang: Lang) -> Keys {
        keys(lang, self.clock.playing)
    }

    /// The same keys for a narrow footer (80 columns): ← and → share one item, Home/End goes
    /// without a label, the other labels are shorter. Every key is still there.
    fn keys_narrow(&self, lang: Lang) -> Keys {
        vec![
            play_key(lang, self.clock.playing),
            ("←/→", L::Step.t(lang)),
            ("+/-", L::Speed.t(lang)),
            ("Home/End", ""),
            ("r", L::RestartShort.t(lang)),
            ("e", L::ExampleShort.t(lang)),
            ("b", L::Branch.t(lang)),
            ("m", L::Model.t(lang)),
            ("c", L::CompareShort.t(lang)),
        ]
    }

    fn help_keys(lang: Lang) -> Keys {
        keys(lang, false)
    }

    fn captures_keys(&self) -> bool {
        self.picker.is_open()
    }

    fn key(&self, k: &KeyEvent) -> Option<Action> {
        if k.modifiers.contains(KeyModifiers::CONTROL) {
            return None;
        }
        if self.picker.is_open() {
            return match k.code {
                KeyCode::Up | KeyCode::Char('k') => Some(Action::Loop(LoopAction::PickerUp)),
                KeyCode::Down | KeyCode::Char('j') => Some(Action::Loop(LoopAction::PickerDown)),
                KeyCode::Enter => Some(Action::Loop(LoopAction::Choose(None))),
                KeyCode::Esc | KeyCode::Char('e') => Some(Action::CloseOverlay),
                KeyCode::Char('q') => Some(Action::Quit),
                _ => None,
            };
        }
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

    fn close_overlay(&mut self) -> bool {
        self.picker.close()
    }

    /// An engine's thread panicked: whatever was being recorded or compared ends with it.
    fn on_error(&mut self, message: String) {
        if let Some(c) = &mut self.compare {
            if c.side.recording {
                c.side.recording = false;
                c.side.error = Some(message.clone());
            }
            if c.comparison.is_none() {
                c.comparison = Some(Err(message.clone()));
            }
        }
        self.run.recording = false;
        self.run.error = Some(message);
    }

    fn draw(&self, ctx: &mut Ctx, area: Rect, buf: &mut Buffer) {
        draw::controls(
            ctx,
            area,
            buf,
            self.clock.playing,
            self.clock.per_second(),
            self.script(),
        );
        match (&self.compare, self.sides()) {
            (Some(c), Some((node, browser))) => c.draw(
                ctx,
                Rect {
                    y: area.y + 1,
                    height: area.height.saturating_sub(1),
                    ..area
                },
                buf,
                node,
                browser,
                self.script(),
            ),
            _ => self.run.single(ctx, area, buf, self.script()),
        }
        self.picker.draw(ctx, area, buf, &self.scripts);
    }
}
