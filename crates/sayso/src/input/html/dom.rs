//! A small document tree for reading articles out of web pages: html5gum tokenizes (the
//! WHATWG tokenizer, with entity decoding and a source span for every token), and this
//! module builds the tree with the parts of HTML's tree construction that decide where text
//! belongs: void elements, the end tags a paragraph, list item or table cell implies, end
//! tags that close what is still open inside them, stray end tags ignored, and `/>` honoured
//! only inside SVG and MathML.
//!
//! Nodes are stored in document order, so an element's descendants are the nodes between it
//! and its `end`: every walk over the tree is a loop over a range, never a recursion, which
//! keeps a page of 100,000 nested tags from exhausting the stack. Nesting deeper than
//! [`MAX_DEPTH`] is flattened: elements past it become siblings of the deepest one.

use html5gum::emitters::callback::{CallbackEmitter, CallbackEvent};
use html5gum::{Span, Tokenizer};
use std::ops::Range;

/// Elements nest at most this deep; a deeper start tag closes the innermost element first,
/// so elements past it are siblings (nesting is lost, no element or text is). Real pages
/// stay far below it.
pub const MAX_DEPTH: usize = 256;

/// "No node".
pub(crate) const NONE: u32 = u32::MAX;

macro_rules! tags {
    ($($variant:ident = $name:literal,)*) => {
        /// The elements the reader tells apart; every other element is [`Tag::Other`].
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub(crate) enum Tag {
            /// The document itself (node 0).
            Root,
            /// A text node.
            Text,
            /// An element the reader has no rule for (its text counts like a `<span>`'s).
            Other,
            $($variant,)*
        }

        impl Tag {
            fn from_name(name: &[u8]) -> Self {
                match name {
                    $($name => Tag::$variant,)*
                    _ => Tag::Other,
                }
            }
        }
    };
}

tags! {
    A = b"a", Abbr = b"abbr", Address = b"address", Area = b"area", Article = b"article",
    Aside = b"aside", Audio = b"audio", B = b"b", Base = b"base", Basefont = b"basefont",
    Bgsound = b"bgsound", Blockquote = b"blockquote", Body = b"body", Br = b"br",
    Button = b"button", Canvas = b"canvas", Caption = b"caption", Center = b"center",
    Cite = b"cite", Code = b"code", Col = b"col", Colgroup = b"colgroup", Dd = b"dd",
    Details = b"details", Dialog = b"dialog", Dir = b"dir", Div = b"div", Dl = b"dl",
    Dt = b"dt", Em = b"em", Embed = b"embed", Fieldset = b"fieldset", Figcaption = b"figcaption",
    Figure = b"figure", Footer = b"footer", Form = b"form", Frame = b"frame",
    Frameset = b"frameset", H1 = b"h1", H2 = b"h2", H3 = b"h3", H4 = b"h4", H5 = b"h5",
    H6 = b"h6", Head = b"head", Header = b"header", Hgroup = b"hgroup", Hr = b"hr",
    Html = b"html", I = b"i", Iframe = b"iframe", Img = b"img", Input = b"input",
    Keygen = b"keygen", Label = b"label", Legend = b"legend", Li = b"li", Link = b"link",
    Listing = b"listing", Main = b"main", Math = b"math", Menu = b"menu", Meta = b"meta",
    Nav = b"nav", Noembed = b"noembed", Noframes = b"noframes", Noscript = b"noscript",
    Object = b"object", Ol = b"ol", Optgroup = b"optgroup", Option = b"option", P = b"p",
    Param = b"param", Picture = b"picture", Plaintext = b"plaintext", Pre = b"pre", Q = b"q",
    Rp = b"rp", Rt = b"rt", S = b"s", Script = b"script", Search = b"search",
    Section = b"section", Select = b"select", Small = b"small", Source = b"source",
    Span = b"span", Strong = b"strong", Style = b"style", Sub = b"sub", Summary = b"summary",
    Sup = b"sup", Svg = b"svg", Table = b"table", Tbody = b"tbody", Td = b"td",
    Template = b"template", Textarea = b"textarea", Tfoot = b"tfoot", Th = b"th",
    Thead = b"thead", Time = b"time", Title = b"title", Tr = b"tr", Track = b"track",
    U = b"u", Ul = b"ul", Video = b"video", Wbr = b"wbr", Xmp = b"xmp",
}

