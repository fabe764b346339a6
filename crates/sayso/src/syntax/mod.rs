//! Stage 2b, syntax: reads the text stage's tokens and sentences; adds, for every sentence,
//! its syntactic words (Universal Dependencies' tokenisation), a universal part-of-speech
//! tag (UPOS) and a Penn Treebank tag (XPOS), a lemma, and a dependency tree (a head and a
//! UD v2 relation per word). The layer is [`Analysis::syntax`](crate::Analysis); `sayso parse`
//! writes it out as CoNLL-U ([`conllu`]).
//!
//! Everything is learned here from UD English EWT + GUM (`just train-syntax`, see
//! [`train`]): a greedy averaged-perceptron tagger, an edit-script lemmatiser with the
//! treebank's exceptions, and a greedy arc-hybrid transition parser trained with a dynamic
//! oracle, over hashed features in small `i16` weight tables (`syntax.bin`). Linear in the
//! text; no allocation per word.
//!
//! # How a later stage reads the parse
//!
//! Words are numbered across the whole document (`0..syn.words.len()`, in text order); a
//! word id is a `usize`. With `let syn = &a.syntax;`:
//!
//! - **From a token of the text stage to its words**: [`Syntax::words_of_token`]`(t)` is
//!   the range of word ids of token `t` — one word for almost every token; a few tokens are
//!   split where UD splits them (`cannot` → `can` + `not`, `gonna` → `gon` + `na`,
//!   `state-run` → `state` + `-` + `run`). [`Syntax::word_of_token`]`(t)` is the one word
//!   of the token that the rest of the sentence attaches to (its syntactic head).
//!   Back: [`Syntax::token_of`]`(w)`.
//! - **A word**: `syn.words[w]` ([`Word`]): its byte range in the text (`start..end`,
//!   [`Word::range`]), its token, [`Word::upos`] ([`Upos`]), [`Word::deprel`] ([`Deprel`]).
//!   [`Syntax::head`]`(w)` is its head (`None` for the root of a sentence),
//!   [`Syntax::lemma`]`(w)` its lemma, [`Syntax::xpos`]`(w)` its Penn tag (`VBN`, `NNS` …),
//!   `&a.text[syn.words[w].range()]` its form.
//! - **Its dependents**: [`Syntax::children`]`(w)` (in text order),
//!   [`Syntax::child`]`(w, rel)` (the first with a relation), [`Syntax::children_with`].
//! - **Arguments of a predicate** (a verb, or the head of a copular clause such as "is
//!   *ready*"): [`Syntax::subject`] (any subject: `nsubj`, `nsubj:pass`, `csubj` …),
//!   [`Syntax::passive_subject`], [`Syntax::is_passive`], [`Syntax::agent`] (the noun of
//!   "by …", `obl:agent`), [`Syntax::object`], [`Syntax::indirect_object`],
//!   [`Syntax::ccomp`], [`Syntax::xcomp`], [`Syntax::clausal_complement`] (`ccomp` or
//!   `xcomp`), [`Syntax::obliques`] (each `obl` with its case marker: "in Michigan" →
//!   (`Michigan`, `in`)), [`Syntax::case_marker`], [`Syntax::mark`] (the "that" / "to" /
//!   "if" of a clause), [`Syntax::negated`].
//! - **Clauses**: [`Syntax::relative_clause`]`(w)` (the verb of the relative clause, `acl:relcl`,
//!   that `w` is inside, if any; [`Syntax::in_relative_clause`]), [`Syntax::subordinate_clause`]
//!   (the nearest enclosing subordinate clause of any kind: `advcl`, `acl`, `ccomp`, `xcomp`,
//!   `csubj`, with its relation from `syn.words[c].deprel`; [`Syntax::in_subordinate_clause`]),
//!   [`Syntax::ancestors`], [`Syntax::is_ancestor`].
//! - **Coordination**: [`Syntax::conjuncts`]`(w)`: the other members of w's coordination
//!   ("Clinton and Trump" → for `Clinton`, `[Trump]`; for `Trump`, `[Clinton]`), in text order;
//!   [`Syntax::first_conjunct`].
//! - **Spans**: [`Syntax::subtree`]`(w)`: the byte range of w with everything below it (the
//!   whole phrase: "the preacher at the mosque"); [`Syntax::subtree_words`] its word ids
//!   (trees are projective, so a subtree is a contiguous run of words).
//! - **Sentences**: `syn.sentences` ([`SynSentence`]): the words, the root, and the text
//!   stage's sentence it lies in (the syntax stage only parses within the text stage's
//!   sentences); [`Syntax::sentence_of`]`(w)`.
//!
//! Relations carry UD's English subtypes (`nsubj:pass`, `obl:agent`, `acl:relcl`,
//! `nmod:poss`, `compound:prt` …); [`Deprel::base`] drops the subtype.

