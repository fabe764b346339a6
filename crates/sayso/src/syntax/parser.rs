//! The dependency parser: a greedy arc-hybrid transition parser (Kuhlmann et al. 2011) with
//! the root at the end of the buffer (Ballesteros & Nivre 2013), trained with a dynamic
//! oracle (Goldberg & Nivre 2013) so that it learns to recover from its own mistakes.
//!
//! A configuration is a stack and a buffer; three moves: SHIFT (the buffer's first word onto
//! the stack), LEFT (the stack's top becomes a dependent of the buffer's first word) and
//! RIGHT (the stack's top becomes a dependent of the word below it). Each move's score is
//! the sum of a small weight row per feature (words, tags, children and their relations
//! around the stack's top and the buffer's front); only when the move makes an arc is the
//! relation chosen, by a second table, from features of the two words and what already
//! hangs off them. The root is attached last and only when one word is left, so every
//! sentence has exactly one root. A sentence of n words takes 2n moves: linear time.

use super::model::Model;
use super::{Deprel, Scratch, Upos};
use crate::learn::mix;

/// Sentence-relative head of the root.
pub(crate) const ROOT_HEAD: u16 = u16::MAX;
/// No head yet (in `heads`).
const NONE: u16 = u16::MAX - 1;

/// Row width of the move table (three moves used).
pub(crate) const NM: usize = 4;
/// Row width of the relation table (at least `Deprel::ALL.len()`).
pub(crate) const NL: usize = 56;

/// Most features of one decision.
pub(crate) const MAX_FEATS: usize = 96;

/// The largest weight of the move and relation tables once quantised: a decision sums its
/// ~100 rows in `i16` ([`crate::learn::Table::sums16`], eight classes per vector add and
/// no widening), which saturates only past eight times this. 12 bits lose no LAS against
/// the full 16: on the UD dev texts 5 of 36,000 words change head or relation.
pub(crate) const QUANT: i16 = 4095;

pub(crate) const SHIFT: usize = 0;
pub(crate) const RIGHT: usize = 1;
pub(crate) const LEFT: usize = 2;

/// The parser's configuration and the partial tree, for one sentence at a time.
///
/// The per-word arrays have `n + 2` entries: the sentence's words, the root at `n` and "no
/// word" at `none` (`n + 1`), each holding the feature value its position has, so that
/// gathering a feature is one read with no case for a missing word.
#[derive(Default)]
pub(crate) struct State {
    pub(crate) stack: Vec<u16>,
    /// The buffer's front; `n` is the root.
    pub(crate) b: usize,
    pub(crate) n: usize,
    /// The index that stands for "no word": `n + 1`.
    none: u16,
    pub(crate) heads: Vec<u16>,
    /// Relations so far (255 for the root and "no word").
    pub(crate) labels: Vec<u8>,
    /// Word and tag values of the features (the root and "no word" have their own).
    words: Vec<u32>,
    tags: Vec<u32>,
    /// Leftmost and second leftmost, rightmost and second rightmost dependents.
    l1: Vec<u16>,
    l2: Vec<u16>,
    r1: Vec<u16>,
    r2: Vec<u16>,
    /// Numbers of left and right dependents, capped at 6 (15 for "no word").
    nl: Vec<u8>,
    nr: Vec<u8>,
    /// The relations of the left and right dependents, as bit sets (1 for "no word", which
    /// [`State::sets`] folds to 1).
    lset: Vec<u64>,
    rset: Vec<u64>,
    /// Punctuation words before each word (for "is there a comma between").
    punct: Vec<u16>,
}

fn fill<T: Copy>(v: &mut Vec<T>, n: usize, x: T) {
    v.clear();
    v.resize(n, x);
}