impl Tag {
    /// Elements that never have content.
    fn is_void(self) -> bool {
        matches!(
            self,
            Tag::Area
                | Tag::Base
                | Tag::Basefont
                | Tag::Bgsound
                | Tag::Br
                | Tag::Col
                | Tag::Embed
                | Tag::Frame
                | Tag::Hr
                | Tag::Img
                | Tag::Input
                | Tag::Keygen
                | Tag::Link
                | Tag::Meta
                | Tag::Param
                | Tag::Source
                | Tag::Track
                | Tag::Wbr
        )
    }

    /// Start tags that close an open `<p>` (HTML's "close a p element" list).
    fn closes_p(self) -> bool {
        matches!(
            self,
            Tag::Address
                | Tag::Article
                | Tag::Aside
                | Tag::Blockquote
                | Tag::Center
                | Tag::Details
                | Tag::Dialog
                | Tag::Dir
                | Tag::Div
                | Tag::Dl
                | Tag::Fieldset
                | Tag::Figcaption
                | Tag::Figure
                | Tag::Footer
                | Tag::Form
                | Tag::H1
                | Tag::H2
                | Tag::H3
                | Tag::H4
                | Tag::H5
                | Tag::H6
                | Tag::Header
                | Tag::Hgroup
                | Tag::Hr
                | Tag::Listing
                | Tag::Main
                | Tag::Menu
                | Tag::Nav
                | Tag::Ol
                | Tag::P
                | Tag::Plaintext
                | Tag::Pre
                | Tag::Search
                | Tag::Section
                | Tag::Summary
                | Tag::Table
                | Tag::Ul
                | Tag::Li
                | Tag::Dd
                | Tag::Dt
                | Tag::Xmp
        )
    }

    /// Elements that bound the search for an open element to close (HTML's "scope").
    fn is_scope_boundary(self) -> bool {
        matches!(
            self,
            Tag::Html | Tag::Table | Tag::Td | Tag::Th | Tag::Caption | Tag::Object | Tag::Template | Tag::Button
        )
    }

    /// Elements that start a new line of text (a paragraph, heading, list item, cell...).
    pub(crate) fn is_block(self) -> bool {
        self.closes_p()
            || matches!(
                self,
                Tag::Tr
                    | Tag::Td
                    | Tag::Th
                    | Tag::Caption
                    | Tag::Tbody
                    | Tag::Thead
                    | Tag::Tfoot
                    | Tag::Body
                    | Tag::Html
                    | Tag::Option
                    | Tag::Legend
                    | Tag::Noscript
                    | Tag::Iframe
                    | Tag::Video
                    | Tag::Audio
                    | Tag::Object
                    | Tag::Canvas
                    | Tag::Title
            )
    }

    /// `h1`..`h6`.
    pub(crate) fn is_heading(self) -> bool {
        matches!(self, Tag::H1 | Tag::H2 | Tag::H3 | Tag::H4 | Tag::H5 | Tag::H6)
    }

    /// Foreign content, where `/>` closes an element.
    fn is_foreign(self) -> bool {
        matches!(self, Tag::Svg | Tag::Math)
    }
}

/// The attributes the reader looks at; every other attribute is dropped while parsing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum AttrName {
    Class,
    Id,
    Itemprop,
    Itemtype,
    Role,
    Hidden,
    AriaHidden,
    Style,
    Href,
    Datetime,
    Content,
    Property,
    Name,
    Rel,
    Type,
    Lang,
    Charset,
    HttpEquiv,
}

impl AttrName {
    fn from_name(name: &[u8]) -> Option<Self> {
        Some(match name {
            b"class" => Self::Class,
            b"id" => Self::Id,
            b"itemprop" => Self::Itemprop,
            b"itemtype" => Self::Itemtype,
            b"role" => Self::Role,
            b"hidden" => Self::Hidden,
            b"aria-hidden" => Self::AriaHidden,
            b"style" => Self::Style,
            b"href" => Self::Href,
            b"datetime" => Self::Datetime,
            b"content" => Self::Content,
            b"property" => Self::Property,
            b"name" => Self::Name,
            b"rel" => Self::Rel,
            b"type" => Self::Type,
            b"lang" | b"xml:lang" => Self::Lang,
            b"charset" => Self::Charset,
            b"http-equiv" => Self::HttpEquiv,
            _ => return None,
        })
    }
}

