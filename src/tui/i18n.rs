//! Every label the TUI shows, in English and in Chinese (`--lang en|zh`).
//!
//! Labels are a closed enum so a missing translation is a compile error, not a blank on the
//! projector. Sentences with parameters are [`super::messages::Message`]s, under the same rule.
//! Text that comes from the engines (payloads, lesson bodies) is not translated here.

use crate::cli::Lang;

macro_rules! labels {
    ($($name:ident => $en:expr, $zh:expr;)*) => {
        /// A fixed piece of interface text.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum L { $($name),* }

        impl L {
            /// Every label, for tests that check both languages are filled in.
            pub const ALL: &'static [L] = &[$(L::$name),*];

            /// The label in `lang`.
            pub fn t(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $((L::$name, Lang::En) => $en, (L::$name, Lang::Zh) => $zh,)*
                }
            }
        }
    };
}

labels! {
    // Tabs and chrome.
    TabLessons => "Lessons", "课程";
    TabFork => "Fork", "子进程";
    TabCluster => "Cluster", "集群";
    TabEventLoop => "Event Loop", "事件循环";
    Title => "mini-node", "mini-node";
    TooSmall => "The terminal is too small", "终端窗口太小";
    TooSmallHint => "Make the window larger or the font smaller (at least 80x24).", "请放大窗口或缩小字体（至少 80x24）。";
    Now => "now", "当前";
    Need => "need", "需要";
    Help => "help", "帮助";
    Quit => "quit", "退出";
    Tabs => "tabs", "切换标签";
    Presenter => "presenter", "演示模式";
    Keys => "Keys", "按键";
    HelpTitle => "Keys (press ? or Esc to close)", "按键说明（按 ? 或 Esc 关闭）";
    Global => "Everywhere", "全局";
    ShuttingDown => "Stopping every process…", "正在结束所有进程…";
    EngineError => "Engine error", "引擎错误";
    Starting => "starting…", "启动中…";
    Events => "Events", "事件日志";
    NoMouse => "mouse off (--no-mouse)", "鼠标已关闭（--no-mouse）";
    HelpQuit => "quit (ends all processes)", "退出（结束所有进程）";
    HelpTab => "next / previous tab", "下一个 / 上一个标签";
    HelpJump => "jump to a tab", "跳到某个标签";
    HelpHelp => "this help", "本帮助";
    HelpPresenter => "presenter mode (big view)", "演示模式（放大）";
    HelpClick => "click any [button] or tab with the mouse", "可用鼠标点击任何 [按钮] 或标签";

    // Lessons tab.
    LessonList => "Lessons", "课程列表";
    RunThis => "run this", "运行示例";
    Select => "select", "选择";
    Scroll => "scroll", "滚动";
    NoLessons => "No lessons loaded.", "没有课程。";
    LessonsLoading => "Loading the course…", "正在加载课程…";
    Quizzes => "Quizzes", "练习";
    QuizRun => "load quiz", "载入练习";
    QuizButton => "quiz: ", "练习：";
    NoDemo => "This lesson has no live demo.", "本课没有在线演示。";

    // Fork tab.
    Parent => "parent", "父进程";
    Child => "child", "子进程";
    Children => "children", "子进程";
    LiveChildren => "live children", "存活子进程";
    SendRequest => "GET /get-data", "GET /get-data";
    ForkChild => "fork a child", "直接 fork";
    Leaky => "notes' leaky code", "笔记原版（泄漏）";
    Fixed => "fixed code", "修正版";
    LeakyOn => "as written: the child never exits and res.end runs twice", "原版代码：子进程永不退出，res.end 调用两次";
    LeakyOff => "fixed: the child exits after answering; one res.end", "修正版：子进程回复后退出；只调用一次 res.end";
    Listening => "listening", "监听中";
    Running => "running", "运行中";
    Exited => "exited", "已退出";
    Uptime => "up", "运行";
    Request => "request", "请求";
    NoChildren => "No child right now. Send a request or fork one.", "当前没有子进程。发送请求或直接 fork 一个。";
    Messages => "IPC messages", "IPC 消息";

    // Cluster tab.
    Primary => "primary", "主进程";
    Worker => "worker", "工作进程";
    Workers => "workers", "工作进程";
    Kill => "Kill", "杀死";
    AddWorker => "add worker", "添加";
    RemoveWorker => "remove worker", "移除";
    LoadStart => "start load", "开始压测";
    LoadStop => "stop load", "停止压测";
    Sched => "sched", "调度";
    StateStarting => "starting", "启动中";
    StateOnline => "online", "已上线";
    StateListening => "listening", "监听中";
    StateDisconnected => "disconnected", "已断开";
    StateDead => "dead", "已退出";
    StateBackingOff => "backing off", "退避等待";
    Served => "req", "请求";
    Restarts => "restarts", "重启";
    Spread => "Requests per worker", "各进程请求分布";
    LoadFigures => "load answered", "压测已收到回复";
    PerSecond => "req/s", "请求/秒";
    Errors => "errors", "错误";
    SelectWorker => "select worker", "选择进程";
    SendMessage => "message", "发消息";
    Conns => "conn", "连接";
    KillSelected => "kill selected", "杀死所选";
    Guard => "guard", "守护";
    RrHint => "rr: the primary accepts and hands each connection to the next worker", "rr：主进程接受连接，依次交给下一个工作进程";
    NoneHint => "none: every worker accepts; the kernel decides (uneven)", "none：各工作进程自行 accept，由内核决定（不均匀）";

    // Event Loop tab.
    Phases => "Phases", "阶段";
    PhaseTimers => "timers", "定时器";
    PhasePending => "pending callbacks", "待定回调";
    PhaseIdle => "idle, prepare", "闲置/准备";
    PhasePoll => "poll", "轮询";
    PhaseCheck => "check", "检查";
    PhaseClose => "close callbacks", "关闭回调";
    PhaseTask => "task", "宏任务";
    PhaseMicroCheckpoint => "microtask checkpoint", "微任务检查点";
    PhaseRaf => "animation frames", "动画帧";
    PhaseRender => "render", "渲染";
    Queues => "Queues", "队列";
    QTimers => "timers", "定时器";
    QPoll => "poll (I/O)", "轮询 (I/O)";
    QCheck => "check", "检查";
    QClose => "close", "关闭";
    QNextTick => "nextTick", "nextTick";
    QMicrotask => "microtasks", "微任务";
    QMain => "main script", "主脚本";
    QTask => "tasks", "宏任务";
    QRaf => "rAF", "rAF";
    CallStack => "Call stack", "调用栈";
    Source => "Source", "源代码";
    Console => "Console", "控制台输出";
    Play => "play", "播放";
    Pause => "pause", "暂停";
    Step => "step", "单步";
    StepBack => "step back", "后退";
    Speed => "speed", "速度";
    Restart => "restart", "重来";
    Example => "example", "示例";
    Branch => "order", "顺序";
    Iteration => "loop", "循环";
    Time => "time", "时间";
    EventNo => "event", "事件";
    Recording => "Running the snippet…", "正在运行代码…";
    Draining => "draining", "正在清空";
    Empty => "(empty)", "（空）";
    Idle => "(idle)", "（空闲）";
    ExitCode => "exit code", "退出码";
    PickExample => "Pick an example (Enter loads, Esc closes)", "选择示例（回车载入，Esc 关闭）";
    ScriptFile => "--script file", "--script 文件";
    OrdersFound => "possible orders", "种可能顺序";
    Deterministic => "one possible order", "只有一种顺序";
    Model => "model", "模型";
    FirstLast => "first / last event", "第一个 / 最后一个事件";
    OutputOnly => "its output; the steps replay order", "的输出；逐步回放的是顺序";
    Compare => "compare", "对比";
    // Shorter labels for the footer at narrow widths (the help keeps the long ones).
    RestartShort => "reset", "重来";
    ExampleShort => "demo", "示例";
    CompareShort => "diff", "对比";
    SelectShort => "select", "选择";
    KillShort => "kill", "杀死";
    AddShort => "add", "添加";
    RemoveShort => "remove", "移除";
    CompareLine => "console line", "控制台行";
    CompareHow => "each side steps to its next console line", "两边各自走到下一行输出";
    LegendMoved => "order differs", "顺序不同";
    LegendOnly => "only this model", "仅此模型";
    Comparing => "running the snippet under both models…", "正在两种模型下运行代码…";
    LessonsPanic => "background error", "后台错误";
    ReqPerSec => "req/s", "请求/秒";
    Last30s => "last 30 s", "近 30 秒";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_label_has_both_languages() {
        for l in L::ALL {
            assert!(!l.t(Lang::En).trim().is_empty(), "{l:?} has no English");
            assert!(!l.t(Lang::Zh).trim().is_empty(), "{l:?} has no Chinese");
        }
    }
}
