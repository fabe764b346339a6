"""The Python module against the shared snapshots and its own promises."""
import html
import json
import pathlib
import re

import pytest

import sayso

ROOT = pathlib.Path(__file__).resolve().parents[3]
CORPUS = ROOT / "tests" / "corpus"
SNAPSHOTS = ROOT / "tests" / "snapshots"


def articles():
    for path in sorted(CORPUS.iterdir()):
        if path.suffix == ".txt":
            yield path.stem, {"text": path.read_text(encoding="utf-8"), "id": path.stem}
        elif path.suffix == ".json":
            art = json.loads(path.read_text(encoding="utf-8"))
            art.setdefault("id", path.stem)
            yield path.stem, art
        elif path.suffix == ".html":
            # A web page goes in as its bytes, as read from disk or the network.
            yield path.stem, {"html": path.read_bytes(), "id": path.stem}


ARTICLES = list(articles())


def call_extract(art):
    return sayso.extract(
        art.get("text"),
        html=art.get("html"),
        published=art.get("published"),
        title=art.get("title"),
        url=art.get("url"),
        publisher=art.get("publisher"),
        id=art.get("id"),
        language=art.get("language"),
    )


@pytest.mark.parametrize("name,art", ARTICLES, ids=[n for n, _ in ARTICLES])
def test_output_is_byte_identical_to_the_shared_snapshot(name, art):
    if set(art) - {"text", "html", "id", "published", "title", "url", "publisher"}:
        pytest.skip("article carries fields extract() has no argument for; covered by extract_many")
    expected = (SNAPSHOTS / f"{name}.snap.json").read_text(encoding="utf-8")
    assert call_extract(art).to_json() == expected


def test_extract_many_equals_a_loop_of_extract_and_keeps_order():
    arts = [a for _, a in ARTICLES] * 3
    many = sayso.extract_many(arts, jobs=2)
    assert [d.to_json() for d in many] == [sayso.extract_many([a])[0].to_json() for a in arts]
    for (name, _), doc in zip(ARTICLES, many):
        assert doc.to_json() == (SNAPSHOTS / f"{name}.snap.json").read_text(encoding="utf-8")


def test_attribute_access_reaches_the_whole_schema():
    doc = sayso.extract((CORPUS / "putin-trump-cia-tip.txt").read_text(encoding="utf-8"), id="ref")
    assert doc.article.published.date == "2017-12-17"
    claim = next(c for c in doc.claims if c.relations)
    assert claim.relations[0].type == "confirms"
    assert claim.source.text == doc.article.text[claim.source.span.start : claim.source.span.end]
    assert doc.claims[0].attributed_to[-1].publisher is True
    assert "entities" in repr(doc) and 'class="sayso-view' in doc._repr_html_()
    first = repr(doc.claims[0])
    assert "cue='confirmed'" in first and "source='The White House'" in first, first
    assert "attributed_to=[1 item]" in first and len(first) < 400, first
    assert doc.to_dict()["article"]["id"] == "ref"


def test_codepoint_offsets_match_python_slicing_on_emoji_and_accents():
    text = "Intro 👩‍👩‍👧 café.\n\n“Ça va très bien 🎉,” said Zoë Müller on Friday."
    doc = sayso.extract(text, published="2024-03-10")
    spans = [(c.content.spans[0], c.content.text) for c in doc.claims] + [(t.span, t.text) for t in doc.times]
    assert spans, doc.to_json()
    for span, expected in spans:
        assert text[span.start : span.end] == expected
    utf16 = sayso.extract(text, published="2024-03-10", offsets="utf16")
    assert utf16.times[0].span.start != doc.times[0].span.start  # emoji take two UTF-16 units


def test_errors_are_sayso_errors_with_clear_messages():
    with pytest.raises(sayso.InvalidInput, match="empty"):
        sayso.extract("   ")
    with pytest.raises(sayso.InvalidInput, match="date"):
        sayso.extract("Text.", published="17/12/2017")
    with pytest.raises(sayso.InvalidOption):
        sayso.extract("Text.", offsets="furlongs")
    with pytest.raises(sayso.InvalidInput, match="article 1"):
        sayso.extract_many(["Fine.", {"id": "x"}])
    with pytest.raises(sayso.SaysoError):
        sayso.extract(42)  # type: ignore[arg-type]