/// One node: an element or a text.
#[derive(Debug, Clone)]
pub(crate) struct Node {
    /// What the node is.
    pub tag: Tag,
    /// The parent element ([`NONE`] for the root).
    pub parent: u32,
    /// One past the node's last descendant: its subtree is `index..end`.
    pub end: u32,
    /// For a text node: where its decoded text is in [`Dom::text`]. For an element: its
    /// attributes in [`Dom::attrs`].
    pub data: Range<u32>,
    /// Where the node is in the page: a text's characters; an element's start tag.
    pub src: Range<u32>,
}

/// An attribute: its name and where its (decoded) value is in [`Dom::values`].
#[derive(Debug, Clone)]
pub(crate) struct Attr {
    pub name: AttrName,
    pub value: Range<u32>,
}

/// The parsed page.
#[derive(Debug, Default)]
pub(crate) struct Dom {
    /// Every node, in document order; node 0 is the root.
    pub nodes: Vec<Node>,
    /// The decoded text of every text node, one after another.
    pub text: String,
    /// Every kept attribute, element by element.
    pub attrs: Vec<Attr>,
    /// Every kept attribute value, one after another.
    pub values: String,
    /// True when nesting went past [`MAX_DEPTH`] and was flattened.
    pub flattened: bool,
}

impl Dom {
    /// Parses a page.
    pub(crate) fn parse(html: &str) -> Self {
        let mut builder = Builder::new(html.len());
        {
            let mut emitter = CallbackEmitter::new(|event: CallbackEvent<'_>, span: Span<usize>| -> Option<()> {
                builder.event(event, span);
                None
            });
            // Raw text for script, style, textarea, title and the like, as a browser reads them.
            emitter.naively_switch_states(true);
            // Reading a &str cannot fail, and the callback yields no tokens.
            for _ in Tokenizer::new_with_emitter(html, emitter) {}
        }
        builder.finish()
    }

    /// The text of a text node ("" for an element).
    pub(crate) fn text_of(&self, node: usize) -> &str {
        let n = &self.nodes[node];
        if n.tag != Tag::Text {
            return "";
        }
        self.text.get(n.data.start as usize..n.data.end as usize).unwrap_or("")
    }

    /// An attribute's value on element `node`.
    pub(crate) fn attr(&self, node: usize, name: AttrName) -> Option<&str> {
        let n = &self.nodes[node];
        if matches!(n.tag, Tag::Text | Tag::Root) {
            return None;
        }
        self.attrs[n.data.start as usize..n.data.end as usize]
            .iter()
            .find(|a| a.name == name)
            .and_then(|a| self.values.get(a.value.start as usize..a.value.end as usize))
    }

    /// The children of `node`, in order.
    pub(crate) fn children(&self, node: usize) -> Children<'_> {
        Children { dom: self, next: node + 1, end: self.nodes[node].end as usize }
    }

    /// The text of a subtree, whitespace collapsed to single spaces and trimmed; block
    /// elements and line breaks separate words.
    pub(crate) fn collapsed_text(&self, node: usize) -> String {
        let mut raw = String::new();
        let end = self.nodes[node].end as usize;
        for i in node..end {
            match self.nodes[i].tag {
                Tag::Text => raw.push_str(self.text_of(i)),
                t if t.is_block() || t == Tag::Br => raw.push(' '),
                _ => {}
            }
        }
        collapse_spaces(&raw)
    }
}

/// Whitespace runs as single spaces, trimmed.
pub(crate) fn collapse_spaces(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    for word in raw.split(is_html_space).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// ASCII whitespace as HTML defines it, plus the no-break space pages use for layout.
pub(crate) fn is_html_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0c' | '\u{a0}')
}

/// Iterator over the children of a node.
pub(crate) struct Children<'d> {
    dom: &'d Dom,
    next: usize,
    end: usize,
}

impl Iterator for Children<'_> {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        if self.next >= self.end {
            return None;
        }
        let i = self.next;
        self.next = (self.dom.nodes[i].end as usize).max(i + 1);
        Some(i)
    }
}

/// Builds the tree from tokenizer events.
struct Builder {
    dom: Dom,
    /// Open elements, innermost last (node indices).
    open: Vec<u32>,
    /// The start tag being read.
    pending: Option<Pending>,
    /// The attribute whose value comes next.
    attr: Option<AttrName>,
    /// Depth of `svg`/`math` elements open.
    foreign: usize,
}

