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
    assert "entities" in repr(doc) and "<span" in doc._repr_html_()
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
    assert sayso.SCHEMA_VERSION == "1.1"
    assert sayso.__version__


def test_frames_give_one_row_per_record():
    pd = pytest.importorskip("pandas")
    docs = sayso.extract_many([a for _, a in ARTICLES[:3]])
    f = sayso.frames(docs)
    assert len(f["claims"]) == sum(len(d.claims) for d in docs)
    assert isinstance(f["events"], pd.DataFrame)
