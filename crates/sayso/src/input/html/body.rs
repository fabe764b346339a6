//! The article body of a page: which part of the tree is the article, what inside it is
//! boilerplate, and its text as paragraphs, each with the stretch of the page it came from.
//!
//! 1. Nodes that never hold article text are set aside: scripts, styles, forms' controls,
//!    media, captions, hidden elements.
//! 2. Every element gets a content score, as Readability scores them: each paragraph-like
//!    block of at least 25 characters gives its parent 1 point plus 1 per comma plus 1 per
//!    100 characters (at most 3), its grandparent half of that and further ancestors a
//!    third per level; tags and class/id words (`article-body`, `story` against `comments`,
//!    `related`, `share`) weigh in, and the score is scaled down by the share of its text
//!    that is link text. The best element is the article; siblings that score close to it,
//!    or are long low-link paragraphs, join it (articles split by advertisements).
//! 3. Inside it, subtrees whose class/id words or tag mark them as boilerplate (navigation,
//!    share bars, related links, comment threads, newsletter boxes, bylines, captions),
//!    and blocks that are mostly links, are dropped, unless they hold most of the article.
//! 4. The rest is written out block by block: paragraphs, headings, list items, table cells
//!    and quotations each become one paragraph of the text (a blank line between); `<br>`
//!    is a line break, two of them a paragraph break; whitespace is collapsed as a browser
//!    collapses it. Embedded posts (a tweet's `<blockquote>`) are kept as the post's text
//!    followed by its signature line, which the embeds stage reads.

use super::dom::{AttrName, Dom, Tag, is_html_space};
use std::ops::Range;

/// One paragraph of the body and where it came from in the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Block {
    /// The paragraph's text.
    pub text: String,
    /// From the first to the last page byte that gave it text.
    pub src: Range<usize>,
}

/// What class/id words say about an element.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Hint {
    Neutral,
    /// Named like an article body.
    Content,
    /// Named like boilerplate.
    Boilerplate,
}

/// Per-element figures, summed over the subtree.
#[derive(Debug, Clone, Copy, Default)]
struct Stats {
    /// Characters of text (whitespace runs counted once).
    chars: u32,
    /// Characters inside links.
    link_chars: u32,
    /// Characters in paragraph-like blocks of 25 characters or more.
    para_chars: u32,
    /// Links.
    links: u32,
    /// Embedded posts (a tweet's blockquote) in the subtree.
    posts: u32,
}

/// Pages with less article text than this are not read as articles.
const MIN_CHARS: usize = 100;

/// The article body's paragraphs, in page order, or why the page has none.
pub(crate) fn extract(dom: &Dom, title: Option<&str>, declares_article: bool) -> Result<Vec<Block>, String> {
    let n = dom.nodes.len();
    let skip = skipped(dom);
    let hints: Vec<Hint> = (0..n).map(|i| hint(dom, i)).collect();
    let (stats, paragraphs) = stats(dom, &skip);
    let scores = scores(dom, &hints, &stats, &paragraphs);
    let Some(top) = best(dom, &scores, &stats) else {
        return Err("it has no paragraphs of text".to_string());
    };
    let roots = with_siblings(dom, top, &scores, &skip, &hints, &stats);
    let linked = linked_headlines(dom, &roots, &skip);
    let mut blocks = Vec::new();
    for &root in &roots {
        write_blocks(dom, root, &skip, &hints, &stats, &mut blocks);
    }
    if let Some(title) = title {
        let title = normalise(title);
        blocks.retain(|b| normalise(&b.text) != title);
    }
    let chars: usize = blocks.iter().map(|b| b.text.chars().count()).sum();
    if !declares_article && linked >= 4 && linked * 300 >= chars {
        return Err(format!("it looks like an index page ({linked} linked headlines, no article)"));
    }
    if chars < MIN_CHARS {
        return Err(format!("it has too little text for an article ({chars} characters)"));
    }
    Ok(blocks)
}

