//! Pieces shared by the learned components (the entities stage's tagger, the syntax stage's
//! tagger and parser): hashed string features and their combinations, so that a feature is a
//! 32-bit key computed without allocating, and the averaged perceptron that learns weights for
//! them (integer updates, so training is exact and the same data give the same bytes).

/// Streaming feature hash (32-bit FNV-1a, finalised with murmur3's mixer).
#[derive(Clone, Copy)]
pub(crate) struct H(pub(crate) u32);

impl H {
    pub(crate) fn new(template: u32) -> Self {
        H((0x811c_9dc5 ^ template).wrapping_mul(0x0100_0193))
    }
    pub(crate) fn byte(self, b: u8) -> Self {
        H((self.0 ^ u32::from(b)).wrapping_mul(0x0100_0193))
    }
    pub(crate) fn ch(self, c: char) -> Self {
        // An ASCII character is its one UTF-8 byte: the common case, without encoding.
        if c.is_ascii() {
            return self.byte(c as u8);
        }
        let mut buf = [0u8; 4];
        c.encode_utf8(&mut buf).bytes().fold(self, H::byte)
    }
    pub(crate) fn done(self) -> u32 {
        let mut h = self.0;
        h ^= h >> 16;
        h = h.wrapping_mul(0x85eb_ca6b);
        h ^= h >> 13;
        h = h.wrapping_mul(0xc2b2_ae35);
        h ^= h >> 16;
        h.max(1)
    }
}

/// A 64-bit finaliser (splitmix64's): cheap, and good enough to spread combined features.
pub(crate) fn fin(mut x: u64) -> u64 {
    x ^= x >> 30;
    x = x.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x ^= x >> 27;
    x = x.wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}
pub(crate) fn key(x: u64) -> u32 {
    ((x >> 32) as u32).max(1)
}
pub(crate) fn f1(t: u32, a: u32) -> u32 {
    key(fin((u64::from(t) << 32) | u64::from(a)))
}
pub(crate) fn f2(t: u32, a: u32, b: u32) -> u32 {
    key(fin(fin((u64::from(t) << 32) | u64::from(a)) ^ u64::from(b)))
}
pub(crate) fn f3(t: u32, a: u32, b: u32, c: u32) -> u32 {
    key(fin(fin(fin((u64::from(t) << 32) | u64::from(a)) ^ u64::from(b)) ^ u64::from(c)))
}

pub(crate) fn shape_char(c: char) -> char {
    if c.is_uppercase() {
        'X'
    } else if c.is_lowercase() {
        'x'
    } else if c.is_numeric() {
        'd'
    } else {
        c
    }
}

/// The hashes of a token's word, lowercase form (digits folded), shape (first 12
/// characters) and short shape, and whether it has a capital letter: one pass over the
/// bytes of an ASCII token (most of them), over the characters otherwise, with the same
/// result as [`word_hashes_by_char`].
pub(crate) fn word_hashes(w: &str) -> ([u32; 4], bool) {
    if !w.is_ascii() {
        return word_hashes_by_char(w);
    }
    let (mut word, mut lower) = (H::new(1), H::new(2));
    let (mut shape, mut short) = (H::new(3), H::new(4));
    let mut upper = false;
    let mut last = 0u8;
    for (k, &b) in w.as_bytes().iter().enumerate() {
        word = word.byte(b);
        lower = lower.byte(fold_byte(b));
        let s = ascii_shape(b);
        upper |= s == b'X';
        if k < 12 {
            shape = shape.byte(s);
        }
        if s != last {
            short = short.byte(s);
            last = s;
        }
    }
    ([word.done(), lower.done(), shape.done(), short.done()], upper)
}

/// [`word_hashes`] character by character.
pub(crate) fn word_hashes_by_char(w: &str) -> ([u32; 4], bool) {
    let (mut word, mut lower) = (H::new(1), H::new(2));
    let (mut shape, mut short) = (H::new(3), H::new(4));
    let mut upper = false;
    let mut last = '\0';
    for (k, c) in w.chars().enumerate() {
        if c.is_ascii() {
            let b = c as u8;
            word = word.byte(b);
            lower = lower.byte(fold_byte(b));
        } else {
            word = word.ch(c);
            for l in c.to_lowercase() {
                lower = lower.ch(l);
            }
        }
        let s = shape_char(c);
        upper |= s == 'X';
        if k < 12 {
            shape = shape.ch(s);
        }
        if s != last {
            short = short.ch(s);
            last = s;
        }
    }
    ([word.done(), lower.done(), shape.done(), short.done()], upper)
}

