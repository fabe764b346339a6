"""sayso: who says what happened.

Reads a news article and returns a :class:`Document` with its entities, attributed claims
(source, cue, content, say-so chain up to the publisher), CAMEO-coded events and normalised
times, every record pointing at the characters it came from. All extraction happens in
sayso's Rust core; this package converts arguments and wraps the JSON it returns.

>>> import sayso
>>> doc = sayso.extract("The White House on Sunday confirmed the call.", published="2017-12-17")
>>> doc.claims[0].source.text
'The White House'
"""
from __future__ import annotations

import json
from collections import abc
from typing import Any, Dict, Iterable, List, Literal, Mapping, Optional, Sequence, Union, cast, overload

from ._sayso import (
    SCHEMA_VERSION,
    Actors,
    InvalidInput,
    InvalidOption,
    SaysoError,
    __version__,
    extract_json as _extract_json,
    extract_many_json as _extract_many_json,
    parse_conllu as _parse_conllu,
    schema_json as _schema_json,
    view_html as _view_html,
)

__all__ = [
    "Actors",
    "Document",
    "Record",
    "SaysoError",
    "InvalidInput",
    "InvalidOption",
    "MissingDependency",
    "extract",
    "extract_many",
    "frames",
    "parse",
    "schema",
    "SCHEMA_VERSION",
    "__version__",
]


class MissingDependency(SaysoError):
    """An optional dependency (pandas, for the frames) is not installed."""


class Record:
    """A JSON object of the Document with attribute access: ``claim.source.text``.

    Missing optional fields read as ``None``; ``record["field"]`` works as well.
    """

    __slots__ = ("_data",)

    def __init__(self, data: Mapping[str, Any]) -> None:
        self._data = data

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        key = "type" if name == "type_" else name
        return _wrap(self._data.get(key))

    def __getitem__(self, key: str) -> Any:
        return _wrap(self._data[key])

    def __contains__(self, key: str) -> bool:
        return key in self._data

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Record) and self._data == other._data

    def __hash__(self) -> int:
        return hash(json.dumps(self._data, sort_keys=True))

    def keys(self) -> Iterable[str]:
        return self._data.keys()

    def to_dict(self) -> Dict[str, Any]:
        """A deep copy of the record as plain dicts and lists."""
        result: Dict[str, Any] = json.loads(json.dumps(self._data))
        return result

    def __repr__(self) -> str:
        # What a reader wants at a glance: scalars as they are, spans by their text, lists by
        # their length; long texts cut, so a claim fits on a line or two.
        def short(value: Any) -> str:
            if isinstance(value, dict):
                for key in ("text", "value", "code", "name"):
                    if isinstance(value.get(key), str):
                        return short(value[key])
                return "{...}"
            if isinstance(value, list):
                return f"[{len(value)} item{'' if len(value) == 1 else 's'}]"
            if isinstance(value, str) and len(value) > 80:
                return repr(value[:77] + "...")
            return repr(value)

        fields = ", ".join(f"{k}={short(v)}" for k, v in self._data.items() if v not in (None, [], {}))
        return f"Record({fields})"


def _wrap(value: Any) -> Any:
    if isinstance(value, dict):
        return Record(value)
    if isinstance(value, list):
        return [_wrap(v) for v in value]
    return value


class Document(Record):
    """The analysis of one article (schema :data:`SCHEMA_VERSION`).

    Attributes mirror the JSON Schema (``sayso.schema()``): ``article``, ``entities``,
    ``claims``, ``events``, ``times``, ``posts``, ``links``, ``warnings``.
    """

    __slots__ = ("_json",)

    def __init__(self, json_text: str) -> None:
        # Parsed on first attribute access: batch callers that only want `to_json()` (or
        # that hand documents to other workers) never pay for building the dicts.
        self._json = json_text

    def __getattr__(self, name: str) -> Any:
        if name == "_data":
            data = json.loads(self._json)
            self._data = data
            return data
        return super().__getattr__(name)

    def to_json(self) -> str:
        """The Document as pretty JSON, byte for byte what ``sayso extract`` prints."""
        return self._json

    def __repr__(self) -> str:
        d = self._data
        return (
            f"<sayso.Document {d['article'].get('id') or ''!s} published={(d['article'].get('published') or {}).get('date')}: "
            f"{len(d['entities'])} entities, {len(d['claims'])} claims, {len(d['events'])} events, "
            f"{len(d['times'])} times>"
        )

    def _repr_html_(self) -> str:
        """The document as people read it (notebooks): the text with claims, entities, times
        and events marked, a card per claim with its say-so chain, who says what, and an
        events table. Self-contained HTML and CSS, readable without JavaScript; its small
        script adds hover and click highlighting where it runs."""
        return _view_html(self._json)

    def to_html(self, *, page: bool = True, layout: str = "side", script: bool = True) -> str:
        """The view as HTML: a whole page to save and open (``page=True``), or the fragment a
        notebook shows. ``layout`` is ``side`` (text beside the cards and tables) or
        ``stacked`` (text above them); ``script=False`` leaves out the highlighting script."""
        return _view_html(self._json, layout=layout, page=page, script=script)

    def to_frames(self) -> Dict[str, Any]:
        """pandas DataFrames of claims, events, entities and times (needs pandas)."""
        return frames([self])


