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

#[test]
fn compare_view() {
    // Four console lines in: Node's `nextTick` is marked `+` (only Node prints it), and
    // `timeout 1 ms`, which Node prints before `timeout 0 ms` and the browser after, is `≠` on
    // both sides.
    let mut a = tui_support::compare_app(Lang::En);
    for _ in 0..4 {
        a.update(Action::Loop(LoopAction::Step));
    }
    let small = render(&mut a, 80, 24);
    let large = render(&mut a, 200, 60);
    for s in [&small, &large] {
        assert!(s.contains("≠ timeout 1 ms"), "{s}");
        assert!(s.contains("+ nextTick (Node only)"), "{s}");
        assert!(
            s.contains("Node v20") && s.contains("Browser (HTML event loop)"),
            "{s}"
        );
        assert!(s.contains("microtask") && s.contains("render"), "{s}");
    }
    snap("compare_80x24", small);
    snap("compare_200x60", large);
    // The end: both exits, the browser's animation frame marked as its own.
    a.update(Action::Loop(LoopAction::Seek(usize::MAX)));
    let end = render(&mut a, 80, 24);
    assert!(end.contains("+ animation frame (browser only)"), "{end}");
    snap("compare_end_80x24", end);
    let mut z = tui_support::compare_app(Lang::Zh);
    z.update(Action::Loop(LoopAction::Step));
    snap("compare_zh_80x24", render(&mut z, 80, 24));
}

#[test]
fn cluster_sparklines() {
    use mini_node::process::ClusterEvent;
    let mut a = app(Lang::En);
    a.update(Action::Go(TabId::Cluster));
    cluster_events(&mut a);
    // 40 s of load: worker 1 varies, worker 4 (worker 2's replacement) starts at 20 s.
    let (mut one, mut four) = (300u64, 0u64);
    for k in 2..40u64 {
        a.now = at(k * 1000 + 500);
        one += 100 + (k % 7) * 40;
        if k > 20 {
            four += 200;
        }
        a.on_cluster_event(ClusterEvent::Served {
            counts: vec![(1, one), (4, four)],
            at: std::time::Duration::ZERO,
        });
    }
    a.now = at(40_200);
    // Worker 4's last 30 s: 11 s before it served, then 19 s at 200 req/s; worker 1's last
    // second: 100 + (39 % 7) * 40 = 260 req/s.
    let large = render(&mut a, 200, 60);
    assert!(large.contains("▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅ 200 req/s"), "{large}");
    assert!(large.contains("260 req/s"), "{large}");
    snap("cluster_sparklines_200x60", large);
    // At 80x24 the boxes keep their share bars only.
    let small = render(&mut a, 80, 24);
    assert!(
        !small.contains('▅') && !small.contains("200 req/s"),
        "{small}"
    );
    snap("cluster_sparklines_80x24", small);
}

#[test]
fn lessons_tab_shows_a_background_panic() {
    let mut a = lessons_app(Lang::En);
    a.on_background_panic("a background task panicked: boom at src/x.rs:1".into());
    let s = render(&mut a, 80, 24);
    assert!(
        s.contains("✗ background error: a background task panicked: boom"),
        "{s}"
    );
    // The lesson is still there under it.
    assert!(s.contains("Lessons") && s.contains("run this"), "{s}");
    snap("lessons_panic_80x24", s);
}

#[test]
fn the_compare_view_draws_at_every_size_and_in_presenter_mode() {
    let mut a = tui_support::compare_app(Lang::En);
    a.update(Action::Loop(LoopAction::Step));
    for presenter in [false, true] {
        if presenter {
            a.update(Action::TogglePresenter);
        }
        for w in [80u16, 99, 100, 120, 159, 160, 200, 240] {
            for h in [24u16, 30, 40, 60, 80] {
                let s = render(&mut a, w, h);
                assert!(s.contains("[c compare]"), "{w}x{h}:\n{s}");
                assert!(s.contains("Node v20"), "{w}x{h}:\n{s}");
                assert!(s.contains("Browser (HTML event loop)"), "{w}x{h}:\n{s}");
                assert!(s.contains("script end"), "{w}x{h}:\n{s}");
            }
        }
    }
    snap("compare_presenter_200x60", render(&mut a, 200, 60));
}

