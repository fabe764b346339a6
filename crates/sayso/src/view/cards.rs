//! Claim cards: one per claim, a claim reported inside another nested in its parent's card.
//! Each card gives the claim's kind, cue, source (linked to its entity, with type and role),
//! content, time, its say-so chain drawn as a path from the source to the publisher, the
//! claims it confirms, denies or cites (and those that confirm, deny or cite it), and the
//! events it reports.

use super::html::esc;
use super::model::{Claim, Doc};
use super::tables::event_list;
use super::{chain, link, record_open, text_anchor, type_word};
use std::fmt::Write as _;

enum Step {
    Card(usize),
    /// Closes a card whose nested cards were written.
    End,
}

/// Writes every claim's card; `prefix` makes element ids unique in the page.
pub(super) fn write(out: &mut String, doc: &Doc<'_>, prefix: &str) {
    let n = doc.claims.len();
    let mut kids = vec![Vec::new(); n];
    let mut back: Vec<Vec<(&str, usize)>> = vec![Vec::new(); n];
    let mut events: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut roots = Vec::new();
    for (i, c) in doc.claims.iter().enumerate() {
        match c.parent {
            Some(p) if p != i => kids[p].push(i),
            _ => roots.push(i),
        }
        for &(kind, target) in &c.relations {
            back[target].push((kind, i));
        }
    }
    for (v, e) in doc.events.iter().enumerate() {
        if let Some(c) = e.claim {
            events[c].push(v);
        }
    }
    let mut done = vec![false; n];
    let ctx = Cards { doc, prefix, back: &back, events: &events };
    // Claims whose parents form a cycle have no root above them: they are shown at the end.
    let starts: Vec<usize> = roots.into_iter().chain(0..n).collect();
    // An explicit stack rather than recursion: nesting depth comes from the input.
    let mut stack = Vec::new();
    for start in starts {
        stack.push(Step::Card(start));
        while let Some(step) = stack.pop() {
            match step {
                Step::Card(i) => {
                    if done[i] {
                        continue;
                    }
                    done[i] = true;
                    ctx.card(out, i);
                    let nested: Vec<usize> = kids[i].iter().copied().filter(|&k| !done[k]).collect();
                    if nested.is_empty() {
                        out.push_str("</article>");
                    } else {
                        out.push_str("<div class=\"sv-kids\">");
                        stack.push(Step::End);
                        stack.extend(nested.into_iter().rev().map(Step::Card));
                    }
                }
                Step::End => out.push_str("</div></article>"),
            }
        }
    }
}

struct Cards<'d, 'a> {
    doc: &'d Doc<'a>,
    prefix: &'d str,
    back: &'d [Vec<(&'a str, usize)>],
    events: &'d [Vec<usize>],
}

/// The words for a relation, from the claim that has it and from its target.
fn relation_words(kind: &str) -> (String, String) {
    match kind {
        "confirms" => ("Confirms".into(), "Confirmed by".into()),
        "denies" => ("Denies".into(), "Denied by".into()),
        "cites" => ("Cites".into(), "Cited by".into()),
        other => (capitalised(other), format!("{other} (from)")),
    }
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
}