struct Pending {
    tag: Tag,
    node: u32,
}

fn to_u32(v: usize) -> u32 {
    u32::try_from(v).unwrap_or(u32::MAX)
}

impl Builder {
    fn new(len: usize) -> Self {
        let mut dom =
            Dom { nodes: Vec::with_capacity(len / 40), text: String::with_capacity(len / 3), ..Dom::default() };
        dom.nodes.push(Node { tag: Tag::Root, parent: NONE, end: 1, data: 0..0, src: 0..0 });
        Self { dom, open: vec![0], pending: None, attr: None, foreign: 0 }
    }

    fn current(&self) -> u32 {
        self.open.last().copied().unwrap_or(0)
    }

    fn event(&mut self, event: CallbackEvent<'_>, span: Span<usize>) {
        match event {
            CallbackEvent::OpenStartTag { name } => self.open_start_tag(name, span.start),
            CallbackEvent::AttributeName { name } => {
                self.attr = AttrName::from_name(name);
                // A valueless attribute (`hidden`) is kept with an empty value.
                if let (Some(attr), Some(_)) = (self.attr, &self.pending) {
                    let at = to_u32(self.dom.values.len());
                    self.dom.attrs.push(Attr { name: attr, value: at..at });
                }
            }
            CallbackEvent::AttributeValue { value } => {
                if let (Some(_), Some(_)) = (self.attr, &self.pending) {
                    let start = to_u32(self.dom.values.len());
                    push_utf8(&mut self.dom.values, value);
                    let end = to_u32(self.dom.values.len());
                    if let Some(last) = self.dom.attrs.last_mut() {
                        last.value = start..end;
                    }
                }
                self.attr = None;
            }
            CallbackEvent::CloseStartTag { self_closing } => self.close_start_tag(self_closing, span.end),
            CallbackEvent::EndTag { name } => self.end_tag(Tag::from_name(name)),
            CallbackEvent::String { value } => self.string(value, span),
            CallbackEvent::Comment { .. } | CallbackEvent::Doctype { .. } | CallbackEvent::Error(_) => {}
        }
    }

    fn open_start_tag(&mut self, name: &[u8], at: usize) {
        let tag = Tag::from_name(name);
        self.implied_ends(tag);
        // At the depth limit the innermost element is closed first, so the new one becomes its
        // sibling (as Blink does past 512): nesting is lost, elements and text are not.
        if self.open.len() > MAX_DEPTH && !tag.is_void() {
            self.dom.flattened = true;
            self.pop();
        }
        let parent = self.current();
        let index = to_u32(self.dom.nodes.len());
        let attrs = to_u32(self.dom.attrs.len());
        self.dom.nodes.push(Node { tag, parent, end: index + 1, data: attrs..attrs, src: to_u32(at)..to_u32(at) });
        self.pending = Some(Pending { tag, node: index });
        self.attr = None;
    }

    fn close_start_tag(&mut self, self_closing: bool, at: usize) {
        let Some(Pending { tag, node }) = self.pending.take() else { return };
        let attrs_end = to_u32(self.dom.attrs.len());
        let n = &mut self.dom.nodes[node as usize];
        n.data.end = attrs_end;
        n.src.end = to_u32(at);
        let closes_itself = tag.is_void() || (self_closing && (self.foreign > 0 || tag.is_foreign()));
        if !closes_itself {
            self.open.push(node);
            if tag.is_foreign() {
                self.foreign += 1;
            }
        }
    }