pub mod conllu;
mod lemma;
mod model;
mod parser;
mod tagger;
pub mod train;
mod words;

#[cfg(test)]
mod tests;

use crate::analysis::Analysis;
use std::ops::Range;

pub use model::{Model, embedded};

/// Universal part-of-speech tags (UD v2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
#[repr(u8)]
#[allow(missing_docs)]
pub enum Upos {
    Adj,
    Adp,
    Adv,
    Aux,
    Cconj,
    Det,
    Intj,
    Noun,
    Num,
    Part,
    Pron,
    Propn,
    Punct,
    Sconj,
    Sym,
    Verb,
    #[default]
    X,
}

impl Upos {
    /// Every tag, in the order of its `u8` value.
    pub const ALL: [Upos; 17] = [
        Upos::Adj,
        Upos::Adp,
        Upos::Adv,
        Upos::Aux,
        Upos::Cconj,
        Upos::Det,
        Upos::Intj,
        Upos::Noun,
        Upos::Num,
        Upos::Part,
        Upos::Pron,
        Upos::Propn,
        Upos::Punct,
        Upos::Sconj,
        Upos::Sym,
        Upos::Verb,
        Upos::X,
    ];

    /// The tag as CoNLL-U writes it (`NOUN`).
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Upos::Adj => "ADJ",
            Upos::Adp => "ADP",
            Upos::Adv => "ADV",
            Upos::Aux => "AUX",
            Upos::Cconj => "CCONJ",
            Upos::Det => "DET",
            Upos::Intj => "INTJ",
            Upos::Noun => "NOUN",
            Upos::Num => "NUM",
            Upos::Part => "PART",
            Upos::Pron => "PRON",
            Upos::Propn => "PROPN",
            Upos::Punct => "PUNCT",
            Upos::Sconj => "SCONJ",
            Upos::Sym => "SYM",
            Upos::Verb => "VERB",
            Upos::X => "X",
        }
    }

    /// The tag of a CoNLL-U name.
    #[must_use]
    pub fn parse(s: &str) -> Option<Upos> {
        Upos::ALL.into_iter().find(|u| u.as_str() == s)
    }

    /// Nouns, proper nouns and pronouns.
    #[must_use]
    pub const fn is_nominal(self) -> bool {
        matches!(self, Upos::Noun | Upos::Propn | Upos::Pron)
    }
}

