//! The same snippet under Node's loop and the browser's, line by line: which printed lines both
//! models share in the same order, which moved, which only one prints, and the rows of a
//! side-by-side view.
//!
//! The alignment is a longest common subsequence of the two outputs (the `similar` crate's LCS
//! diff); this module only turns it into marks and rows. It runs both models through
//! [`super::run`] and knows nothing of either model's queues, and nothing here draws or prints.

use std::collections::HashSet;
use std::convert::Infallible;

use similar::algorithms::{lcs, DiffHook};

use super::{Model, Outcome, RunError, RunOptions};

/// How a line of one model's output sits in the other's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineMark {
    /// Printed by both, in the same order relative to the other shared lines.
    Same,
    /// Printed by both, but in a different order.
    Moved,
    /// Printed only under this model.
    Only,
}

/// The same snippet under Node's loop and the browser's, line by line.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    pub node: Outcome,
    pub browser: Outcome,
    /// One mark per line of `node.output`.
    pub node_marks: Vec<LineMark>,
    /// One mark per line of `browser.output`.
    pub browser_marks: Vec<LineMark>,
    /// The lines aligned for a side-by-side view: shared lines in the same order on one row,
    /// the others on rows of their own (`(node line, browser line)` indexes).
    pub rows: Vec<(Option<usize>, Option<usize>)>,
}

/// Run `source` under both models (virtual clock) and mark the lines whose order differs: the
/// lines of a longest common subsequence keep their order; the other shared lines moved.
pub fn compare(source: &str, opts: &RunOptions) -> Result<Comparison, RunError> {
    let mut opts = opts.clone();
    opts.record = false;
    opts.model = Model::Node;
    let node = super::run(source, &opts, &mut |_| {})?;
    opts.model = Model::Browser;
    let browser = super::run(source, &opts, &mut |_| {})?;
    let a: Vec<&str> = node.output.iter().map(|(_, l)| l.as_str()).collect();
    let b: Vec<&str> = browser.output.iter().map(|(_, l)| l.as_str()).collect();
    let (node_marks, browser_marks, rows) = mark_lines(&a, &b);
    Ok(Comparison {
        node,
        browser,
        node_marks,
        browser_marks,
        rows,
    })
}

type Rows = Vec<(Option<usize>, Option<usize>)>;

/// Lines past this many on either side take no part in the common order, so a huge output
/// cannot take the machine's memory (the LCS table grows with the product of the lengths).
const MAX_ALIGNED: usize = 4000;

/// The diff's steps as rows: a shared line on one row, a line of one side on a row of its own.
struct RowHook(Rows);

impl DiffHook for RowHook {
    type Error = Infallible;

    fn equal(&mut self, old: usize, new: usize, len: usize) -> Result<(), Infallible> {
        self.0
            .extend((0..len).map(|k| (Some(old + k), Some(new + k))));
        Ok(())
    }

    fn delete(&mut self, old: usize, len: usize, _new: usize) -> Result<(), Infallible> {
        self.0.extend((old..old + len).map(|i| (Some(i), None)));
        Ok(())
    }

    fn insert(&mut self, _old: usize, new: usize, len: usize) -> Result<(), Infallible> {
        self.0.extend((new..new + len).map(|j| (None, Some(j))));
        Ok(())
    }
}

