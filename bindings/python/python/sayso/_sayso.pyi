"""The compiled part of sayso (Rust, pyo3). Use the functions of the `sayso` package."""
from typing import Any, List, Optional, Union

__version__: str
SCHEMA_VERSION: str

class SaysoError(Exception): ...
class InvalidInput(SaysoError): ...
class InvalidOption(SaysoError): ...

class Actors:
    def __init__(self, text: str) -> None: ...
    @staticmethod
    def from_file(path: str) -> Actors: ...
    def __len__(self) -> int: ...

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
    language: Optional[str] = ...,
    actors: Optional[Actors] = ...,
) -> str: ...
def extract_many_json(
    articles: List[Any],
    *,
    jobs: Optional[int] = ...,
    offsets: str = ...,
    actors: Optional[Actors] = ...,
    return_exceptions: bool = ...,
) -> List[Union[str, InvalidInput]]: ...
def parse_conllu(text: str, *, id: Optional[str] = ...) -> str: ...
def schema_json() -> str: ...
def view_html(document: str, *, layout: str = ..., page: bool = ..., script: bool = ...) -> str: ...