/// The hashes of a token's lowercase prefixes of one to four characters and of its
/// lowercase suffixes (digits folded) of one to four characters: bytes for an ASCII token,
/// characters otherwise, with the same result as [`affix_hashes_by_char`].
pub(crate) fn affix_hashes(w: &str) -> ([u32; 4], [u32; 4], usize, usize) {
    if !w.is_ascii() {
        return affix_hashes_by_char(w);
    }
    let bytes = w.as_bytes();
    let n = bytes.len().min(4);
    let (mut prefixes, mut suffixes) = ([0u32; 4], [0u32; 4]);
    let mut p = H::new(5);
    for (k, &b) in bytes[..n].iter().enumerate() {
        p = p.byte(b.to_ascii_lowercase());
        prefixes[k] = p.done();
    }
    for (k, suffix) in suffixes[..n].iter_mut().enumerate() {
        let mut h = H::new(6 + k as u32);
        for &b in &bytes[bytes.len() - 1 - k..] {
            h = h.byte(fold_byte(b));
        }
        *suffix = h.done();
    }
    (prefixes, suffixes, n, n)
}

/// [`affix_hashes`] character by character.
pub(crate) fn affix_hashes_by_char(w: &str) -> ([u32; 4], [u32; 4], usize, usize) {
    let (mut prefixes, mut suffixes) = ([0u32; 4], [0u32; 4]);
    let mut p = H::new(5);
    let mut np = 0;
    for (k, c) in w.chars().take(4).enumerate() {
        for l in c.to_lowercase() {
            p = p.ch(l);
        }
        prefixes[k] = p.done();
        np = k + 1;
    }
    let mut ns = 0;
    for (k, (b, _)) in w.char_indices().rev().take(4).enumerate() {
        suffixes[k] = lower_hash(6 + k as u32, &w[b..]).done();
        ns = k + 1;
    }
    (prefixes, suffixes, np, ns)
}

/// [`shape_char`] of an ASCII byte.
pub(crate) fn ascii_shape(b: u8) -> u8 {
    if b.is_ascii_uppercase() {
        b'X'
    } else if b.is_ascii_lowercase() {
        b'x'
    } else if b.is_ascii_digit() {
        b'd'
    } else {
        b
    }
}

/// An ASCII byte as the lowercase forms hash it: lowercase, digits folded to `0`.
pub(crate) fn fold_byte(b: u8) -> u8 {
    if b.is_ascii_digit() { b'0' } else { b.to_ascii_lowercase() }
}

/// Lowercase form with digits folded to `0` ("1996-08-30" and "1997-01-02" look alike).
pub(crate) fn lower_hash(template: u32, s: &str) -> H {
    let mut h = H::new(template);
    for c in s.chars() {
        if c.is_ascii() {
            let b = c as u8;
            h = h.byte(fold_byte(b));
        } else {
            for l in c.to_lowercase() {
                h = h.ch(l);
            }
        }
    }
    h
}

/// A feature key from a template number and up to three values (hashes or small numbers):
/// one multiply per value and one to finish, cheaper than chaining [`fin`], which matters
/// where a parser computes ~70 features per transition. Unused values are 0.
#[inline]
pub(crate) fn mix(t: u32, a: u32, b: u32, c: u32) -> u32 {
    let x = (u64::from(a) | (u64::from(t) << 32)).wrapping_mul(0x9E37_79B9_7F4A_7C15)
        ^ u64::from(b).wrapping_mul(0xC2B2_AE3D_27D4_EB4F)
        ^ u64::from(c).wrapping_mul(0x1656_67B1_9E37_79F9);
    let x = x ^ (x >> 29);
    (x.wrapping_mul(0xBF58_476D_1CE4_E5B9) >> 32) as u32
}

/// Shuffles `items` in place (Fisher-Yates) with the xorshift generator whose state is `rng`:
/// training passes visit their examples in an order that is fixed by the seed, so that the
/// same data always gives the same weights.
pub(crate) fn shuffle<T>(items: &mut [T], rng: &mut u64) {
    for k in (1..items.len()).rev() {
        *rng ^= *rng << 13;
        *rng ^= *rng >> 7;
        *rng ^= *rng << 17;
        items.swap(k, (*rng % (k as u64 + 1)) as usize);
    }
}

