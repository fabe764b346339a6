//! The part-of-speech tagger: greedy left to right, an averaged perceptron over hashed
//! features of the word (its form, lowercase form, shape, prefixes and suffixes), its
//! neighbours two either side, the two tags before it, and the most frequent tag of the next
//! two words in the training data (their "ambiguity class", which stands in for the tags not
//! yet predicted). A tag is a UPOS and Penn tag pair (`VERB`/`VBN`): the parser and the
//! lemmatiser need the Penn distinctions. Words seen often in training with one tag almost
//! always (`the`, `of`, `,`) take it without being scored.

use super::Scratch;
use super::model::Model;
use crate::learn::{H, ascii_shape, mix, shape_char};

/// Number of tags a table row holds (the model's tag set has at most this many).
pub(crate) const NT: usize = 72;

/// Most features a word has.
const MAX_FEATS: usize = 40;

// Flags of a word.
const CAP: u8 = 1;
const ALL_CAPS: u8 = 2;
const DIGIT: u8 = 4;
const HYPHEN: u8 = 8;
const FIRST: u8 = 16;
const OTHER: u8 = 32;

/// What is worked out once per word: hashes of its form and its affixes, and flags.
#[derive(Clone, Copy, Default, Debug)]
pub(crate) struct Atoms {
    /// The lowercase form, digits folded to 0 and curly apostrophes and quotes straightened.
    pub(crate) lw: u32,
    /// The form as written.
    pub(crate) word: u32,
    /// The shape (`Xxxx`, `dd.dd`) of the first eight characters.
    pub(crate) shape: u32,
    /// The shape with runs collapsed (`Xx`, `d.d`).
    pub(crate) short: u32,
    /// Lowercase prefixes of one to three characters (0 where the word is shorter).
    pub(crate) pre: [u32; 3],
    /// Lowercase suffixes of one to four characters (0 where the word is shorter).
    pub(crate) suf: [u32; 4],
    /// [`CAP`], [`ALL_CAPS`] …
    pub(crate) flags: u8,
    /// The word's most frequent tag in training plus one (0: unknown).
    pub(crate) dict: u8,
    /// Whether the word takes that tag without being scored.
    pub(crate) fixed: bool,
}

/// The form a character takes in lowercase forms: apostrophes and quotation marks
/// straightened (news writes `’`, the treebanks mostly `'`), digits folded.
pub(crate) fn normal_char(c: char) -> char {
    match c {
        '’' | '‘' | '`' | '´' => '\'',
        '“' | '”' | '„' => '"',
        '0'..='9' => '0',
        _ => c,
    }
}

impl Atoms {
    /// The atoms of a form (flags of position are set by the tagger).
    pub(crate) fn of(form: &str) -> Atoms {
        Atoms::of_with(form, form.is_ascii())
    }

