//! The Lessons tab: the course as a list and the selected lesson rendered, with "run this" to open
//! the lesson's live demo (its tab, with its example or snippet loaded) and its quizzes' snippets.
//! An error that arrives after the course loaded (a background task's panic) is shown above the
//! lesson.

use std::cell::Cell;
use std::time::Duration;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget, Wrap};

use crate::cli::Lang;
use crate::lessons::{DemoLink, Lesson};
use crate::tui::action::Action;
pub use crate::tui::action::LessonsAction;
use crate::tui::ctx::Ctx;
use crate::tui::i18n::L;
use crate::tui::script::Script;
use crate::tui::tab::{Keys, Tab};
use crate::tui::widgets::{self, button::button, fit, markdown};

/// What a lesson asked to open.
#[derive(Debug, Clone, PartialEq)]
pub enum Opened {
    /// Its live demo ("run this").
    Demo(DemoLink),
    /// One of its quiz snippets, in the Event Loop tab.
    Quiz(Script),
}

#[derive(Debug, Default)]
pub struct LessonsTab {
    lessons: Vec<Lesson>,
    error: Option<String>,
    loaded: bool,
    selected: usize,
    /// Rows scrolled in the lesson text (kept within the text when drawn).
    scroll: Cell<u16>,
}

impl LessonsTab {
    fn set(&mut self, lessons: anyhow::Result<Vec<Lesson>>) {
        self.loaded = true;
        match lessons {
            Ok(l) => {
                self.lessons = l;
                self.error = None;
            }
            Err(e) => self.error = Some(format!("{e:#}")),
        }
        self.selected = self.selected.min(self.lessons.len().saturating_sub(1));
    }

    fn keys_for(lang: Lang) -> Keys {
        vec![
            ("↑↓", L::Select.t(lang)),
            ("PgUp/PgDn", L::Scroll.t(lang)),
            ("Enter/r", L::RunThis.t(lang)),
            ("F1-F9", L::QuizRun.t(lang)),
        ]
    }

    /// Returns what to open, if the action asked for something.
    fn apply(&mut self, a: LessonsAction) -> Option<Opened> {
        let n = self.lessons.len();
        match a {
            LessonsAction::Up => {
                if self.selected > 0 {
                    self.selected -= 1;
                    self.scroll.set(0);
                }
            }
            LessonsAction::Down => {
                if self.selected + 1 < n {
                    self.selected += 1;
                    self.scroll.set(0);
                }
            }
            LessonsAction::Select(i) => {
                if i < n && i != self.selected {
                    self.selected = i;
                    self.scroll.set(0);
                }
            }
            LessonsAction::ScrollUp => self.scroll.set(self.scroll.get().saturating_sub(5)),
            LessonsAction::ScrollDown => self.scroll.set(self.scroll.get().saturating_add(5)),
            LessonsAction::RunThis => {
                return self
                    .lessons
                    .get(self.selected)?
                    .demo
                    .clone()
                    .map(Opened::Demo)
            }
            LessonsAction::RunQuiz(q) => {
                let quiz = self.lessons.get(self.selected)?.quizzes.get(q)?;
                return Some(Opened::Quiz(Script {
                    name: quiz.file.clone(),
                    title: quiz.question.en.clone(),
                    source: quiz.source.clone(),
                    // The course's own path for it: the script's __filename, as the quiz's answer
                    // is computed.
                    path: Some(quiz.path.clone().into()),
                }));
            }
        }
        None
    }