/// Weights being learned for `N` classes over features hashed into `2^bits` buckets: an
/// averaged perceptron (Collins 2002) with Daumé's trick for the average (`w - u / c`).
/// Updates are integers, so the average is exact and training deterministic.
pub(crate) struct Averaged<const N: usize> {
    bits: u32,
    w: Vec<[i32; N]>,
    u: Vec<[i64; N]>,
    c: i64,
}

impl<const N: usize> Averaged<N> {
    pub(crate) fn new(bits: u32) -> Self {
        Averaged { bits, w: vec![[0; N]; 1 << bits], u: vec![[0; N]; 1 << bits], c: 1 }
    }

    fn bucket(&self, f: u32) -> usize {
        (f >> (32 - self.bits)) as usize
    }

    /// The current (not averaged) scores of the classes for the features.
    pub(crate) fn scores(&self, feats: &[u32]) -> [i32; N] {
        let mut s = [0i32; N];
        for &f in feats {
            for (x, w) in s.iter_mut().zip(&self.w[self.bucket(f)]) {
                *x += w;
            }
        }
        s
    }

    /// One more example seen (the clock of the average).
    pub(crate) fn tick(&mut self) {
        self.c += 1;
    }

    /// Adds `delta` to the weight of `class` for every feature.
    pub(crate) fn update(&mut self, feats: &[u32], class: usize, delta: i32) {
        let c = self.c;
        for &f in feats {
            let b = self.bucket(f);
            self.w[b][class] += delta;
            self.u[b][class] += c * i64::from(delta);
        }
    }

    /// The averaged weights, quantised to `i16` with one scale ([`Table`]); weights smaller
    /// than `prune` in absolute value are dropped.
    pub(crate) fn table(&self, prune: f32) -> Table<N> {
        self.table_in(prune, i16::MAX)
    }

    /// [`Averaged::table`] with the largest weight quantised to `max`: a table whose rows
    /// are summed in `i16` ([`Table::sums16`]) keeps its weights small enough that the sum
    /// of a decision's features rarely saturates.
    pub(crate) fn table_in(&self, prune: f32, max: i16) -> Table<N> {
        quantise(self.bits, prune, max, |k| self.average(k))
    }

    /// The averaged weights of row `k`.
    fn average(&self, k: usize) -> [f64; N] {
        let c = self.c as f64;
        let mut row = [0f64; N];
        for ((a, w), u) in row.iter_mut().zip(&self.w[k]).zip(&self.u[k]) {
            *a = f64::from(*w) - *u as f64 / c;
        }
        row
    }
}

/// The mean of the averaged weights of several trainings that differ only in the order they
/// saw the examples (their shuffling seed): a cheap ensemble in one table of the same size,
/// which also damps the run-to-run noise of a single perceptron's choice of weights.
pub(crate) struct Mean<const N: usize> {
    bits: u32,
    sum: Vec<[f64; N]>,
    runs: u32,
}

impl<const N: usize> Mean<N> {
    pub(crate) fn new(bits: u32) -> Self {
        Mean { bits, sum: vec![[0.0; N]; 1 << bits], runs: 0 }
    }

    /// Adds one training's averaged weights (a table of the same size).
    pub(crate) fn add(&mut self, a: &Averaged<N>) {
        assert_eq!(a.bits, self.bits, "the trainings' tables must have the same size");
        for (k, row) in self.sum.iter_mut().enumerate() {
            for (s, x) in row.iter_mut().zip(a.average(k)) {
                *s += x;
            }
        }
        self.runs += 1;
    }

    /// [`Averaged::table_in`] of the mean weights; of one training, exactly its table.
    pub(crate) fn table_in(&self, prune: f32, max: i16) -> Table<N> {
        let runs = f64::from(self.runs.max(1));
        quantise(self.bits, prune, max, |k| self.sum[k].map(|s| s / runs))
    }
}

/// Quantises averaged weights (row `k` from `row`) to `i16` with one scale, the largest
/// weight becoming `max`; weights smaller than `prune` in absolute value are dropped.
fn quantise<const N: usize>(bits: u32, prune: f32, max: i16, row: impl Fn(usize) -> [f64; N]) -> Table<N> {
    let n = 1usize << bits;
    let avg = |a: f64| {
        let a = a as f32;
        if a.abs() < prune { 0.0 } else { a }
    };
    let top = (0..n).flat_map(|k| row(k).map(|a| avg(a).abs())).fold(0f32, f32::max);
    let scale = if top > 0.0 { top / f32::from(max) } else { 1.0 };
    let rows: Vec<[i16; N]> = (0..n).map(|k| row(k).map(|a| (avg(a) / scale).round() as i16)).collect();
    let peaks = peaks(&rows);
    Table { bits, rows, peaks, scale }
}