/// Headings that are links, in the article part: what a list of stories is made of.
fn linked_headlines(dom: &Dom, roots: &[usize], skip: &[bool]) -> usize {
    let linked = |i: usize| {
        !skip[i]
            && dom.nodes[i].tag.is_heading()
            && (i + 1..dom.nodes[i].end as usize).any(|c| dom.nodes[c].tag == Tag::A)
    };
    roots.iter().map(|&root| (root..dom.nodes[root].end as usize).filter(|&i| linked(i)).count()).sum()
}

fn normalise(s: &str) -> String {
    s.split(is_html_space).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ").to_lowercase()
}

/// Nodes whose subtree holds no article text: `skip[i]` for the element that starts it.
fn skipped(dom: &Dom) -> Vec<bool> {
    let mut skip = vec![false; dom.nodes.len()];
    for (i, node) in dom.nodes.iter().enumerate() {
        skip[i] = match node.tag {
            Tag::Head
            | Tag::Title
            | Tag::Script
            | Tag::Style
            | Tag::Noscript
            | Tag::Template
            | Tag::Svg
            | Tag::Math
            | Tag::Iframe
            | Tag::Object
            | Tag::Embed
            | Tag::Canvas
            | Tag::Video
            | Tag::Audio
            | Tag::Select
            | Tag::Button
            | Tag::Input
            | Tag::Textarea
            | Tag::Noembed
            | Tag::Noframes
            | Tag::Frameset
            | Tag::Dialog
            | Tag::Figcaption
            | Tag::Rp
            | Tag::Rt
            | Tag::Meta
            | Tag::Link => true,
            Tag::Text | Tag::Root => false,
            _ => hidden(dom, i),
        };
    }
    skip
}

/// Elements a reader does not see.
fn hidden(dom: &Dom, i: usize) -> bool {
    if dom.attr(i, AttrName::Hidden).is_some() {
        return true;
    }
    if dom.attr(i, AttrName::AriaHidden).is_some_and(|v| v.trim().eq_ignore_ascii_case("true")) {
        return true;
    }
    if let Some(style) = dom.attr(i, AttrName::Style) {
        let compact: String = style.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_lowercase();
        if compact.contains("display:none") || compact.contains("visibility:hidden") {
            return true;
        }
    }
    false
}

/// Words of class and id names that mark boilerplate, matched against each word of the
/// name (split at `-`, `_`, spaces and lowercase-uppercase changes).
const BOILERPLATE_WORDS: &[&str] = &[
    "ad",
    "ads",
    "adslot",
    "adunit",
    "advert",
    "advertisement",
    "advertising",
    "banner",
    "breadcrumb",
    "breadcrumbs",
    "byline",
    "caption",
    "comment",
    "comments",
    "consent",
    "contact",
    "cookie",
    "cookies",
    "credit",
    "credits",
    "date",
    "dates",
    "disqus",
    "dfp",
    "footer",
    "gdpr",
    "header",
    "masthead",
    "menu",
    "meta",
    "nav",
    "navbar",
    "navigation",
    "newsletter",
    "outbrain",
    "pagination",
    "popular",
    "popup",
    "promo",
    "pubdate",
    "published",
    "recommended",
    "recommendations",
    "related",
    "share",
    "sharing",
    "sidebar",
    "signup",
    "social",
    "sponsored",
    "subscribe",
    "subscription",
    "submitted",
    "taboola",
    "tags",
    "time",
    "timestamp",
    "toolbar",
    "trending",
    "widget",
];

/// Words of class and id names that mark an article body.
const CONTENT_WORDS: &[&str] = &["article", "articlebody", "body", "content", "entry", "main", "post", "story", "text"];

/// Whole class/id names that mark an article body.
const CONTENT_NAMES: &[&str] = &[
    "article-body",
    "article-content",
    "article-text",
    "articlebody",
    "entry-content",
    "post-body",
    "post-content",
    "story-body",
    "story-content",
];