#[test]
fn fork_child_box_agrees_with_the_live_count_right_after_a_request() {
    for lang in [Lang::En, Lang::Zh] {
        let mut a = app(lang);
        a.update(Action::Go(TabId::Fork));
        // The request is answered and its child has exited (the engine says 0 live children)
        // while the answer is still travelling along the arrow on screen.
        fork_events_until(&mut a, 190);
        for ms in [190, 300, 600, 1200, 2500] {
            a.now = at(ms);
            let text = render(&mut a, 80, 24);
            let running = match lang {
                Lang::En => " running",
                Lang::Zh => "运行中",
            };
            let zero = match lang {
                Lang::En => "live children: 0",
                Lang::Zh => "存活子进程: 0",
            };
            assert!(
                !(text.contains(running) && text.contains(zero)),
                "at {ms} ms a child box is running while the count says 0:\n{text}"
            );
            let label = match lang {
                Lang::En => "requests 1, answered 1",
                Lang::Zh => "请求 1，已回复 1",
            };
            assert!(text.contains(label), "{text}");
        }
    }
}

#[test]
fn the_footer_shows_every_key_of_the_current_tab_at_80_and_100_columns() {
    for lang in [Lang::En, Lang::Zh] {
        for tab in [
            TabId::Lessons,
            TabId::Fork,
            TabId::Cluster,
            TabId::EventLoop,
        ] {
            for w in [80u16, 100] {
                let mut a = app(lang);
                a.update(Action::Go(tab));
                let text = render(&mut a, w, 24);
                let lines: Vec<&str> = text.lines().collect();
                let last = lines[lines.len() - 1];
                // Every key is on the footer's one row, with the label the footer chose.
                let (shown, _) = a.footer_keys(w);
                for (k, label) in shown {
                    let item = if label.is_empty() {
                        k.to_string()
                    } else {
                        format!("{k} {label}")
                    };
                    assert!(
                        last.contains(&item),
                        "{tab:?} {lang:?} at {w} columns: {item:?} is not in the footer:\n{text}"
                    );
                }
                for (k, _) in a.tab_keys() {
                    for part in k.split('/') {
                        assert!(
                            last.contains(part),
                            "{tab:?} {lang:?} at {w} columns: key {part:?} is not in the footer:\n{text}"
                        );
                    }
                }
            }
        }
    }
}

/// The phases example, recorded by the real scheduler.
fn phases_recorded() -> Vec<mini_node::eventloop::Event> {
    let script = mini_node::tui::engines::examples()
        .into_iter()
        .find(|s| s.name == "phases")
        .expect("the phases example");
    mini_node::tui::engines::record(&script, mini_node::eventloop::Model::Node)
        .result
        .expect("the phases example runs")
}