/// Learned weights for `N` classes: one row of `i16` per hash bucket, and one scale. A
/// look-up is one load without a branch, so the loads of a decision's features overlap.
pub(crate) struct Table<const N: usize> {
    bits: u32,
    rows: Vec<[i16; N]>,
    /// At least the largest absolute weight of each row, for [`Table::scores_grouped`]; empty
    /// (unknown: the rows are added in `i32`) for a table read from bytes until
    /// [`Table::with_peaks`], so that the tables no caller groups cost nothing at start-up.
    peaks: Vec<u16>,
    scale: f32,
}

/// The largest absolute weight of each row.
fn peaks<const N: usize>(rows: &[[i16; N]]) -> Vec<u16> {
    rows.iter().map(|r| r.iter().map(|w| w.unsigned_abs()).max().unwrap_or(0)).collect()
}

impl<const N: usize> Table<N> {
    /// An empty table (every score 0).
    pub(crate) fn empty() -> Self {
        Table { bits: 1, rows: vec![[0; N]; 2], peaks: vec![0; 2], scale: 1.0 }
    }

    /// Adds the row of feature `f` to `sums`.
    #[inline]
    pub(crate) fn add(&self, f: u32, sums: &mut [i32; N]) {
        let row = &self.rows[(f >> (32 - self.bits)) as usize & (self.rows.len() - 1)];
        for (s, w) in sums.iter_mut().zip(row) {
            *s += i32::from(*w);
        }
    }

    /// The sums of the rows of `feats`.
    pub(crate) fn scores(&self, feats: &[u32]) -> [i32; N] {
        let mut s = [0i32; N];
        for &f in feats {
            self.add(f, &mut s);
        }
        s
    }

    /// [`Table::scores`] exactly, with fewer instructions for wide rows: rows are summed in
    /// `i16` lanes (one vector add per eight classes, no widening) for as long as the sum of
    /// their peaks shows that no lane can overflow, then the partial sums are added to the
    /// `i32` ones. Integer sums do not depend on the grouping, so the result is the same.
    pub(crate) fn scores_grouped(&self, feats: &[u32]) -> [i32; N] {
        const ROOM: u32 = i16::MAX as u32;
        if self.peaks.is_empty() {
            return self.scores(feats);
        }
        let mut s = [0i32; N];
        let mut part = [0i16; N];
        let mut room = ROOM;
        let (shift, mask) = (32 - self.bits, self.rows.len() - 1);
        for &f in feats {
            let k = (f >> shift) as usize & mask;
            let peak = u32::from(self.peaks[k]);
            if peak > room {
                for (x, p) in s.iter_mut().zip(&mut part) {
                    *x += i32::from(*p);
                    *p = 0;
                }
                room = ROOM;
                if peak > room {
                    // A weight of -32768 (never written by `table_in`).
                    self.add(f, &mut s);
                    continue;
                }
            }
            room -= peak;
            for (x, w) in part.iter_mut().zip(&self.rows[k]) {
                *x = x.wrapping_add(*w);
            }
        }
        for (x, p) in s.iter_mut().zip(&part) {
            *x += i32::from(*p);
        }
        s
    }

    /// The sums of the rows of `feats` in `i16`, saturating: half the width of
    /// [`Table::scores`]'s lanes and no widening, for a table quantised to a few bits
    /// ([`Averaged::table_in`]). Not inlined: where the caller reads only some classes (the
    /// parser's three moves of four), the inlined loop summed the odd class out one lane at a
    /// time with an overflow check; alone it is one vector add per eight classes.
    #[inline(never)]
    pub(crate) fn sums16(&self, feats: &[u32]) -> [i16; N] {
        let mut s = [0i16; N];
        let (shift, mask) = (32 - self.bits, self.rows.len() - 1);
        for &f in feats {
            for (x, w) in s.iter_mut().zip(&self.rows[(f >> shift) as usize & mask]) {
                *x = x.saturating_add(*w);
            }
        }
        s
    }

    /// Number of non-zero weights.
    pub(crate) fn weights(&self) -> usize {
        self.rows.iter().flatten().filter(|&&x| x != 0).count()
    }

