//! Distributional word clusters: a hierarchy over words learned from unlabelled text, so that
//! the tagger can tell that an unseen "Cowley" keeps company with other surnames and an unseen
//! "Bedhampton" with other villages (Brown et al. 1992's idea, as used for names by Miller et
//! al. 2004, Ratinov & Roth 2009 and Turian et al. 2010; the clustering here is Lin & Wu
//! 2009's kind: words as vectors of their contexts, split by k-means).
//!
//! Learning ([`learn`], run by `just clusters` through `examples/word_clusters.rs`): every
//! word's lowercase form (digits folded to `0`) is described by the words one and two places to
//! either side of it (the most frequent words only), weighted by positive pointwise mutual
//! information with smoothed context probabilities (Levy, Goldberg & Dagan 2015); the vectors
//! are split in two by spherical 2-means, and each half again, to [`DEPTH`] levels. A word's
//! path from the root (0 = first half, 1 = second) is its cluster; its prefixes are coarser
//! clusters. Everything is sequential with a fixed order and fixed starting points, so the same
//! text gives the same bytes.
//!
//! The table (`clusters.tsv`: word, path) is embedded; [`super::tagger::word_cluster`] looks a
//! word up, and the tagger's features read a token's path and two of its prefixes.

use foldhash::{HashMap, HashMapExt};

/// Levels of the hierarchy: at most `2^DEPTH` clusters.
pub const DEPTH: u32 = 12;

/// A cluster as a heap index: the root is 1, the children of `n` are `2n` and `2n + 1`, so the
/// path's length is the position of the highest bit and a prefix is a right shift.
pub type Node = u16;

/// The prefix of `node` of at most `bits` levels below the root.
#[must_use]
pub fn prefix(node: Node, bits: u32) -> Node {
    let depth = 15 - node.leading_zeros().min(15);
    if depth > bits { node >> (depth - bits) } else { node }
}

/// The path of a node as the `0`/`1` string written in `clusters.tsv` ("" for the root).
#[must_use]
pub fn path_string(node: Node) -> String {
    let depth = 15 - node.leading_zeros().min(15);
    (0..depth).rev().map(|k| if node >> k & 1 == 1 { '1' } else { '0' }).collect()
}

/// The node of a `0`/`1` path string; `None` when it is not one or is deeper than [`DEPTH`].
#[must_use]
pub fn parse_path(path: &str) -> Option<Node> {
    if path.len() > DEPTH as usize {
        return None;
    }
    path.bytes().try_fold(1 as Node, |n, b| match b {
        b'0' => Some(n << 1),
        b'1' => Some(n << 1 | 1),
        _ => None,
    })
}

/// Settings of [`learn`].
#[derive(Debug, Clone, Copy)]
pub struct Settings {
    /// Words seen fewer times are left out.
    pub min_count: u32,
    /// At most this many words (the most frequent) are clustered.
    pub max_words: usize,
    /// Context words: the most frequent this many, one place away.
    pub near_contexts: usize,
    /// Context words two places away.
    pub far_contexts: usize,
    /// A cluster with fewer words is not split.
    pub min_split: usize,
    /// Rounds of 2-means per split.
    pub rounds: usize,
}

impl Default for Settings {
    fn default() -> Self {
        Settings { min_count: 3, max_words: 100_000, near_contexts: 1000, far_contexts: 300, min_split: 8, rounds: 12 }
    }
}

/// The sentence boundary as a context word.
const BOUNDARY: &str = "\u{0}";