    /// [`Atoms::of`], byte by byte (`bytes`, for an ASCII form) or character by character.
    fn of_with(form: &str, bytes: bool) -> Atoms {
        let (mut word, mut lw) = (H::new(1), H::new(2));
        let (mut shape, mut short) = (H::new(3), H::new(4));
        let mut first = ['\0'; 3];
        let mut last = ['\0'; 4];
        let (mut n, mut upper, mut letters) = (0usize, 0usize, 0usize);
        let mut flags = 0u8;
        let mut prev_shape = '\0';
        // Most words are ASCII: the same hashes, byte by byte, without decoding characters
        // or asking Unicode tables (the `chars` loop below gives the same for ASCII).
        if bytes {
            let mut prev = 0u8;
            for &b in form.as_bytes() {
                word = word.byte(b);
                let s = ascii_shape(b);
                if n < 8 {
                    shape = shape.byte(s);
                }
                if s != prev {
                    short = short.byte(s);
                    prev = s;
                }
                tally(char::from(s), &mut upper, &mut letters, &mut flags);
                let l = match b.to_ascii_lowercase() {
                    b'`' => b'\'',
                    b'0'..=b'9' => b'0',
                    l => l,
                };
                lw = lw.byte(l);
                let l = char::from(l);
                if n < 3 {
                    first[n] = l;
                }
                last.copy_within(1.., 0);
                last[3] = l;
                n += 1;
            }
        }
        let chars = if bytes { "" } else { form };
        for c in chars.chars() {
            word = word.ch(c);
            let s = shape_char(c);
            if n < 8 {
                shape = shape.ch(s);
            }
            if s != prev_shape {
                short = short.ch(s);
                prev_shape = s;
            }
            tally(s, &mut upper, &mut letters, &mut flags);
            let mut push = |l: char| {
                let l = normal_char(l);
                lw = lw.ch(l);
                if n < 3 {
                    first[n] = l;
                }
                last.copy_within(1.., 0);
                last[3] = l;
                n += 1;
            };
            if c.is_ascii() {
                push(c.to_ascii_lowercase());
            } else {
                c.to_lowercase().for_each(&mut push);
            }
        }
        if form.starts_with(char::is_uppercase) {
            flags |= CAP;
        }
        if upper >= 2 && upper == letters {
            flags |= ALL_CAPS;
        }
        let mut pre = [0u32; 3];
        let mut p = H::new(5);
        for (k, c) in first.iter().take(n.min(3)).enumerate() {
            p = p.ch(*c);
            pre[k] = p.done();
        }
        let mut suf = [0u32; 4];
        for (k, s) in suf.iter_mut().enumerate().take(n.min(4)) {
            let mut h = H::new(6 + k as u32);
            for c in &last[3 - k..] {
                h = h.ch(*c);
            }
            *s = h.done();
        }
        Atoms {
            lw: lw.done(),
            word: word.done(),
            shape: shape.done(),
            short: short.done(),
            pre,
            suf,
            flags,
            dict: 0,
            fixed: false,
        }
    }
}

/// Counts a character of shape `s` ([`shape_char`]) into a word's capitals, letters and flags.
fn tally(s: char, upper: &mut usize, letters: &mut usize, flags: &mut u8) {
    match s {
        'X' => {
            *upper += 1;
            *letters += 1;
        }
        'x' => *letters += 1,
        'd' => *flags |= DIGIT,
        '-' => *flags |= HYPHEN,
        _ => *flags |= OTHER,
    }
}

/// The boundary beyond either end of a sentence.
const EDGE: Atoms = Atoms {
    lw: 0x5eed_0001,
    word: 0x5eed_0001,
    shape: 0x5eed_0001,
    short: 0x5eed_0001,
    pre: [0; 3],
    suf: [0; 4],
    flags: 0,
    dict: 0xff,
    fixed: false,
};

/// The features of word `i` after tags `p1` (just before) and `p2`, into `out`; their count.
pub(crate) fn features(atoms: &[Atoms], i: usize, p1: u8, p2: u8, out: &mut [u32; MAX_FEATS]) -> usize {
    let at = |d: isize| -> &Atoms {
        let j = i as isize + d;
        if j < 0 || j as usize >= atoms.len() { &EDGE } else { &atoms[j as usize] }
    };
    let t = &atoms[i];
    let (m2, m1, n1, n2) = (at(-2), at(-1), at(1), at(2));
    let (p1, p2) = (u32::from(p1), u32::from(p2));
    let flags = u32::from(t.flags);
    let feats = [
        mix(0, 0, 0, 0),
        mix(1, t.lw, 0, 0),
        mix(2, t.word, 0, 0),
        mix(3, t.pre[0], 0, 0),
        mix(4, t.pre[1], 0, 0),
        mix(5, t.pre[2], 0, 0),
        mix(6, t.suf[0], 0, 0),
        mix(7, t.suf[1], 0, 0),
        mix(8, t.suf[2], 0, 0),
        mix(9, t.suf[3], 0, 0),
        mix(10, t.shape, 0, 0),
        mix(11, t.short, flags, 0),
        mix(12, m1.lw, 0, 0),
        mix(13, m2.lw, 0, 0),
        mix(14, n1.lw, 0, 0),
        mix(15, n2.lw, 0, 0),
        mix(16, m1.suf[2], 0, 0),
        mix(17, n1.suf[2], 0, 0),
        mix(18, m1.short, t.short, n1.short),
        mix(19, p1, 0, 0),
        mix(20, p2, p1, 0),
        mix(21, p1, t.lw, 0),
        mix(22, p1, t.suf[2], 0),
        mix(23, m1.lw, t.lw, 0),
        mix(24, t.lw, n1.lw, 0),
        mix(25, u32::from(n1.dict), 0, 0),
        mix(26, u32::from(n2.dict), u32::from(n1.dict), 0),
        mix(27, u32::from(n1.dict), t.lw, 0),
        mix(28, p1, u32::from(n1.dict), 0),
        mix(29, u32::from(t.dict), 0, 0),
        mix(30, u32::from(t.dict), p1, u32::from(n1.dict)),
        mix(31, m1.lw, n1.lw, 0),
        mix(32, p1, t.shape, 0),
        mix(33, t.suf[1], n1.short, 0),
    ];
    out[..feats.len()].copy_from_slice(&feats);
    feats.len()
}