fn hint(dom: &Dom, i: usize) -> Hint {
    let tag = dom.nodes[i].tag;
    if matches!(tag, Tag::Text | Tag::Root | Tag::Html | Tag::Body) {
        return Hint::Neutral;
    }
    if let Some(props) = dom.attr(i, AttrName::Itemprop) {
        if props.split_ascii_whitespace().any(|w| w == "articleBody") {
            return Hint::Content;
        }
        // What microdata marks as the article's date or author is metadata, not body.
        if props
            .split_ascii_whitespace()
            .any(|w| matches!(w, "datePublished" | "dateModified" | "author" | "publisher"))
        {
            return Hint::Boilerplate;
        }
    }
    let mut content = false;
    for attr in [AttrName::Class, AttrName::Id, AttrName::Role] {
        let Some(value) = dom.attr(i, attr) else { continue };
        for name in value.split_ascii_whitespace() {
            let lower = name.to_ascii_lowercase();
            if CONTENT_NAMES.contains(&lower.as_str()) {
                content = true;
            }
            for word in words(name) {
                if BOILERPLATE_WORDS.contains(&word.as_str()) {
                    return Hint::Boilerplate;
                }
                if CONTENT_WORDS.contains(&word.as_str()) {
                    content = true;
                }
            }
        }
    }
    if content { Hint::Content } else { Hint::Neutral }
}

/// The words of a class or id name, lowercase: `relatedArticles` and `related-articles`
/// both give `related`, `articles`.
fn words(name: &str) -> impl Iterator<Item = String> + '_ {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut prev_lower = false;
    for c in name.chars() {
        if !c.is_ascii_alphanumeric() {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            prev_lower = false;
            continue;
        }
        if c.is_ascii_uppercase() && prev_lower && !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
        prev_lower = c.is_ascii_lowercase() || c.is_ascii_digit();
        cur.push(c.to_ascii_lowercase());
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out.into_iter()
}

/// Characters of a text node, whitespace runs counted once.
fn visible_chars(s: &str) -> u32 {
    let mut n = 0u32;
    let mut space = true;
    for c in s.chars() {
        if is_html_space(c) {
            if !space {
                n += 1;
                space = true;
            }
        } else {
            n += 1;
            space = false;
        }
    }
    n
}

/// Blocks whose text is a paragraph when they hold no other block.
fn is_paragraph_tag(tag: Tag) -> bool {
    matches!(
        tag,
        Tag::P | Tag::Pre | Tag::Td | Tag::Blockquote | Tag::Li | Tag::Dd | Tag::Div | Tag::Section | Tag::Article
    )
}

/// Commas (of several scripts) in a text: Readability's sign of prose.
fn commas(s: &str) -> u32 {
    let ascii = memchr::memchr_iter(b',', s.as_bytes()).count();
    let other = if s.is_ascii() { 0 } else { s.chars().filter(|&c| matches!(c, '，' | '、' | '،')).count() };
    u32::try_from(ascii + other).unwrap_or(u32::MAX)
}

/// A paragraph's Readability score.
fn paragraph_score(chars: u32, commas: u32) -> f64 {
    1.0 + f64::from(commas) + (f64::from(chars) / 100.0).floor().min(3.0)
}

/// Paragraphs are at least this long.
const PARAGRAPH_CHARS: u32 = 25;

/// A paragraph of the page, as scoring sees it.
#[derive(Debug, Clone, Copy)]
struct Paragraph {
    /// The block element, or the container of an inline run.
    node: usize,
    chars: u32,
    commas: u32,
    /// A run of inline content directly inside `node` rather than `node` itself (text
    /// written straight into a `<div>` beside other blocks).
    run: bool,
}

