//! Stage 1b, language: reads the text and the language the caller gave; adds the article's
//! language (a BCP 47 tag), how it was known and how sure, and whether the English stages
//! (time, entities, claims, events) run at all.
//!
//! The rule, in order:
//! - a language the caller gave wins (`--language`, the article object's `language`, the
//!   Python keyword, the HTTP field); a non-English one is not analysed, `en` forces the
//!   analysis whatever the text looks like;
//! - otherwise the language is read from a sample of the running text: the first
//!   [`SAMPLE_WORDS`] words outside quotation marks that do not start with a capital letter
//!   (names, headlines in capitals, table rows of teams and figures say nothing about the
//!   language, and a foreign quotation inside an English article must not decide it);
//! - a sample with fewer than [`MIN_LETTERS`] letters is undetermined (`und`): analysed as
//!   English, with a warning;
//! - English is recognised first by its function words ("the", "that", "which", ...: at
//!   least [`MIN_ENGLISH_SHARE`] of the sample's words, none of them common words of another
//!   language), which is cheap; everything else goes to `whatlang`'s trigram and alphabet
//!   models (69 languages). A language other than English is accepted only when whatlang is
//!   sure that it beats English; otherwise the article is `und`, analysed as English, with a
//!   warning.
//!
//! Why the function-word test comes first: whatlang compares every text with 300 trigrams of
//! each of its ~40 Latin-script languages, about 0.6 M instructions an article whatever its
//! length, which would be a third of the whole pipeline on a short wire story; the test costs
//! a few thousand (docs/language.md has the measurements).

use crate::analysis::Analysis;
use crate::error::Error;
use crate::schema::{Document, LanguageSource};

/// How many words of running text the sample takes.
pub const SAMPLE_WORDS: usize = 100;
/// Fewer letters than this in the sample and the language is undetermined (`und`).
pub const MIN_LETTERS: usize = 40;
/// The share of the sample's words that must be English function words for the text to be
/// English without asking the statistical model.
pub const MIN_ENGLISH_SHARE: f64 = 0.10;
/// ... and at least this many of them.
const MIN_ENGLISH_WORDS: usize = 2;
/// The sample's letters below which an unsure model is never asked to compare its best guess
/// with English alone.
const MIN_LETTERS_TO_COMPARE: usize = 250;
/// whatlang's own threshold for a reliable answer.
const RELIABLE: f64 = 0.9;
/// Letters the sample keeps at most (a run of Chinese characters is one "word").
const SAMPLE_LETTERS: usize = 800;

/// The article's language and how it was known.
#[derive(Debug, Clone, PartialEq)]
pub struct LanguageRec {
    /// BCP 47 tag: `en`, `de`, `pt-BR`, or `und` when it could not be told.
    pub tag: String,
    /// Given by the caller or detected.
    pub source: LanguageSource,
    /// From 0 to 1: 1 when given, 0 when undetermined.
    pub confidence: f64,
    /// Whether the English stages run: the language is English or undetermined.
    pub analysed: bool,
}

impl Default for LanguageRec {
    fn default() -> Self {
        Self { tag: "und".to_string(), source: LanguageSource::Detected, confidence: 0.0, analysed: true }
    }
}

/// Warning code: the article is not in English, and only its text, links and posts are kept.
pub const NOT_ANALYSED: &str = "language_not_analysed";
/// Warning code: the language could not be told; the article was analysed as English.
pub const UNDETERMINED: &str = "language_undetermined";
/// Warning code: a web page declared one language and its text reads as another.
pub const PAGE_DISAGREES: &str = "language_page_disagrees";

/// The language of a document that was not analysed because it is not English; `None` for
/// an analysed one.
#[must_use]
pub fn not_analysed(doc: &Document) -> Option<&str> {
    doc.warnings.iter().any(|w| w.code == NOT_ANALYSED).then_some(doc.article.language.as_str())
}

