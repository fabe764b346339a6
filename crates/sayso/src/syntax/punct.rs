//! Where punctuation attaches. UD English attaches a punctuation mark by rule once the rest
//! of the tree is known (its treebanks are normalised with Udapi's `ud.FixPunct`): paired
//! marks (brackets, quotation marks) to the head of what they enclose; any other mark to the
//! highest word next to it, on the left or right, whose phrase it can join without crossing
//! an arc, the lower of the two candidates. The parser's own attachment of a mark is kept
//! when it is one of those candidates. This pass applies the rule to a parsed sentence.

use super::Upos;
use super::parser::ROOT_HEAD;

/// Opening marks and their closing marks.
const PAIRS: &[(&str, &str)] =
    &[("(", ")"), ("[", "]"), ("{", "}"), ("\"", "\""), ("“", "”"), ("‘", "’"), ("«", "»"), ("``", "''"), ("'", "'")];

/// Marks that end a sentence: they never attach to a word after them.
fn is_final(form: &str) -> bool {
    matches!(form, "." | "?" | "!" | "..." | "…")
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Paired {
    No,
    Opening,
    Closing,
}

/// Sentence-relative heads (`ROOT_HEAD` for the root) as a tree to walk.
struct Tree<'a> {
    heads: &'a mut [u16],
}

impl Tree<'_> {
    fn head(&self, x: usize) -> Option<usize> {
        let h = self.heads[x];
        (h != ROOT_HEAD).then_some(h as usize)
    }

    /// Whether `a` is `x` or above it.
    fn dominates(&self, a: usize, x: usize) -> bool {
        let mut cur = Some(x);
        for _ in 0..=self.heads.len() {
            match cur {
                Some(c) if c == a => return true,
                Some(c) => cur = self.head(c),
                None => return false,
            }
        }
        false
    }

    /// The first and last word of `x`'s subtree (one word at a time: what [`Tree::spans`]
    /// must agree with).
    #[cfg(test)]
    fn span(&self, x: usize) -> (usize, usize) {
        let (mut lo, mut hi) = (x, x);
        for k in 0..self.heads.len() {
            if (k < lo || k > hi) && self.dominates(x, k) {
                lo = lo.min(k);
                hi = hi.max(k);
            }
        }
        (lo, hi)
    }

    /// [`Tree::span`] of every word at once, into `out`: one walk up from each word, each
    /// word it passes (as far as [`Tree::dominates`] looks) widened to include it.
    fn spans(&self, out: &mut Vec<(usize, usize)>) {
        let n = self.heads.len();
        out.clear();
        out.extend((0..n).map(|x| (x, x)));
        for k in 0..n {
            let mut cur = Some(k);
            for _ in 0..=n {
                let Some(c) = cur else { break };
                let s = &mut out[c];
                (s.0, s.1) = (s.0.min(k), s.1.max(k));
                cur = self.head(c);
            }
        }
    }

    /// Whether the arc into `x` spans only words below its head.
    fn projective(&self, x: usize) -> bool {
        let Some(h) = self.head(x) else { return true };
        let (lo, hi) = if h < x { (h, x) } else { (x, h) };
        (lo + 1..hi).all(|k| self.dominates(h, k))
    }

    /// Whether an arc passes over `x` from a head that is not above `x`.
    fn gap(&self, x: usize) -> bool {
        (0..self.heads.len()).any(|d| {
            self.head(d).is_some_and(|h| {
                let (lo, hi) = if h < d { (h, d) } else { (d, h) };
                lo < x && x < hi && !self.dominates(h, x)
            })
        })
    }
}

/// Longest sentence the rule runs on: its checks walk the tree, which is quadratic in the
/// worst case, and no real sentence is this long.
const MAX_WORDS: usize = 200;

/// Re-attaches the punctuation of a parsed sentence by UD's rule. Later stages walk the
/// tree from its root, so a result that is no longer one tree (marks re-attached into a
/// cycle, on sentences of odd symbols) is dropped for the parser's own.
pub(crate) fn fix(forms: &[&str], upos: &[Upos], heads: &mut [u16]) {
    let parsed = heads.to_vec();
    reattach(forms, upos, heads);
    if !acyclic(heads) {
        heads.copy_from_slice(&parsed);
    }
}