/// Per-subtree figures, and the paragraphs of the page.
fn stats(dom: &Dom, skip: &[bool]) -> (Vec<Stats>, Vec<Paragraph>) {
    let n = dom.nodes.len();
    let mut stats = vec![Stats::default(); n];
    let mut comma = vec![0u32; n];
    let mut block_inside = vec![false; n];
    let mut live = vec![true; n];
    let mut i = 0;
    while i < n {
        if skip[i] {
            let end = (dom.nodes[i].end as usize).max(i + 1);
            live[i..end].iter_mut().for_each(|l| *l = false);
            i = end;
            continue;
        }
        let node = &dom.nodes[i];
        if node.tag == Tag::Text {
            let t = dom.text_of(i);
            stats[i].chars = visible_chars(t);
            comma[i] = commas(t);
        }
        i += 1;
    }
    // Children come after their parents: summing in reverse gives each subtree's totals.
    for i in (1..n).rev() {
        if !live[i] {
            continue;
        }
        let node = &dom.nodes[i];
        // Whether a block is inside (through inline elements too: a `<span>` of `<p>`s).
        if (node.tag.is_block() || block_inside[i]) && (node.parent as usize) < n {
            block_inside[node.parent as usize] = true;
        }
        if node.tag == Tag::A {
            stats[i].link_chars = stats[i].chars;
            stats[i].links += 1;
        }
        if is_embedded_post(dom, i) {
            stats[i].posts += 1;
        }
        let parent = node.parent as usize;
        if parent < n {
            let s = stats[i];
            let p = &mut stats[parent];
            p.chars += s.chars;
            p.link_chars += s.link_chars;
            p.links += s.links;
            p.posts += s.posts;
            comma[parent] += comma[i];
        }
    }
    let mut paragraphs = Vec::new();
    for i in 1..n {
        if !live[i] || dom.nodes[i].tag == Tag::Text {
            continue;
        }
        if !block_inside[i] {
            if is_paragraph_tag(dom.nodes[i].tag) && stats[i].chars >= PARAGRAPH_CHARS {
                paragraphs.push(Paragraph { node: i, chars: stats[i].chars, commas: comma[i], run: false });
            }
            continue;
        }
        // Runs of inline content between the blocks of a container.
        let (mut run, mut run_commas) = (0u32, 0u32);
        for c in dom.children(i).chain(std::iter::once(usize::MAX)) {
            let ends_run = c == usize::MAX || (live[c] && (dom.nodes[c].tag.is_block() || block_inside[c]));
            if ends_run {
                if run >= PARAGRAPH_CHARS {
                    paragraphs.push(Paragraph { node: i, chars: run, commas: run_commas, run: true });
                }
                run = 0;
                run_commas = 0;
            } else if live[c] {
                run += stats[c].chars;
                run_commas += comma[c];
            }
        }
    }
    let mut own_para = vec![0u32; n];
    for p in &paragraphs {
        own_para[p.node] += p.chars;
    }
    for i in (1..n).rev() {
        stats[i].para_chars += own_para[i];
        let parent = dom.nodes[i].parent as usize;
        if live[i] && parent < n {
            stats[parent].para_chars += stats[i].para_chars;
        }
    }
    (stats, paragraphs)
}

fn link_density(s: &Stats) -> f64 {
    if s.chars == 0 { 0.0 } else { f64::from(s.link_chars) / f64::from(s.chars) }
}

/// Readability's content scores, scaled by link density.
fn scores(dom: &Dom, hints: &[Hint], stats: &[Stats], paragraphs: &[Paragraph]) -> Vec<f64> {
    let n = dom.nodes.len();
    let mut raw = vec![0.0f64; n];
    let mut scored = vec![false; n];
    for p in paragraphs {
        let score = paragraph_score(p.chars, p.commas);
        let mut a = if p.run { u32::try_from(p.node).unwrap_or(super::dom::NONE) } else { dom.nodes[p.node].parent };
        let mut level = 0;
        // The root scores too: a fragment (`<p>...</p>`) has no other container.
        while a != super::dom::NONE && level < 5 {
            let ai = a as usize;
            if !scored[ai] {
                scored[ai] = true;
                raw[ai] += initial(dom.nodes[ai].tag, hints[ai]);
            }
            let divider = match level {
                0 => 1.0,
                1 => 2.0,
                l => f64::from(l) * 3.0,
            };
            raw[ai] += score / divider;
            a = dom.nodes[ai].parent;
            level += 1;
        }
    }
    (0..n).map(|i| if scored[i] { raw[i] * (1.0 - link_density(&stats[i])) } else { f64::NEG_INFINITY }).collect()
}