def extract(
    text: Optional[str] = None,
    *,
    html: Optional[Union[str, bytes]] = None,
    published: Optional[str] = None,
    title: Optional[str] = None,
    url: Optional[str] = None,
    publisher: Optional[str] = None,
    id: Optional[str] = None,
    offsets: str = "codepoint",
    language: Optional[str] = None,
    actors: Optional[Actors] = None,
) -> Document:
    """Analyse one article: its ``text``, or a web page as ``html`` (``str``, or ``bytes`` in
    any charset, gzipped or not) whose article body becomes the text and whose headline,
    bylines, publisher, canonical URL, language and publication date fill in what is not
    given; ``url`` is where the page was fetched. ``published`` is YYYY-MM-DD or RFC 3339;
    ``offsets`` is ``codepoint`` (Python string indices, the default), ``utf8`` or ``utf16``;
    ``actors`` is your actor dictionary (``sayso.Actors.from_file("my.actors")``, PETRARCH's
    format), looked up before sayso's own for events' CAMEO actor codes.

    ``language`` (a BCP 47 tag such as ``"en"`` or ``"de"``) is the article's language when
    you know it; otherwise it is detected from the text. sayso analyses English only: an
    article in another language comes back with its text, links and posts, no entities,
    claims, events or times, and a warning; ``language="en"`` forces the analysis.

    Raises :class:`InvalidInput` (empty text, bad date, bad language, a page without an
    article, both text and html) or :class:`InvalidOption`.
    """
    if text is not None and not isinstance(text, str):
        raise InvalidInput(f"text must be a str, got {type(text).__name__}")
    if html is not None and not isinstance(html, (str, bytes)):
        raise InvalidInput(f"html must be a str or bytes, got {type(html).__name__}")
    return Document(
        _extract_json(
            text,
            html=html,
            published=published,
            title=title,
            url=url,
            publisher=publisher,
            id=id,
            offsets=offsets,
            language=language,
            actors=actors,
        )
    )


@overload
def extract_many(
    articles: Iterable[Union[str, Mapping[str, Any]]],
    *,
    jobs: Optional[int] = ...,
    offsets: str = ...,
    actors: Optional[Actors] = ...,
    return_exceptions: Literal[False] = ...,
) -> List[Document]: ...
@overload
def extract_many(
    articles: Iterable[Union[str, Mapping[str, Any]]],
    *,
    jobs: Optional[int] = ...,
    offsets: str = ...,
    actors: Optional[Actors] = ...,
    return_exceptions: bool,
) -> List[Union[Document, InvalidInput]]: ...
def extract_many(
    articles: Iterable[Union[str, Mapping[str, Any]]],
    *,
    jobs: Optional[int] = None,
    offsets: str = "codepoint",
    actors: Optional[Actors] = None,
    return_exceptions: bool = False,
) -> Union[List[Document], List[Union[Document, InvalidInput]]]:
    """Analyse many articles (strings, or dicts with ``text`` or ``html`` -- a web page as
    ``str`` or ``bytes`` -- and optional ``id``, ``published``, ``title``, ``url``,
    ``publisher``, ``authors``, ``language``) on all cores (or ``jobs`` threads) without
    holding the GIL. Returns Documents in input order.

    An item that is no article (not a str or a dict, a field of the wrong type) raises
    :class:`InvalidInput` naming its index before any work is done; otherwise the first
    article that cannot be analysed (empty text, a page with no article, a bad date) raises
    it, and nothing is returned. With
    ``return_exceptions=True`` (as in :func:`asyncio.gather`) every good article still gets
    its Document and a bad one's place holds its :class:`InvalidInput`:

    >>> docs = sayso.extract_many(["Officials said it.", "   "], return_exceptions=True)
    >>> [type(d).__name__ for d in docs]
    ['Document', 'InvalidInput']
    """
    # Anything else goes through as it is, so that its error names its place in the batch.
    items = [dict(a) if isinstance(a, abc.Mapping) and not isinstance(a, dict) else a for a in articles]
    results = _extract_many_json(
        items, jobs=jobs, offsets=offsets, actors=actors, return_exceptions=return_exceptions
    )
    if return_exceptions:
        return [Document(r) if isinstance(r, str) else r for r in results]
    # Without return_exceptions the extension raises at the first bad article: all are JSON.
    return [Document(cast(str, r)) for r in results]


