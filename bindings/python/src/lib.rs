//! Python bindings of sayso: argument conversion and error mapping only; every record comes
//! from `sayso::extract` (CoNLL-U from `sayso::parse`), serialised exactly as the CLI does, and the Python package
//! (`python/sayso`) wraps the JSON in attribute-access objects.

use pyo3::create_exception;
use pyo3::exceptions::PyException;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList, PyString};
use rayon::prelude::*;
use sayso::{ArticleInput, OffsetUnit, Options};
use std::sync::Arc;

create_exception!(_sayso, SaysoError, PyException, "Base class of every error sayso raises.");
create_exception!(_sayso, InvalidInput, SaysoError, "The article cannot be analysed as given.");
create_exception!(_sayso, InvalidOption, SaysoError, "An option has a value sayso does not know.");

fn input_error(e: &sayso::Error) -> PyErr {
    InvalidInput::new_err(e.to_string())
}

fn options(offsets: &str, actors: Option<&Actors>) -> PyResult<Options> {
    let unit: OffsetUnit = offsets.parse().map_err(InvalidOption::new_err)?;
    Ok(Options { offsets: unit, actors: actors.map(|a| Arc::clone(&a.0)) })
}

/// A user's actor dictionary, in PETRARCH's actor format, looked up before sayso's own for
/// events' CAMEO actor codes: it adds actors and overrides the same phrase. Read once, used
/// for any number of articles.
#[pyclass(frozen, module = "sayso")]
struct Actors(Arc<sayso::events::ActorDictionary>);

#[pymethods]
impl Actors {
    /// Reads a dictionary from its text; raises InvalidOption naming the first bad line.
    #[new]
    fn new(text: &str) -> PyResult<Self> {
        let d = sayso::events::ActorDictionary::parse(text).map_err(|e| InvalidOption::new_err(e.to_string()))?;
        Ok(Actors(Arc::new(d)))
    }

    /// Reads a dictionary file (UTF-8).
    #[staticmethod]
    fn from_file(path: std::path::PathBuf) -> PyResult<Self> {
        let text = std::fs::read_to_string(&path)
            .map_err(|e| InvalidOption::new_err(format!("cannot read {}: {e}", path.display())))?;
        Self::new(&text).map_err(|e| InvalidOption::new_err(format!("{}: {e}", path.display())))
    }

    fn __len__(&self) -> usize {
        self.0.len()
    }

    fn __repr__(&self) -> String {
        format!("<sayso.Actors: {} phrases>", self.0.len())
    }
}

/// A web page given as `str` (already text) or `bytes` (decoded by its charset, gzip undone).
fn page_input(html: &Bound<'_, PyAny>) -> PyResult<ArticleInput> {
    if let Ok(s) = html.cast::<PyString>() {
        return Ok(ArticleInput::from_html(s.to_cow()?.into_owned()));
    }
    if let Ok(b) = html.cast::<PyBytes>() {
        return ArticleInput::from_html_bytes(b.as_bytes(), None).map_err(|e| input_error(&e));
    }
    Err(InvalidInput::new_err(format!("html must be str or bytes, got {}", html.get_type().name()?)))
}

/// Analyses one article (its text, or a web page as `html`) and returns its Document as
/// pretty JSON (as `sayso extract` prints).
#[pyfunction]
#[pyo3(signature = (text=None, *, html=None, published=None, title=None, url=None, publisher=None, id=None, offsets="codepoint", language=None, actors=None))]
#[allow(clippy::too_many_arguments)]
fn extract_json(
    py: Python<'_>,
    text: Option<String>,
    html: Option<&Bound<'_, PyAny>>,
    published: Option<String>,
    title: Option<String>,
    url: Option<String>,
    publisher: Option<String>,
    id: Option<String>,
    offsets: &str,
    language: Option<String>,
    actors: Option<PyRef<'_, Actors>>,
) -> PyResult<String> {
    let options = options(offsets, actors.as_deref())?;
    let base = match (text, html) {
        (Some(_), Some(_)) => return Err(input_error(&sayso::Error::TextAndHtml)),
        (Some(text), None) => ArticleInput::from_text(text),
        (None, Some(html)) => page_input(html)?,
        (None, None) => return Err(InvalidInput::new_err("give the article text, or a web page as html=")),
    };
    let input = ArticleInput { published, title, url, publisher, id, language, ..base };
    py.detach(|| sayso::extract(input, &options).map(|d| sayso::to_json_pretty(&d))).map_err(|e| input_error(&e))
}

