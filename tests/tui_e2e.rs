//! End to end: the real `mini-node tui` in a real terminal (tmux), driven by keys and by a mouse
//! click. Tabs switch; a `/get-data` request is answered by a real child; a worker is killed by a
//! click on its Kill button and another by `k`, each replaced by a new worker id; `q` exits 0 and
//! leaves no process behind. Skipped (with a note) when tmux is not installed.
//!
//! The click is sent as the SGR mouse sequence the terminal would send (`ESC [ < 0 ; x ; y M`),
//! typed into the pane with `tmux send-keys -l`; the application reads it from its terminal like a
//! real click.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

struct Tmux {
    socket: String,
}

impl Tmux {
    fn run(&self, args: &[&str]) -> String {
        let out = Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("tmux runs");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }
    fn screen(&self) -> String {
        self.run(&["capture-pane", "-p", "-t", "e2e"])
    }
    fn keys(&self, keys: &str) {
        self.run(&["send-keys", "-t", "e2e", keys]);
    }
    fn literal(&self, text: &str) {
        self.run(&["send-keys", "-t", "e2e", "-l", text]);
    }
    /// Wait until `pred` holds for the screen; panic with the screen after `secs`.
    fn wait(&self, what: &str, secs: u64, pred: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if pred(&s) {
                // Capture again once the frame is surely complete.
                std::thread::sleep(Duration::from_millis(150));
                let again = self.screen();
                if pred(&again) {
                    return again;
                }
            }
            if start.elapsed() > Duration::from_secs(secs) {
                panic!("timed out waiting for {what}; the screen:\n{s}");
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        self.run(&["kill-server"]);
    }
}

fn tmux_available() -> bool {
    Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Every "pid NNN" on the screen.
fn pids(screen: &str) -> Vec<u32> {
    let mut out = Vec::new();
    let mut rest = screen;
    while let Some(i) = rest.find("pid ") {
        rest = &rest[i + 4..];
        let n: String = rest.chars().take_while(|c| c.is_ascii_digit()).collect();
        if let Ok(p) = n.parse() {
            if !out.contains(&p) {
                out.push(p);
            }
        }
    }
    out
}

/// (column, row) of `text` on the screen, 0-based.
fn find(screen: &str, text: &str, nth: usize) -> Option<(usize, usize)> {
    let mut seen = 0;
    for (row, line) in screen.lines().enumerate() {
        let mut from = 0;
        while let Some(i) = line[from..].find(text) {
            let byte = from + i;
            if seen == nth {
                return Some((line[..byte].chars().count(), row));
            }
            seen += 1;
            from = byte + text.len();
        }
    }
    None
}

fn alive(pid: u32) -> bool {
    // A zombie would still have /proc/PID; its state says Z.
    match std::fs::read_to_string(format!("/proc/{pid}/stat")) {
        Ok(stat) => !stat
            .rsplit(')')
            .next()
            .is_some_and(|s| s.trim_start().starts_with('Z')),
        Err(_) => false,
    }
}

#[test]
fn tabs_requests_kills_by_click_and_key_and_a_clean_quit() {
    if !tmux_available() {
        eprintln!("skipped: tmux is not on PATH");
        return;
    }
    let bin = env!("CARGO_BIN_EXE_mini-node");
    assert!(Path::new(bin).exists());
    let dir = tempfile::tempdir().unwrap();
    let stats = dir.path().join("stats.json");
    let t = Tmux {
        socket: format!("mini-node-e2e-{}", std::process::id()),
    };
    let cmd = format!(
        "MINI_NODE_TUI_STATS={} {bin} tui --workers 2 --fork-port 0 --cluster-port 0; echo EXIT=$?; sleep 60",
        stats.display()
    );
    t.run(&[
        "new-session",
        "-d",
        "-s",
        "e2e",
        "-x",
        "120",
        "-y",
        "40",
        &cmd,
    ]);

    t.wait("the Lessons tab", 30, |s| s.contains("▶1 Lessons"));

    // Tabs by number, Tab and Shift+Tab.
    t.keys("4");
    t.wait("the Event Loop tab", 20, |s| {
        s.contains("▶4 Event Loop") && s.contains("Source")
    });
    t.keys("BTab");
    t.wait("the Cluster tab", 20, |s| s.contains("▶3 Cluster"));
    t.keys("Tab");
    t.wait("back to the Event Loop tab", 20, |s| {
        s.contains("▶4 Event Loop")
    });

    // The fork demo answers a request with a real child.
    t.keys("2");
    t.wait("the fork parent", 30, |s| {
        s.contains("▶2 Fork") && s.contains("listening")
    });
    t.keys("r");
    t.wait("the answer", 30, |s| s.contains("data: 49995000"));

    // The cluster: two workers listening.
    t.keys("3");
    let s = t.wait("two listening workers", 60, |s| {
        s.matches("✓ listening").count() == 2 && s.contains("primary pid")
    });
    let tui_pid = pids(&s[s.find("primary pid").unwrap()..])[0];
    let (x1, y1) = find(&s, "worker 1", 0).expect("worker 1 box");
    let below: String = s
        .lines()
        .nth(y1 + 1)
        .unwrap()
        .chars()
        .skip(x1.saturating_sub(2))
        .collect();
    let worker1_pid = pids(&below)[0];

    // Kill worker 1 with a mouse click on its Kill button (the first one on the screen).
    let (kx, ky) = find(&s, "[k Kill]", 0).expect("a Kill button");
    let (x, y) = (kx + 3 + 1, ky + 1); // 1-based for the terminal
    t.literal(&format!("\x1b[<0;{x};{y}M\x1b[<0;{x};{y}m"));
    let s = t.wait("worker 3 replacing worker 1", 30, |s| {
        s.contains("worker 3") && s.contains("1 exit.") && s.matches("✓ listening").count() == 2
    });
    assert!(
        !s.contains(&format!("pid {worker1_pid} "))
            || s.contains(&format!("kill -s SIGKILL {worker1_pid}"))
    );
    let start = Instant::now();
    while alive(worker1_pid) && start.elapsed() < Duration::from_secs(10) {
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(
        !alive(worker1_pid),
        "the killed worker {worker1_pid} was reaped"
    );

    // The click selected that box; `k` kills its replacement, worker 3, and worker 4 comes.
    t.keys("k");
    t.wait("worker 4 replacing worker 3", 30, |s| {
        s.contains("worker 4") && s.contains("3 exit.") && s.matches("✓ listening").count() == 2
    });

    // Every process the TUI started, as children of its pid.
    let children = |pid: u32| -> Vec<u32> {
        let out = Command::new("pgrep")
            .args(["-P", &pid.to_string()])
            .output();
        match out {
            Ok(o) => String::from_utf8_lossy(&o.stdout)
                .lines()
                .filter_map(|l| l.trim().parse().ok())
                .collect(),
            Err(_) => Vec::new(),
        }
    };
    let kids = children(tui_pid);
    assert!(kids.len() >= 2, "the TUI runs its workers: {kids:?}");

    t.keys("q");
    t.wait("exit status 0", 30, |s| s.contains("EXIT=0"));
    for pid in kids.iter().copied().chain([tui_pid]) {
        let start = Instant::now();
        while alive(pid) && start.elapsed() < Duration::from_secs(5) {
            std::thread::sleep(Duration::from_millis(50));
        }
        assert!(!alive(pid), "process {pid} survived `q`");
    }
    let stats = std::fs::read_to_string(&stats).expect("the TUI wrote its stats");
    assert!(stats.contains("\"engines_left_open\":0"), "{stats}");
}

#[test]
fn sigterm_restores_the_terminal_and_leaves_no_process() {
    if !tmux_available() {
        eprintln!("skipped: tmux is not on PATH");
        return;
    }
    let bin = env!("CARGO_BIN_EXE_mini-node");
    let t = Tmux {
        socket: format!("mini-node-e2e-term-{}", std::process::id()),
    };
    let cmd = format!(
        "{bin} tui --tab cluster --workers 2 --cluster-port 0 --fork-port 0; echo EXIT=$?; \
         stty -a | tr ' ;' '\\n\\n' | grep -x -e icanon -e -icanon -e echo -e -echo | tr '\\n' ' '; echo; sleep 60"
    );
    t.run(&[
        "new-session",
        "-d",
        "-s",
        "e2e",
        "-x",
        "100",
        "-y",
        "30",
        &cmd,
    ]);
    let s = t.wait("two listening workers", 60, |s| {
        s.matches("✓ listening").count() == 2 && s.contains("primary pid")
    });
    let flags = |t: &Tmux| {
        t.run(&[
            "display",
            "-p",
            "-t",
            "e2e",
            "#{alternate_on} #{mouse_any_flag} #{cursor_flag}",
        ])
    };
    assert_eq!(
        flags(&t).trim(),
        "1 1 0",
        "alternate screen, mouse capture, hidden cursor while running"
    );
    let tui_pid = pids(&s[s.find("primary pid").unwrap()..])[0];
    let out = Command::new("pgrep")
        .args(["-P", &tui_pid.to_string()])
        .output()
        .unwrap();
    let kids: Vec<u32> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| l.trim().parse().ok())
        .collect();
    assert!(kids.len() >= 2, "{kids:?}");
    Command::new("kill")
        .args(["-TERM", &tui_pid.to_string()])
        .status()
        .unwrap();
    let s = t.wait("exit status 143", 30, |s| {
        s.contains("EXIT=143") && s.contains("icanon")
    });
    assert_eq!(
        flags(&t).trim(),
        "0 0 1",
        "main screen, no mouse capture, cursor shown"
    );
    assert!(
        s.contains(" icanon") || s.starts_with("icanon") || s.contains("\nicanon"),
        "cooked mode again: {s}"
    );
    assert!(!s.contains("-icanon"), "raw mode left on: {s}");
    for pid in kids.into_iter().chain([tui_pid]) {
        let start = Instant::now();
        while alive(pid) && start.elapsed() < Duration::from_secs(5) {
            std::thread::sleep(Duration::from_millis(50));
        }
        assert!(!alive(pid), "process {pid} survived SIGTERM");
    }
}
