//! The course: lessons embedded from `lessons/`, validated, with quizzes answered by the scheduler.

pub mod cli;