/// The clusters of the words of `sentences` (each a list of lowercase, digit-folded tokens,
/// punctuation included, which serves as context only): the words with a letter seen at least
/// `min_count` times, most frequent first (ties by the word), each with its node.
#[must_use]
pub fn learn(sentences: &[Vec<String>], settings: &Settings) -> Vec<(String, Node)> {
    let mut counts: HashMap<&str, u32> = HashMap::new();
    for s in sentences {
        for w in s {
            *counts.entry(w.as_str()).or_default() += 1;
        }
    }
    let mut by_count: Vec<(&str, u32)> = counts.iter().map(|(w, c)| (*w, *c)).collect();
    by_count.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    // Contexts: the most frequent tokens and the boundary, separately one and two places away.
    let near: HashMap<&str, u32> = std::iter::once(BOUNDARY)
        .chain(by_count.iter().map(|(w, _)| *w))
        .take(settings.near_contexts + 1)
        .enumerate()
        .map(|(k, w)| (w, k as u32))
        .collect();
    let far: HashMap<&str, u32> =
        near.iter().filter(|(_, k)| (**k as usize) <= settings.far_contexts).map(|(w, k)| (*w, *k)).collect();
    let stride = near.len() as u32;
    // Context dimensions: [left-1, right-1] × near, then [left-2, right-2] × far.
    let dims = (2 * stride + 2 * stride) as usize;
    let words: Vec<&str> = by_count
        .iter()
        .filter(|(w, c)| *c >= settings.min_count && w.chars().any(char::is_alphabetic))
        .take(settings.max_words)
        .map(|(w, _)| *w)
        .collect();
    let index: HashMap<&str, u32> = words.iter().enumerate().map(|(k, w)| (*w, k as u32)).collect();
    // Co-occurrence counts as (word, dimension) keys, sorted and run-length counted.
    let mut pairs: Vec<u64> = Vec::new();
    for s in sentences {
        let at = |k: isize| -> &str { if k < 0 || k as usize >= s.len() { BOUNDARY } else { s[k as usize].as_str() } };
        for (i, w) in s.iter().enumerate() {
            let Some(&wi) = index.get(w.as_str()) else { continue };
            let i = i as isize;
            let mut push = |dim: u32| pairs.push(u64::from(wi) << 32 | u64::from(dim));
            if let Some(&c) = near.get(at(i - 1)) {
                push(c);
            }
            if let Some(&c) = near.get(at(i + 1)) {
                push(stride + c);
            }
            if let Some(&c) = far.get(at(i - 2)) {
                push(2 * stride + c);
            }
            if let Some(&c) = far.get(at(i + 2)) {
                push(3 * stride + c);
            }
        }
    }
    pairs.sort_unstable();
    let mut rows: Vec<Vec<(u32, f32)>> = vec![Vec::new(); words.len()];
    let mut dim_total = vec![0f64; dims];
    let mut word_total = vec![0f64; words.len()];
    let mut k = 0;
    while k < pairs.len() {
        let mut j = k;
        while j < pairs.len() && pairs[j] == pairs[k] {
            j += 1;
        }
        let (w, d) = ((pairs[k] >> 32) as usize, (pairs[k] & 0xffff_ffff) as u32);
        let n = (j - k) as f64;
        rows[w].push((d, n as f32));
        dim_total[d as usize] += n;
        word_total[w] += n;
        k = j;
    }
    // Positive PMI with context probabilities smoothed by the power 0.75, rows of unit length.
    let smoothed: Vec<f64> = dim_total.iter().map(|n| n.powf(0.75)).collect();
    let smoothed_sum: f64 = smoothed.iter().sum();
    let total: f64 = word_total.iter().sum();
    for (w, row) in rows.iter_mut().enumerate() {
        for (d, x) in row.iter_mut() {
            let p_wc = f64::from(*x) / total;
            let p_w = word_total[w] / total;
            let p_c = smoothed[*d as usize] / smoothed_sum;
            *x = (p_wc / (p_w * p_c)).ln().max(0.0) as f32;
        }
        row.retain(|(_, x)| *x > 0.0);
        let norm = row.iter().map(|(_, x)| f64::from(*x) * f64::from(*x)).sum::<f64>().sqrt();
        if norm > 0.0 {
            for (_, x) in row.iter_mut() {
                *x = (f64::from(*x) / norm) as f32;
            }
        }
    }
    let mut node = vec![1 as Node; words.len()];
    // Breadth first: split every cluster of a level before the next level.
    let mut level: Vec<(Node, Vec<u32>)> = vec![(1, (0..words.len() as u32).collect())];
    for _ in 0..DEPTH {
        let mut next = Vec::with_capacity(level.len() * 2);
        for (n, members) in level {
            if members.len() < settings.min_split {
                continue;
            }
            let Some((left, right)) = split(&rows, &members, dims, settings.rounds) else { continue };
            for &m in &left {
                node[m as usize] = n << 1;
            }
            for &m in &right {
                node[m as usize] = n << 1 | 1;
            }
            next.push((n << 1, left));
            next.push((n << 1 | 1, right));
        }
        level = next;
    }
    words.iter().zip(node).map(|(w, n)| ((*w).to_string(), n)).collect()
}

/// Sparse dot product of a row with a dense vector.
fn dot(row: &[(u32, f32)], dense: &[f64]) -> f64 {
    row.iter().map(|(d, x)| f64::from(*x) * dense[*d as usize]).sum()
}

/// The unit-length mean of some rows, dense.
fn centroid(rows: &[Vec<(u32, f32)>], members: impl Iterator<Item = u32>, dims: usize) -> Vec<f64> {
    let mut c = vec![0f64; dims];
    for m in members {
        for (d, x) in &rows[m as usize] {
            c[*d as usize] += f64::from(*x);
        }
    }
    let norm = c.iter().map(|x| x * x).sum::<f64>().sqrt();
    if norm > 0.0 {
        for x in &mut c {
            *x /= norm;
        }
    }
    c
}

