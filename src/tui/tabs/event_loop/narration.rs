//! The Event Loop tab's narration: each recorded [`Event`] in a sentence, in English or in
//! Chinese, and the models' names. Both forms of a sentence are written in one `match` arm, so
//! neither can be missing. Words only: no drawing and no state.

use crate::cli::Lang;
use crate::eventloop::{Event, Model, Phase};

/// The phase's name, with the browser's render step in one word.
fn phase_name(p: Phase) -> &'static str {
    match p {
        Phase::Render => "render",
        p => p.label(),
    }
}

/// One event in words, as the status line shows the last one.
pub fn describe(e: &Event, lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    let (en, cn) = match e {
        Event::ScriptStart { file } => (
            format!("run the main script {file}"),
            format!("运行主脚本 {file}"),
        ),
        Event::LoopIteration { iteration, at_ms } => (
            format!("loop iteration {iteration} at {at_ms} ms"),
            format!("第 {iteration} 轮循环，{at_ms} ms"),
        ),
        Event::PhaseEnter { phase, .. } => (
            format!("enter phase: {}", phase_name(*phase)),
            format!("进入阶段：{}", phase_name(*phase)),
        ),
        Event::Enqueue {
            queue,
            label,
            due_ms,
            ..
        } => match due_ms {
            Some(d) => (
                format!("queue {label} → {} (due {d} ms)", queue.short_label()),
                format!("{label} 入队 → {}（{d} ms 到期）", queue.short_label()),
            ),
            None => (
                format!("queue {label} → {}", queue.short_label()),
                format!("{label} 入队 → {}", queue.short_label()),
            ),
        },
        Event::Cancel { queue, .. } => (
            format!("cancel a callback in {}", queue.short_label()),
            format!("取消 {} 中的一个回调", queue.short_label()),
        ),
        Event::CallbackStart { label, .. } => (format!("call {label}"), format!("执行 {label}")),
        Event::CallbackEnd { .. } => ("return".to_string(), "返回".to_string()),
        Event::DrainStart { queue } => (
            format!("drain the {} queue", queue.short_label()),
            format!("清空 {} 队列", queue.short_label()),
        ),
        Event::DrainEnd { queue, ran } => (
            format!("{} queue empty ({ran} ran)", queue.short_label()),
            format!("{} 队列已空（执行了 {ran} 个）", queue.short_label()),
        ),
        Event::ClockAdvance { from_ms, to_ms } => (
            format!("nothing to run: clock {from_ms} → {to_ms} ms"),
            format!("无事可做：时钟 {from_ms} → {to_ms} ms"),
        ),
        Event::Output { text, .. } => (format!("print {text:?}"), format!("输出 {text:?}")),
        Event::Message {
            sent: true,
            peer,
            payload,
        } => (
            format!("send {payload} to {peer}"),
            format!("向 {peer} 发送 {payload}"),
        ),
        Event::Message { peer, payload, .. } => (
            format!("message {payload} from {peer}"),
            format!("收到 {peer} 的消息 {payload}"),
        ),
        Event::Exit { code, reason } => (
            format!("exit {code}: {reason}"),
            format!("退出 {code}：{reason}"),
        ),
    };
    if zh {
        cn
    } else {
        en
    }
}

/// The model's name on the model switch.
pub(super) fn model_short(m: Model) -> &'static str {
    match m {
        Model::Node => "Node",
        Model::Browser => "Browser",
    }
}

/// The model's full name (a side's title, the one-order line).
pub(super) fn model_name(m: Model) -> &'static str {
    match m {
        Model::Node => "Node v20",
        Model::Browser => "Browser (HTML event loop)",
    }
}