    /// The end tags a start tag implies.
    fn implied_ends(&mut self, tag: Tag) {
        if self.foreign > 0 {
            return;
        }
        if tag.closes_p() {
            self.close_in_scope(|t| t == Tag::P, |_| false);
        }
        match tag {
            Tag::Li => self.close_in_scope(|t| t == Tag::Li, |t| matches!(t, Tag::Ul | Tag::Ol | Tag::Menu)),
            Tag::Dd | Tag::Dt => self.close_in_scope(|t| matches!(t, Tag::Dd | Tag::Dt), |t| t == Tag::Dl),
            Tag::Option | Tag::Optgroup => self.close_in_scope(|t| t == Tag::Option, |t| t == Tag::Select),
            Tag::Tr => self.close_in_scope(|t| t == Tag::Tr, |t| matches!(t, Tag::Tbody | Tag::Thead | Tag::Tfoot)),
            Tag::Td | Tag::Th => self.close_in_scope(|t| matches!(t, Tag::Td | Tag::Th), |t| t == Tag::Tr),
            Tag::Tbody | Tag::Thead | Tag::Tfoot => {
                self.close_in_scope(|t| matches!(t, Tag::Tbody | Tag::Thead | Tag::Tfoot), |_| false);
            }
            Tag::A => self.close_in_scope(|t| t == Tag::A, |_| false),
            t if t.is_heading() => {
                let top = self.dom.nodes[self.current() as usize].tag;
                if top.is_heading() {
                    self.pop();
                }
            }
            _ => {}
        }
    }

    /// Closes the innermost open element matching `target` (and everything inside it), unless
    /// a scope boundary or a `stop` element comes first.
    fn close_in_scope(&mut self, target: impl Fn(Tag) -> bool, stop: impl Fn(Tag) -> bool) {
        let found = self
            .open
            .iter()
            .rev()
            .take(MAX_DEPTH)
            .map(|&n| self.dom.nodes[n as usize].tag)
            .position(|t| target(t) || t.is_scope_boundary() || stop(t) || t == Tag::Root);
        if let Some(k) = found {
            let at = self.open.len() - 1 - k;
            if target(self.dom.nodes[self.open[at] as usize].tag) {
                while self.open.len() > at {
                    self.pop();
                }
            }
        }
    }

    fn end_tag(&mut self, tag: Tag) {
        self.pending = None;
        if tag == Tag::Br {
            // `</br>` is read as `<br>`, as browsers do.
            self.open_start_tag(b"br", self.dom.nodes.last().map_or(0, |n| n.src.end as usize));
            let at = self.dom.nodes.last().map_or(0, |n| n.src.end as usize);
            self.close_start_tag(false, at);
            return;
        }
        if tag == Tag::Other {
            // Custom elements and unknown tags are closed only when they are innermost:
            // which unknown element an end tag means cannot be told by tag alone.
            if self.dom.nodes[self.current() as usize].tag == Tag::Other && self.open.len() > 1 {
                self.pop();
            }
            return;
        }
        let found = self
            .open
            .iter()
            .rev()
            .take(MAX_DEPTH)
            .position(|&n| self.dom.nodes[n as usize].tag == tag || self.dom.nodes[n as usize].tag == Tag::Root);
        if let Some(k) = found {
            let at = self.open.len() - 1 - k;
            if at > 0 {
                while self.open.len() > at {
                    self.pop();
                }
            }
        }
    }

    fn pop(&mut self) {
        if self.open.len() <= 1 {
            return;
        }
        if let Some(node) = self.open.pop() {
            let end = to_u32(self.dom.nodes.len());
            let n = &mut self.dom.nodes[node as usize];
            n.end = end;
            if n.tag.is_foreign() {
                self.foreign = self.foreign.saturating_sub(1);
            }
        }
    }

    fn string(&mut self, value: &[u8], span: Span<usize>) {
        let parent = self.current();
        let start = to_u32(self.dom.text.len());
        push_utf8(&mut self.dom.text, value);
        let end = to_u32(self.dom.text.len());
        let index = to_u32(self.dom.nodes.len());
        self.dom.nodes.push(Node {
            tag: Tag::Text,
            parent,
            end: index + 1,
            data: start..end,
            src: to_u32(span.start)..to_u32(span.end),
        });
    }

    fn finish(mut self) -> Dom {
        while self.open.len() > 1 {
            self.pop();
        }
        let total = to_u32(self.dom.nodes.len());
        self.dom.nodes[0].end = total;
        self.dom
    }
}

