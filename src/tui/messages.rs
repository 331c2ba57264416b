//! Sentences the TUI builds at run time (log lines, the cluster's spread note, exit words), in
//! English and in Chinese. Each [`Message`] carries its parameters and is written in both
//! languages in one `match` arm that must give both forms, so a missing translation is a compile
//! error, as for the fixed labels in [`super::i18n`]. Text from the engines (payloads) goes in
//! as a parameter, untranslated; the guard's decision is worded here from its numbers. No
//! drawing, no state.

use std::fmt::{Debug, Display};

use crate::cli::Lang;

/// A value shown in a message as it prints (`{}`, with the precision the sentence asks for).
type Arg<'a> = &'a dyn Display;

/// A sentence with its parameters.
pub enum Message<'a> {
    // ---- exit statuses (both process tabs)
    ExitCode {
        code: Arg<'a>,
    },
    ExitSignal {
        name: Arg<'a>,
    },

    // ---- the Fork tab's log
    ParentListening {
        pid: Arg<'a>,
        addr: Arg<'a>,
    },
    Request {
        request: Arg<'a>,
        method: Arg<'a>,
        path: Arg<'a>,
    },
    ForkedFor {
        pid: Arg<'a>,
        request: Arg<'a>,
    },
    ForkedDirectly {
        pid: Arg<'a>,
    },
    ParentToChild {
        pid: Arg<'a>,
    },
    ChildToParent {
        pid: Arg<'a>,
    },
    ChildDisconnect {
        pid: Arg<'a>,
    },
    ChildExit {
        pid: Arg<'a>,
        status: Arg<'a>,
    },
    ChildClose {
        pid: Arg<'a>,
    },
    Response {
        request: Arg<'a>,
        status: Arg<'a>,
        body: &'a dyn Debug,
        ms: f64,
    },
    /// The Fork tab's counters line.
    Counts {
        requests: Arg<'a>,
        responses: Arg<'a>,
    },

    // ---- the Cluster tab's log and notes
    LoadStarted {
        connections: Arg<'a>,
    },
    LoadStopped,
    SchedSwitching {
        sched: Arg<'a>,
    },
    SchedNow {
        sched: Arg<'a>,
    },
    ClusterStopped,
    PrimaryStarted {
        pid: Arg<'a>,
        addr: Arg<'a>,
        sched: Arg<'a>,
    },
    WorkerForked {
        id: Arg<'a>,
        pid: Arg<'a>,
    },
    WorkerReplaces {
        id: Arg<'a>,
        pid: Arg<'a>,
        old: Arg<'a>,
    },
    WorkerOnline {
        id: Arg<'a>,
    },
    WorkerListening {
        id: Arg<'a>,
        addr: Arg<'a>,
    },
    WorkerDisconnect {
        id: Arg<'a>,
    },
    WorkerRemoved {
        id: Arg<'a>,
        status: Arg<'a>,
    },
    Guard {
        decision: Arg<'a>,
    },
    /// The guard's word on a worker that lived long enough: re-forked at once.
    GuardStable {
        id: Arg<'a>,
        uptime: f64,
        reset: bool,
    },
    /// The guard's word on a worker that died young: the replacement waits `delay` seconds.
    GuardUnstable {
        id: Arg<'a>,
        uptime: f64,
        delay: f64,
        in_a_row: u32,
    },
    Kill {
        signal: Arg<'a>,
        pid: Arg<'a>,
        id: Arg<'a>,
    },
    /// A replacement is listening, so long after its predecessor's exit (and the kill, if any).
    Respawned {
        new: Arg<'a>,
        old: Arg<'a>,
        exit_ms: f64,
        kill_ms: Option<f64>,
    },
    PrimaryToWorker {
        id: Arg<'a>,
        payload: Arg<'a>,
    },
    WorkerToPrimary {
        id: Arg<'a>,
        payload: Arg<'a>,
    },
    SpreadRr {
        every: Arg<'a>,
    },
    SpreadNone,
}