/// Every word reaches a root.
fn acyclic(heads: &[u16]) -> bool {
    let n = heads.len();
    let t = |x: usize| (heads[x] != ROOT_HEAD).then_some(heads[x] as usize);
    (0..n).all(|x| {
        let mut cur = Some(x);
        for _ in 0..=n {
            match cur {
                None => return true,
                Some(c) if c >= n => return false,
                Some(c) => cur = t(c),
            }
        }
        false
    })
}

fn reattach(forms: &[&str], upos: &[Upos], heads: &mut [u16]) {
    let n = heads.len();
    if n > MAX_WORDS {
        return;
    }
    let punct = |x: usize| upos[x] == Upos::Punct;
    if !(0..n).any(punct) {
        return;
    }
    let mut t = Tree { heads };
    // A mark at the root hands the root to a word, if there is one: its first dependent
    // that is not punctuation, else the first such word.
    if let Some(root) = (0..n).find(|&x| t.head(x).is_none()).filter(|&r| punct(r)) {
        let child = (0..n).find(|&k| !punct(k) && t.head(k) == Some(root)).or_else(|| (0..n).find(|&k| !punct(k)));
        if let Some(c) = child {
            t.heads[c] = ROOT_HEAD;
            t.heads[root] = c as u16;
        }
    }
    // Punctuation has no dependents: they go to the mark's head (unless the mark is the
    // root, which only a sentence of marks alone has).
    for x in 0..n {
        for _ in 0..n {
            match t.head(x) {
                Some(h) if punct(h) && t.head(h).is_some_and(|hh| hh != x) => t.heads[x] = t.heads[h],
                _ => break,
            }
        }
    }
    let mut kind = vec![Paired::No; n];
    for open in 0..n {
        if kind[open] == Paired::Closing || !punct(open) {
            continue;
        }
        let Some(&(o, c)) = PAIRS.iter().find(|(o, _)| *o == forms[open]) else { continue };
        let mut depth = 0;
        let Some(close) = (open + 1..n).find(|&k| {
            if forms[k] == c && depth == 0 {
                return true;
            }
            if forms[k] == c {
                depth -= 1;
            } else if forms[k] == o {
                depth += 1;
            }
            false
        }) else {
            continue;
        };
        // The head of what the pair encloses: a word inside whose head is outside.
        let outside = |k: usize| t.head(k).is_none_or(|h| h < open || h > close);
        let inner = (open + 1..close).filter(|&k| outside(k));
        let Some(head) = inner.clone().find(|&k| !punct(k)).or_else(|| inner.clone().next()) else { continue };
        t.heads[open] = head as u16;
        t.heads[close] = head as u16;
        kind[open] = Paired::Opening;
        kind[close] = Paired::Closing;
    }
    for x in 0..n {
        if punct(x) && kind[x] == Paired::No && t.head(x).is_some() {
            attach(&mut t, forms, &punct, &kind, x);
        }
    }
}