def test_extract_many_can_keep_the_batch_when_some_articles_are_bad():
    good = ["Officials said the bridge was closed.", {"id": "g2", "text": "The mayor said it reopened."}]
    batch = [
        good[0],
        "   ",
        {"id": "d", "text": "Text.", "published": "17/12/2017"},
        good[1],
        {"id": "p", "html": b"<html><body><nav>Home</nav></body></html>"},
        42,
    ]
    results = sayso.extract_many(batch, jobs=2, return_exceptions=True)  # type: ignore[list-item]
    assert len(results) == len(batch)
    errors = {i: r for i, r in enumerate(results) if isinstance(r, sayso.InvalidInput)}
    assert sorted(errors) == [1, 2, 4, 5]
    assert "article 1: empty text" in str(errors[1])
    assert "article 2" in str(errors[2]) and "date" in str(errors[2])
    assert "article 4" in str(errors[4]) and "no article in the page" in str(errors[4])
    assert "article 5: expected a string or a dict, got int" in str(errors[5])
    docs = [r for r in results if isinstance(r, sayso.Document)]
    assert [d.to_json() for d in docs] == [d.to_json() for d in sayso.extract_many(good)]
    # Without it, an item that is no article at all is refused before any work is done; then
    # the first article that fails raises.
    with pytest.raises(sayso.InvalidInput, match="article 5: expected a string or a dict"):
        sayso.extract_many(batch)  # type: ignore[arg-type]
    with pytest.raises(sayso.InvalidInput, match="article 1: empty text"):
        sayso.extract_many(batch[:5])


def test_parse_writes_conllu_with_a_tree_per_sentence():
    out = sayso.parse("Officials said the bridge was closed by the police. It reopened on Monday.", id="d1")
    assert out.startswith("# newdoc id = d1\n")
    sentences = [s for s in out.split("\n\n") if s.strip()]
    assert len(sentences) == 2
    for s in sentences:
        words = [line.split("\t") for line in s.splitlines() if line[:1].isdigit() and "-" not in line.split("\t")[0]]
        assert all(len(w) == 10 for w in words)
        assert sum(w[6] == "0" for w in words) == 1  # one root
        assert all(0 <= int(w[6]) <= len(words) for w in words)
    first = {w[1]: w for w in (line.split("\t") for line in sentences[0].splitlines() if line[:1].isdigit())}
    assert first["said"][7] == "root"
    assert first["police"][7] == "obl:agent"
    assert "# newdoc\n" in sayso.parse("No id here.")
    with pytest.raises(sayso.InvalidInput, match="empty"):
        sayso.parse("  ")


PAGE = (CORPUS / "harbor-ledger-flood-barrier.html").read_bytes()


def test_a_web_page_as_str_or_bytes_gives_the_same_document_with_a_source_map():
    from_bytes = sayso.extract(html=PAGE, id="p")
    from_str = sayso.extract(html=PAGE.decode("utf-8"), id="p")
    assert from_bytes.to_json() == from_str.to_json()
    art = from_bytes.article
    assert art.title and art.title not in art.text
    assert art.published.source == "html" and art.authors
    page = PAGE.decode("utf-8")
    for p in art.source_map:
        para = art.text[p.span.start : p.span.end]
        # The page's stretch, its tags removed and its entities decoded, is the paragraph.
        src = html.unescape(re.sub(r"<[^>]*>", "", page[p.html.start : p.html.end]))
        assert " ".join(src.split()) == para, (para, src)
    many = sayso.extract_many([{"html": PAGE, "id": "p"}, {"html": PAGE.decode("utf-8"), "id": "p"}])
    assert [d.to_json() for d in many] == [from_bytes.to_json()] * 2


def test_web_page_errors_are_clear():
    with pytest.raises(sayso.InvalidInput, match="no article in the page"):
        sayso.extract(html="<html><body><nav><a href=/>Home</a></nav></body></html>")
    with pytest.raises(sayso.InvalidInput, match="not both"):
        sayso.extract("Some text.", html=PAGE)
    with pytest.raises(sayso.InvalidInput, match="not both"):
        sayso.extract_many([{"text": "Some text.", "html": PAGE}])
    with pytest.raises(sayso.InvalidInput, match="html"):
        sayso.extract(html=42)  # type: ignore[arg-type]
    with pytest.raises(sayso.InvalidInput, match="text"):
        sayso.extract()
    latin1 = ("<p>Caf\u00e9 owners said the council met on Tuesday, and after a long debate, voted.</p>" * 2).encode("latin-1")
    doc = sayso.extract(html=latin1)
    assert doc.article.text.startswith("Caf\ufffd owners") and doc.warnings[0].code == "invalid_bytes_replaced"


