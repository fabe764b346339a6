"""Checked by mypy (not run): the public API is typed."""
import sayso

doc: sayso.Document = sayso.extract("Text.", published="2024-01-01", language="en")
docs: list[sayso.Document] = sayso.extract_many(["a", {"text": "b"}], jobs=2)
text: str = doc.to_json()
schema: dict[str, object] = sayso.schema()
version: str = sayso.__version__
page: str = doc.to_html(page=False, layout="stacked", script=False)
cell: str = doc._repr_html_()
web_page: sayso.Document = sayso.extract(html=b"<p>Text.</p>", url="https://example.org/2024/01/01/a")
page_str: sayso.Document = sayso.extract(html="<p>Text.</p>")
mixed: list[sayso.Document | sayso.InvalidInput] = sayso.extract_many(["a", " "], return_exceptions=True)