/// Appends tokenizer bytes as text. They are UTF-8 (the input is a `&str` and entities
/// decode to whole characters); anything else would be replaced, never a panic.
fn push_utf8(out: &mut String, bytes: &[u8]) {
    match std::str::from_utf8(bytes) {
        Ok(s) => out.push_str(s),
        Err(_) => out.push_str(&String::from_utf8_lossy(bytes)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape(dom: &Dom) -> String {
        // Each node as tag or "text", nested with parentheses, from the subtree ranges.
        let mut out = String::new();
        let mut stack: Vec<usize> = Vec::new();
        for i in 1..dom.nodes.len() {
            while let Some(&top) = stack.last() {
                if i >= dom.nodes[top].end as usize {
                    out.push(')');
                    stack.pop();
                } else {
                    break;
                }
            }
            let n = &dom.nodes[i];
            if n.tag == Tag::Text {
                out.push_str(&format!("'{}'", dom.text_of(i)));
            } else {
                out.push_str(&format!("{:?}(", n.tag).to_lowercase());
                stack.push(i);
            }
        }
        for _ in stack {
            out.push(')');
        }
        out
    }

    #[test]
    fn paragraphs_list_items_and_cells_close_as_browsers_close_them() {
        let dom = Dom::parse("<p>one<p>two<div>three</div><ul><li>a<li>b</ul><table><tr><td>x<td>y</table>");
        assert_eq!(shape(&dom), "p('one')p('two')div('three')ul(li('a')li('b'))table(tr(td('x')td('y')))");
    }

    #[test]
    fn stray_and_misnested_end_tags_do_not_move_text_out_of_its_block() {
        let dom = Dom::parse("<div><b>bold <i>both</b> after</i></span> end</div><p>next</p>");
        assert_eq!(shape(&dom), "div(b('bold 'i('both'))' after'' end')p('next')");
    }

    #[test]
    fn script_style_and_title_are_raw_text_and_svg_self_closing_tags_close() {
        let dom = Dom::parse(
            "<title>A &amp; B</title><script>if (a < b) { x('</div>') }</script><svg><path d='M0'/></svg><p>t</p>",
        );
        assert_eq!(shape(&dom), "title('A & B')script('if (a < b) { x('</div>') }')svg(other())p('t')");
    }

    #[test]
    fn entities_decode_and_text_spans_point_into_the_page() {
        let html = "<p>Caf&eacute; &amp; bar&#8217;s</p>";
        let dom = Dom::parse(html);
        let text = (0..dom.nodes.len()).find(|&i| dom.nodes[i].tag == Tag::Text).unwrap();
        assert_eq!(dom.text_of(text), "Café & bar’s");
        let src = &dom.nodes[text].src;
        assert_eq!(&html[src.start as usize..src.end as usize], "Caf&eacute; &amp; bar&#8217;s");
    }

    #[test]
    fn kept_attributes_are_read_and_others_dropped() {
        let dom =
            Dom::parse(r#"<div data-x="1" class="Story body" hidden id=main><a href="/x?a=1&amp;b=2">l</a></div>"#);
        assert_eq!(dom.attr(1, AttrName::Class), Some("Story body"));
        assert_eq!(dom.attr(1, AttrName::Id), Some("main"));
        assert_eq!(dom.attr(1, AttrName::Hidden), Some(""));
        assert_eq!(dom.attr(2, AttrName::Href), Some("/x?a=1&b=2"));
        assert_eq!(dom.attrs.len(), 4);
    }

    #[test]
    fn nesting_past_the_limit_is_flattened_without_losing_text() {
        let depth = 100_000;
        let html = format!("{}<p>deep text</p>{}<p>after</p>", "<div>".repeat(depth), "</div>".repeat(depth));
        let dom = Dom::parse(&html);
        assert!(dom.flattened);
        assert_eq!(dom.nodes.len(), 1 + depth + 4, "every element is kept");
        let deepest = dom.nodes.iter().map(|n| depth_of(&dom, n)).max().unwrap();
        assert_eq!(deepest, MAX_DEPTH + 1, "the text node under the deepest element");
        assert_eq!(dom.collapsed_text(0), "deep text after");
        let p = (0..dom.nodes.len()).rev().find(|&i| dom.nodes[i].tag == Tag::P).unwrap();
        assert_eq!(dom.nodes[p].parent, 0, "the page's own structure resumes after the deep part");
    }

    fn depth_of(dom: &Dom, n: &Node) -> usize {
        let mut d = 0;
        let mut p = n.parent;
        while p != NONE {
            d += 1;
            p = dom.nodes[p as usize].parent;
        }
        d
    }

    #[test]
    fn collapsed_text_joins_inline_parts_and_words() {
        let dom = Dom::parse("<div>  Wash<b>ing</b>ton \n said <i>so</i>.</div>");
        assert_eq!(dom.collapsed_text(1), "Washington said so.");
    }
}