/// Sets [`Analysis::language`] (and a warning when the article is not analysed or its
/// language is unsure).
pub fn run(a: &mut Analysis) {
    let skipped = "sayso analyses English only; entities, claims, events and times were not extracted";
    if let Some(given) = a.meta.language.as_deref() {
        // `validate` has checked the tag; a caller who skipped it still gets their tag.
        let tag = normalize_tag(given).unwrap_or_else(|_| given.trim().to_string());
        let analysed = is_english(&tag) || tag == "und";
        if !analysed {
            a.warn(NOT_ANALYSED, format!("language {tag} given; {skipped}"), None);
        }
        a.language = LanguageRec { tag, source: LanguageSource::Given, confidence: 1.0, analysed };
        return;
    }
    let d = detect(&a.text);
    let tag = d.tag.to_string();
    match d.outcome {
        Outcome::English => {}
        Outcome::Foreign => {
            let message = format!("language {tag} detected (confidence {:.2}); {skipped}", d.confidence);
            a.warn(NOT_ANALYSED, message, None);
        }
        Outcome::TooShort { letters } => a.warn(
            UNDETERMINED,
            format!(
                "too little running text to tell the language ({letters} letters outside names and quotations); analysed as English"
            ),
            None,
        ),
        Outcome::Unsure { likely, confidence } => a.warn(
            UNDETERMINED,
            format!(
                "could not tell the language with confidence (most likely {likely}, confidence {confidence:.2}); analysed as English"
            ),
            None,
        ),
    }
    let analysed = !matches!(d.outcome, Outcome::Foreign);
    a.language = LanguageRec { tag, source: LanguageSource::Detected, confidence: d.confidence, analysed };
    if let Some(declared) = a.page.as_ref().and_then(|p| p.language.clone()) {
        weigh_page_language(a, &declared, &d);
    }
}

/// A web page's declared language against the text's: the declaration refines a detection
/// it agrees with (`en` → `en-GB`) and decides when the text cannot, but a confident
/// detection wins over a template's `lang="en"` on a German article.
fn weigh_page_language(a: &mut Analysis, declared: &str, d: &Detection) {
    let primary = |t: &str| t.split('-').next().unwrap_or(t).to_ascii_lowercase();
    let confident = matches!(d.outcome, Outcome::English | Outcome::Foreign);
    if confident && primary(declared) != primary(&a.language.tag) {
        let message = format!(
            "the page declares language {declared}, but its text reads as {}; the text's is kept",
            a.language.tag
        );
        a.warn(PAGE_DISAGREES, message, None);
        return;
    }
    let analysed = is_english(declared) || declared == "und";
    if !confident {
        // The undetermined-language note no longer applies: the page settles it.
        a.warnings.retain(|w| w.code != UNDETERMINED);
        if !analysed {
            let message = format!(
                "language {declared} declared by the page (the text is too short or mixed to tell); sayso analyses English only; entities, claims, events and times were not extracted"
            );
            a.warn(NOT_ANALYSED, message, None);
        }
    }
    a.language = LanguageRec {
        tag: declared.to_string(),
        source: LanguageSource::Page,
        confidence: a.language.confidence,
        analysed,
    };
}

/// What detection found.
#[derive(Debug, Clone, PartialEq)]
pub struct Detection {
    /// BCP 47 tag (`und` when undetermined).
    pub tag: &'static str,
    /// Confidence in the tag, 0 to 1 (0 for `und`).
    pub confidence: f64,
    /// Why.
    pub outcome: Outcome,
}

/// How detection ended.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// English.
    English,
    /// Another language, told apart from English with confidence.
    Foreign,
    /// Too little running text to tell.
    TooShort {
        /// Letters in the sample.
        letters: usize,
    },
    /// The model was not sure: `likely` was its best guess, English was close.
    Unsure {
        /// The model's best guess.
        likely: &'static str,
        /// Its confidence.
        confidence: f64,
    },
}