/// Marks for two sequences of lines (see [`LineMark`]), and their alignment.
fn mark_lines(a: &[&str], b: &[&str]) -> (Vec<LineMark>, Vec<LineMark>, Rows) {
    let (n, m) = (a.len().min(MAX_ALIGNED), b.len().min(MAX_ALIGNED));
    // `a`'s aligned lines go between two marks that match no line: with no common first or
    // last line to set aside, the diff walks the whole LCS table, and of two equally long common
    // orders it keeps the one whose lone lines of `a` come first. (It steps over the first mark
    // before anything else, since the mark is in no common order.)
    let old: Vec<Option<&str>> = [None]
        .into_iter()
        .chain(a[..n].iter().map(|l| Some(*l)))
        .chain([None])
        .collect();
    let new: Vec<Option<&str>> = b[..m].iter().map(|l| Some(*l)).collect();
    let mut hook = RowHook(Vec::with_capacity(a.len() + b.len() + 2));
    if let Err(never) = lcs::diff(&mut hook, &old, 0..old.len(), &new, 0..new.len()) {
        match never {}
    }
    // The aligned rows (the marks left out) until one side's aligned part is used up; then the
    // rest of `a`, then the rest of `b`, each line on its own row.
    let mut rows = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    for (old_index, new_index) in hook.0 {
        if old_index == Some(0) {
            continue;
        }
        if i >= n || j >= m {
            break;
        }
        let row = (old_index.map(|k| k - 1), new_index);
        i += usize::from(row.0.is_some());
        j += usize::from(row.1.is_some());
        rows.push(row);
    }
    rows.extend((i..a.len()).map(|i| (Some(i), None)));
    rows.extend((j..b.len()).map(|j| (None, Some(j))));

    let mut ma = vec![LineMark::Only; a.len()];
    let mut mb = vec![LineMark::Only; b.len()];
    for &row in &rows {
        if let (Some(i), Some(j)) = row {
            ma[i] = LineMark::Same;
            mb[j] = LineMark::Same;
        }
    }
    // Lines left out of the common order but printed by the other model too have moved.
    let loose = |v: &[&str], marks: &[LineMark]| -> HashSet<String> {
        v.iter()
            .zip(marks)
            .filter(|(_, mk)| **mk != LineMark::Same)
            .map(|(l, _)| l.to_string())
            .collect()
    };
    let (loose_a, loose_b) = (loose(a, &ma), loose(b, &mb));
    for (line, mark) in a.iter().zip(ma.iter_mut()) {
        if *mark == LineMark::Only && loose_b.contains(*line) {
            *mark = LineMark::Moved;
        }
    }
    for (line, mark) in b.iter().zip(mb.iter_mut()) {
        if *mark == LineMark::Only && loose_a.contains(*line) {
            *mark = LineMark::Moved;
        }
    }
    (ma, mb, rows)
}

#[cfg(test)]
mod tests {
    use super::*;
    use LineMark::*;

    #[test]
    fn compare_marks_moved_and_lone_lines() {
        let (a, b, rows) = mark_lines(
            &["sync", "nextTick", "timeout", "immediate"],
            &["sync", "timeout", "raf", "nextTick"],
        );
        assert_eq!(a, vec![Same, Moved, Same, Only]);
        assert_eq!(b, vec![Same, Same, Only, Moved]);
        assert_eq!(
            rows,
            vec![
                (Some(0), Some(0)),
                (Some(1), None),
                (Some(2), Some(1)),
                (Some(3), None),
                (None, Some(2)),
                (None, Some(3)),
            ]
        );
    }

    #[test]
    fn repeated_lines_and_empty_sides() {
        // Of two equally long common orders, the one that leaves `a`'s earlier lines out wins:
        // its lone lines come first.
        let (a, b, rows) = mark_lines(&["x", "y", "x"], &["y", "x", "y"]);
        assert_eq!(a, vec![Only, Same, Same]);
        assert_eq!(b, vec![Same, Same, Only]);
        assert_eq!(
            rows,
            vec![
                (Some(0), None),
                (Some(1), Some(0)),
                (Some(2), Some(1)),
                (None, Some(2)),
            ]
        );
        let (a, b, rows) = mark_lines(&["only"], &[]);
        assert_eq!((a, b), (vec![Only], vec![]));
        assert_eq!(rows, vec![(Some(0), None)]);
        let (a, b, rows) = mark_lines(&[], &["only", "only"]);
        assert_eq!((a, b), (vec![], vec![Only, Only]));
        assert_eq!(rows, vec![(None, Some(0)), (None, Some(1))]);
    }

    #[test]
    fn identical_outputs_are_all_same() {
        let lines = ["a", "b", "a"];
        let (a, b, rows) = mark_lines(&lines, &lines);
        assert_eq!(a, vec![Same; 3]);
        assert_eq!(b, vec![Same; 3]);
        assert_eq!(rows, (0..3).map(|k| (Some(k), Some(k))).collect::<Vec<_>>());
    }
}