macro_rules! deprels {
    ($($(#[$doc:meta])* $v:ident = $s:literal, $base:ident;)*) => {
        /// Universal Dependencies v2 relations, with the subtypes UD English uses.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
        #[repr(u8)]
        pub enum Deprel {
            $($(#[$doc])* $v,)*
        }

        impl Deprel {
            /// Every relation, in the order of its `u8` value.
            pub const ALL: &'static [Deprel] = &[$(Deprel::$v,)*];

            /// The relation as CoNLL-U writes it (`nsubj:pass`).
            #[must_use]
            pub const fn as_str(self) -> &'static str {
                match self { $(Deprel::$v => $s,)* }
            }

            /// The universal relation without its subtype (`nsubj:pass` → `nsubj`).
            #[must_use]
            pub const fn base(self) -> Deprel {
                match self { $(Deprel::$v => Deprel::$base,)* }
            }
        }
    };
}

deprels! {
    /// Dependent of unknown relation (also the fallback of a relation the model does not know).
    #[default]
    Dep = "dep", Dep;
    /// Root of the sentence.
    Root = "root", Root;
    /// Clausal modifier of a noun.
    Acl = "acl", Acl;
    /// Relative clause ("the man *who left*").
    AclRelcl = "acl:relcl", Acl;
    /// Adverbial clause.
    Advcl = "advcl", Advcl;
    /// Adverbial relative clause.
    AdvclRelcl = "advcl:relcl", Advcl;
    /// Adverbial modifier.
    Advmod = "advmod", Advmod;
    /// Adjectival modifier.
    Amod = "amod", Amod;
    /// Apposition.
    Appos = "appos", Appos;
    /// Auxiliary.
    Aux = "aux", Aux;
    /// Passive auxiliary.
    AuxPass = "aux:pass", Aux;
    /// Case marker (preposition, possessive `'s`).
    Case = "case", Case;
    /// Coordinating conjunction.
    Cc = "cc", Cc;
    /// Preconjunct ("*either* … or").
    CcPreconj = "cc:preconj", Cc;
    /// Clausal complement.
    Ccomp = "ccomp", Ccomp;
    /// Classifier.
    Clf = "clf", Clf;
    /// Compound.
    Compound = "compound", Compound;
    /// Phrasal-verb particle.
    CompoundPrt = "compound:prt", Compound;
    /// Conjunct.
    Conj = "conj", Conj;
    /// Copula.
    Cop = "cop", Cop;
    /// Clausal subject.
    Csubj = "csubj", Csubj;
    /// Clausal subject of a copular clause with another subject.
    CsubjOuter = "csubj:outer", Csubj;
    /// Clausal passive subject.
    CsubjPass = "csubj:pass", Csubj;
    /// Determiner.
    Det = "det", Det;
    /// Predeterminer ("*all* the").
    DetPredet = "det:predet", Det;
    /// Discourse element.
    Discourse = "discourse", Discourse;
    /// Dislocated element.
    Dislocated = "dislocated", Dislocated;
    /// Expletive.
    Expl = "expl", Expl;
    /// Fixed multiword expression.
    Fixed = "fixed", Fixed;
    /// Flat expression (names, dates).
    Flat = "flat", Flat;
    /// Part of a word written apart.
    Goeswith = "goeswith", Goeswith;
    /// Indirect object.
    Iobj = "iobj", Iobj;
    /// List.
    List = "list", List;
    /// Subordinating marker ("that", "to", "if").
    Mark = "mark", Mark;
    /// Nominal modifier.
    Nmod = "nmod", Nmod;
    /// Descriptive nominal modifier.
    NmodDesc = "nmod:desc", Nmod;
    /// Possessive nominal modifier.
    NmodPoss = "nmod:poss", Nmod;
    /// Nominal modifier without a case marker.
    NmodUnmarked = "nmod:unmarked", Nmod;
    /// Nominal subject.
    Nsubj = "nsubj", Nsubj;
    /// Subject of a copular clause whose predicate has a subject of its own.
    NsubjOuter = "nsubj:outer", Nsubj;
    /// Passive nominal subject.
    NsubjPass = "nsubj:pass", Nsubj;
    /// Numeric modifier.
    Nummod = "nummod", Nummod;
    /// Object.
    Obj = "obj", Obj;
    /// Oblique nominal.
    Obl = "obl", Obl;
    /// Agent of a passive ("by the police").
    OblAgent = "obl:agent", Obl;
    /// Oblique nominal without a case marker ("*Friday*", "*home*").
    OblUnmarked = "obl:unmarked", Obl;
    /// Orphan in an ellipsis.
    Orphan = "orphan", Orphan;
    /// Parataxis.
    Parataxis = "parataxis", Parataxis;
    /// Punctuation.
    Punct = "punct", Punct;
    /// Disfluency.
    Reparandum = "reparandum", Reparandum;
    /// Vocative.
    Vocative = "vocative", Vocative;
    /// Open clausal complement.
    Xcomp = "xcomp", Xcomp;
}

impl Deprel {
    /// The relation of a CoNLL-U name; an unknown subtype falls back to its universal
    /// relation, an unknown relation to `dep`.
    #[must_use]
    pub fn parse(s: &str) -> Deprel {
        if let Some(d) = Deprel::ALL.iter().find(|d| d.as_str() == s) {
            return *d;
        }
        let base = s.split(':').next().unwrap_or(s);
        Deprel::ALL.iter().find(|d| d.as_str() == base).copied().unwrap_or(Deprel::Dep)
    }

    /// Subject relations (`nsubj`, `nsubj:pass`, `nsubj:outer`, `csubj` …).
    #[must_use]
    pub const fn is_subject(self) -> bool {
        matches!(self.base(), Deprel::Nsubj | Deprel::Csubj)
    }

    /// Relations of a subordinate clause to the word it depends on.
    #[must_use]
    pub const fn is_subordinate_clause(self) -> bool {
        matches!(self.base(), Deprel::Acl | Deprel::Advcl | Deprel::Ccomp | Deprel::Xcomp | Deprel::Csubj)
    }
}

/// Sentinel of [`Word::head`] for the root of a sentence.
pub const NO_HEAD: u32 = u32::MAX;

/// One syntactic word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Word {
    /// Byte offset of its first character in the text.
    pub start: usize,
    /// Byte offset past its last character.
    pub end: usize,
    /// Index of the text stage's token it belongs to.
    pub token: u32,
    /// Index of its sentence in [`Syntax::sentences`].
    pub sentence: u32,
    /// Word id of its head, or [`NO_HEAD`] for the root of its sentence.
    pub head: u32,
    /// Universal part of speech.
    pub upos: Upos,
    /// Its tag in the model's tag set (a UPOS and Penn tag pair; [`Syntax::xpos`]).
    pub tag: u8,
    /// Relation to its head.
    pub deprel: Deprel,
    /// Where its lemma ends in [`Syntax::lemmas`] (it starts where the previous word's ends).
    pub lemma_end: u32,
    /// First word id of its subtree.
    pub first: u32,
    /// Last word id of its subtree (inclusive).
    pub last: u32,
}

impl Word {
    /// Its byte range in the text.
    #[must_use]
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }
}

/// One parsed sentence.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SynSentence {
    /// Its word ids.
    pub words: Range<usize>,
    /// The word id of its root.
    pub root: usize,
    /// Index of the text stage's sentence it lies in.
    pub sentence: usize,
}