/// Fills the atoms' tag-dictionary entries.
pub(crate) fn fill_dict(model: &Model, atoms: &mut [Atoms]) {
    for a in atoms {
        if let Some((tag, fixed)) = model.dict(a.lw) {
            a.dict = tag + 1;
            a.fixed = fixed;
        }
    }
}

/// Marks the first word of a sentence.
pub(crate) fn mark_first(atoms: &mut [Atoms]) {
    if let Some(a) = atoms.first_mut() {
        a.flags |= FIRST;
    }
}

/// Greedy decoding of the loaded sentence: `choose` gets each word that is scored (its
/// index, its features and the tags before it) and returns its tag; words with a fixed tag
/// take it. Tagging and training differ only in `choose`.
pub(crate) fn decode(s: &mut Scratch, mut choose: impl FnMut(usize, &[u32]) -> u8) {
    let n = s.atoms.len();
    s.tags.clear();
    s.tags.resize(n, 0);
    let mut feats = [0u32; MAX_FEATS];
    let (mut p1, mut p2) = (0xfeu8, 0xfeu8);
    for i in 0..n {
        let a = &s.atoms[i];
        let tag = if a.fixed {
            a.dict - 1
        } else {
            let k = features(&s.atoms, i, p1, p2, &mut feats);
            choose(i, &feats[..k])
        };
        s.tags[i] = tag;
        (p2, p1) = (p1, tag);
    }
}

/// The best of the first `ntags` scores.
pub(crate) fn best(scores: &[i32; NT], ntags: usize) -> u8 {
    let mut best = 0;
    for t in 1..ntags.min(NT) {
        if scores[t] > scores[best] {
            best = t;
        }
    }
    best as u8
}

/// Tags the loaded sentence with the model.
pub(crate) fn tag(model: &Model, s: &mut Scratch) {
    let ntags = model.ntags();
    let table = &model.tagger;
    decode(s, |_, feats| best(&table.scores_grouped(feats), ntags));
}

#[cfg(test)]
mod tests {
    use super::Atoms;

    #[test]
    fn ascii_atoms_are_the_character_atoms() {
        let words =
            ["", "a", "The", "U.S.", "1,200", "co-operation", "`quoted'", "McDONALD'S", "x\u{1}y", "ABCDEFGHIJK"];
        for w in words {
            assert_eq!(format!("{:?}", Atoms::of_with(w, true)), format!("{:?}", Atoms::of_with(w, false)), "{w:?}");
        }
        // Not a constant: case and digits matter where they should.
        assert_ne!(Atoms::of("Paris").word, Atoms::of("paris").word);
        assert_eq!(Atoms::of("Paris").lw, Atoms::of("paris").lw);
        assert_eq!(Atoms::of("1996").lw, Atoms::of("2024").lw);
        assert_ne!(Atoms::of("1996").shape, Atoms::of("May").shape);
    }
}
