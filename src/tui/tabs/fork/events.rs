//! The Fork tab's engine events: each [`ForkEvent`] folded into the tab's
//! [`ForkState`](crate::process::ForkState), timed for the screen (a message waits for the one
//! before it on its arrow; a child is shown exiting once its answer has arrived) and told in the
//! event log in the UI's language. It draws nothing and sends no command.

use std::time::Duration;

use crate::process::{ExitStatus, ForkEvent, Side};
use crate::tui::messages::Message;
use crate::tui::widgets::exit_status::status_text;
use crate::tui::widgets::log::Kind;

use super::{ChildBox, ChildState, Flight, ForkTab, FADE, FLIGHT};

impl ForkTab {
    fn child(&mut self, pid: u32) -> Option<&mut ChildBox> {
        self.children.iter_mut().find(|c| c.pid == pid)
    }

    /// When the next thing about `pid` can be shown: after its messages on screen have arrived.
    fn slot(&self, pid: u32, now: Duration) -> Duration {
        self.flights
            .iter()
            .filter(|f| f.pid == pid)
            .map(|f| f.at + FLIGHT)
            .max()
            .map_or(now, |t| t.max(now))
    }

    pub fn on_event(&mut self, ev: ForkEvent, now: Duration) {
        let lang = self.lang;
        // Forget what has faded away.
        self.children
            .retain(|c| c.ended.is_none_or(|e| now < e + FADE));
        self.flights.retain(|f| now < f.at + FLIGHT);
        self.state.apply(&ev);
        match ev {
            ForkEvent::Listening {
                addr,
                parent_pid,
                as_written,
                ..
            } => {
                self.run.up();
                self.log.push(
                    now,
                    Kind::Good,
                    Message::ParentListening {
                        pid: &parent_pid,
                        addr: &addr,
                    }
                    .t(lang),
                );
                // The engine started with the view's setting; a toggle made while it was starting
                // is on its way to it, so the view's own flag stays the truth.
                let _ = as_written;
            }
            ForkEvent::Request {
                request,
                method,
                path,
                ..
            } => {
                self.log.push(
                    now,
                    Kind::Info,
                    Message::Request {
                        request: &request,
                        method: &method,
                        path: &path,
                    }
                    .t(lang),
                );
            }
            ForkEvent::Forked { pid, request, .. } => {
                self.children.push(ChildBox {
                    pid,
                    request,
                    since: now,
                    timeline: Vec::new(),
                    ended: None,
                });
                let text = match &request {
                    Some(r) => Message::ForkedFor {
                        pid: &pid,
                        request: r,
                    },
                    None => Message::ForkedDirectly { pid: &pid },
                }
                .t(lang);
                self.log.push(now, Kind::Good, text);
            }
            ForkEvent::Message {
                pid, from, payload, ..
            } => {
                let text = payload.to_string();
                let arrow = match from {
                    Side::Parent => Message::ParentToChild { pid: &pid },
                    Side::Child => Message::ChildToParent { pid: &pid },
                }
                .t(lang);
                self.log
                    .push(now, Kind::Message, format!("{arrow}: send({text})"));
                // One message at a time on an arrow: a reply waits for the request to arrive.
                let at = self.slot(pid, now);
                self.flights.push(Flight {
                    pid,
                    from,
                    text,
                    at,
                });
            }
            ForkEvent::Disconnect { pid, .. } => {
                let t = self.slot(pid, now);
                if let Some(c) = self.child(pid) {
                    c.timeline.push((t, ChildState::Disconnected));
                }
                self.log.push(
                    now,
                    Kind::Info,
                    Message::ChildDisconnect { pid: &pid }.t(lang),
                );
            }
            ForkEvent::Exit { pid, status, .. } => {
                let t = self.slot(pid, now);
                if let Some(c) = self.child(pid) {
                    c.timeline.push((t, ChildState::Exited(status)));
                    c.ended = Some(t);
                }
                let kind = match status {
                    ExitStatus::Code(0) => Kind::Info,
                    _ => Kind::Bad,
                };
                self.log.push(
                    now,
                    kind,
                    Message::ChildExit {
                        pid: &pid,
                        status: &status_text(status, lang),
                    }
                    .t(lang),
                );
            }
            ForkEvent::Close { pid, .. } => {
                self.log
                    .push(now, Kind::Info, Message::ChildClose { pid: &pid }.t(lang));
            }
            ForkEvent::Response {
                request,
                status,
                body,
                latency,
                ..
            } => {
                let kind = if status == 200 {
                    Kind::Good
                } else {
                    Kind::Warn
                };
                self.log.push(now, kind, {
                    let ms = latency.as_secs_f64() * 1000.0;
                    Message::Response {
                        request: &request,
                        status: &status,
                        body: &body,
                        ms,
                    }
                    .t(lang)
                });
            }
            ForkEvent::LiveChildren { .. } => {}
            ForkEvent::Warning { message, .. } => self.log.push(now, Kind::Warn, message),
        }
    }
}