def test_schema_and_versions():
    assert sayso.schema()["$schema"].endswith("2020-12/schema")
    assert sayso.SCHEMA_VERSION == "1.2"
    assert sayso.__version__


def test_frames_give_one_row_per_record():
    pd = pytest.importorskip("pandas")
    docs = sayso.extract_many([a for _, a in ARTICLES[:3]])
    f = sayso.frames(docs)
    assert len(f["claims"]) == sum(len(d.claims) for d in docs)
    assert isinstance(f["events"], pd.DataFrame)


# ---- The notebook display (Document._repr_html_) ----

SNAPSHOT_DOCS = sorted(SNAPSHOTS.glob("*.snap.json"))
# Attributes that load or link to something: in the view each may only point inside the view.
URL_ATTRIBUTES = {"href", "src", "srcset", "action", "formaction", "poster", "data", "cite", "background", "ping", "xlink:href"}


def parsed(html, *, page=False):
    """The HTML parsed by html5lib with strict parsing: any HTML5 parse error raises."""
    import html5lib

    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    return parser.parse(html) if page else parser.parseFragment(html)


def refers_outside(tree):
    """Everything in a parsed view that would load, link to or reach outside the view."""
    found = []
    for el in tree.iter():
        if not isinstance(el.tag, str):
            continue
        if el.tag in {"link", "img", "iframe", "object", "embed", "base", "frame", "audio", "video", "source"}:
            found.append(f"<{el.tag}>")
        if el.tag == "meta" and el.get("http-equiv"):
            found.append("<meta http-equiv>")
        for name, value in el.attrib.items():
            if name.lower() in URL_ATTRIBUTES and not value.startswith("#"):
                found.append(f"{el.tag} {name}={value!r}")
            if name.lower() == "style" and ("url(" in value or "@import" in value):
                found.append(f"{el.tag} style={value!r}")
        if el.tag == "style" and ("url(" in (el.text or "") or "@import" in (el.text or "")):
            found.append("<style> with url() or @import")
    return found


def as_html_text(text):
    """The text as HTML can carry it: controls other than whitespace and noncharacters are
    parse errors even as character references, so the view shows U+FFFD for each (one of the
    snapshot articles has C1 controls from a mis-decoded "François")."""

    def forbidden(c):
        u = ord(c)
        return (u < 0x20 and c not in "\t\n\r\x0c") or 0x7F <= u <= 0x9F or 0xFDD0 <= u <= 0xFDEF or (u & 0xFFFE) == 0xFFFE

    return "".join("\ufffd" if forbidden(c) else c for c in text)


@pytest.mark.parametrize("path", SNAPSHOT_DOCS, ids=[p.name.split(".")[0] for p in SNAPSHOT_DOCS])
def test_the_notebook_html_of_every_snapshot_is_valid_html5_and_refers_to_nothing_outside(path):
    doc = sayso.Document(path.read_text(encoding="utf-8"))
    html = doc._repr_html_()
    tree = parsed(html)
    assert refers_outside(tree) == []
    # What the view says: a card per claim (with its content), a row per event, the text whole.
    cards = {el.get("data-id"): el for el in tree.iter() if el.get("class") == "sv-card"}
    assert sorted(cards) == sorted(c["id"] for c in doc.to_dict()["claims"])
    for c in doc.claims:
        assert cards[c.id].find("blockquote").text == c.content.text
    rows = [el for el in tree.iter() if el.tag == "tr" and el.get("data-r", "").startswith("v")]
    assert [r.get("data-id") for r in rows] == [e.id for e in doc.events]
    text = next(el for el in tree.iter() if el.get("class") == "sv-text")
    assert "".join(text.itertext()) == as_html_text(doc.article.text)
    # The same document as a page to save: a valid HTML5 document, also self-contained.
    page = doc.to_html()
    assert page.startswith("<!DOCTYPE html>")
    assert refers_outside(parsed(page, page=True)) == []


