//! The view: a Document as people read it. The article with its claims (source, cue,
//! content), entity mentions, times and event triggers marked in the text; a card per claim
//! (kind, cue, source linked to its entity with its role, content, time, the say-so chain
//! drawn as a path from the source to the publisher, the claims it confirms, denies or cites,
//! nested claims inside their parent's card); a "who says what" summary per source; an events
//! table; the entities and times.
//!
//! Not a pipeline stage: it reads only a finished Document's JSON, so the CLI (`sayso view`),
//! the server (`POST /v1/view` and its viewer page) and Python (`Document._repr_html_`) show
//! the same thing, also for documents written elsewhere. It reads the JSON rather than
//! [`crate::Document`] on purpose: a document with fields this build does not know (a later
//! 1.x schema) still renders, an event's or participant's unknown fields (actor codes,
//! scales) are shown as they are, and a broken span is skipped, never a panic.
//!
//! The HTML is self-contained (CSS inline, no external URL, nothing fetched), readable
//! without JavaScript and without its stylesheet (headings, lists, tables), light or dark as
//! the reader's system or the notebook's theme says. A small script ([`SCRIPT`]) adds hover
//! and click highlighting between the text, cards, rows and entities where scripts run.
//!
//! ```
//! let doc = sayso::extract(sayso::ArticleInput::from_text("Ann said it rained."), &sayso::Options::default())?;
//! let html = sayso::view::render_json(&sayso::to_json_pretty(&doc), &sayso::view::ViewOptions::default())?;
//! assert!(html.contains("class=\"sv-card\""));
//! # Ok::<(), sayso::Error>(())
//! ```

mod cards;
mod html;
mod model;
mod tables;
mod text;

use crate::Error;
use html::{count, counted, esc};
use model::{Doc, Link};
use serde_json::Value;
use std::fmt::Write as _;

/// The view's stylesheet; every rule is scoped to `.sayso-view`.
pub const STYLE: &str = include_str!("view.css");

/// The view's script: defines `saysoEnhance(root)`, which makes one view interactive. A page
/// that serves it as a file (under a Content-Security-Policy without inline scripts) renders
/// views with [`ViewOptions::script`] off and calls `saysoEnhance` itself.
pub const SCRIPT: &str = include_str!("view.js");

/// How the text and the panels are arranged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Layout {
    /// The text above the cards and tables (notebooks, narrow pages); the text stays in view
    /// while they scroll.
    #[default]
    Stacked,
    /// The text on the left, cards and tables on the right (the viewer page).
    Side,
}

impl std::str::FromStr for Layout {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "stacked" | "stack" => Ok(Self::Stacked),
            "side" => Ok(Self::Side),
            other => Err(format!("unknown layout `{other}` (expected stacked or side)")),
        }
    }
}

/// How to render.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ViewOptions {
    /// Arrangement of text and panels.
    pub layout: Layout,
    /// A whole HTML page (doctype, head, title) rather than a fragment to embed.
    pub page: bool,
    /// Include the script inline. On by default (notebooks run it); off where the host page
    /// loads [`SCRIPT`] itself.
    pub script: bool,
}

impl Default for ViewOptions {
    fn default() -> Self {
        Self { layout: Layout::Stacked, page: false, script: true }
    }
}

/// Renders one Document given as JSON text: a fragment, or a page with
/// [`ViewOptions::page`].
///
/// # Errors
/// Malformed JSON, or JSON that is not a Document (no article text).
pub fn render_json(json: &str, options: &ViewOptions) -> Result<String, Error> {
    let value: Value = serde_json::from_str(json).map_err(|e| crate::input::json_error(&e))?;
    render(std::slice::from_ref(&value), options)
}

/// Whether `doc` can be rendered: a JSON object with an `article` that has a `text`. Anything
/// else in it is read leniently, so this is all [`render`] can refuse.
///
/// # Errors
/// What makes `doc` not a Document, in words.
pub fn check(doc: &Value) -> Result<(), Error> {
    model::article_of(doc).map(|_| ()).map_err(|reason| Error::NotADocument { reason })
}