impl State {
    /// The start configuration for a sentence with these tags.
    pub(crate) fn start(&mut self, model: &Model, atoms: &[super::tagger::Atoms], tags: &[u8]) {
        let n = tags.len();
        let none = (n + 1) as u16;
        self.n = n;
        self.none = none;
        self.b = 0;
        self.stack.clear();
        fill(&mut self.heads, n, NONE);
        fill(&mut self.labels, n + 2, 255);
        self.labels[..n].fill(0);
        self.words.clear();
        self.words.extend(atoms[..n].iter().map(|a| a.lw));
        self.words.extend([2, 1]);
        self.tags.clear();
        self.tags.extend(tags.iter().map(|&t| u32::from(t)));
        self.tags.extend([251, 250]);
        fill(&mut self.l1, n + 2, none);
        fill(&mut self.l2, n + 2, none);
        fill(&mut self.r1, n + 2, none);
        fill(&mut self.r2, n + 2, none);
        fill(&mut self.nl, n + 2, 0);
        fill(&mut self.nr, n + 2, 0);
        self.nl[n + 1] = 15;
        self.nr[n + 1] = 15;
        fill(&mut self.lset, n + 2, 0);
        fill(&mut self.rset, n + 2, 0);
        self.lset[n + 1] = 1;
        self.rset[n + 1] = 1;
        self.punct.clear();
        let mut count = 0u16;
        for &t in tags {
            self.punct.push(count);
            if model.upos(t) == Upos::Punct {
                count = count.saturating_add(1);
            }
        }
        self.punct.push(count);
    }

    pub(crate) fn done(&self) -> bool {
        self.stack.is_empty() && self.b >= self.n
    }

    /// Which moves are possible: SHIFT while a word is in the buffer; RIGHT with two on the
    /// stack; LEFT with one, onto the root only when it is the last.
    pub(crate) fn valid(&self) -> [bool; 3] {
        let s = self.stack.len();
        [self.b < self.n, s >= 2, s >= 1 && (self.b < self.n || s == 1)]
    }

    fn s(&self, k: usize) -> u16 {
        let len = self.stack.len();
        if k < len { self.stack[len - 1 - k] } else { self.none }
    }

    fn buf(&self, k: usize) -> u16 {
        let i = self.b + k;
        if i <= self.n { i as u16 } else { self.none }
    }

    /// The arc a move makes: (head, dependent), the head `n` for the root.
    pub(crate) fn arc(&self, mv: usize) -> Option<(usize, usize)> {
        match mv {
            RIGHT => Some((self.s(1) as usize, self.s(0) as usize)),
            LEFT => Some((self.b, self.s(0) as usize)),
            _ => None,
        }
    }

    /// Applies a move, with the relation of the arc it makes.
    pub(crate) fn apply(&mut self, mv: usize, label: Deprel) {
        match mv {
            SHIFT => {
                self.stack.push(self.b as u16);
                self.b += 1;
            }
            _ => {
                let Some((h, d)) = self.arc(mv) else { return };
                self.stack.pop();
                self.heads[d] = if h == self.n { ROOT_HEAD } else { h as u16 };
                self.labels[d] = label as u8;
                let bit = 1u64 << (label as u32 & 63);
                if d < h {
                    self.l2[h] = self.l1[h];
                    self.l1[h] = d as u16;
                    self.nl[h] = (self.nl[h] + 1).min(6);
                    self.lset[h] |= bit;
                } else {
                    self.r2[h] = self.r1[h];
                    self.r1[h] = d as u16;
                    self.nr[h] = (self.nr[h] + 1).min(6);
                    self.rset[h] |= bit;
                }
            }
        }
    }

    /// Costs of the three moves against gold heads (`n` for the root), for a projective
    /// gold tree: how many gold arcs each move makes unreachable.
    pub(crate) fn costs(&self, gold: &[u16]) -> [u32; 3] {
        let n = self.n;
        let g = |i: u16| gold[i as usize] as usize;
        let len = self.stack.len();
        let mut c = [0u32; 3];
        if self.b < n {
            let b = self.b;
            // Shifting b: its dependents on the stack and its head below the top are lost,
            // and the root too unless the stack is empty.
            let below_top = if len > 0 { &self.stack[..len - 1] } else { &self.stack[..] };
            c[SHIFT] = self.stack.iter().filter(|&&d| g(d) == b).count() as u32
                + u32::from(below_top.iter().any(|&h| h as usize == gold[b] as usize))
                + u32::from(gold[b] as usize == n && len > 0);
        }
        if len >= 1 {
            let s0 = self.s(0);
            let deps_in_buffer = (self.b..n).filter(|&d| gold[d] == s0).count() as u32;
            let h = g(s0);
            let s1 = if len >= 2 { self.s(1) as usize } else { usize::MAX };
            if len >= 2 {
                c[RIGHT] = deps_in_buffer + u32::from(h != s1 && h >= self.b && h < n);
            }
            let reachable_elsewhere = h == s1 || (h > self.b && h < n) || (h == n && len == 1 && self.b < n);
            c[LEFT] = deps_in_buffer + u32::from(h != self.b && reachable_elsewhere);
        }
        c
    }