impl Message<'_> {
    /// The sentence in `lang`.
    pub fn t(&self, lang: Lang) -> String {
        let (en, zh) = self.both();
        match lang {
            Lang::En => en,
            Lang::Zh => zh,
        }
    }

    /// The sentence in English and in Chinese.
    fn both(&self) -> (String, String) {
        use Message as M;
        match self {
            M::ExitCode { code } => (format!("code {code}"), format!("退出码 {code}")),
            M::ExitSignal { name } => (format!("signal {name}"), format!("信号 {name}")),

            M::ParentListening { pid, addr } => (
                format!("parent pid {pid} listening on http://{addr}"),
                format!("父进程 pid {pid} 监听 http://{addr}"),
            ),
            M::Request {
                request,
                method,
                path,
            } => (
                format!("request #{request}: {method} {path}"),
                format!("请求 #{request}：{method} {path}"),
            ),
            M::ForkedFor { pid, request } => (
                format!("fork() → child pid {pid} for request #{request}"),
                format!("fork() → 子进程 pid {pid}（请求 #{request}）"),
            ),
            M::ForkedDirectly { pid } => (
                format!("fork() → child pid {pid} directly"),
                format!("fork() → 子进程 pid {pid}（直接）"),
            ),
            M::ParentToChild { pid } => (
                format!("parent → child {pid}"),
                format!("父进程 → 子进程 {pid}"),
            ),
            M::ChildToParent { pid } => (
                format!("child {pid} → parent"),
                format!("子进程 {pid} → 父进程"),
            ),
            M::ChildDisconnect { pid } => (
                format!("child {pid}: 'disconnect'"),
                format!("子进程 {pid}：'disconnect'"),
            ),
            M::ChildExit { pid, status } => (
                format!("child {pid}: 'exit' ({status})"),
                format!("子进程 {pid}：'exit'（{status}）"),
            ),
            M::ChildClose { pid } => (
                format!("child {pid}: 'close'"),
                format!("子进程 {pid}：'close'"),
            ),
            M::Response {
                request,
                status,
                body,
                ms,
            } => (
                format!("response #{request}: {status} {body:?} in {ms:.1} ms"),
                format!("响应 #{request}：{status} {body:?}，耗时 {ms:.1} ms"),
            ),
            M::Counts {
                requests,
                responses,
            } => (
                format!("requests {requests}, answered {responses}"),
                format!("请求 {requests}，已回复 {responses}"),
            ),

            M::LoadStarted { connections } => (
                format!("load: started with {connections} connections"),
                format!("压测：已开始，{connections} 个连接"),
            ),
            M::LoadStopped => ("load: stopped".into(), "压测：已停止".into()),
            M::SchedSwitching { sched } => (
                format!("sched: switching to {sched}"),
                format!("调度：切换为 {sched}"),
            ),
            M::SchedNow { sched } => (
                format!("sched is now {sched}"),
                format!("调度已切换为 {sched}"),
            ),
            M::ClusterStopped => ("cluster stopped".into(), "集群已停止".into()),
            M::PrimaryStarted { pid, addr, sched } => (
                format!("primary pid {pid} on http://{addr}, sched {sched}"),
                format!("主进程 pid {pid}，http://{addr}，调度 {sched}"),
            ),
            M::WorkerForked { id, pid } => (
                format!("fork: worker {id} (pid {pid})"),
                format!("fork：工作进程 {id}（pid {pid}）"),
            ),
            M::WorkerReplaces { id, pid, old } => (
                format!("fork: worker {id} (pid {pid}) replaces worker {old}"),
                format!("fork：工作进程 {id}（pid {pid}）接替 {old}"),
            ),
            M::WorkerOnline { id } => (
                format!("online: worker {id}"),
                format!("online：工作进程 {id}"),
            ),
            M::WorkerListening { id, addr } => (
                format!("listening: worker {id} on {addr}"),
                format!("listening：工作进程 {id} 监听 {addr}"),
            ),
            M::WorkerDisconnect { id } => (
                format!("disconnect: worker {id}"),
                format!("disconnect：工作进程 {id}"),
            ),
            M::WorkerRemoved { id, status } => (
                format!("exit: worker {id} ({status}), as asked"),
                format!("exit：工作进程 {id}（{status}），按要求移除"),
            ),
            M::Guard { decision } => (format!("guard: {decision}"), format!("守护：{decision}")),
            M::GuardStable { id, uptime, reset } => {
                let (mut en, mut zh) = (
                    format!("worker {id} ran {uptime:.1} s (stable): re-fork now"),
                    format!("工作进程 {id} 运行了 {uptime:.1} 秒（稳定）：立即重新 fork"),
                );
                if *reset {
                    en.push_str(" (back-off reset)");
                    zh.push_str("（退避清零）");
                }
                (en, zh)
            }
            M::GuardUnstable {
                id,
                uptime,
                delay,
                in_a_row,
            } => {
                let (mut en, mut zh) = (
                    format!("worker {id} died after {uptime:.1} s: unstable, wait {delay:.1} s"),
                    format!("工作进程 {id} 运行 {uptime:.1} 秒就退出：不稳定，等待 {delay:.1} 秒"),
                );
                if *in_a_row > 1 {
                    en.push_str(&format!(" ({in_a_row} in a row)"));
                    zh.push_str(&format!("（连续 {in_a_row} 次）"));
                }
                (en, zh)
            }
            M::Kill { signal, pid, id } => (
                format!("kill -s {signal} {pid} (worker {id})"),
                format!("kill -s {signal} {pid}（工作进程 {id}）"),
            ),
            M::Respawned {
                new,
                old,
                exit_ms,
                kill_ms,
            } => {
                let (mut en, mut zh) = (
                    format!("worker {new} replaces {old}: listening {exit_ms:.1} ms after the exit"),
                    format!("工作进程 {new} 接替 {old}：退出后 {exit_ms:.1} ms 开始监听"),
                );
                if let Some(k) = kill_ms {
                    en.push_str(&format!(", {k:.1} ms after the kill"));
                    zh.push_str(&format!("，距 kill {k:.1} ms"));
                }
                (en, zh)
            }
            M::PrimaryToWorker { id, payload } => (
                format!("primary → worker {id}: send({payload})"),
                format!("主进程 → 工作进程 {id}：send({payload})"),
            ),
            M::WorkerToPrimary { id, payload } => (
                format!("worker {id} → primary: send({payload})"),
                format!("工作进程 {id} → 主进程：send({payload})"),
            ),
            M::SpreadRr { every } => (
                format!(
                    "spread: rr deals each new connection to the next worker; the load \
                     reconnects every {every} req, so every worker up gets an even share, \
                     a replacement too"
                ),
                format!("分布：rr 把每个新连接依次交给下一个工作进程；压测每 {every} 个请求重连，所以在线的进程（包括替补）分得均匀"),
            ),
            M::SpreadNone => (
                "spread: with none the kernel picks who accepts, so it is uneven".into(),
                "分布：none 由内核决定谁 accept，所以不均匀".into(),
            ),
        }
    }
}
