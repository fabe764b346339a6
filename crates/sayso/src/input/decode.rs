//! Bytes to text for web input: gzip undone (every member of a multi-member file), and a
//! page's character set found as a browser finds it (byte order mark, then the HTTP
//! header's `charset`, then a `<meta charset>` near the start, else UTF-8) and decoded with
//! `encoding_rs`; bytes that do not decode become U+FFFD and a warning counts them.

use super::InputWarning;
use crate::error::Error;
use encoding_rs::Encoding;
use std::borrow::Cow;
use std::io::Read;

/// The gzip magic number and deflate method: how every gzip member starts.
pub const GZIP_MAGIC: [u8; 3] = [0x1f, 0x8b, 0x08];

/// Decompressed bytes from gzip data larger than this are refused (a "zip bomb" stays a
/// clear error, not an exhausted machine).
pub const MAX_GUNZIPPED: u64 = 1 << 30;

/// The bytes themselves, or, when they are gzip data, decompressed (every member).
///
/// # Errors
/// [`Error::Gzip`] for data that is cut short, corrupt, or decompresses past
/// [`MAX_GUNZIPPED`].
pub fn gunzip(bytes: &[u8]) -> Result<Cow<'_, [u8]>, Error> {
    if !bytes.starts_with(&GZIP_MAGIC) {
        return Ok(Cow::Borrowed(bytes));
    }
    let mut out = Vec::with_capacity(bytes.len().saturating_mul(4));
    let mut reader = flate2::read::MultiGzDecoder::new(bytes).take(MAX_GUNZIPPED + 1);
    match reader.read_to_end(&mut out) {
        Ok(_) if out.len() as u64 > MAX_GUNZIPPED => {
            Err(Error::Gzip { message: format!("more than {} MiB once decompressed", MAX_GUNZIPPED >> 20) })
        }
        Ok(_) => Ok(Cow::Owned(out)),
        Err(e) => Err(Error::Gzip { message: gzip_reason(&e, out.len()) }),
    }
}

/// The first `n` decompressed bytes of gzip data (as many as `bytes` holds), to tell what a
/// compressed input is before reading it.
#[must_use]
pub fn gzip_head(bytes: &[u8], n: usize) -> Vec<u8> {
    let mut out = Vec::with_capacity(n);
    let mut decoder = flate2::bufread::GzDecoder::new(bytes).take(n as u64);
    // A partial read is what is wanted here: an error only ends the peek.
    let mut buf = [0u8; 512];
    while out.len() < n {
        match decoder.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(k) => out.extend_from_slice(&buf[..k]),
        }
    }
    out
}

/// A reader of the decompressed bytes of a gzip stream (every member), for inputs read as
/// they stream (JSON Lines).
pub fn gunzip_reader<R: std::io::BufRead>(reader: R) -> std::io::BufReader<flate2::bufread::MultiGzDecoder<R>> {
    std::io::BufReader::with_capacity(1 << 16, flate2::bufread::MultiGzDecoder::new(reader))
}

/// What a gzip read error means for a user.
pub(crate) fn gzip_reason(e: &std::io::Error, decoded: usize) -> String {
    if e.kind() == std::io::ErrorKind::UnexpectedEof {
        format!("the gzip data is cut short (truncated after {decoded} decompressed bytes)")
    } else {
        format!("the gzip data is corrupt after {decoded} decompressed bytes ({e})")
    }
}

/// A page's bytes as text, with warnings for what could not be decoded cleanly.
/// `declared` is the `charset` of an HTTP `Content-Type`, when there was one.
#[must_use]
pub fn html_to_string(bytes: &[u8], declared: Option<&str>) -> (String, Vec<InputWarning>) {
    let mut warnings = Vec::new();
    let (encoding, how) = if let Some((enc, _)) = Encoding::for_bom(bytes) {
        (enc, "its byte order mark")
    } else if let Some(label) = declared.map(str::trim).filter(|l| !l.is_empty()) {
        match Encoding::for_label(label.as_bytes()) {
            Some(enc) => (enc, "its HTTP header"),
            None => {
                warnings.push(InputWarning {
                    code: "unknown_charset",
                    message: format!("unknown character set `{label}` in the HTTP header; read as UTF-8"),
                });
                (encoding_rs::UTF_8, "default")
            }
        }
    } else if let Some(label) = meta_charset(bytes) {
        match Encoding::for_label(label.as_bytes()) {
            // A page cannot declare UTF-16 from inside itself (it would not be readable as
            // ASCII); browsers then read it as UTF-8.
            Some(enc) if enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE => {
                (encoding_rs::UTF_8, "default")
            }
            Some(enc) => (enc, "its <meta> charset"),
            None => {
                warnings.push(InputWarning {
                    code: "unknown_charset",
                    message: format!("unknown character set `{label}` in the page's <meta>; read as UTF-8"),
                });
                (encoding_rs::UTF_8, "default")
            }
        }
    } else {
        (encoding_rs::UTF_8, "default")
    };
    let (text, _, had_errors) = encoding.decode(bytes);
    if had_errors {
        let replaced = text.matches('\u{fffd}').count()
            - if encoding == encoding_rs::UTF_8 { count_literal_replacement(bytes) } else { 0 };
        let declared_as = if how == "default" {
            "the page declares no character set, so it was read as UTF-8".to_string()
        } else {
            format!("read as {} (from {how})", encoding.name())
        };
        warnings.push(InputWarning {
            code: "invalid_bytes_replaced",
            message: format!(
                "{replaced} byte sequence(s) of the page did not decode and were replaced by U+FFFD; {declared_as}"
            ),
        });
    }
    (text.into_owned(), warnings)
}