/// The syntax layer of an analysis.
#[derive(Debug, Clone, Default)]
pub struct Syntax {
    /// Every word of the document, in text order.
    pub words: Vec<Word>,
    /// Sentences, in text order.
    pub sentences: Vec<SynSentence>,
    /// For each token of the text stage, its first word id (one more entry at the end: the
    /// number of words).
    pub token_words: Vec<u32>,
    /// The lemmas, one after another ([`Word::lemma_end`]).
    pub lemmas: String,
    /// Children of every word, grouped by head, in text order within a head.
    children: Vec<u32>,
    /// Where the children of word `w` start in `children` (`w + 1` where they end).
    child_start: Vec<u32>,
}

impl Syntax {
    /// Number of words.
    #[must_use]
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// True when nothing was parsed.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// The word ids of token `t` (empty past the last token).
    #[must_use]
    pub fn words_of_token(&self, t: usize) -> Range<usize> {
        match (self.token_words.get(t), self.token_words.get(t + 1)) {
            (Some(&a), Some(&b)) => a as usize..b as usize,
            _ => 0..0,
        }
    }

    /// The word of token `t` that the rest of its sentence attaches to: its only word, or
    /// for a token split into several words, the one whose head lies outside the token.
    #[must_use]
    pub fn word_of_token(&self, t: usize) -> Option<usize> {
        let r = self.words_of_token(t);
        if r.len() <= 1 {
            return (!r.is_empty()).then_some(r.start);
        }
        r.clone().find(|&w| self.head(w).is_none_or(|h| !r.contains(&h))).or(Some(r.start))
    }

    /// The token of word `w`.
    #[must_use]
    pub fn token_of(&self, w: usize) -> usize {
        self.words[w].token as usize
    }

    /// The head of word `w`; `None` for the root of a sentence.
    #[must_use]
    pub fn head(&self, w: usize) -> Option<usize> {
        let h = self.words.get(w)?.head;
        (h != NO_HEAD).then_some(h as usize)
    }

    /// The relation of word `w` to its head.
    #[must_use]
    pub fn deprel(&self, w: usize) -> Deprel {
        self.words[w].deprel
    }

    /// The universal part of speech of word `w`.
    #[must_use]
    pub fn upos(&self, w: usize) -> Upos {
        self.words[w].upos
    }