    fn word(&self, i: u16) -> u32 {
        self.words[i as usize]
    }

    fn tag(&self, i: u16) -> u32 {
        self.tags[i as usize]
    }

    fn label(&self, i: u16) -> u32 {
        u32::from(self.labels[i as usize])
    }

    fn valency(&self, i: u16) -> (u32, u32) {
        (u32::from(self.nl[i as usize]), u32::from(self.nr[i as usize]))
    }

    fn child(&self, v: &[u16], i: u16) -> u16 {
        v[i as usize]
    }

    fn sets(&self, i: u16) -> (u32, u32) {
        let fold = |x: u64| (x ^ (x >> 32)) as u32;
        (fold(self.lset[i as usize]), fold(self.rset[i as usize]))
    }

    /// Punctuation between words `a` < `b` (capped).
    fn punct_between(&self, a: u16, b: u16) -> u32 {
        if a == self.none || b == self.none || a >= b {
            return 9;
        }
        let (a, b) = (a as usize, (b as usize).min(self.n));
        u32::from((self.punct[b] - self.punct[a + 1].min(self.punct[b])).min(3))
    }

    /// The features of the current configuration for choosing a move, into `out`.
    pub(crate) fn move_features(&self, out: &mut [u32; MAX_FEATS]) -> usize {
        let (s0, s1, s2) = (self.s(0), self.s(1), self.s(2));
        let (b0, b1, b2) = (self.buf(0), self.buf(1), self.buf(2));
        let w = |i| self.word(i);
        let t = |i| self.tag(i);
        let l = |i| self.label(i);
        let (s0l1, s0l2) = (self.child(&self.l1, s0), self.child(&self.l2, s0));
        let (s0r1, s0r2) = (self.child(&self.r1, s0), self.child(&self.r2, s0));
        let (b0l1, b0l2) = (self.child(&self.l1, b0), self.child(&self.l2, b0));
        let (s1r1, s1l1) = (self.child(&self.r1, s1), self.child(&self.l1, s1));
        let (ws0, ws1, wb0, wb1, wb2, ws2) = (w(s0), w(s1), w(b0), w(b1), w(b2), w(s2));
        let (ts0, ts1, ts2, tb0, tb1, tb2) = (t(s0), t(s1), t(s2), t(b0), t(b1), t(b2));
        let none = self.none;
        let d = if s0 == none || b0 == none { 0 } else { distance(b0 as usize - s0 as usize) };
        let d2 = if s0 == none || s1 == none { 0 } else { distance(s0 as usize - s1 as usize) };
        let (s0vl, s0vr) = self.valency(s0);
        let (b0vl, _) = self.valency(b0);
        let (_, s1vr) = self.valency(s1);
        let (s0ls, s0rs) = self.sets(s0);
        let (b0ls, _) = self.sets(b0);
        let (_, s1rs) = self.sets(s1);
        let pb = self.punct_between(s0, b0);
        let p1 = self.punct_between(s1, s0);
        let tt = |a: u32, b: u32| (a << 8) | b;
        let feats = [
            mix(0, 0, 0, 0),
            mix(1, ws0, 0, 0),
            mix(2, ts0, 0, 0),
            mix(3, ws0, ts0, 0),
            mix(4, ws1, 0, 0),
            mix(5, ts1, 0, 0),
            mix(6, ws1, ts1, 0),
            mix(7, ts2, 0, 0),
            mix(8, ws2, 0, 0),
            mix(9, wb0, 0, 0),
            mix(10, tb0, 0, 0),
            mix(11, wb0, tb0, 0),
            mix(12, wb1, 0, 0),
            mix(13, tb1, 0, 0),
            mix(14, wb1, tb1, 0),
            mix(15, wb2, 0, 0),
            mix(16, tb2, 0, 0),
            mix(17, ws0, wb0, 0),
            mix(18, ws0, tt(ts0, tb0), 0),
            mix(19, wb0, tt(ts0, tb0), 0),
            mix(20, ws0, wb0, tt(ts0, tb0)),
            mix(21, ws0, tb0, 0),
            mix(22, wb0, ts0, 0),
            mix(23, tt(ts0, tb0), 0, 0),
            mix(24, tt(tb0, tb1), 0, 0),
            mix(25, tt(tb0, tb1), tb2, 0),
            mix(26, tt(ts0, tb0), tb1, 0),
            mix(27, tt(ts1, ts0), tb0, 0),
            mix(28, tt(ts0, t(s0l1)), tb0, 0),
            mix(29, tt(ts0, t(s0r1)), tb0, 0),
            mix(30, tt(ts0, tb0), t(b0l1), 0),
            mix(31, tt(ts0, t(s0l1)), t(s0l2), 0),
            mix(32, tt(ts0, t(s0r1)), t(s0r2), 0),
            mix(33, tt(tb0, t(b0l1)), t(b0l2), 0),
            mix(34, tt(ts1, t(s1r1)), ts0, 0),
            mix(35, tt(ts2, ts1), ts0, 0),
            mix(36, ws0, d, 0),
            mix(37, ts0, d, 0),
            mix(38, wb0, d, 0),
            mix(39, tb0, d, 0),
            mix(40, tt(ts0, tb0), d, 0),
            mix(41, ws0, wb0, d),
            mix(42, tt(ts1, ts0), d2, 0),
            mix(43, ws1, ws0, 0),
            mix(44, ws0, s0vr, 0),
            mix(45, ts0, s0vr, 0),
            mix(46, ws0, s0vl, 0),
            mix(47, ts0, s0vl, 0),
            mix(48, wb0, b0vl, 0),
            mix(49, tb0, b0vl, 0),
            mix(50, ts1, s1vr, 0),
            mix(51, w(s0l1), 0, 0),
            mix(52, t(s0l1), 0, 0),
            mix(53, l(s0l1), 0, 0),
            mix(54, t(s0l2), 0, 0),
            mix(55, l(s0l2), 0, 0),
            mix(56, w(s0r1), 0, 0),
            mix(57, t(s0r1), 0, 0),
            mix(58, l(s0r1), 0, 0),
            mix(59, t(s0r2), 0, 0),
            mix(60, l(s0r2), 0, 0),
            mix(61, w(b0l1), 0, 0),
            mix(62, t(b0l1), 0, 0),
            mix(63, l(b0l1), 0, 0),
            mix(64, t(b0l2), 0, 0),
            mix(65, l(b0l2), 0, 0),
            mix(66, t(s1r1), l(s1r1), 0),
            mix(67, t(s1l1), l(s1l1), 0),
            mix(68, ts0, s0ls, 0),
            mix(69, ts0, s0rs, 0),
            mix(70, tb0, b0ls, 0),
            mix(71, ws0, s0rs, 0),
            mix(72, ws0, s0ls, 0),
            mix(73, wb0, b0ls, 0),
            mix(74, ts1, s1rs, 0),
            mix(75, tt(ts0, tb0), pb, 0),
            mix(76, tt(ts1, ts0), p1, 0),
            mix(77, ws0, tb0, pb),
            mix(78, tt(ts0, l(s0l1)), tb0, 0),
            mix(79, tt(ts0, l(s0r1)), tb0, 0),
            mix(80, tt(tb0, l(b0l1)), ts0, 0),
            // The pair a RIGHT move joins: the stack's top two, as the top and the buffer's
            // front are for LEFT.
            mix(81, ws1, tt(ts1, ts0), 0),
            mix(82, ws0, tt(ts1, ts0), 0),
            mix(83, ws1, ws0, tt(ts1, ts0)),
            mix(84, tt(ts1, ts0), 0, 0),
            mix(85, ws1, d2, 0),
            mix(86, ws0, d2, 0),
            mix(87, ws1, ws0, d2),
            mix(88, tt(ts1, ts0), t(s0l1), 0),
            mix(89, tt(ts1, ts0), t(s0r1), 0),
            mix(90, tt(ts1, t(s1l1)), ts0, 0),
            mix(91, tt(ts1, ts0), s0ls, 0),
            mix(92, tt(ts1, ts0), s0rs, 0),
            mix(93, ws1, ts0, tb0),
            mix(94, ws0, tt(ts1, tb0), 0),
            mix(95, wb0, tt(ts1, ts0), 0),
        ];
        out[..feats.len()].copy_from_slice(&feats);
        feats.len()
    }