def parse(text: str, *, id: Optional[str] = None) -> str:
    """Tag, lemmatise and parse an article's text; return CoNLL-U (Universal Dependencies'
    format, as ``sayso parse`` writes it): ``# newdoc id`` (``id``, if given), per sentence
    ``# sent_id``, ``# text`` and one line per word with the ten columns ID, FORM, LEMMA,
    UPOS, XPOS, FEATS, HEAD, DEPREL, DEPS, MISC, then a blank line.

    >>> conllu = sayso.parse("The report was confirmed by the White House.", id="r1")
    >>> [line.split("\\t")[7] for line in conllu.splitlines() if line[:1].isdigit()][:3]
    ['det', 'nsubj:pass', 'aux:pass']

    Raises :class:`InvalidInput` (empty text).
    """
    if not isinstance(text, str):
        raise InvalidInput(f"text must be a str, got {type(text).__name__}")
    return _parse_conllu(text, id=id)


def schema() -> Dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the Document."""
    result: Dict[str, Any] = json.loads(_schema_json())
    return result


def frames(docs: Sequence[Document]) -> Dict[str, Any]:
    """pandas DataFrames ``claims``, ``events``, ``entities``, ``times`` for many Documents,
    one row per record, with the article id and language in each row."""
    try:
        import pandas as pd  # type: ignore[import-untyped]
    except ImportError as missing:  # pragma: no cover - exercised without pandas
        raise MissingDependency("sayso.frames needs pandas: pip install 'sayso[pandas]'") from missing
    rows: Dict[str, List[Dict[str, Any]]] = {"claims": [], "events": [], "entities": [], "times": []}
    for doc in docs:
        d = doc._data
        aid = d["article"].get("id")
        lang = d["article"]["language"]
        names = {e["id"]: e["name"] for e in d["entities"]}
        for c in d["claims"]:
            chain = c.get("attributed_to") or []
            rows["claims"].append(
                {
                    "article": aid,
                    "id": c["id"],
                    "kind": c["kind"],
                    "source": (c.get("source") or {}).get("text"),
                    "source_entity": names.get((c.get("source") or {}).get("entity")),
                    "cue": (c.get("cue") or {}).get("text"),
                    "cue_class": (c.get("cue") or {}).get("class"),
                    "content": c["content"]["text"],
                    "parent": c.get("parent"),
                    "original_source": chain[0]["name"] if chain else None,
                    "language": lang,
                }
            )
        for ev in d["events"]:
            parts = ev.get("participants") or []
            rows["events"].append(
                {
                    "article": aid,
                    "id": ev["id"],
                    "type": ev["type"],
                    "cameo": (ev.get("cameo") or {}).get("code"),
                    "trigger": ev["trigger"]["text"],
                    "source": next((p["text"] for p in parts if p["role"] == "source"), None),
                    "target": next((p["text"] for p in parts if p["role"] == "target"), None),
                    "source_code": next((p.get("actor_code") for p in parts if p["role"] == "source"), None),
                    "target_code": next((p.get("actor_code") for p in parts if p["role"] == "target"), None),
                    "goldstein": (ev.get("cameo") or {}).get("goldstein"),
                    "quad_class": (ev.get("cameo") or {}).get("quad_class"),
                    "time": (ev.get("time") or {}).get("value"),
                    "place": (ev.get("place") or {}).get("text"),
                    "modality": "+".join(ev.get("modality") or []),
                    "claim": ev.get("claim"),
                    "language": lang,
                }
            )
        for e in d["entities"]:
            rows["entities"].append(
                {
                    "article": aid,
                    "id": e["id"],
                    "type": e["type"],
                    "name": e["name"],
                    "mentions": len(e["mentions"]),
                    "language": lang,
                }
            )
        for t in d["times"]:
            rows["times"].append(
                {"article": aid, "id": t["id"], "text": t["text"], "type": t["type"], "value": t["value"], "language": lang}
            )
    return {k: pd.DataFrame(v) for k, v in rows.items()}