    /// The Penn Treebank tag of word `w` (`VBD`, `NNP` …).
    #[must_use]
    pub fn xpos(&self, w: usize) -> &'static str {
        model::MODEL.xpos(self.words[w].tag)
    }

    /// The lemma of word `w`.
    #[must_use]
    pub fn lemma(&self, w: usize) -> &str {
        let end = self.words[w].lemma_end as usize;
        let start = if w == 0 { 0 } else { self.words[w - 1].lemma_end as usize };
        &self.lemmas[start..end]
    }

    /// The dependents of word `w`, in text order.
    pub fn children(&self, w: usize) -> impl DoubleEndedIterator<Item = usize> + ExactSizeIterator + '_ {
        let r = match (self.child_start.get(w), self.child_start.get(w + 1)) {
            (Some(&a), Some(&b)) => a as usize..b as usize,
            _ => 0..0,
        };
        self.children[r].iter().map(|&c| c as usize)
    }

    /// The dependents of word `w` with relation `rel` (exactly: `obl` does not match `obl:agent`).
    pub fn children_with(&self, w: usize, rel: Deprel) -> impl Iterator<Item = usize> + '_ {
        self.children(w).filter(move |&c| self.words[c].deprel == rel)
    }

    /// The first dependent of word `w` with relation `rel`.
    #[must_use]
    pub fn child(&self, w: usize, rel: Deprel) -> Option<usize> {
        self.children_with(w, rel).next()
    }

    /// The first dependent of `w` whose relation passes `test`.
    fn child_where(&self, w: usize, test: impl Fn(Deprel) -> bool) -> Option<usize> {
        self.children(w).find(|&c| test(self.words[c].deprel))
    }

    /// The subject of predicate `w`, active or passive, nominal or clausal.
    #[must_use]
    pub fn subject(&self, w: usize) -> Option<usize> {
        self.child_where(w, Deprel::is_subject)
    }

    /// The passive subject of `w` (`nsubj:pass`, `csubj:pass`): "*The report* was confirmed".
    #[must_use]
    pub fn passive_subject(&self, w: usize) -> Option<usize> {
        self.child_where(w, |d| matches!(d, Deprel::NsubjPass | Deprel::CsubjPass))
    }

    /// Whether predicate `w` is passive (a passive subject or auxiliary).
    #[must_use]
    pub fn is_passive(&self, w: usize) -> bool {
        self.child_where(w, |d| matches!(d, Deprel::NsubjPass | Deprel::CsubjPass | Deprel::AuxPass)).is_some()
    }

    /// The agent of passive `w` (`obl:agent`): the noun of "by the police".
    #[must_use]
    pub fn agent(&self, w: usize) -> Option<usize> {
        self.child(w, Deprel::OblAgent)
    }

    /// The direct object of `w`.
    #[must_use]
    pub fn object(&self, w: usize) -> Option<usize> {
        self.child(w, Deprel::Obj)
    }

    /// The indirect object of `w` ("told *him* the news").
    #[must_use]
    pub fn indirect_object(&self, w: usize) -> Option<usize> {
        self.child(w, Deprel::Iobj)
    }

    /// The clausal complement of `w` with its own subject ("said *that he left*": `left`).
    #[must_use]
    pub fn ccomp(&self, w: usize) -> Option<usize> {
        self.child(w, Deprel::Ccomp)
    }

    /// The open clausal complement of `w` ("wants *to leave*": `leave`).
    #[must_use]
    pub fn xcomp(&self, w: usize) -> Option<usize> {
        self.child(w, Deprel::Xcomp)
    }

    /// The clausal complement of `w`, `ccomp` or `xcomp`, whichever comes first.
    #[must_use]
    pub fn clausal_complement(&self, w: usize) -> Option<usize> {
        self.child_where(w, |d| matches!(d, Deprel::Ccomp | Deprel::Xcomp))
    }

    /// The obliques of `w` (`obl`, `obl:agent`, `obl:unmarked`), each with its case marker:
    /// "rallied *in Michigan*" gives (`Michigan`, `Some(in)`).
    pub fn obliques(&self, w: usize) -> impl Iterator<Item = (usize, Option<usize>)> + '_ {
        self.children(w).filter(|&c| self.words[c].deprel.base() == Deprel::Obl).map(|c| (c, self.case_marker(c)))
    }

    /// The case marker of nominal `w` (its preposition, or a possessive `'s`).
    #[must_use]
    pub fn case_marker(&self, w: usize) -> Option<usize> {
        self.child(w, Deprel::Case)
    }

    /// The subordinating marker of clause `w` ("that", "to", "if", "because").
    #[must_use]
    pub fn mark(&self, w: usize) -> Option<usize> {
        self.child(w, Deprel::Mark)
    }

    /// Whether `w` is negated: a dependent "not", "n't", "never" or "no".
    #[must_use]
    pub fn negated(&self, w: usize) -> bool {
        self.children(w).any(|c| {
            matches!(self.words[c].deprel, Deprel::Advmod | Deprel::Det)
                && matches!(self.lemma(c), "not" | "never" | "no" | "n't")
        })
    }

    /// The heads above `w`, nearest first, up to the root of its sentence.
    pub fn ancestors(&self, w: usize) -> impl Iterator<Item = usize> + '_ {
        // A tree has no cycles; the bound only guards a corrupt layer.
        let mut cur = w;
        let mut left = self.words.len();
        std::iter::from_fn(move || {
            let h = self.head(cur)?;
            left = left.checked_sub(1)?;
            cur = h;
            Some(h)
        })
    }

    /// Whether `a` is `w` or one of its ancestors.
    #[must_use]
    pub fn is_ancestor(&self, a: usize, w: usize) -> bool {
        a == w || self.words.get(a).is_some_and(|x| x.first as usize <= w && w <= x.last as usize)
    }

    /// The verb (or predicate) of the relative clause (`acl:relcl`) that `w` lies in or
    /// heads, the nearest one; `None` when `w` is in no relative clause.
    #[must_use]
    pub fn relative_clause(&self, w: usize) -> Option<usize> {
        std::iter::once(w).chain(self.ancestors(w)).find(|&x| self.words[x].deprel == Deprel::AclRelcl)
    }

    /// Whether `w` lies in (or heads) a relative clause.
    #[must_use]
    pub fn in_relative_clause(&self, w: usize) -> bool {
        self.relative_clause(w).is_some()
    }

    /// The head of the nearest subordinate clause that `w` lies in or heads: an adverbial
    /// clause, a clausal modifier or relative clause, a clausal complement or subject
    /// ([`Deprel::is_subordinate_clause`]); its relation tells which.
    #[must_use]
    pub fn subordinate_clause(&self, w: usize) -> Option<usize> {
        std::iter::once(w).chain(self.ancestors(w)).find(|&x| self.words[x].deprel.is_subordinate_clause())
    }

    /// Whether `w` lies in (or heads) a subordinate clause.
    #[must_use]
    pub fn in_subordinate_clause(&self, w: usize) -> bool {
        self.subordinate_clause(w).is_some()
    }

    /// The first member of the coordination `w` belongs to (`w` itself when it is the first
    /// or is not coordinated).
    #[must_use]
    pub fn first_conjunct(&self, w: usize) -> usize {
        let mut cur = w;
        for _ in 0..self.words.len() {
            match self.head(cur) {
                Some(h) if self.words[cur].deprel == Deprel::Conj => cur = h,
                _ => break,
            }
        }
        cur
    }

    /// The other members of the coordination `w` belongs to, in text order.
    pub fn conjuncts(&self, w: usize) -> impl Iterator<Item = usize> + '_ {
        let first = self.first_conjunct(w);
        let has = first != w || self.child(first, Deprel::Conj).is_some();
        let mut list = Vec::new();
        if has {
            self.collect_conjuncts(first, &mut list);
            list.sort_unstable();
        }
        list.into_iter().filter(move |&x| x != w)
    }

    fn collect_conjuncts(&self, first: usize, out: &mut Vec<usize>) {
        // Conjuncts hang off the first one; a nested coordination ("A and B, or C and D")
        // hangs off its own first member, which is itself a conjunct.
        let mut todo = vec![first];
        while let Some(x) = todo.pop() {
            if out.len() > self.words.len() {
                break;
            }
            out.push(x);
            todo.extend(self.children_with(x, Deprel::Conj));
        }
    }

    /// The word ids of `w` and everything below it.
    #[must_use]
    pub fn subtree_words(&self, w: usize) -> Range<usize> {
        let x = &self.words[w];
        x.first as usize..x.last as usize + 1
    }

    /// The byte range of `w` and everything below it (the whole phrase `w` heads).
    #[must_use]
    pub fn subtree(&self, w: usize) -> Range<usize> {
        let r = self.subtree_words(w);
        self.words[r.start].start..self.words[r.end - 1].end
    }

    /// The sentence (index into [`Syntax::sentences`]) of word `w`.
    #[must_use]
    pub fn sentence_of(&self, w: usize) -> usize {
        self.words[w].sentence as usize
    }

    /// The words whose byte ranges lie inside `r`.
    #[must_use]
    pub fn words_in(&self, r: &Range<usize>) -> Range<usize> {
        let first = self.words.partition_point(|w| w.start < r.start);
        let last = self.words.partition_point(|w| w.end <= r.end);
        first..last.max(first)
    }

    /// Fills the children lists and subtree extents from the heads (linear).
    fn index(&mut self) {
        let n = self.words.len();
        let mut count = vec![0u32; n + 1];
        for w in &self.words {
            if w.head != NO_HEAD {
                count[w.head as usize + 1] += 1;
            }
        }
        for i in 0..n {
            count[i + 1] += count[i];
        }
        self.child_start = count.clone();
        let mut children = vec![0u32; count[n] as usize];
        for (i, w) in self.words.iter().enumerate() {
            if w.head != NO_HEAD {
                let slot = &mut count[w.head as usize];
                children[*slot as usize] = i as u32;
                *slot += 1;
            }
        }
        self.children = children;
        // Subtree extents: children are always processed before their heads when the words
        // are visited deepest first; a depth per word comes from one walk down from each root.
        for (i, w) in self.words.iter_mut().enumerate() {
            w.first = i as u32;
            w.last = i as u32;
        }
        let mut order = Vec::with_capacity(n);
        for s in &self.sentences {
            order.push(s.root as u32);
        }
        let mut k = 0;
        while k < order.len() {
            let x = order[k] as usize;
            let r = self.child_start[x] as usize..self.child_start[x + 1] as usize;
            order.extend_from_slice(&self.children[r]);
            k += 1;
        }
        for &x in order.iter().rev() {
            let x = x as usize;
            let Some(h) = self.head(x) else { continue };
            let (first, last) = (self.words[x].first, self.words[x].last);
            let hw = &mut self.words[h];
            hw.first = hw.first.min(first);
            hw.last = hw.last.max(last);
        }
    }
}