/// Renders Documents: each as a fragment one after another, or all in one page with
/// [`ViewOptions::page`] (stylesheet and script once).
///
/// # Errors
/// A value that is not a Document (no article text); the error says which.
pub fn render(docs: &[Value], options: &ViewOptions) -> Result<String, Error> {
    let read = docs
        .iter()
        .enumerate()
        .map(|(n, d)| {
            model::read(d).map_err(|reason| Error::NotADocument {
                reason: if docs.len() > 1 { format!("document {}: {reason}", n + 1) } else { reason },
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    // The HTML is about 25 times the text (the reference article: 2 kB -> 82 kB).
    let size: usize = read.iter().map(|d| d.text.len() * 25 + STYLE.len() + SCRIPT.len()).sum();
    let mut out = String::with_capacity(size);
    let mut ids = foldhash::HashSet::default();
    if options.page {
        out.push_str("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><meta name=\"color-scheme\" content=\"light dark\"><title>");
        match read.as_slice() {
            [one] => esc(&mut out, &title(one)),
            many => {
                out.push_str("sayso: ");
                counted(&mut out, many.len(), "document", "documents");
            }
        }
        out.push_str(" · sayso</title><style>body{margin:0;padding:.5em 1em;background:Canvas;color:CanvasText;color-scheme:light dark}</style><style>");
        out.push_str(STYLE);
        out.push_str("</style></head><body>\n");
    }
    for d in &read {
        let mut id = prefix(d);
        let base = id.clone();
        let mut n = 1;
        while !ids.insert(id.clone()) {
            n += 1;
            id = format!("{base}-{n}");
        }
        fragment(&mut out, d, &id, options);
    }
    if options.page {
        if options.script {
            out.push_str("<script>\n");
            out.push_str(SCRIPT);
            out.push_str("document.querySelectorAll(\".sayso-view\").forEach((r) => saysoEnhance(/** @type {HTMLElement} */ (r)));\n</script>");
        }
        out.push_str("\n</body></html>\n");
    }
    Ok(out)
}

/// A stable element-id prefix for a document: the same document always renders the same
/// bytes, and two different documents in one notebook do not share ids.
fn prefix(d: &Doc<'_>) -> String {
    let id = d.article.get("id").and_then(Value::as_str).unwrap_or("");
    let h = crate::fnv::extend(crate::fnv::extend(crate::fnv::START, id.bytes()), d.text.bytes());
    format!("sv{:08x}", h >> 32)
}

/// What the document is called: its title, else its id, else the start of its text.
fn title(d: &Doc<'_>) -> String {
    let get = |k: &str| d.article.get(k).and_then(Value::as_str).filter(|s| !s.trim().is_empty());
    match get("title").or_else(|| get("id")) {
        Some(t) => t.to_string(),
        None => cards::clip(d.text.trim(), 60),
    }
}

fn fragment(out: &mut String, d: &Doc<'_>, p: &str, options: &ViewOptions) {
    let layout = match options.layout {
        Layout::Stacked => "sv-stack",
        Layout::Side => "sv-side",
    };
    // The view's own words are English; the article's text is in its own language.
    let lang = d.article.get("language").and_then(Value::as_str).filter(|l| valid_lang(l)).unwrap_or("en");
    let _ = write!(out, "<div class=\"sayso-view {layout}\" id=\"{p}\" lang=\"en\">");
    if !options.page {
        out.push_str("<style>");
        out.push_str(STYLE);
        out.push_str("</style>");
    }
    header(out, d);
    legend(out, p);
    let _ = write!(
        out,
        "<div class=\"sv-body\"><section class=\"sv-text-box\" aria-labelledby=\"{p}-text\"><h3 id=\"{p}-text\">Text</h3><div class=\"sv-text\" tabindex=\"0\" role=\"region\" aria-label=\"Article text\" lang=\"{lang}\">"
    );
    text::write(out, d, p);
    out.push_str("</div></section><div class=\"sv-panels\">");
    section(out, p, "who", "Who says what", d.claims.len() + d.events.len(), |out| tables::who_says_what(out, d, p));
    section(out, p, "claims", "Claims", d.claims.len(), |out| {
        out.push_str("<p class=\"sv-note\">Each claim: who says it (source, linked to its entity), the cue, the content, and its say-so chain from the source to the publisher. A claim reported inside another sits in its card.</p><div class=\"sv-cards\">");
        cards::write(out, d, p);
        out.push_str("</div>");
    });
    section(out, p, "events", "Events", d.events.len(), |out| tables::events(out, d, p));
    section(out, p, "entities", "Entities", d.entities.len(), |out| tables::entities(out, d, p));
    section(out, p, "times", "Times", d.times.len(), |out| tables::times(out, d, p));
    out.push_str("</div></div>");
    if options.script && !options.page {
        // The script finds its own view: by the element it sits in where the host runs
        // scripts in place (JupyterLab, VS Code), else by id.
        let _ = write!(
            out,
            "<script>(function(){{\n{SCRIPT}const s=document.currentScript,r=s&&s.parentElement&&s.parentElement.classList.contains(\"sayso-view\")?s.parentElement:document.getElementById(\"{p}\");saysoEnhance(r);}})();</script>"
        );
    }
    out.push_str("</div>");
}

/// A BCP 47 tag as HTML's `lang` takes it: letters, digits and hyphens.
fn valid_lang(l: &str) -> bool {
    !l.is_empty() && l.len() <= 35 && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
}

/// A panel with a heading and a count, open.
fn section(out: &mut String, p: &str, key: &str, heading: &str, n: usize, body: impl FnOnce(&mut String)) {
    let _ = write!(out, "<section class=\"sv-{key}\" aria-labelledby=\"{p}-{key}\"><h3 id=\"{p}-{key}\">{heading}");
    if key != "who" {
        out.push_str(" <span class=\"sv-meta\">");
        count(out, n);
        out.push_str("</span>");
    }
    out.push_str("</h3>");
    if n == 0 {
        out.push_str("<p class=\"sv-note\">None found.</p>");
    } else {
        body(out);
    }
    out.push_str("</section>");
}

fn header(out: &mut String, d: &Doc<'_>) {
    let a = d.article;
    let get = |k: &str| a.get(k).and_then(Value::as_str).filter(|s| !s.is_empty());
    out.push_str("<header class=\"sv-head\"><h2>");
    esc(out, &title(d));
    out.push_str("</h2><p class=\"sv-meta\">");
    let mut parts: Vec<String> = Vec::new();
    if let (Some(_), Some(id)) = (get("title"), get("id")) {
        parts.push(id.to_string());
    }
    if let Some(p) = get("publisher") {
        parts.push(p.to_string());
    }
    let authors: Vec<&str> =
        a.get("authors").and_then(Value::as_array).into_iter().flatten().filter_map(Value::as_str).collect();
    if !authors.is_empty() {
        parts.push(format!("by {}", authors.join(", ")));
    }
    match a.get("published") {
        Some(p) if p.is_object() => {
            let date = p.get("datetime").or_else(|| p.get("date")).and_then(Value::as_str).unwrap_or("?");
            let how = match p.get("source").and_then(Value::as_str).unwrap_or("") {
                "given" => "given".to_string(),
                "dateline" => "read from the dateline".to_string(),
                "post" => "read from an embedded post’s date line".to_string(),
                "inferred" => "inferred from the text".to_string(),
                other => other.to_string(),
            };
            parts.push(format!("published {date} ({how})"));
        }
        _ => parts.push("publication date unknown".into()),
    }
    if let Some(u) = get("url") {
        // As text, never a link: the view refers to nothing outside itself.
        parts.push(u.to_string());
    }
    esc(out, &parts.join(" · "));
    out.push_str("</p><p>");
    let mut first = true;
    let mut item = |out: &mut String, n: usize, one: &str, many: &str| {
        if !first {
            out.push_str(" · ");
        }
        first = false;
        counted(out, n, one, many);
    };
    item(out, d.entities.len(), "entity", "entities");
    item(out, d.claims.len(), "claim", "claims");
    item(out, d.events.len(), "event", "events");
    item(out, d.times.len(), "time", "times");
    if !d.posts.is_empty() {
        item(out, d.posts.len(), "post", "posts");
    }
    if d.links > 0 {
        item(out, d.links, "link", "links");
    }
    item(out, d.text.chars().count(), "character", "characters");
    out.push_str("</p>");
    if !d.warnings.is_empty() || d.bad_spans > 0 || d.bad_refs > 0 {
        out.push_str("<ul class=\"sv-warn\">");
        for (code, message) in &d.warnings {
            out.push_str("<li>");
            esc(out, message);
            out.push_str(" <span class=\"sv-meta\">");
            esc(out, code);
            out.push_str("</span></li>");
        }
        if d.bad_spans > 0 {
            out.push_str("<li>");
            counted(out, d.bad_spans, "span points", "spans point");
            out.push_str(" outside the text or inside a character, and are not shown (is the document’s <code>offsets</code> unit right?)</li>");
        }
        if d.bad_refs > 0 {
            out.push_str("<li>");
            counted(out, d.bad_refs, "reference names a record", "references name records");
            out.push_str(" the document does not have, and are not followed</li>");
        }
        out.push_str("</ul>");
    }
    out.push_str("</header>");
}

/// The legend: what each mark looks like, each with a switch. The switches are siblings of
/// the body, so CSS alone (`input:not(:checked) ~ .sv-body ...`) turns layers off without a
/// script; `:has()` would do it from anywhere but made a 50 kB view's styles several times
/// slower to compute.
fn legend(out: &mut String, p: &str) {
    let switch = |out: &mut String, layer: &str, body: &str| {
        let _ = write!(
            out,
            "<input type=\"checkbox\" class=\"sv-sw\" id=\"{p}-show-{layer}\" data-layer=\"{layer}\" checked><label for=\"{p}-show-{layer}\">{body}</label>"
        );
    };
    switch(
        out,
        "claims",
        "claims: <span class=\"sv-src\">source</span> <span class=\"sv-cue\">cue</span> <span class=\"sv-cnt\"><i class=\"sv-l sv-lo\"></i>content<i class=\"sv-l sv-lc\" data-l=\"c1\"></i></span>",
    );
    let mut entities = String::from("entities: ");
    for (short, word) in
        [("PER", "person"), ("ORG", "organisation"), ("GPE", "country, city"), ("LOC", "place"), ("NORP", "group")]
    {
        let _ = write!(
            entities,
            "<span class=\"sv-ent sv-{short}\">{word}<i class=\"sv-l sv-le\" data-l=\"{short}\"></i></span> "
        );
    }
    switch(out, "entities", entities.trim_end());
    switch(out, "times", "<span class=\"sv-time\">time<i class=\"sv-l sv-lt\" data-l=\"value\"></i></span>");
    switch(out, "events", "<span class=\"sv-ev\">event<i class=\"sv-l sv-lv\" data-l=\"CAMEO\"></i></span>");
    switch(out, "labels", "labels");
}

/// The short label of an entity type, also its CSS class (`sv-PER`).
fn short_type(kind: &str) -> &'static str {
    match kind {
        "PERSON" => "PER",
        "ORGANIZATION" => "ORG",
        "GPE" => "GPE",
        "LOCATION" => "LOC",
        "NORP" => "NORP",
        _ => "MISC",
    }
}

/// An entity type in words.
fn type_word(kind: &str) -> &str {
    match kind {
        "PERSON" => "person",
        "ORGANIZATION" => "organisation",
        "GPE" => "country, state or city",
        "LOCATION" => "place",
        "NORP" => "nationality or group",
        "MISC" => "other",
        other => other,
    }
}

/// Opens the element a record is shown in (a card, row or entry): its element id, its token
/// for the script, the document's id for the reader's own tools, `more` attributes, and
/// `tabindex` (every record takes the keyboard focus).
fn record_open(out: &mut String, p: &str, tag: &str, class: &str, token: &str, id: &str, more: &str) {
    let _ = write!(out, "<{tag}");
    if !class.is_empty() {
        let _ = write!(out, " class=\"{class}\"");
    }
    let _ = write!(out, " id=\"{p}-{token}\" data-r=\"{token}\" data-id=\"");
    esc(out, id);
    let _ = write!(out, "\"{more} tabindex=\"0\">");
}

/// A record's id as a link to its first mark in the text.
fn text_anchor(out: &mut String, p: &str, token: &str, id: &str) {
    let _ = write!(out, "<a href=\"#{p}-x-{token}\" title=\"show in the text\">");
    esc(out, id);
    out.push_str("</a>");
}

/// A link to record `token`'s card, row or entry (the script selects the record instead),
/// with a tooltip unless `title` is empty.
fn link(out: &mut String, p: &str, token: &str, label: &str, title: &str) {
    let _ = write!(out, "<a href=\"#{p}-{token}\"");
    if !title.is_empty() {
        out.push_str(" title=\"");
        esc(out, title);
        out.push('"');
    }
    out.push('>');
    esc(out, if label.is_empty() { token } else { label });
    out.push_str("</a>");
}

/// A say-so chain as a path: the claim's own source first (for a claim), then each link
/// out to the publisher, joined by arrows.
fn chain(out: &mut String, d: &Doc<'_>, p: &str, claim: Option<usize>, links: &[Link<'_>]) {
    out.push_str("<span class=\"sv-path\">");
    let mut first = true;
    let mut sep = |out: &mut String| {
        if !first {
            out.push_str(" → ");
        }
        first = false;
    };
    if let Some(c) = claim.map(|c| &d.claims[c]) {
        sep(out);
        match c.source.as_ref().and_then(|s| s.entity) {
            Some(e) => link(out, p, &format!("e{e}"), d.entity_name(e), ""),
            None => {
                out.push_str("<span>");
                esc(out, d.source_name(c));
                out.push_str("</span>");
            }
        }
    }
    for l in links {
        sep(out);
        let name = d.link_name(l);
        match (l.publisher, l.entity, l.claim) {
            (true, _, _) => {
                out.push_str("<span class=\"sv-pub\" title=\"the publisher\">");
                esc(out, name);
                out.push_str("</span>");
            }
            (false, Some(e), _) => link(out, p, &format!("e{e}"), name, &format!("as “{}”", l.name)),
            (false, None, Some(c)) => link(out, p, &format!("c{c}"), name, ""),
            (false, None, None) => {
                out.push_str("<span>");
                esc(out, name);
                out.push_str("</span>");
            }
        }
    }
    out.push_str("</span>");
}

#[cfg(test)]
mod tests;
