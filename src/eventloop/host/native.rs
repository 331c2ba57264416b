//! What every native half of a Node module shares: the [`Host`] its bridge functions reach, the
//! [`Make`] signature of a bridge entry, and [`native`] to wrap a Rust closure as a JavaScript
//! function.
//!
//! It sits below the bridge table and the module files, so that the table can name the modules'
//! functions without the modules importing the table. It must hold no entry of its own.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use rquickjs::function::IntoJsFunc;
use rquickjs::{Ctx, Function, Value};

use super::super::node::queues::Sched;
use super::super::RunOptions;

/// What the bridge's functions may reach: the run's options and script, the scheduler's state and
/// the flag that interrupts the running callback.
pub struct Host<'a> {
    pub source: &'a str,
    pub opts: &'a RunOptions,
    pub sched: Rc<RefCell<Sched>>,
    pub interrupt: Rc<Cell<bool>>,
}

/// Makes the value of one bridge name.
pub type Make = for<'js> fn(&Ctx<'js>, &Host<'_>) -> rquickjs::Result<Value<'js>>;

/// A Rust closure as a JavaScript function value.
pub fn native<'js, F, P>(ctx: &Ctx<'js>, f: F) -> rquickjs::Result<Value<'js>>
where
    F: IntoJsFunc<'js, P> + 'js,
{
    Function::new(ctx.clone(), f).map(Function::into_value)
}