/// Runs the stage: fills [`Analysis::syntax`](crate::Analysis).
pub fn run(a: &mut Analysis) {
    a.syntax = analyse(&model::MODEL, a);
}

/// The syntax layer of an analysis whose text stage has run, by the given model.
#[must_use]
pub fn analyse(model: &Model, a: &Analysis) -> Syntax {
    let mut syn = Syntax::default();
    words::split(a, &mut syn);
    let mut scratch = Scratch::default();
    for si in 0..syn.sentences.len() {
        let r = syn.sentences[si].words.clone();
        scratch.load(&a.text, &syn.words[r.clone()]);
        tagger::tag(model, &mut scratch);
        parser::parse(model, &mut scratch);
        for (k, w) in syn.words[r.clone()].iter_mut().enumerate() {
            w.tag = scratch.tags[k];
            w.upos = model.upos(w.tag);
            let h = scratch.heads[k];
            w.head = if h == parser::ROOT_HEAD { NO_HEAD } else { (r.start + h as usize) as u32 };
            w.deprel = scratch.labels[k];
            if w.head == NO_HEAD {
                syn.sentences[si].root = r.start + k;
            }
        }
        for k in 0..r.len() {
            let form = &a.text[syn.words[r.start + k].range()];
            lemma::lemmatise(model, form, scratch.tags[k], &mut syn.lemmas);
            syn.words[r.start + k].lemma_end = syn.lemmas.len() as u32;
        }
    }
    syn.index();
    syn
}

/// What one sentence needs while it is tagged and parsed, kept across sentences so that
/// parsing allocates nothing per word.
#[derive(Default)]
pub(crate) struct Scratch {
    /// Per-word hashed features ([`tagger::Atoms`]).
    pub(crate) atoms: Vec<tagger::Atoms>,
    /// The predicted tags.
    pub(crate) tags: Vec<u8>,
    /// The predicted heads (sentence-relative; [`parser::ROOT_HEAD`] for the root).
    pub(crate) heads: Vec<u16>,
    /// The predicted relations.
    pub(crate) labels: Vec<Deprel>,
    /// Parser state.
    pub(crate) parser: parser::State,
}

impl Scratch {
    /// Loads a sentence's words.
    fn load(&mut self, text: &str, words: &[Word]) {
        self.atoms.clear();
        for w in words {
            self.atoms.push(tagger::Atoms::of(&text[w.range()]));
        }
    }

    /// Loads a sentence given as forms (training and tests).
    pub(crate) fn load_forms<'s>(&mut self, forms: impl IntoIterator<Item = &'s str>) {
        self.atoms.clear();
        for f in forms {
            self.atoms.push(tagger::Atoms::of(f));
        }
    }
}