    /// The features for choosing the relation of the arc `h` → `d` (`h == n`: the root).
    pub(crate) fn label_features(&self, h: usize, d: usize, out: &mut [u32; MAX_FEATS]) -> usize {
        let (h, d) = (h as u16, d as u16);
        let w = |i| self.word(i);
        let t = |i| self.tag(i);
        let l = |i| self.label(i);
        let tt = |a: u32, b: u32| (a << 8) | b;
        let dir = u32::from(d < h);
        let (wd, td, wh, th) = (w(d), t(d), w(h), t(h));
        let dist = distance((h as usize).abs_diff(d as usize));
        let (dl1, dr1, dl2) = (self.child(&self.l1, d), self.child(&self.r1, d), self.child(&self.l2, d));
        let (hl1, hr1) = (self.child(&self.l1, h), self.child(&self.r1, h));
        let (dls, drs) = self.sets(d);
        let (hls, hrs) = self.sets(h);
        let none = self.none;
        let prev = |i: u16| if i == 0 || i >= none { none } else { i - 1 };
        let next = |i: u16| if i as usize + 1 >= self.n { none } else { i + 1 };
        let feats = [
            mix(100, dir, 0, 0),
            mix(101, wd, dir, 0),
            mix(102, td, dir, 0),
            mix(103, wd, td, dir),
            mix(104, wh, dir, 0),
            mix(105, th, dir, 0),
            mix(106, wh, th, dir),
            mix(107, tt(td, th), dir, 0),
            mix(108, wd, th, dir),
            mix(109, td, wh, dir),
            mix(110, wd, wh, dir),
            mix(111, tt(td, th), dist, dir),
            mix(112, w(dl1), t(dl1), dir),
            mix(113, tt(t(dl1), l(dl1)), td, dir),
            mix(114, w(dl1), td, th),
            mix(115, tt(t(dr1), l(dr1)), td, dir),
            mix(116, w(dr1), td, 0),
            mix(117, tt(l(dl2), l(dl1)), td, 0),
            mix(118, dls, td, dir),
            mix(119, drs, td, dir),
            mix(120, dls, tt(td, th), dir),
            mix(121, hls, tt(td, th), dir),
            mix(122, hrs, tt(td, th), dir),
            mix(123, tt(l(hl1), t(hl1)), tt(td, th), dir),
            mix(124, tt(l(hr1), t(hr1)), tt(td, th), dir),
            mix(125, tt(t(prev(d)), td), th, dir),
            mix(126, tt(td, t(next(d))), th, dir),
            mix(127, tt(t(prev(h)), th), td, dir),
            mix(128, tt(th, t(next(h))), td, dir),
            mix(129, w(dl1), wh, 0),
            mix(130, w(dl1), wd, 0),
            mix(131, wd, drs, 0),
        ];
        out[..feats.len()].copy_from_slice(&feats);
        feats.len()
    }
}