fn attach(t: &mut Tree<'_>, forms: &[&str], punct: &impl Fn(usize) -> bool, kind: &[Paired], x: usize) {
    let n = t.heads.len();
    let orig = t.heads[x];
    // The tree does not change until the mark is moved at the end: its spans are found once.
    let mut spans = Vec::with_capacity(n);
    t.spans(&mut spans);
    // A mark that opens or closes its head's phrase together with another mark (a pair of
    // commas around an apposition) stays.
    if let Some(p) = t.head(x) {
        let (lo, hi) = spans[p];
        if (x == lo || x == hi) && punct(lo) && punct(hi) && t.head(lo) == Some(p) && t.head(hi) == Some(p) {
            return;
        }
    }
    // The nearest words either side that are not punctuation (nor across a paired mark).
    let mut l = x.checked_sub(1);
    while let Some(k) = l {
        if !punct(k) {
            break;
        }
        if kind[k] == Paired::Opening && t.head(k) != Some(x) {
            l = None;
            break;
        }
        l = k.checked_sub(1);
    }
    let mut r = if is_final(forms[x]) || x + 1 >= n { None } else { Some(x + 1) };
    while let Some(k) = r {
        if !punct(k) {
            break;
        }
        if kind[k] == Paired::Closing && t.head(k) != Some(x) {
            r = None;
            break;
        }
        r = (k + 1 < n).then_some(k + 1);
    }
    // Climb from each while the head stays on that side and the phrase does not reach over x.
    let mut lpath = Vec::new();
    if let Some(mut c) = l {
        lpath.push(c);
        // At most n steps: the paired marks' re-attachment can leave a cycle to climb.
        while let Some(h) = t.head(c).filter(|_| lpath.len() <= n) {
            if h > x || spans[c].1 > x {
                break;
            }
            c = h;
            lpath.push(c);
        }
    }
    let mut rpath = Vec::new();
    if let Some(mut c) = r {
        rpath.push(c);
        while let Some(h) = t.head(c).filter(|_| rpath.len() <= n) {
            if h < x || spans[c].0 < x {
                break;
            }
            c = h;
            rpath.push(c);
        }
    }
    // Keep the candidates that make no arc cross.
    let ok = |c: usize, t: &mut Tree<'_>| {
        t.heads[x] = c as u16;
        let fine = t.projective(x) && (!t.gap(x) || t.gap(c));
        t.heads[x] = orig;
        fine
    };
    lpath.retain(|&c| ok(c, t));
    rpath.retain(|&c| ok(c, t));
    // The lower candidate; the parser's choice stands if it is on the chosen side's path
    // (either side's when neither candidate is below the other).
    let (lc, rc) = (lpath.last().copied(), rpath.last().copied());
    let (cand, left, right) = match (lc, rc) {
        (Some(a), Some(b)) if t.dominates(b, a) => (a, true, false),
        (Some(a), Some(b)) if t.dominates(a, b) => (b, false, true),
        (Some(a), _) => (a, true, true),
        (None, Some(b)) => (b, true, true),
        (None, None) => return,
    };
    let on = |path: &[usize], use_it: bool| use_it && path.iter().any(|&c| c as u16 == orig);
    if !on(&lpath, left) && !on(&rpath, right) {
        t.heads[x] = cand as u16;
    }
}

#[cfg(test)]
mod tests {
    use super::{ROOT_HEAD, Tree};

    #[test]
    fn all_spans_at_once_are_each_span() {
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = |m: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % m as u64) as usize
        };
        let mut spans = Vec::new();
        for n in 1..30 {
            for round in 0..30 {
                // Trees, and (every third round) arbitrary head arrays with cycles, which the
                // walks must bound the same way.
                let mut heads: Vec<u16> = (0..n).map(|_| next(n) as u16).collect();
                let root = next(n);
                heads[root] = ROOT_HEAD;
                if round % 3 != 0 {
                    for (d, h) in heads.iter_mut().enumerate() {
                        if d != root {
                            *h = if d == 0 { root as u16 } else { [root, next(d)][next(2)] as u16 };
                        }
                    }
                }
                let t = Tree { heads: &mut heads };
                t.spans(&mut spans);
                for (x, &s) in spans.iter().enumerate() {
                    assert_eq!(s, t.span(x), "word {x} of {:?}", t.heads);
                }
            }
        }
        // Not trivial: a root's span is the whole sentence.
        let mut heads = vec![1u16, ROOT_HEAD, 1];
        let t = Tree { heads: &mut heads };
        t.spans(&mut spans);
        assert_eq!(spans, vec![(0, 0), (0, 2), (2, 2)]);
    }

    #[test]
    fn a_cycle_is_not_a_tree() {
        use super::acyclic;
        assert!(acyclic(&[1, ROOT_HEAD, 1]));
        assert!(!acyclic(&[1, 2, 0]));
        assert!(!acyclic(&[ROOT_HEAD, 2, 1]));
        assert!(!acyclic(&[ROOT_HEAD, 7]));
    }
}