fn initial(tag: Tag, hint: Hint) -> f64 {
    let by_tag = match tag {
        Tag::Div | Tag::Article | Tag::Main | Tag::Section => 5.0,
        Tag::Pre | Tag::Td | Tag::Blockquote => 3.0,
        Tag::Address | Tag::Ol | Tag::Ul | Tag::Dl | Tag::Dd | Tag::Dt | Tag::Li | Tag::Form => -3.0,
        t if t.is_heading() => -5.0,
        Tag::Th => -5.0,
        _ => 0.0,
    };
    let by_hint = match hint {
        Hint::Content => 25.0,
        Hint::Boilerplate => -25.0,
        Hint::Neutral => 0.0,
    };
    by_tag + by_hint
}

fn best(dom: &Dom, scores: &[f64], stats: &[Stats]) -> Option<usize> {
    let mut top: Option<usize> = None;
    for i in 0..dom.nodes.len() {
        if scores[i].is_finite() && top.is_none_or(|t| scores[i] > scores[t]) {
            top = Some(i);
        }
    }
    let top = top?;
    // A container whose own block children hold little of its text is a wrapper: when its
    // parent scores close to it the article is wider than the top element.
    let mut cur = top;
    loop {
        let parent = dom.nodes[cur].parent as usize;
        if parent == 0 || parent >= dom.nodes.len() || !scores[parent].is_finite() {
            break;
        }
        if scores[parent] >= scores[cur] * 0.75 && stats[parent].para_chars > stats[cur].para_chars {
            cur = parent;
        } else {
            break;
        }
    }
    // An article cut into chunks (between advertisements, each in its own wrapper) scores as
    // several strong candidates: their common ancestor is the article when it holds little
    // else.
    let strong = scores[top] * 0.6;
    let mut chars = stats[cur].para_chars;
    for i in 1..dom.nodes.len() {
        if !scores[i].is_finite() || scores[i] < strong || contains(dom, cur, i) || contains(dom, i, cur) {
            continue;
        }
        let lca = common_ancestor(dom, cur, i);
        if lca == 0 {
            continue;
        }
        let joined = chars + stats[i].para_chars;
        if f64::from(stats[lca].para_chars) <= f64::from(joined) * 1.25 {
            cur = lca;
            chars = joined;
        }
    }
    Some(cur)
}

/// Whether `outer`'s subtree holds `inner`.
fn contains(dom: &Dom, outer: usize, inner: usize) -> bool {
    outer <= inner && inner < dom.nodes[outer].end as usize
}

/// The innermost element holding both nodes.
fn common_ancestor(dom: &Dom, a: usize, b: usize) -> usize {
    let mut x = a;
    while !contains(dom, x, b) {
        let p = dom.nodes[x].parent;
        if p == super::dom::NONE {
            return 0;
        }
        x = p as usize;
    }
    x
}

/// The article element and the siblings that belong with it, in page order.
fn with_siblings(dom: &Dom, top: usize, scores: &[f64], skip: &[bool], hints: &[Hint], stats: &[Stats]) -> Vec<usize> {
    let parent = dom.nodes[top].parent as usize;
    if parent >= dom.nodes.len() {
        return vec![top];
    }
    let threshold = (scores[top] * 0.2).max(10.0);
    let mut roots = Vec::new();
    for c in dom.children(parent) {
        if c == top {
            roots.push(c);
            continue;
        }
        if skip[c]
            || dom.nodes[c].tag == Tag::Text
            || is_boilerplate(dom, c, hints, stats, stats[top].para_chars.max(1))
        {
            continue;
        }
        if scores[c].is_finite() && scores[c] >= threshold {
            roots.push(c);
            continue;
        }
        if dom.nodes[c].tag == Tag::P {
            let s = &stats[c];
            let density = link_density(s);
            if (s.chars > 80 && density < 0.25)
                || (s.chars > 0 && density == 0.0 && dom.collapsed_text(c).ends_with(['.', '!', '?', '"', '”']))
            {
                roots.push(c);
            }
        }
    }
    roots
}