fn distance(d: usize) -> u32 {
    match d {
        0..=4 => d as u32,
        5..=7 => 5,
        8..=15 => 6,
        _ => 7,
    }
}

/// What [`run`] does with a move that is the only valid one.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Forced {
    /// Computes its features and asks `choose_move`, as for any other move.
    Score,
    /// Takes it.
    Take,
}

/// Runs the transitions over the loaded, tagged sentence: `choose_move` gets the state, the
/// move features and the valid moves and returns a move; `choose_label` gets the state, the
/// arc (head, dependent; head `n` for the root) and its features and returns a relation.
/// Parsing and training differ only in the two choices, and in `forced`: whether a move
/// that is the only valid one is still put to `choose_move` (training ticks its averages and
/// draws its exploration on every move, so the committed weights depend on it) or taken
/// without computing features (parsing: the scores could not change it). Leaves heads and
/// relations in `s`.
pub(crate) fn run(
    model: &Model,
    s: &mut Scratch,
    forced: Forced,
    mut choose_move: impl FnMut(&State, &[u32], [bool; 3]) -> usize,
    mut choose_label: impl FnMut(&State, usize, usize, &[u32]) -> Deprel,
) {
    let Scratch { atoms, tags, heads, labels, parser: st, .. } = s;
    st.start(model, atoms, tags);
    let mut feats = [0u32; MAX_FEATS];
    // Each move either shifts a word or attaches one: 2n moves; the bound guards the loop.
    for _ in 0..2 * st.n + 2 {
        if st.done() {
            break;
        }
        let valid = st.valid();
        let only = match valid {
            [true, false, false] => Some(SHIFT),
            [false, true, false] => Some(RIGHT),
            [false, false, true] => Some(LEFT),
            _ => None,
        };
        let mut mv = match (only, forced) {
            (Some(mv), Forced::Take) => mv,
            _ => {
                let k = st.move_features(&mut feats);
                choose_move(st, &feats[..k], valid)
            }
        };
        if !valid[mv] {
            mv = valid.iter().position(|&v| v).unwrap_or(SHIFT);
        }
        let label = match st.arc(mv) {
            Some((h, _)) if h == st.n => Deprel::Root,
            Some((h, d)) => {
                let k = st.label_features(h, d, &mut feats);
                choose_label(st, h, d, &feats[..k])
            }
            None => Deprel::Dep,
        };
        st.apply(mv, label);
    }
    heads.clear();
    labels.clear();
    for i in 0..st.n {
        // A word left without a head (only possible if the loop bound cut it) hangs off the
        // last word, so the output stays a tree.
        let h = st.heads[i];
        heads.push(if h == NONE { if i + 1 == st.n { ROOT_HEAD } else { (st.n - 1) as u16 } } else { h });
        labels.push(if h == NONE { Deprel::Dep } else { Deprel::ALL[st.labels[i] as usize] });
    }
}