def test_the_strict_parser_would_catch_broken_html():
    import html5lib

    for broken in ["<div><span>unclosed</div>", "<p>a</i>", "<div a=1 a=2></div>", "text\x01control"]:
        with pytest.raises(html5lib.html5parser.ParseError):
            parsed(broken)
    assert refers_outside(parsed('<a href="https://example.com/">x</a><img src="x.png">')) == [
        "a href='https://example.com/'",
        "<img>",
        "img src='x.png'",
    ]


def test_the_view_shows_the_say_so_chain_and_escapes_the_text():
    text = 'The mayor said <b>"the bridge & the road"</b> would reopen, the Herald reported.'
    doc = sayso.extract(text, published="2024-05-02")
    html = doc._repr_html_()
    assert "&lt;b&gt;&quot;the bridge &amp; the road&quot;&lt;/b&gt;" in html and '<b>"the bridge' not in html
    tree = parsed(html)
    assert "".join(next(el for el in tree.iter() if el.get("class") == "sv-text").itertext()) == text
    for c in doc.claims:
        path = next(el for el in tree.iter() if el.get("data-id") == c.id).find(".//dl/dd/span[@class='sv-path']")
        assert "".join(path.itertext()).endswith("→ the publisher")
    with pytest.raises(sayso.InvalidInput, match="not a sayso Document"):
        sayso.Document('{"text": "an article, not a Document"}')._repr_html_()
    with pytest.raises(sayso.InvalidOption, match="layout"):
        doc.to_html(layout="wide")


GERMAN = (
    "Der Stadtrat hat am Dienstag beschlossen, den Nachtbusverkehr bis März zu verlängern, nachdem sich "
    "Anwohner darüber beschwert hatten, dass die letzten Züge zu früh fahren."
)


def test_language_is_detected_or_given_and_only_english_is_analysed():
    doc = sayso.extract(GERMAN, published="2024-03-05")
    assert (doc.article.language, doc.article.language_source) == ("de", "detected")
    assert doc.entities == [] and doc.events == [] and doc.times == []
    assert doc.article.published.date == "2024-03-05"
    assert doc.warnings[0].code == "language_not_analysed"
    forced = sayso.extract(GERMAN, language="en")
    assert (forced.article.language, forced.article.language_source) == ("en", "given")
    assert forced.entities, "language='en' forces the analysis"
    with pytest.raises(sayso.InvalidInput, match="bad language"):
        sayso.extract(GERMAN, language="en us")


def test_frames_carry_the_language():
    pytest.importorskip("pandas")
    reference = dict(ARTICLES)["putin-trump-cia-tip"]["text"]
    f = sayso.frames([sayso.extract(reference), sayso.extract(GERMAN)])
    for name in ("claims", "events", "entities", "times"):
        assert set(f[name]["language"]) == {"en"}, name
    british = sayso.extract(reference, language="en-GB").to_frames()
    assert set(british["entities"]["language"]) == {"en-GB"}


def test_a_users_actor_file_gives_participants_their_codes(tmp_path):
    text = "Gondorian soldiers attacked Rohan on Monday."
    path = tmp_path / "middle-earth.actors"
    path.write_text("GONDOR [GON]\n+GONDORIAN\nROHAN\n\t[ROHGOV >20200101]\n\t[ROH]\n", encoding="utf-8")
    actors = sayso.Actors.from_file(str(path))
    assert len(actors) == 3
    doc = sayso.extract(text, published="2020-05-01", actors=actors)
    codes = [(p.role, p.actor_code) for e in doc.events for p in e.participants]
    # The soldiers' role joins the user's country; Rohan's code is the one dated 2020.
    assert codes == [("source", "GONMIL"), ("target", "ROHGOV")], codes
    plain = sayso.extract(text, published="2020-05-01")
    assert [p.actor_code for e in plain.events for p in e.participants] == ["MIL", None]
    many = sayso.extract_many([{"text": text, "published": "2019-05-01"}], actors=actors)
    assert [p.actor_code for e in many[0].events for p in e.participants] == ["GONMIL", "ROH"]
    with pytest.raises(sayso.InvalidOption, match="line 2"):
        sayso.Actors("GONDOR\n\t[GON 2020-13-01]\n")