impl Cards<'_, '_> {
    /// A card, open: the caller closes it after its nested cards.
    fn card(&self, out: &mut String, i: usize) {
        let (doc, p) = (self.doc, self.prefix);
        let c = &doc.claims[i];
        let mut related: Vec<usize> = c.parent.into_iter().collect();
        related.extend(c.relations.iter().map(|r| r.1));
        related.extend(self.back[i].iter().map(|r| r.1));
        let mut more = String::new();
        for (n, r) in related.iter().enumerate() {
            let _ = write!(more, "{}c{r}", if n > 0 { " " } else { " data-rel=\"" });
        }
        if !more.is_empty() {
            more.push('"');
        }
        let _ = write!(more, " aria-labelledby=\"{p}-c{i}-h\"");
        let token = format!("c{i}");
        record_open(out, p, "article", "sv-card", &token, c.id, &more);
        let _ = write!(out, "<h4 id=\"{p}-c{i}-h\">");
        text_anchor(out, p, &token, c.id);
        out.push_str(" <span class=\"sv-tag\">");
        esc(out, c.kind);
        out.push_str("</span>");
        if let Some(q) = &c.cue {
            out.push_str(" <span class=\"sv-tag\">");
            esc(out, q.class);
            out.push_str("</span>");
        }
        out.push_str("</h4><p class=\"sv-say\">");
        self.source(out, c);
        if let Some(q) = &c.cue {
            out.push_str(" <b class=\"sv-cuew\">");
            esc(out, q.text);
            out.push_str("</b>");
        }
        out.push_str("</p><blockquote>");
        esc(out, c.content_text);
        out.push_str("</blockquote><dl>");
        if let Some(ti) = c.time {
            let t = &doc.times[ti];
            out.push_str("<dt>Time</dt><dd>");
            link(out, p, &format!("t{ti}"), t.text, t.id);
            out.push_str(" <code>");
            esc(out, t.value);
            out.push_str("</code></dd>");
        }
        out.push_str("<dt>Say-so</dt><dd>");
        chain(out, doc, p, Some(i), &c.chain);
        out.push_str("</dd>");
        if let Some(parent) = c.parent {
            let pc = &doc.claims[parent];
            out.push_str("<dt>Inside</dt><dd>");
            link(out, p, &format!("c{parent}"), pc.id, "");
            out.push(' ');
            esc(out, doc.source_name(pc));
            if let Some(q) = &pc.cue {
                out.push(' ');
                esc(out, q.text);
            }
            out.push_str("</dd>");
        }
        for (kind, target) in &c.relations {
            self.relation(out, &relation_words(kind).0, *target);
        }
        for (kind, from) in &self.back[i] {
            self.relation(out, &relation_words(kind).1, *from);
        }
        if let Some(post) = c.post.map(|x| &doc.posts[x]) {
            out.push_str("<dt>Post</dt><dd>");
            esc(out, post.platform);
            out.push_str(" · ");
            esc(out, post.author);
            if let Some(h) = post.handle {
                out.push_str(" (@");
                esc(out, h);
                out.push(')');
            }
            if let Some(d) = post.date {
                out.push_str(" · ");
                esc(out, d);
            }
            out.push_str(" <span class=\"sv-meta\">");
            esc(out, post.id);
            out.push_str("</span></dd>");
        }
        if !self.events[i].is_empty() {
            out.push_str("<dt>Events</dt><dd>");
            event_list(out, doc, p, &self.events[i]);
            out.push_str("</dd>");
        }
        out.push_str("</dl>");
    }

    /// The source: its entity's name (a link to the entity), with the entity's type and the
    /// role the source mention gives it.
    fn source(&self, out: &mut String, c: &Claim<'_>) {
        let (doc, p) = (self.doc, self.prefix);
        let Some(s) = &c.source else {
            out.push_str("<span class=\"sv-meta\">no source found</span>");
            return;
        };
        let mut meta: Vec<String> = Vec::new();
        if let Some(e) = s.entity {
            let ent = &doc.entities[e];
            link(out, p, &format!("e{e}"), doc.entity_name(e), &format!("as “{}” in the text", s.text));
            meta.push(type_word(ent.kind).to_string());
            // The role this mention gives, else the roles the article gives the entity.
            let at = ent.mentions.iter().find(|m| m.span.is_some() && m.span == s.span).and_then(|m| m.role);
            match at {
                Some(role) => meta.push(role.to_string()),
                None => meta.extend(ent.roles.iter().map(ToString::to_string)),
            }
        } else {
            esc(out, if s.text.is_empty() { "(unnamed)" } else { s.text });
        }
        if s.kind != "named" && !s.kind.is_empty() {
            meta.push(s.kind.replace('_', " "));
        }
        if !meta.is_empty() {
            out.push_str(" <span class=\"sv-meta\">(");
            esc(out, &meta.join(" · "));
            out.push_str(")</span>");
        }
    }

    fn relation(&self, out: &mut String, words: &str, other: usize) {
        let (doc, p) = (self.doc, self.prefix);
        let o = &doc.claims[other];
        out.push_str("<dt>");
        esc(out, words);
        out.push_str("</dt><dd>");
        link(out, p, &format!("c{other}"), o.id, "");
        out.push(' ');
        esc(out, doc.source_name(o));
        out.push_str(": <q>");
        esc(out, &clip(o.content_text, 90));
        out.push_str("</q></dd>");
    }
}

/// At most `n` characters of `s`, cut at a word with an ellipsis when longer.
pub(super) fn clip(s: &str, n: usize) -> String {
    match s.char_indices().nth(n) {
        None => s.to_string(),
        Some((end, _)) => {
            let cut = s[..end].rfind(' ').filter(|&i| i > end / 2).unwrap_or(end);
            format!("{}…", s[..cut].trim_end())
        }
    }
}