    fn draw_tab(&self, ctx: &mut Ctx, area: Rect, buf: &mut Buffer) {
        if !self.loaded || self.lessons.is_empty() {
            let text = if let Some(e) = &self.error {
                widgets::engine_error(ctx, e, false)
            } else if !self.loaded {
                vec![Line::styled(ctx.t(L::LessonsLoading), ctx.theme.dim())]
            } else {
                vec![Line::styled(ctx.t(L::NoLessons), ctx.theme.dim())]
            };
            Paragraph::new(text)
                .wrap(Wrap { trim: false })
                .render(area, buf);
            return;
        }
        let list_w = if ctx.presenter {
            0
        } else {
            (area.width / 4).clamp(20, 34)
        };
        let list = Rect {
            width: list_w,
            ..area
        };
        let body = Rect {
            x: area.x + list_w,
            width: area.width - list_w,
            ..area
        };
        if list_w > 0 {
            let block = Block::default()
                .borders(Borders::RIGHT)
                .border_style(ctx.theme.border())
                .title(Span::styled(ctx.t(L::LessonList), ctx.theme.accent()));
            let inner = block.inner(list);
            block.render(list, buf);
            for (i, lesson) in self.lessons.iter().enumerate() {
                let y = inner.y + i as u16;
                if y >= inner.bottom() {
                    break;
                }
                let sel = i == self.selected;
                let text = format!(
                    "{}{}. {}",
                    if sel { "» " } else { "  " },
                    i + 1,
                    lesson.title.get(ctx.lang)
                );
                let style = if sel {
                    ctx.theme.selected()
                } else {
                    ctx.theme.text()
                };
                buf.set_string(inner.x, y, fit(&text, inner.width), style);
                ctx.hit(
                    Rect {
                        x: inner.x,
                        y,
                        width: inner.width,
                        height: 1,
                    },
                    Action::Lessons(LessonsAction::Select(i)),
                );
            }
        }
        let Some(lesson) = self.lessons.get(self.selected) else {
            return;
        };
        let body = Rect {
            x: body.x + 1,
            width: body.width.saturating_sub(2),
            ..body
        };
        // Buttons: run this, and one per quiz.
        let by = body.y;
        let mut x = body.x;
        if lesson.demo.is_some() {
            x = button(
                ctx,
                buf,
                x,
                by,
                body.right(),
                "r",
                ctx.t(L::RunThis),
                Action::Lessons(LessonsAction::RunThis),
            );
        } else {
            buf.set_string(x, by, ctx.t(L::NoDemo), ctx.theme.dim());
            x += crate::tui::widgets::width(ctx.t(L::NoDemo)) + 1;
        }
        for (i, quiz) in lesson.quizzes.iter().enumerate().take(9) {
            let key = format!("F{}", i + 1);
            let label = format!("{}{}", ctx.t(L::QuizButton), quiz.id);
            x = button(
                ctx,
                buf,
                x,
                by,
                body.right(),
                &key,
                &label,
                Action::Lessons(LessonsAction::RunQuiz(i)),
            );
        }
        // An error that came after the course loaded (a background task's panic) sits under the
        // buttons, above the lesson, until the TUI ends.
        let mut err_h = 0;
        if let Some(e) = &self.error {
            let text = format!("✗ {}: {e}", ctx.t(L::LessonsPanic));
            let w = body.width.max(1) as usize;
            err_h = (crate::tui::widgets::width(&text) as usize)
                .div_ceil(w)
                .clamp(1, 3) as u16;
            Paragraph::new(Line::styled(text, ctx.theme.bad()))
                .wrap(Wrap { trim: false })
                .render(
                    Rect {
                        y: body.y + 1,
                        height: err_h.min(body.height.saturating_sub(1)),
                        ..body
                    },
                    buf,
                );
            err_h += 1;
        }
        let text_area = Rect {
            y: body.y + 2 + err_h,
            height: body.height.saturating_sub(2 + err_h),
            ..body
        };
        // The lesson, then its quizzes, as Markdown the course's parser reads.
        let mut md = lesson.body.get(ctx.lang).to_string();
        if !lesson.quizzes.is_empty() {
            md.push_str(&format!("\n\n## {}\n", ctx.t(L::Quizzes)));
            for (i, q) in lesson.quizzes.iter().enumerate() {
                md.push_str(&format!("\n- **F{}** {}", i + 1, q.question.get(ctx.lang)));
            }
        }
        let lines = markdown::render(&md, ctx.theme, text_area.width);
        let total = lines.len() as u16;
        let para = Paragraph::new(lines);
        let max_scroll = total.saturating_sub(text_area.height);
        self.scroll.set(self.scroll.get().min(max_scroll));
        para.scroll((self.scroll.get(), 0)).render(text_area, buf);
    }
}

impl Tab for LessonsTab {
    type Action = LessonsAction;
    type Outcome = Option<Opened>;
    type Event = anyhow::Result<Vec<Lesson>>;

    fn update(&mut self, a: LessonsAction, _now: Duration) -> Option<Opened> {
        self.apply(a)
    }

    /// The course loaded (or failed to).
    fn on_event(&mut self, lessons: anyhow::Result<Vec<Lesson>>, _now: Duration) {
        self.set(lessons);
    }

    fn keys(&self, lang: Lang) -> Keys {
        Self::keys_for(lang)
    }

    fn help_keys(lang: Lang) -> Keys {
        Self::keys_for(lang)
    }

    fn key(&self, k: &KeyEvent) -> Option<Action> {
        if k.modifiers.contains(KeyModifiers::CONTROL) {
            return None;
        }
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

    fn scroll(&self, down: bool) -> Option<Action> {
        Some(Action::Lessons(if down {
            LessonsAction::ScrollDown
        } else {
            LessonsAction::ScrollUp
        }))
    }

    fn on_error(&mut self, message: String) {
        self.error = Some(message);
    }

    fn draw(&self, ctx: &mut Ctx, area: Rect, buf: &mut Buffer) {
        self.draw_tab(ctx, area, buf);
    }
}