    /// Number of rows with a weight.
    pub(crate) fn nonzero(&self) -> usize {
        self.rows.iter().filter(|r| r.iter().any(|&x| x != 0)).count()
    }

    /// Appends the table ([`write_rows`]).
    pub(crate) fn write(&self, out: &mut Vec<u8>) {
        write_rows(self.bits, self.scale, self.rows.iter().enumerate().map(|(k, r)| (k, r.as_slice())), out);
    }

    /// Reads what [`Table::write`] wrote from the front of `b`; the rest of `b` after it.
    /// Weights go straight into their rows: the embedded tables hold millions of them, and
    /// this runs at every start.
    pub(crate) fn read(b: &[u8]) -> Option<(Self, &[u8])> {
        let bits = u32::from_le_bytes(b.get(..4)?.try_into().ok()?);
        let scale = f32::from_le_bytes(b.get(4..8)?.try_into().ok()?);
        let n = u32::from_le_bytes(b.get(8..12)?.try_into().ok()?) as usize;
        if !(1..=26).contains(&bits) {
            return None;
        }
        let mut rows = vec![[0; N]; 1 << bits];
        let mut at = 12;
        let mut k = 0usize;
        for _ in 0..n {
            let mut gap = 0usize;
            for shift in (0..35).step_by(7) {
                let byte = *b.get(at)?;
                at += 1;
                gap |= usize::from(byte & 0x7f) << shift;
                if byte & 0x80 == 0 {
                    break;
                }
            }
            k += gap;
            let row = rows.get_mut(k)?;
            let count = *b.get(at)? as usize;
            let weights = b.get(at + 1..at + 1 + 3 * count)?;
            at += 1 + 3 * count;
            for c in weights.chunks_exact(3) {
                *row.get_mut(c[0] as usize)? = i16::from_le_bytes([c[1], c[2]]);
            }
        }
        Some((Table { bits, rows, peaks: Vec::new(), scale }, b.get(at..)?))
    }

    /// The table with its rows' peaks, which [`Table::scores_grouped`] needs: one pass over
    /// the dense rows, worth it only for a table with wide rows that is read often.
    pub(crate) fn with_peaks(mut self) -> Self {
        self.peaks = peaks(&self.rows);
        self
    }
}