/// U+FFFD characters already in valid UTF-8 input (not replacements).
fn count_literal_replacement(bytes: &[u8]) -> usize {
    memchr::memmem::find_iter(bytes, "\u{fffd}".as_bytes()).count()
}

/// The charset a page declares in a `<meta>` tag within its first 4 KiB: `<meta
/// charset="x">` or `<meta http-equiv="Content-Type" content="text/html; charset=x">`.
fn meta_charset(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(4096)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let mut from = 0;
    while let Some(at) = memchr::memmem::find(&lower[from..], b"<meta") {
        let start = from + at;
        let end = memchr::memchr(b'>', &lower[start..]).map_or(lower.len(), |e| start + e);
        let tag = &lower[start..end];
        if let Some(i) = memchr::memmem::find(tag, b"charset") {
            let rest = &tag[i + 7..];
            let rest = rest.trim_ascii_start();
            if let Some(value) = rest.strip_prefix(b"=") {
                let value = value.trim_ascii_start();
                let value = value.strip_prefix(b"\"").or_else(|| value.strip_prefix(b"'")).unwrap_or(value);
                let label: Vec<u8> = value
                    .iter()
                    .copied()
                    .take_while(|&b| !matches!(b, b'"' | b'\'' | b';' | b' ' | b'/' | b'>' | b'\t' | b'\n' | b'\r'))
                    .collect();
                if !label.is_empty() {
                    return Some(String::from_utf8_lossy(&label).into_owned());
                }
            }
        }
        from = end.max(start + 5);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn gz(data: &[u8]) -> Vec<u8> {
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        e.write_all(data).unwrap();
        e.finish().unwrap()
    }

    #[test]
    fn gzip_members_are_joined_and_truncation_is_an_error() {
        let mut two = gz(b"<p>one</p>");
        two.extend(gz(b"<p>two</p>"));
        assert_eq!(&*gunzip(&two).unwrap(), b"<p>one</p><p>two</p>");
        assert_eq!(&*gunzip(b"<p>plain</p>").unwrap(), b"<p>plain</p>");
        let cut = &two[..two.len() - 9];
        let err = gunzip(cut).unwrap_err();
        assert!(matches!(&err, Error::Gzip { message } if message.contains("cut short")), "{err}");
    }

    #[test]
    fn the_declared_character_set_is_used_and_bad_bytes_are_counted() {
        let latin1 = b"<html><head><meta charset=\"iso-8859-1\"></head><p>Caf\xe9 cr\xe8me</p>";
        let (text, warnings) = html_to_string(latin1, None);
        assert!(text.contains("Café crème"), "{text}");
        assert!(warnings.is_empty());
        let (text, _) = html_to_string(b"<p>\x93quoted\x94</p>", Some("windows-1252"));
        assert_eq!(text, "<p>\u{201c}quoted\u{201d}</p>");
        let (text, warnings) = html_to_string(b"<p>caf\xe9 \xff ok \xef\xbf\xbd</p>", None);
        assert_eq!(text, "<p>caf\u{fffd} \u{fffd} ok \u{fffd}</p>");
        assert_eq!(warnings.len(), 1);
        assert_eq!(warnings[0].code, "invalid_bytes_replaced");
        assert!(warnings[0].message.starts_with("2 byte sequence(s)"), "{}", warnings[0].message);
        let (_, warnings) = html_to_string(b"<p>x</p>", Some("klingon"));
        assert_eq!(warnings[0].code, "unknown_charset");
    }

    #[test]
    fn http_equiv_content_type_declares_a_charset() {
        let page = b"<meta http-equiv='Content-Type' content='text/html; charset=Shift_JIS'><p>\x82\xa0</p>";
        assert_eq!(meta_charset(page).as_deref(), Some("shift_jis"));
        assert_eq!(
            html_to_string(page, None).0,
            "<meta http-equiv='Content-Type' content='text/html; charset=Shift_JIS'><p>あ</p>"
        );
    }
}