/// Tells the language of `text` (see the module's rule).
#[must_use]
pub fn detect(text: &str) -> Detection {
    let mut sample = Sample::of(text, true);
    if sample.letters < MIN_LETTERS {
        // An interview or a transcript can be nearly all quotation: then the quotations speak.
        let all = Sample::of(text, false);
        if all.letters > sample.letters {
            sample = all;
        }
    }
    if sample.letters < MIN_LETTERS {
        return Detection { tag: "und", confidence: 0.0, outcome: Outcome::TooShort { letters: sample.letters } };
    }
    if sample.english >= MIN_ENGLISH_WORDS && sample.english as f64 >= MIN_ENGLISH_SHARE * sample.words as f64 {
        return Detection { tag: "en", confidence: 1.0, outcome: Outcome::English };
    }
    let Some(info) = whatlang::detect(&sample.text) else {
        return Detection { tag: "und", confidence: 0.0, outcome: Outcome::TooShort { letters: sample.letters } };
    };
    let confidence = round(info.confidence());
    let tag = bcp47(info.lang());
    if info.lang() == whatlang::Lang::Eng {
        if info.is_reliable() {
            return Detection { tag, confidence, outcome: Outcome::English };
        }
        return Detection { tag: "und", confidence: 0.0, outcome: Outcome::Unsure { likely: tag, confidence } };
    }
    // Unsure between two other languages (Spanish or Portuguese, Czech or Slovak) is still
    // sure that it is not English: ask the model about its best guess against English alone.
    // Only on a long sample: on a few informal words ("so fun, go get tickets") the
    // two-language comparison is confident about nonsense.
    let foreign = info.is_reliable()
        || sample.letters >= MIN_LETTERS_TO_COMPARE
            && whatlang::Detector::with_allowlist(vec![info.lang(), whatlang::Lang::Eng])
                .detect(&sample.text)
                .is_some_and(|duel| duel.lang() != whatlang::Lang::Eng && duel.confidence() >= RELIABLE);
    if foreign {
        Detection { tag, confidence, outcome: Outcome::Foreign }
    } else {
        Detection { tag: "und", confidence: 0.0, outcome: Outcome::Unsure { likely: tag, confidence } }
    }
}

