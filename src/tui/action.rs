//! What the user can ask for and what the runtime must then do: [`Action`] (one per key, click
//! or button, each tab's own actions inside), [`Effect`] (work on the engines) and [`TabId`].
//! Plain data shared by the app, the input mapping, the tabs and the widgets; it draws nothing,
//! holds no state and imports no tab.

use crate::cli::TabName;
use crate::eventloop::Model;
use crate::process::{ClusterCommand, ForkCommand};

use super::i18n::L;
use super::script::Script;

/// The four tabs, in their order on the tab bar (keys 1-4).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TabId {
    Lessons,
    Fork,
    Cluster,
    EventLoop,
}

impl TabId {
    pub const ALL: [TabId; 4] = [
        TabId::Lessons,
        TabId::Fork,
        TabId::Cluster,
        TabId::EventLoop,
    ];

    pub fn index(self) -> usize {
        Self::ALL.iter().position(|t| *t == self).unwrap_or(0)
    }
    pub fn label(self) -> L {
        match self {
            TabId::Lessons => L::TabLessons,
            TabId::Fork => L::TabFork,
            TabId::Cluster => L::TabCluster,
            TabId::EventLoop => L::TabEventLoop,
        }
    }
}

impl From<TabName> for TabId {
    fn from(t: TabName) -> Self {
        match t {
            TabName::Lessons => TabId::Lessons,
            TabName::Fork => TabId::Fork,
            TabName::Cluster => TabId::Cluster,
            TabName::EventLoop => TabId::EventLoop,
        }
    }
}

/// Everything the user can ask for, whatever the key or click that asked.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    Quit,
    NextTab,
    PrevTab,
    Go(TabId),
    ToggleHelp,
    CloseOverlay,
    TogglePresenter,
    Lessons(LessonsAction),
    Fork(ForkAction),
    Cluster(ClusterAction),
    Loop(LoopAction),
}

#[derive(Debug, Clone, PartialEq)]
pub enum LessonsAction {
    Up,
    Down,
    Select(usize),
    ScrollUp,
    ScrollDown,
    /// Open the selected lesson's demo.
    RunThis,
    /// Load the selected lesson's quiz snippet into the Event Loop tab.
    RunQuiz(usize),
}

#[derive(Debug, Clone, PartialEq)]
pub enum ForkAction {
    Request,
    ForkChild,
    ToggleLeaky,
    /// Start the engine again after an error.
    Retry,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ClusterAction {
    Left,
    Right,
    Up,
    Down,
    Select(usize),
    KillSelected,
    Kill(u32),
    Add,
    Remove,
    ToggleLoad,
    ToggleSched,
    /// `worker.send(...)` to the selected worker.
    SendMessage,
    Retry,
}

#[derive(Debug, Clone, PartialEq)]
pub enum LoopAction {
    PlayPause,
    Step,
    Back,
    Faster,
    Slower,
    Restart,
    /// Open the example picker.
    Pick,
    PickerUp,
    PickerDown,
    /// Load the script at this index of the picker (None: the one highlighted).
    Choose(Option<usize>),
    /// Play the next order `--explore` found.
    NextBranch,
    /// Move the cursor to this event.
    Seek(usize),
    /// Switch between Node's event loop and the browser's, and run the snippet again.
    ToggleModel,
    /// Open / close the compare view: the snippet under both models, side by side.
    ToggleCompare,
}

/// What the runtime must do on the engines after an update.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Start the fork demo (the Fork tab was opened).
    StartFork {
        as_written: bool,
    },
    Fork(ForkCommand),
    /// Start the cluster (the Cluster tab was opened).
    StartCluster {
        workers: usize,
    },
    Cluster(ClusterCommand),
    /// Record a run of this script with the scheduler under this model (and explore its orders).
    RunScript(Script, Model),
    /// Run this script under both models and align their console lines (the compare view).
    CompareScript(Script),
    /// Shut every engine down and leave.
    Quit,
}
