//! The differential fuzzer's reducer: cuts a failing program down to a small one that still fails
//! the same way, by delta debugging over its statement lists (Zeller's ddmin, applied level by
//! level down the tree, as hierarchical delta debugging does), then by putting a statement's body
//! in its place where that keeps the failure.
//!
//! It knows programs only as trees of statements and calls `fails` to test a candidate; it never
//! runs anything itself. `budget` bounds the number of candidates tried.

use super::gen::{Program, Stmt};

/// Candidates tried and the smallest failing program found.
pub struct Reduced {
    pub program: Program,
    pub tries: usize,
}

struct Reducer<'f> {
    fails: &'f mut dyn FnMut(&Program) -> bool,
    tries: usize,
    budget: usize,
}

impl Reducer<'_> {
    fn test(&mut self, p: &Program) -> bool {
        if self.tries >= self.budget {
            return false;
        }
        self.tries += 1;
        (self.fails)(p)
    }
}

/// Reduce `program` (which fails) while `fails` says a candidate still fails the same way.
pub fn reduce(
    program: &Program,
    budget: usize,
    fails: &mut dyn FnMut(&Program) -> bool,
) -> Reduced {
    let mut r = Reducer {
        fails,
        tries: 0,
        budget,
    };
    let mut best = program.clone();
    loop {
        let before = best.size();
        level(&mut r, &mut best, &[]);
        hoist(&mut r, &mut best);
        if best.size() >= before || r.tries >= r.budget {
            break;
        }
    }
    Reduced {
        program: best,
        tries: r.tries,
    }
}

/// The list at `path`: the top level for `[]`, else the body of the statement the indices reach.
fn list_at<'a>(stmts: &'a mut Vec<Stmt>, path: &[usize]) -> &'a mut Vec<Stmt> {
    match path.split_first() {
        None => stmts,
        Some((i, rest)) => list_at(&mut stmts[*i].body, rest),
    }
}

/// ddmin on the list at `path`, then on the body of each statement it keeps.
fn level(r: &mut Reducer<'_>, best: &mut Program, path: &[usize]) {
    let items = list_at(&mut best.stmts, path).clone();
    let kept = ddmin(items, &mut |candidate: &[Stmt]| {
        let mut p = best.clone();
        *list_at(&mut p.stmts, path) = candidate.to_vec();
        r.test(&p)
    });
    *list_at(&mut best.stmts, path) = kept;
    let len = list_at(&mut best.stmts, path).len();
    for i in 0..len {
        let mut deeper = path.to_vec();
        deeper.push(i);
        level(r, best, &deeper);
    }
}

/// Zeller's ddmin: a 1-minimal sublist of `items` for which `test` holds (it holds for `items`).
fn ddmin<T: Clone>(mut items: Vec<T>, test: &mut dyn FnMut(&[T]) -> bool) -> Vec<T> {
    if items.is_empty() {
        return items;
    }
    if test(&[]) {
        return Vec::new();
    }
    let mut n = 2usize;
    while items.len() >= 2 {
        let chunk = items.len().div_ceil(n);
        let chunks: Vec<(usize, usize)> = (0..n)
            .map(|i| {
                (
                    (i * chunk).min(items.len()),
                    ((i + 1) * chunk).min(items.len()),
                )
            })
            .filter(|(lo, hi)| lo < hi)
            .collect();
        // each chunk alone, then each complement
        let alone = chunks
            .iter()
            .find(|&&(lo, hi)| hi - lo < items.len() && test(&items[lo..hi]));
        if let Some(&(lo, hi)) = alone {
            items = items[lo..hi].to_vec();
            n = 2;
            continue;
        }
        let complement = if n > 2 {
            chunks.iter().find_map(|&(lo, hi)| {
                let rest: Vec<T> = items[..lo].iter().chain(&items[hi..]).cloned().collect();
                test(&rest).then_some(rest)
            })
        } else {
            None
        };
        if let Some(rest) = complement {
            items = rest;
            n = (n - 1).max(2);
            continue;
        }
        if n >= items.len() {
            break;
        }
        n = (n * 2).min(items.len());
    }
    items
}

/// Try each statement with a body replaced by that body (a throw inside a nextTick becomes a
/// throw at its place), keeping the replacements that still fail.
fn hoist(r: &mut Reducer<'_>, best: &mut Program) {
    let mut paths = Vec::new();
    collect_paths(&best.stmts, &mut Vec::new(), &mut paths);
    // deepest last, so a path stays valid until its own turn is past: go from the end
    for path in paths.into_iter().rev() {
        let (last, parent) = path.split_last().expect("a path names a statement");
        let mut p = best.clone();
        let list = list_at(&mut p.stmts, parent);
        if *last >= list.len() || list[*last].body.is_empty() {
            continue;
        }
        let body = std::mem::take(&mut list[*last].body);
        list.splice(*last..=*last, body);
        if r.test(&p) {
            *best = p;
        }
    }
}

fn collect_paths(list: &[Stmt], prefix: &mut Vec<usize>, out: &mut Vec<Vec<usize>>) {
    for (i, s) in list.iter().enumerate() {
        prefix.push(i);
        out.push(prefix.clone());
        collect_paths(&s.body, prefix, out);
        prefix.pop();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ddmin_finds_the_two_items_that_matter() {
        let items: Vec<u32> = (0..20).collect();
        let kept = ddmin(items, &mut |c: &[u32]| c.contains(&3) && c.contains(&17));
        assert_eq!(kept, vec![3, 17]);
    }

    #[test]
    fn ddmin_empties_a_list_that_does_not_matter() {
        let kept = ddmin(vec![1, 2, 3], &mut |_: &[i32]| true);
        assert!(kept.is_empty());
    }
}