#[test]
fn at_80x24_the_event_loop_shows_the_lit_phase_the_running_line_and_five_console_lines() {
    use mini_node::eventloop::{Event, Phase};
    let events = phases_recorded();
    // The last phase entered after at least five lines of output.
    let mut outputs = Vec::new();
    let mut stop = None;
    for (i, e) in events.iter().enumerate() {
        match e {
            Event::Output { text, .. } => outputs.push((i, text.clone())),
            Event::PhaseEnter { phase, .. } if outputs.len() >= 5 => stop = Some((i, *phase)),
            _ => {}
        }
    }
    let (at, phase) = stop.expect("a phase entered after five lines of output");
    let printed: Vec<String> = outputs
        .iter()
        .filter(|(i, _)| *i < at)
        .map(|(_, t)| t.clone())
        .collect();
    assert!(printed.len() >= 5, "{printed:?}");
    let label = match phase {
        Phase::Timers => "timers",
        Phase::PendingCallbacks => "pending callbacks",
        Phase::IdlePrepare => "idle, prepare",
        Phase::Poll => "poll",
        Phase::Check => "check",
        Phase::CloseCallbacks => "close callbacks",
        other => panic!("a browser step in Node's run: {other:?}"),
    };
    for lang in [Lang::En, Lang::Zh] {
        let mut a = mini_node::tui::app::App::new(mini_node::tui::app::Config {
            examples: mini_node::tui::engines::examples(),
            ..config(lang)
        });
        a.update(Action::Go(TabId::EventLoop));
        a.on_loop_events("phases", events.clone());
        a.update(Action::Loop(LoopAction::PlayPause)); // pause
        a.update(Action::Loop(LoopAction::Seek(at + 1)));
        let text = render(&mut a, 80, 24);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 24);
        // The lit phase, marked with ▶, in the ring near the top.
        if lang == Lang::En {
            let lit = format!("▶ {label}");
            assert!(
                lines[..8].iter().any(|l| l.contains(&lit)),
                "{lit:?} is not lit in the ring:\n{text}"
            );
        } else {
            assert!(
                lines[3..8]
                    .iter()
                    .any(|l| l.contains("↻") && l.contains("▶ ")),
                "no lit phase in the ring:\n{text}"
            );
        }
        // The console pane: its title row, then at least five rows, the last five lines
        // printed so far among them.
        let title = if lang == Lang::En {
            "Console"
        } else {
            "控制台输出"
        };
        let row = lines
            .iter()
            .position(|l| l.contains(title))
            .unwrap_or_else(|| panic!("no console pane:\n{text}"));
        let footer = lines.len() - 1;
        let rows = footer - row - 1;
        assert!(rows >= 5, "the console has {rows} rows:\n{text}");
        let console: Vec<&str> = lines[row + 1..footer].to_vec();
        for want in &printed[printed.len() - 5..] {
            let head: String = want.chars().take(20).collect();
            assert!(
                console.iter().any(|l| l.contains(&head)),
                "{head:?} is not in the console:\n{text}"
            );
        }
        // The source pane with the running line marked.
        assert!(
            lines.iter().any(|l| l.contains("│▶")),
            "no running line marked:\n{text}"
        );
    }
}

#[test]
fn the_event_loop_status_line_never_runs_into_its_buttons() {
    use mini_node::tui::tabs::event_loop::describe;
    for lang in [Lang::En, Lang::Zh] {
        let mut a = app(lang);
        a.update(Action::Go(TabId::EventLoop));
        a.on_loop_events("order", loop_events());
        a.update(Action::Loop(LoopAction::PlayPause));
        let events = loop_events();
        for k in 1..=events.len() {
            a.update(Action::Loop(LoopAction::Seek(k)));
            let last = describe(&events[k - 1], lang);
            // With a row to spare the last event is shown whole; at 80x24 it may be cut with
            // "…", never by the buttons.
            let text = render(&mut a, 80, 28);
            assert!(
                text.contains(&last),
                "{lang:?} event {k}: {last:?} is not shown whole:\n{text}"
            );
            for h in [24, 28] {
                let text = render(&mut a, 80, h);
                let row = text
                    .lines()
                    .find(|l| l.contains("[c "))
                    .expect("the compare button");
                let before = &row[..row.find("[c ").unwrap()];
                assert!(
                    before.ends_with(' ')
                        && (text.contains(&last) || before.trim_end().ends_with('…')),
                    "{lang:?} event {k} at 80x{h}: {row:?}"
                );
            }
        }
    }
}

#[test]
fn quiz_buttons_read_quiz_and_its_id() {
    use mini_node::tui::tabs::lessons::LessonsAction;
    for (lang, want) in [(Lang::En, "[F1 quiz: q1]"), (Lang::Zh, "[F1 练习：q1]")] {
        let mut a = lessons_app(lang);
        let n = lessons().len();
        let mut seen = false;
        for i in 0..n {
            a.update(Action::Lessons(LessonsAction::Select(i)));
            let text = render(&mut a, 80, 24);
            assert!(!text.contains("Quizzes q1"), "{text}");
            seen |= text.contains(want);
        }
        assert!(seen, "{lang:?}: no {want:?} on any lesson");
    }
}