fn round(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

/// The words the language is told from.
#[derive(Debug, Default)]
struct Sample {
    /// The sampled words, separated by spaces.
    text: String,
    /// How many.
    words: usize,
    /// Their letters.
    letters: usize,
    /// How many are English function words.
    english: usize,
}

impl Sample {
    /// The first [`SAMPLE_WORDS`] words of `text` that start with a lowercase letter (or a
    /// letter of a script without case), outside quotation marks when `skip_quoted`.
    fn of(text: &str, skip_quoted: bool) -> Self {
        let mut s = Self { text: String::with_capacity(1024), ..Self::default() };
        // The closing mark each open quotation waits for, innermost last.
        let mut open: Vec<char> = Vec::new();
        let mut word_start: Option<usize> = None;
        for (i, c) in text.char_indices() {
            if c.is_alphabetic() {
                if word_start.is_none() {
                    word_start = Some(i);
                }
                continue;
            }
            if let Some(start) = word_start.take() {
                if (!skip_quoted || open.is_empty()) && s.push(&text[start..i]) {
                    break;
                }
            }
            if skip_quoted {
                quote_mark(&mut open, c);
            }
        }
        if let Some(start) = word_start {
            if !skip_quoted || open.is_empty() {
                s.push(&text[start..]);
            }
        }
        s
    }

    /// Adds a word if it is running text; true when the sample is full.
    fn push(&mut self, word: &str) -> bool {
        let Some(first) = word.chars().next() else { return false };
        if first.is_uppercase() {
            return false;
        }
        if !self.text.is_empty() {
            self.text.push(' ');
        }
        self.text.push_str(word);
        self.words += 1;
        self.letters += word.chars().count();
        if is_english_function_word(word) {
            self.english += 1;
        }
        self.words >= SAMPLE_WORDS || self.letters >= SAMPLE_LETTERS
    }
}

/// Follows quotation marks: `open` holds the closing mark each open quotation waits for. A
/// line break closes them all (a quotation running on into the next paragraph opens again
/// there), so an unpaired mark costs at most the rest of its paragraph.
fn quote_mark(open: &mut Vec<char>, c: char) {
    match c {
        '\n' => open.clear(),
        // Straight quotes and the German „...“ pair close with the mark English opens with.
        '"' | '“' if open.last() == Some(&c) => {
            open.pop();
        }
        '"' => open.push('"'),
        '“' => open.push('”'),
        '„' => open.push('“'),
        '«' => open.push('»'),
        '‹' => open.push('›'),
        '「' => open.push('」'),
        '『' => open.push('』'),
        '”' | '»' | '›' | '」' | '』' => {
            if let Some(at) = open.iter().rposition(|&x| x == c) {
                open.truncate(at);
            }
        }
        _ => {}
    }
}

/// Frequent English words that are not common words of another language whatlang knows
/// ("in", "is", "was", "to", "die", "over", "her" are left out: German, Dutch, Polish,
/// Danish use them).
fn is_english_function_word(word: &str) -> bool {
    matches!(
        word,
        "the"
            | "and"
            | "of"
            | "that"
            | "with"
            | "from"
            | "this"
            | "which"
            | "were"
            | "have"
            | "has"
            | "had"
            | "been"
            | "would"
            | "their"
            | "they"
            | "there"
            | "his"
            | "its"
            | "it"
            | "not"
            | "but"
            | "are"
            | "who"
            | "what"
            | "when"
            | "after"
            | "about"
            | "more"
            | "than"
            | "could"
            | "should"
            | "other"
            | "into"
            | "new"
            | "one"
            | "two"
            | "up"
            | "out"
            | "we"
            | "you"
            | "she"
            | "him"
            | "our"
            | "all"
            | "being"
            | "these"
            | "those"
            | "such"
            | "only"
            | "some"
            | "any"
            | "because"
            | "while"
            | "where"
            | "how"
            | "said"
            | "says"
            | "told"
            | "can"
            | "be"
            | "by"
    )
}

/// Whether a (normalised) tag is English: `en`, `en-GB`, `eng`.
#[must_use]
pub fn is_english(tag: &str) -> bool {
    let primary = tag.split('-').next().unwrap_or(tag);
    primary.eq_ignore_ascii_case("en") || primary.eq_ignore_ascii_case("eng")
}

/// A language as the caller wrote it, as a BCP 47 tag in its usual case (`EN_us` →
/// `en-US`, `zh-hant-tw` → `zh-Hant-TW`); the English name of a language whatlang knows is
/// accepted too (`German` → `de`).
///
/// # Errors
/// [`Error::BadLanguage`] when the value is neither.
pub fn normalize_tag(value: &str) -> Result<String, Error> {
    let v = value.trim();
    let bad = || Error::BadLanguage { value: value.to_string() };
    if let Some(lang) = whatlang::Lang::all().iter().find(|l| l.eng_name().eq_ignore_ascii_case(v)) {
        return Ok(bcp47(*lang).to_string());
    }
    let mut out = String::with_capacity(v.len());
    for (i, sub) in v.split(['-', '_']).enumerate() {
        let ok = !sub.is_empty() && sub.len() <= 8 && sub.bytes().all(|b| b.is_ascii_alphanumeric());
        let primary_ok = i > 0 || (2..=3).contains(&sub.len()) && sub.bytes().all(|b| b.is_ascii_alphabetic());
        if !ok || !primary_ok {
            return Err(bad());
        }
        if i > 0 {
            out.push('-');
        }
        match sub.len() {
            4 if i > 0 && sub.bytes().all(|b| b.is_ascii_alphabetic()) => {
                out.push(sub.as_bytes()[0].to_ascii_uppercase() as char);
                out.push_str(&sub[1..].to_ascii_lowercase());
            }
            2 if i > 0 => out.push_str(&sub.to_ascii_uppercase()),
            _ => out.push_str(&sub.to_ascii_lowercase()),
        }
    }
    Ok(out)
}

/// The BCP 47 tag of a whatlang language: the two-letter ISO 639-1 code where there is one.
fn bcp47(lang: whatlang::Lang) -> &'static str {
    use whatlang::Lang as L;
    match lang {
        L::Epo => "eo",
        L::Eng => "en",
        L::Rus => "ru",
        L::Cmn => "zh",
        L::Spa => "es",
        L::Por => "pt",
        L::Ita => "it",
        L::Ben => "bn",
        L::Fra => "fr",
        L::Deu => "de",
        L::Ukr => "uk",
        L::Kat => "ka",
        L::Ara => "ar",
        L::Hin => "hi",
        L::Jpn => "ja",
        L::Heb => "he",
        L::Yid => "yi",
        L::Pol => "pl",
        L::Amh => "am",
        L::Jav => "jv",
        L::Kor => "ko",
        L::Nob => "nb",
        L::Dan => "da",
        L::Swe => "sv",
        L::Fin => "fi",
        L::Tur => "tr",
        L::Nld => "nl",
        L::Hun => "hu",
        L::Ces => "cs",
        L::Ell => "el",
        L::Bul => "bg",
        L::Bel => "be",
        L::Mar => "mr",
        L::Kan => "kn",
        L::Ron => "ro",
        L::Slv => "sl",
        L::Hrv => "hr",
        L::Srp => "sr",
        L::Mkd => "mk",
        L::Lit => "lt",
        L::Lav => "lv",
        L::Est => "et",
        L::Tam => "ta",
        L::Vie => "vi",
        L::Urd => "ur",
        L::Tha => "th",
        L::Guj => "gu",
        L::Uzb => "uz",
        L::Pan => "pa",
        L::Aze => "az",
        L::Ind => "id",
        L::Tel => "te",
        L::Pes => "fa",
        L::Mal => "ml",
        L::Ori => "or",
        L::Mya => "my",
        L::Nep => "ne",
        L::Sin => "si",
        L::Khm => "km",
        L::Tuk => "tk",
        L::Aka => "ak",
        L::Zul => "zu",
        L::Sna => "sn",
        L::Afr => "af",
        L::Lat => "la",
        L::Slk => "sk",
        L::Cat => "ca",
        L::Tgl => "tl",
        L::Hye => "hy",
        L::Cym => "cy",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{ArticleInput, Options};

    /// One paragraph per language, written for these tests (the same news item in each).
    const PARAGRAPHS: [(&str, &str); 9] = [
        (
            "en",
            "The city council voted on Tuesday to extend the night bus service until March, after residents complained that the last trains leave too early. The mayor said the cost would be covered by the transport budget.",
        ),
        (
            "de",
            "Der Stadtrat hat am Dienstag beschlossen, den Nachtbusverkehr bis März zu verlängern, nachdem sich Anwohner darüber beschwert hatten, dass die letzten Züge zu früh fahren. Die Bürgermeisterin sagte, die Kosten würden aus dem Verkehrshaushalt gedeckt.",
        ),
        (
            "fr",
            "Le conseil municipal a voté mardi la prolongation du service de bus de nuit jusqu'en mars, après que des habitants se sont plaints que les derniers trains partent trop tôt. Le maire a déclaré que le coût serait couvert par le budget des transports.",
        ),
        (
            "es",
            "El ayuntamiento aprobó el martes ampliar el servicio de autobuses nocturnos hasta marzo, después de que los vecinos se quejaran de que los últimos trenes salen demasiado pronto. La alcaldesa dijo que el coste se cubrirá con el presupuesto de transporte.",
        ),
        (
            "pt",
            "A prefeitura aprovou na terça-feira a ampliação do serviço de ônibus noturnos até março, depois que moradores reclamaram que os últimos trens partem cedo demais. O prefeito disse que o custo será coberto pelo orçamento de transportes.",
        ),
        (
            "id",
            "Dewan kota pada hari Selasa memutuskan untuk memperpanjang layanan bus malam hingga bulan Maret, setelah warga mengeluh bahwa kereta terakhir berangkat terlalu cepat. Wali kota mengatakan biayanya akan ditanggung oleh anggaran transportasi.",
        ),
        (
            "ru",
            "Городской совет во вторник проголосовал за продление работы ночных автобусов до марта после того, как жители пожаловались, что последние поезда уходят слишком рано. Мэр заявил, что расходы будут покрыты из транспортного бюджета.",
        ),
        (
            "ar",
            "صوّت مجلس المدينة يوم الثلاثاء على تمديد خدمة الحافلات الليلية حتى شهر مارس، بعد أن اشتكى السكان من أن آخر القطارات تغادر في وقت مبكر جداً. وقال رئيس البلدية إن التكلفة ستُغطّى من ميزانية النقل.",
        ),
        (
            "zh",
            "市议会周二投票决定将夜间公交服务延长至三月，此前居民抱怨最后一班火车发车太早。市长表示，相关费用将由交通预算承担。",
        ),
    ];

    fn extract(input: ArticleInput) -> crate::Document {
        crate::extract(input, &Options::default()).expect("extract")
    }

    #[test]
    fn each_language_is_identified() {
        for (tag, text) in PARAGRAPHS {
            let d = detect(text);
            assert_eq!(d.tag, tag, "{text}");
            assert!(d.confidence >= RELIABLE, "{tag}: {d:?}");
            let expected = if tag == "en" { Outcome::English } else { Outcome::Foreign };
            assert_eq!(d.outcome, expected, "{tag}");
        }
    }

    #[test]
    fn a_foreign_article_keeps_its_text_links_and_date_and_says_why_it_was_not_analysed() {
        let text = format!("{}\n\nMehr dazu: https://example.org/nachtbus", PARAGRAPHS[1].1);
        let doc =
            extract(ArticleInput { published: Some("2024-03-05".into()), ..ArticleInput::from_text(text.clone()) });
        assert_eq!(doc.article.language, "de");
        assert_eq!(doc.article.language_source, LanguageSource::Detected);
        assert_eq!(doc.article.text, text);
        assert_eq!(doc.article.published.as_ref().map(|p| p.date.as_str()), Some("2024-03-05"));
        assert_eq!(doc.links.len(), 1);
        assert!(doc.entities.is_empty() && doc.claims.is_empty() && doc.events.is_empty() && doc.times.is_empty());
        let w: Vec<_> = doc.warnings.iter().filter(|w| w.code == NOT_ANALYSED).collect();
        assert_eq!(w.len(), 1);
        assert_eq!(
            w[0].message,
            format!(
                "language de detected (confidence {:.2}); sayso analyses English only; entities, claims, events and times were not extracted",
                doc.article.language_confidence
            )
        );
        assert_eq!(not_analysed(&doc), Some("de"));
    }

    #[test]
    fn an_english_article_quoting_french_stays_english() {
        // The quotation is longer than the English around it.
        let text = "President Macron told reporters in Paris on Friday: « Nous ne céderons rien, ni aux violents, ni à ceux qui veulent diviser la nation, et nous continuerons à travailler pour tous les Français. » His office later said the speech had been planned for weeks.";
        let d = detect(text);
        assert_eq!((d.tag, d.outcome.clone()), ("en", Outcome::English), "{d:?}");
        let doc = extract(ArticleInput::from_text(text));
        assert_eq!(doc.article.language, "en");
        assert!(!doc.entities.is_empty(), "analysed");
        // The same French sentence in English typographic quotes, and unquoted in a longer
        // English article.
        let curly = text.replace('«', "“").replace('»', "”");
        assert_eq!(detect(&curly).tag, "en");
        let unquoted = format!(
            "{} {} The minister of the interior said that the police would be present in every city, and that the government was ready to talk with the unions after the weekend.",
            PARAGRAPHS[0].1, "Nous ne céderons rien, ni aux violents, ni à ceux qui veulent diviser la nation."
        );
        assert_eq!(detect(&unquoted).tag, "en");
    }

    #[test]
    fn a_german_article_quoting_english_stays_german() {
        let text = format!(
            "{} \"We have done everything we could, and we will keep the buses running as long as people need them,\" said the operator's spokesman.",
            PARAGRAPHS[1].1
        );
        assert_eq!(detect(&text).tag, "de");
        let german_quotes = format!("{} Der Sprecher sagte: „We will keep the buses running.“", PARAGRAPHS[1].1);
        assert_eq!(detect(&german_quotes).tag, "de");
    }

    #[test]
    fn a_short_text_is_undetermined_and_analysed_as_english_with_a_warning() {
        let text = "Police said Monday.";
        assert!(text.len() < 21);
        let doc = extract(ArticleInput::from_text(text));
        assert_eq!(doc.article.language, "und");
        assert_eq!(doc.article.language_confidence, 0.0);
        let w = doc.warnings.iter().find(|w| w.code == UNDETERMINED).expect("a language warning");
        assert!(w.message.contains("analysed as English"), "{}", w.message);
        assert!(!doc.times.is_empty(), "the time stage ran: {doc:?}");
        assert_eq!(not_analysed(&doc), None);
    }

    #[test]
    fn tables_of_names_and_figures_are_not_taken_for_another_language() {
        let text = "SOCCER - YUGOSLAV LEAGUE RESULTS / STANDINGS.\nBELGRADE 1996-08-31\nResults of Yugoslav league soccer matches played on Saturday:\nProleter 2 Mladost 1\nHajduk 0 Cukaricki 1\nZemun 1 Vojvodina 1\nRad 3 Borac 0\nStandings after the first round:\nCukaricki 1 1 0 0 1 0 3\nRad 1 1 0 0 3 0 3\n";
        let d = detect(text);
        assert_ne!(d.outcome, Outcome::Foreign, "{d:?}");
        assert!(extract(ArticleInput::from_text(text)).entities.len() > 3);
    }

    #[test]
    fn short_informal_english_is_never_skipped() {
        for text in [
            "so much fun!! we go swimming and dancing every week, its great, go get tickets!!!",
            "great shop great prices, friendly staff, will come back soon",
            "nice hotel, clean rooms, good breakfast, quiet at night",
        ] {
            let d = detect(text);
            assert_ne!(d.outcome, Outcome::Foreign, "{text}: {d:?}");
        }
    }

    #[test]
    fn a_given_language_wins_and_en_forces_the_analysis() {
        let german = extract(ArticleInput { language: Some("EN".into()), ..ArticleInput::from_text(PARAGRAPHS[1].1) });
        assert_eq!(
            (german.article.language.as_str(), german.article.language_source, german.article.language_confidence),
            ("en", LanguageSource::Given, 1.0)
        );
        assert!(!german.entities.is_empty(), "forced through the English stages");
        assert!(german.warnings.iter().all(|w| !w.code.starts_with("language")));

        let english =
            extract(ArticleInput { language: Some("pt_br".into()), ..ArticleInput::from_text(PARAGRAPHS[0].1) });
        assert_eq!(english.article.language, "pt-BR");
        assert!(english.entities.is_empty() && english.times.is_empty());
        assert_eq!(
            english.warnings[0].message,
            "language pt-BR given; sayso analyses English only; entities, claims, events and times were not extracted"
        );
    }

    #[test]
    fn tags_are_normalised_and_bad_ones_refused() {
        for (given, tag) in [
            ("en", "en"),
            (" EN-gb ", "en-GB"),
            ("zh_hant_tw", "zh-Hant-TW"),
            ("es-419", "es-419"),
            ("German", "de"),
            ("und", "und"),
        ] {
            assert_eq!(normalize_tag(given).as_deref(), Ok(tag), "{given}");
        }
        for bad in ["", "e", "english!", "en--us", "1en", "Klingonese", "en-toolongsubtag"] {
            assert_eq!(normalize_tag(bad), Err(Error::BadLanguage { value: bad.to_string() }), "{bad}");
        }
        let refused = ArticleInput { language: Some("xx yy".into()), ..ArticleInput::from_text("Text.") };
        assert!(matches!(crate::extract(refused, &Options::default()), Err(Error::BadLanguage { .. })));
        assert!(is_english("en-US") && is_english("eng") && !is_english("de") && !is_english("enm-x"));
    }

    /// A page's `lang` refines the text's language, settles a text too short to tell, and
    /// loses to a confident detection (a template's `lang="en"` on a German article).
    #[test]
    fn a_pages_declared_language_is_weighed_against_its_text() {
        let page = |lang: &str, body: &str| {
            let html = format!(
                "<html lang=\"{lang}\"><body><article><h1>Night buses</h1><p>{body}</p></article></body></html>"
            );
            crate::extract(ArticleInput::from_html(html), &Options::default()).expect("page")
        };
        let agrees = page("en-GB", PARAGRAPHS[0].1);
        assert_eq!((agrees.article.language.as_str(), agrees.article.language_source), ("en-GB", LanguageSource::Page));
        assert!(!agrees.times.is_empty(), "analysed as English");
        let wrong = page("en", PARAGRAPHS[1].1);
        assert_eq!((wrong.article.language.as_str(), wrong.article.language_source), ("de", LanguageSource::Detected));
        assert!(wrong.times.is_empty());
        assert!(wrong.warnings.iter().any(|w| w.code == PAGE_DISAGREES), "{:?}", wrong.warnings);
        // Too short to tell from the text: the page decides.
        let mut short = Analysis { text: "Bus 12 ab Montag.".into(), ..Analysis::default() };
        short.page = Some(crate::analysis::PageSource {
            html: String::new(),
            source_map: Vec::new(),
            canonical_url: None,
            language: Some("de".into()),
        });
        run(&mut short);
        assert_eq!((short.language.tag.as_str(), short.language.source), ("de", LanguageSource::Page));
        assert!(!short.language.analysed);
        assert_eq!(short.warnings.iter().map(|w| w.code).collect::<Vec<_>>(), [NOT_ANALYSED]);
    }
}