/// Splits `members` in two: by the sign of their projection on the first principal direction
/// of the cluster (Boley 1998's principal direction divisive partitioning; power iteration from
/// the most frequent member, so no random start), then rounds of spherical 2-means from those
/// halves. `None` when one side comes out empty.
fn split(rows: &[Vec<(u32, f32)>], members: &[u32], dims: usize, rounds: usize) -> Option<(Vec<u32>, Vec<u32>)> {
    let mut mean = vec![0f64; dims];
    for &m in members {
        for (d, x) in &rows[m as usize] {
            mean[*d as usize] += f64::from(*x);
        }
    }
    let n = members.len() as f64;
    for x in &mut mean {
        *x /= n;
    }
    // v <- sum over members of (x - mean) ((x - mean) . v), from the first member's direction.
    let mut v: Vec<f64> = mean.iter().map(|m| -m).collect();
    for (d, x) in &rows[members[0] as usize] {
        v[*d as usize] += f64::from(*x);
    }
    for _ in 0..POWER_ROUNDS {
        let mean_v: f64 = mean.iter().zip(&v).map(|(a, b)| a * b).sum();
        let mut next = vec![0f64; dims];
        let mut total = 0.0;
        for &m in members {
            let row = &rows[m as usize];
            let s = dot(row, &v) - mean_v;
            for (d, x) in row {
                next[*d as usize] += s * f64::from(*x);
            }
            total += s;
        }
        for (x, m) in next.iter_mut().zip(&mean) {
            *x -= total * m;
        }
        let norm = next.iter().map(|x| x * x).sum::<f64>().sqrt();
        if norm == 0.0 {
            return None;
        }
        v = next.into_iter().map(|x| x / norm).collect();
    }
    let mean_v: f64 = mean.iter().zip(&v).map(|(a, b)| a * b).sum();
    let mut side: Vec<bool> = members.iter().map(|&m| dot(&rows[m as usize], &v) > mean_v).collect();
    for _ in 0..rounds {
        let a = centroid(rows, members.iter().zip(&side).filter(|(_, s)| !**s).map(|(m, _)| *m), dims);
        let b = centroid(rows, members.iter().zip(&side).filter(|(_, s)| **s).map(|(m, _)| *m), dims);
        let next: Vec<bool> = members
            .iter()
            .map(|&m| {
                let row = &rows[m as usize];
                dot(row, &b) > dot(row, &a)
            })
            .collect();
        // A round that would empty a side keeps the halves it has.
        if next == side || next.iter().all(|s| *s) || next.iter().all(|s| !*s) {
            break;
        }
        side = next;
    }
    let (mut left, mut right) = (Vec::new(), Vec::new());
    for (&m, s) in members.iter().zip(side) {
        if s { right.push(m) } else { left.push(m) }
    }
    if left.is_empty() || right.is_empty() {
        return None;
    }
    Some((left, right))
}

/// Rounds of power iteration for a split's principal direction.
const POWER_ROUNDS: usize = 16;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_round_trip_and_prefixes_shorten() {
        for p in ["", "0", "1", "0110", "101101011100"] {
            let n = parse_path(p).unwrap();
            assert_eq!(path_string(n), p);
        }
        let n = parse_path("101101").unwrap();
        assert_eq!(path_string(prefix(n, 4)), "1011");
        assert_eq!(path_string(prefix(n, 8)), "101101");
        assert!(parse_path("012").is_none());
        assert!(parse_path("0000000000000").is_none());
    }

    /// Words used alike end up together: names after "mr." and before "said" apart from towns
    /// after "in" and before "is".
    #[test]
    fn words_in_the_same_contexts_share_a_cluster() {
        let people = ["smith", "jones", "brown", "taylor", "wilson", "evans"];
        let towns = ["leeds", "york", "bath", "derby", "hull", "ely"];
        let mut sentences = Vec::new();
        for round in 0..6 {
            for (k, p) in people.iter().enumerate() {
                let t = towns[(k + round) % towns.len()];
                let s = format!("yesterday mr. {p} said that the road in {t} is closed .");
                sentences.push(s.split(' ').map(str::to_string).collect::<Vec<_>>());
            }
        }
        let settings = Settings { min_count: 2, min_split: 2, ..Settings::default() };
        let out = learn(&sentences, &settings);
        let of = |w: &str| out.iter().find(|(x, _)| x == w).map(|(_, n)| *n).unwrap();
        // The first split that separates two people or two towns is deeper than the one that
        // separates people from towns.
        let common = |a: Node, b: Node| {
            let (pa, pb) = (path_string(a), path_string(b));
            pa.chars().zip(pb.chars()).take_while(|(x, y)| x == y).count()
        };
        let across = common(of("smith"), of("leeds"));
        for w in &people[1..] {
            assert!(common(of("smith"), of(w)) > across, "{w} apart from smith");
        }
        for w in &towns[1..] {
            assert!(common(of("leeds"), of(w)) > across, "{w} apart from leeds");
        }
        // Deterministic.
        assert_eq!(learn(&sentences, &settings), out);
    }
}