/// Writes a table's non-empty rows: its bits, scale and number of non-empty rows, then each
/// row as the gap from the previous row's index (LEB128), its number of weights, and each
/// weight as its class (`u8`) and value (`i16`, little-endian). Rows are mostly sparse (a
/// word feature has weights for a few tags), so the file is a fraction of the table's size in
/// memory, where rows are dense so that a feature costs one load and a few vector adds.
fn write_rows<'r>(bits: u32, scale: f32, rows: impl Iterator<Item = (usize, &'r [i16])> + Clone, out: &mut Vec<u8>) {
    out.extend_from_slice(&bits.to_le_bytes());
    out.extend_from_slice(&scale.to_le_bytes());
    let nonzero = rows.clone().filter(|(_, r)| r.iter().any(|&x| x != 0)).count();
    out.extend_from_slice(&(nonzero as u32).to_le_bytes());
    let mut prev = 0usize;
    for (k, row) in rows.filter(|(_, r)| r.iter().any(|&x| x != 0)) {
        let mut gap = k - prev;
        prev = k;
        loop {
            let byte = (gap & 0x7f) as u8;
            gap >>= 7;
            if gap == 0 {
                out.push(byte);
                break;
            }
            out.push(byte | 0x80);
        }
        out.push(row.iter().filter(|&&x| x != 0).count() as u8);
        for (c, &w) in row.iter().enumerate().filter(|(_, w)| **w != 0) {
            out.push(c as u8);
            out.extend_from_slice(&w.to_le_bytes());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grouped_scores_are_the_scores() {
        let mut rng = 0x2545_f491_4f6c_dd1du64;
        let mut next = move || {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            rng
        };
        // Rows of small, large and extreme weights (i16::MIN included), so that groups
        // close early, late and at once.
        let mut rows = vec![[0i16; 24]; 64];
        for (k, row) in rows.iter_mut().enumerate() {
            let cap = [40u64, 3000, 20000, 65536][k % 4];
            for w in row.iter_mut() {
                *w = ((next() % cap) as i64 - (cap / 2) as i64).clamp(-32768, 32767) as i16;
            }
        }
        rows[7][3] = i16::MIN;
        rows[9][0] = i16::MAX;
        let peaks = peaks(&rows);
        let table = Table { bits: 6, rows, peaks, scale: 1.0 };
        let mut bytes = Vec::new();
        table.write(&mut bytes);
        let read = Table::<24>::read(&bytes).unwrap().0;
        assert!(read.peaks.is_empty());
        for _ in 0..100 {
            let feats: Vec<u32> = (0..next() % 60).map(|_| next() as u32).collect();
            assert_eq!(read.scores_grouped(&feats), table.scores(&feats), "{feats:?}");
        }
        let read = read.with_peaks();
        let mut grouped_differs_from_sixteen = false;
        for _ in 0..2000 {
            let feats: Vec<u32> = (0..next() % 60).map(|_| next() as u32).collect();
            let exact = table.scores(&feats);
            assert_eq!(table.scores_grouped(&feats), exact, "{feats:?}");
            assert_eq!(read.scores_grouped(&feats), exact, "{feats:?}");
            grouped_differs_from_sixteen |= table.sums16(&feats).iter().zip(&exact).any(|(a, b)| i32::from(*a) != *b);
        }
        // The test's sums do leave the i16 range, so the grouping is what keeps them exact.
        assert!(grouped_differs_from_sixteen);
    }

    #[test]
    fn a_character_hashes_as_its_utf8_bytes() {
        for c in ['\0', 'a', 'Z', '0', '-', '\u{7f}', '\u{80}', 'é', '’', '€', '😀'] {
            let mut buf = [0u8; 4];
            let bytes = c.encode_utf8(&mut buf).bytes().fold(H::new(9), H::byte);
            assert_eq!(H::new(9).ch(c).0, bytes.0, "{c:?}");
        }
        assert_ne!(H::new(9).ch('a').0, H::new(9).ch('b').0);
    }

    #[test]
    fn the_ascii_hashes_are_the_character_hashes() {
        let words = [
            "",
            "a",
            "Leicestershire",
            "LONDON",
            "1996-08-30",
            "U.S.",
            "McDonald's",
            "ABC123x",
            "co-operation",
            "$",
            "a\u{1}b",
            "longer-than-twelve-characters",
        ];
        for w in words {
            assert_eq!(word_hashes(w), word_hashes_by_char(w), "{w:?}");
            assert_eq!(affix_hashes(w), affix_hashes_by_char(w), "{w:?}");
        }
        // The fast path is not a constant: different words hash apart.
        assert_ne!(word_hashes("Paris").0, word_hashes("paris").0);
        assert_eq!(word_hashes("Paris").0[1], word_hashes("paris").0[1]);
        assert_ne!(affix_hashes("ing").1, affix_hashes("ed").1);
    }

    /// A perceptron's table after a few deterministic updates: feature `f` pushes class
    /// `f % 3` up and the next class down, `turns` times over features `0..feats`.
    fn trained(turns: u32, feats: u32) -> Averaged<4> {
        let mut a: Averaged<4> = Averaged::new(6);
        for t in 0..turns {
            for f in 0..feats {
                let key = f.wrapping_mul(0x9E37_79B9) ^ t;
                a.update(&[key], (f % 3) as usize, 1);
                a.update(&[key], ((f + 1) % 3) as usize, -1);
                a.tick();
            }
        }
        a
    }

    #[test]
    fn the_mean_of_trainings_quantises_like_one() {
        let (a, b) = (trained(3, 40), trained(5, 17));
        let mut one: Mean<4> = Mean::new(6);
        one.add(&a);
        // One training's mean is its table, to the bit.
        let (t, m) = (a.table_in(0.5, 4095), one.table_in(0.5, 4095));
        assert_eq!((t.rows.clone(), t.scale.to_bits()), (m.rows.clone(), m.scale.to_bits()));
        // Two trainings' mean is neither one's table, and it is the row-wise mean.
        let mut two = one;
        two.add(&b);
        let both = two.table_in(0.0, 4095);
        assert_ne!(both.rows, a.table_in(0.0, 4095).rows);
        assert_ne!(both.rows, b.table_in(0.0, 4095).rows);
        for k in 0..64 {
            let want = a.average(k).iter().zip(b.average(k)).map(|(x, y)| ((x + y) / 2.0) as f32).collect::<Vec<_>>();
            let got = both.rows[k].iter().map(|&w| f32::from(w) * both.scale).collect::<Vec<_>>();
            for (w, g) in want.iter().zip(&got) {
                assert!((w - g).abs() <= both.scale, "row {k}: {want:?} against {got:?}");
            }
        }
    }
}