/// Whether a subtree inside the article is boilerplate to drop.
fn is_boilerplate(dom: &Dom, i: usize, hints: &[Hint], stats: &[Stats], article_chars: u32) -> bool {
    let node = &dom.nodes[i];
    let s = &stats[i];
    // Never drop what holds most of the article.
    if s.para_chars * 2 > article_chars {
        return false;
    }
    // Embedded posts are article content, whatever their wrapper is called ("social-embed").
    if s.posts > 0 {
        return false;
    }
    match node.tag {
        Tag::Nav | Tag::Aside | Tag::Footer | Tag::Form | Tag::H1 => return true,
        Tag::Header if s.para_chars * 4 < article_chars => return true,
        _ => {}
    }
    if hints[i] == Hint::Boilerplate {
        return true;
    }
    // Lists and blocks of links (related stories, tag lists).
    let density = link_density(s);
    match node.tag {
        Tag::Ul | Tag::Ol | Tag::Dl | Tag::Div | Tag::Section | Tag::Table => density > 0.5 && s.chars > 0,
        Tag::P | Tag::Li => density > 0.8 && s.chars < 200,
        // Pop-ups inside a paragraph (a name's card of links to other stories).
        Tag::Span | Tag::Other => density > 0.8 && s.links >= 3,
        _ => false,
    }
}

/// A tweet, Instagram or similar embed: its text and signature are article content.
fn is_embedded_post(dom: &Dom, i: usize) -> bool {
    dom.nodes[i].tag == Tag::Blockquote
        && dom.attr(i, AttrName::Class).is_some_and(|c| {
            c.split_ascii_whitespace().any(|w| {
                matches!(w, "twitter-tweet" | "twitter-video" | "instagram-media" | "tiktok-embed" | "bluesky-embed")
            })
        })
}

/// Writes the blocks of one article subtree.
fn write_blocks(dom: &Dom, root: usize, skip: &[bool], hints: &[Hint], stats: &[Stats], out: &mut Vec<Block>) {
    let article_chars = stats[root].para_chars.max(1);
    let mut w = Writer::default();
    // Open block elements (their ends), to flush a paragraph when one closes.
    let mut open: Vec<usize> = Vec::new();
    let mut pre_depth: Vec<usize> = Vec::new();
    let end = dom.nodes[root].end as usize;
    let mut i = root;
    while i < end {
        while open.last().is_some_and(|&e| i >= e) {
            open.pop();
            w.flush(out);
        }
        while pre_depth.last().is_some_and(|&e| i >= e) {
            pre_depth.pop();
        }
        let node = &dom.nodes[i];
        if skip[i] || (i != root && node.tag != Tag::Text && is_boilerplate(dom, i, hints, stats, article_chars)) {
            if node.tag.is_block() {
                w.flush(out);
            }
            i = (node.end as usize).max(i + 1);
            continue;
        }
        match node.tag {
            Tag::Text => {
                let src = node.src.start as usize..node.src.end as usize;
                w.text(dom.text_of(i), src, !pre_depth.is_empty());
            }
            Tag::Br => w.line_break(out),
            Tag::Hr => w.flush(out),
            t => {
                if t == Tag::Pre {
                    pre_depth.push(node.end as usize);
                }
                if t.is_block() {
                    w.flush(out);
                    open.push(node.end as usize);
                }
            }
        }
        i += 1;
    }
    w.flush(out);
}

/// Collects text into paragraphs.
#[derive(Default)]
struct Writer {
    text: String,
    src: Option<Range<usize>>,
    space: bool,
}

impl Writer {
    fn text(&mut self, s: &str, src: Range<usize>, pre: bool) {
        if pre {
            if s.is_empty() {
                return;
            }
            self.text.push_str(s);
            self.cover(src);
            return;
        }
        let mut any = false;
        if s.starts_with(is_html_space) {
            self.space = true;
        }
        for word in s.split(is_html_space).filter(|w| !w.is_empty()) {
            if self.space && !self.text.is_empty() && !self.text.ends_with('\n') {
                self.text.push(' ');
            }
            self.text.push_str(word);
            self.space = true;
            any = true;
        }
        if any {
            self.space = s.ends_with(is_html_space);
            self.cover(src);
        }
    }

    fn cover(&mut self, src: Range<usize>) {
        self.src = Some(match self.src.take() {
            None => src,
            Some(r) => r.start.min(src.start)..r.end.max(src.end),
        });
    }