/// Analyses many articles (strings, or dicts with `text` or `html` and metadata) on all
/// cores, in order; returns one pretty JSON Document per article. An item that is no article
/// raises before any work; otherwise the first article that fails raises, naming its index;
/// with `return_exceptions`, a bad article's place holds its
/// `InvalidInput` instead, so one page without an article does not cost the batch.
#[pyfunction]
#[pyo3(signature = (articles, *, jobs=None, offsets="codepoint", actors=None, return_exceptions=false))]
fn extract_many_json(
    py: Python<'_>,
    articles: &Bound<'_, PyList>,
    jobs: Option<usize>,
    offsets: &str,
    actors: Option<PyRef<'_, Actors>>,
    return_exceptions: bool,
) -> PyResult<Vec<Py<PyAny>>> {
    let options = options(offsets, actors.as_deref())?;
    let json = py.import("json")?;
    let mut inputs = Vec::with_capacity(articles.len());
    for (i, item) in articles.iter().enumerate() {
        let input = article_input(&json, &item).map_err(|e| format!("article {i}: {e}"));
        if let (Err(message), false) = (&input, return_exceptions) {
            return Err(InvalidInput::new_err(message.clone()));
        }
        inputs.push(input);
    }
    // Batches of 16 articles per worker, as `sayso extract` runs them: each stage over the
    // batch before the next keeps its tables in cache (`sayso::extract_batch`).
    let run = || -> Vec<Result<String, String>> {
        inputs
            .into_par_iter()
            .enumerate()
            .chunks(16)
            .flat_map_iter(|batch| {
                // Only the articles that were read go through the stages; a bad one keeps its
                // place with its error, and every other place takes the next document.
                let mut articles = Vec::with_capacity(batch.len());
                let slots: Vec<(usize, Option<String>)> = batch
                    .into_iter()
                    .map(|(i, input)| match input {
                        Ok(article) => {
                            articles.push(article);
                            (i, None)
                        }
                        Err(message) => (i, Some(message)),
                    })
                    .collect();
                let mut documents = sayso::extract_batch(articles, &options).into_iter();
                slots.into_iter().map(move |(i, unread)| match unread {
                    Some(message) => Err(message),
                    None => match documents.next() {
                        Some(doc) => doc.map(|d| sayso::to_json_pretty(&d)).map_err(|e| format!("article {i}: {e}")),
                        None => Err(format!("article {i}: internal error: no result")),
                    },
                })
            })
            .collect()
    };
    let results = py.detach(|| match jobs {
        Some(n) if n > 0 => rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build()
            .map(|pool| pool.install(run))
            .map_err(|e| format!("cannot start {n} threads: {e}")),
        _ => Ok(run()),
    });
    results
        .map_err(InvalidOption::new_err)?
        .into_iter()
        .map(|result| match result {
            Ok(document) => Ok(PyString::new(py, &document).into_any().unbind()),
            Err(message) if return_exceptions => Ok(InvalidInput::new_err(message).into_value(py).into_any()),
            Err(message) => Err(InvalidInput::new_err(message)),
        })
        .collect()
}

/// One item of `extract_many`'s list as an article: a string is its text; a dict goes
/// through the JSON reader, as a line of a batch would, with a page given as bytes decoded
/// here. The error is the message, without the article's index.
fn article_input(json: &Bound<'_, PyModule>, item: &Bound<'_, PyAny>) -> Result<ArticleInput, String> {
    let py_error = |e: PyErr| e.to_string();
    if let Ok(s) = item.cast::<PyString>() {
        return Ok(ArticleInput::from_text(s.to_cow().map_err(py_error)?.into_owned()));
    }
    let Ok(dict) = item.cast::<PyDict>() else {
        let kind = item.get_type().name().map_err(py_error)?;
        return Err(format!("expected a string or a dict, got {kind}"));
    };
    let page = dict.get_item("html").map_err(py_error)?.filter(|h| h.is_instance_of::<PyBytes>());
    if page.is_some() && dict.get_item("text").map_err(py_error)?.is_some_and(|t| !t.is_none()) {
        return Err(sayso::Error::TextAndHtml.to_string());
    }
    let fields = if page.is_some() {
        let copy = dict.copy().map_err(py_error)?;
        copy.del_item("html").map_err(py_error)?;
        copy.set_item("text", "").map_err(py_error)?;
        copy
    } else {
        dict.clone()
    };
    let text: String = json.call_method1("dumps", (fields,)).and_then(|t| t.extract()).map_err(py_error)?;
    let mut input = ArticleInput::from_json_str(&text).map_err(|e| e.to_string())?;
    if let Some(page) = page {
        let from_page = page_input(&page).map_err(py_error)?;
        input.html = from_page.html;
        input.warnings = from_page.warnings;
    }
    Ok(input)
}

/// A Document (JSON text) as HTML: the view `sayso view` and the server show; a fragment for
/// notebooks, or a whole page with `page=True`.
#[pyfunction]
#[pyo3(signature = (document, *, layout="stacked", page=false, script=true))]
fn view_html(py: Python<'_>, document: &str, layout: &str, page: bool, script: bool) -> PyResult<String> {
    let layout: sayso::view::Layout = layout.parse().map_err(InvalidOption::new_err)?;
    let options = sayso::view::ViewOptions { layout, page, script };
    py.detach(|| sayso::view::render_json(document, &options)).map_err(|e| input_error(&e))
}

/// Tags, lemmatises and parses one article's text; returns CoNLL-U (as `sayso parse` prints).
#[pyfunction]
#[pyo3(signature = (text, *, id=None))]
fn parse_conllu(py: Python<'_>, text: String, id: Option<String>) -> PyResult<String> {
    let input = ArticleInput { id, ..ArticleInput::from_text(text) };
    py.detach(|| sayso::parse(input)).map_err(|e| input_error(&e))
}

/// The JSON Schema of the Document, as a string.
#[pyfunction]
fn schema_json() -> String {
    sayso::json_schema_string()
}

/// The compiled part of the `sayso` package.
#[pymodule]
fn _sayso(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(extract_json, m)?)?;
    m.add_function(wrap_pyfunction!(extract_many_json, m)?)?;
    m.add_function(wrap_pyfunction!(parse_conllu, m)?)?;
    m.add_function(wrap_pyfunction!(schema_json, m)?)?;
    m.add_function(wrap_pyfunction!(view_html, m)?)?;
    m.add_class::<Actors>()?;
    m.add("SaysoError", m.py().get_type::<SaysoError>())?;
    m.add("InvalidInput", m.py().get_type::<InvalidInput>())?;
    m.add("InvalidOption", m.py().get_type::<InvalidOption>())?;
    m.add("__version__", sayso::VERSION)?;
    m.add("SCHEMA_VERSION", sayso::SCHEMA_VERSION)?;
    Ok(())
}