/// The best valid move by the scores.
pub(crate) fn best_move<T: PartialOrd>(scores: &[T; NM], valid: [bool; 3]) -> usize {
    let mut best = usize::MAX;
    for m in 0..3 {
        if valid[m] && (best == usize::MAX || scores[m] > scores[best]) {
            best = m;
        }
    }
    best.min(2)
}

/// The best relation other than `root` by the scores.
pub(crate) fn best_label<T: PartialOrd>(scores: &[T; NL]) -> Deprel {
    let mut best = Deprel::Dep as usize;
    for (k, s) in scores.iter().enumerate().take(Deprel::ALL.len()) {
        if k != Deprel::Root as usize && *s > scores[best] {
            best = k;
        }
    }
    Deprel::ALL[best]
}

/// Parses the loaded, tagged sentence with the model.
pub(crate) fn parse(model: &Model, s: &mut Scratch) {
    let (moves, labels) = (&model.moves, &model.labels);
    run(
        model,
        s,
        Forced::Take,
        |_, f, valid| best_move(&moves.sums16(f), valid),
        |_, _, _, f| best_label(&labels.sums16(f)),
    );
}

/// Makes a gold tree projective by lifting: while an arc crosses another, the dependent of
/// the shortest such arc is re-attached to its head's head (Nivre & Nilsson 2005, without
/// encoding the lift in the relation). `heads` are sentence-relative, `n` for the root.
pub(crate) fn projectivise(heads: &mut [u16]) {
    let n = heads.len();
    for _ in 0..n * n {
        let mut worst: Option<(usize, usize)> = None;
        for d in 0..n {
            let h = heads[d] as usize;
            if h >= n {
                continue;
            }
            let (lo, hi) = if h < d { (h, d) } else { (d, h) };
            let crossing = (lo + 1..hi).any(|k| !dominates(heads, h, k));
            if crossing && worst.is_none_or(|(_, len)| hi - lo < len) {
                worst = Some((d, hi - lo));
            }
        }
        let Some((d, _)) = worst else { return };
        heads[d] = heads[heads[d] as usize];
    }
}

/// Whether `h` is `k` or an ancestor of `k`.
fn dominates(heads: &[u16], h: usize, k: usize) -> bool {
    let mut cur = k;
    for _ in 0..=heads.len() {
        if cur == h {
            return true;
        }
        if cur >= heads.len() {
            return false;
        }
        cur = heads[cur] as usize;
    }
    false
}