    fn line_break(&mut self, out: &mut Vec<Block>) {
        if self.text.ends_with('\n') {
            self.text.pop();
            self.flush(out);
        } else if !self.text.is_empty() {
            self.text.push('\n');
        }
        self.space = false;
    }

    fn flush(&mut self, out: &mut Vec<Block>) {
        let text = self.text.trim_matches(|c: char| c.is_whitespace());
        if let (false, Some(src)) = (text.is_empty(), self.src.clone()) {
            out.push(Block { text: text.to_string(), src });
        }
        self.text.clear();
        self.src = None;
        self.space = false;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(html: &str) -> Vec<String> {
        extract(&Dom::parse(html), None, false).map(|b| b.into_iter().map(|b| b.text).collect()).unwrap_or_default()
    }

    const PARA: &str = "The council met on Tuesday, and after a long debate, members voted to approve the plan.";

    #[test]
    fn the_article_is_found_between_navigation_and_related_links() {
        let html = format!(
            "<body><nav><a href=/>Home</a> <a href=/news>News</a></nav>\
             <div class=story-body><h1>Headline</h1><p>{PARA}</p><p>Second paragraph, with commas, here.</p>\
             <div class=share-bar><a href=#>Share</a></div><p>{PARA}</p></div>\
             <aside class=related><ul><li><a href=/a>Another story</a></li></ul></aside>\
             <footer>Copyright</footer></body>"
        );
        assert_eq!(body(&html), [PARA, "Second paragraph, with commas, here.", PARA]);
    }

    #[test]
    fn line_breaks_and_whitespace_are_read_as_a_browser_shows_them() {
        let html = format!("<article><p>  First   line<br>second line</p><p>{PARA}<br><br>{PARA}</p></article>");
        assert_eq!(body(&html), ["First line\nsecond line", PARA, PARA]);
    }

    #[test]
    fn a_tweet_is_kept_as_its_text_and_signature_line() {
        let html = format!(
            "<article><p>{PARA}</p><blockquote class=\"twitter-tweet\"><p lang=en>We are ready. \
             <a href=\"https://t.co/x\">pic.twitter.com/x</a></p>&mdash; Jane Doe (@janedoe) \
             <a href=\"https://twitter.com/janedoe/status/1\">March 3, 2024</a></blockquote><p>{PARA}</p></article>"
        );
        assert_eq!(body(&html), [PARA, "We are ready. pic.twitter.com/x", "— Jane Doe (@janedoe) March 3, 2024", PARA]);
    }

    #[test]
    fn every_block_points_at_its_text_in_the_page() {
        let html = format!(
            "<html><body><article><p>{PARA}</p><p>Caf&eacute; <b>owner</b>, she said, smiling.</p></article></body></html>"
        );
        let blocks = extract(&Dom::parse(&html), None, false).unwrap();
        assert_eq!(&html[blocks[0].src.clone()], PARA);
        assert_eq!(&html[blocks[1].src.clone()], "Caf&eacute; <b>owner</b>, she said, smiling.");
    }

    #[test]
    fn class_words_split_at_case_and_punctuation() {
        assert_eq!(words("relatedArticles").collect::<Vec<_>>(), ["related", "articles"]);
        assert_eq!(words("post__share-bar").collect::<Vec<_>>(), ["post", "share", "bar"]);
    }

    #[test]
    fn a_page_without_paragraphs_has_no_body() {
        let err = extract(&Dom::parse("<ul><li><a href=/1>One</a></li><li><a href=/2>Two</a></li></ul>"), None, false);
        assert_eq!(err, Err("it has no paragraphs of text".to_string()));
    }

    #[test]
    fn an_index_of_stories_is_not_an_article() {
        let teaser = "<div class=teaser><h2><a href=/s>A story about the council vote</a></h2>\
                      <p>Members met on Tuesday and, after debate, voted for the plan.</p></div>";
        let html = format!("<main>{}</main>", teaser.repeat(8));
        let err = extract(&Dom::parse(&html), None, false).unwrap_err();
        assert!(err.starts_with("it looks like an index page (8 linked headlines"), "{err}");
    }
}
