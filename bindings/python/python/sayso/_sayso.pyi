"""The compiled part of sayso (Rust, pyo3). Use the functions of the `sayso` package."""
from typing import Any, List, Optional, Union

__version__: str
SCHEMA_VERSION: str

class SaysoError(Exception): ...
class InvalidInput(SaysoError): ...
class InvalidOption(SaysoError): ...

def extract_json(
    text: Optional[str] = ...,
    *,
    html: Optional[Union[str, bytes]] = ...,
    published: Optional[str] = ...,
    title: Optional[str] = ...,
    url: Optional[str] = ...,
    publisher: Optional[str] = ...,
    id: Optional[str] = ...,
    offsets: str = ...,
) -> str: ...
def extract_many_json(articles: List[Any], *, jobs: Optional[int] = ..., offsets: str = ...) -> List[str]: ...
def schema_json() -> str: ...
