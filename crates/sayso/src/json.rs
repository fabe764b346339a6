//! Compact JSON for [`crate::to_json_line`]: a `serde::Serializer` that writes exactly the
//! bytes `serde_json::to_string` writes, faster.
//!
//! Why: the JSON line is ~6.7 times the size of the article it describes, and about half of it
//! is object keys. serde_json sends every key and every string through a byte-at-a-time
//! escape-table loop, which made serialisation ~9% of the pipeline's instructions. Here:
//!
//! - struct field names and unit variant names are `&'static str` identifiers of our own
//!   schema and are written as they are, without an escape scan (a test checks every name the
//!   JSON Schema has, and debug builds check every name written);
//! - strings are scanned eight bytes at a time (SWAR) for the only bytes JSON needs escaped
//!   (`"`, `\` and controls below 0x20), and copied in runs between them; the escapes are
//!   serde_json's own forms (`\"`, `\\`, `\b`, `\f`, `\n`, `\r`, `\t`, otherwise `\u00XX`
//!   with lowercase hex; DEL and non-ASCII are written raw);
//! - integers go through `itoa` (as in serde_json), floats through serde_json itself, so that
//!   number formatting cannot drift from it.
//!
//! The output is built in a `String` from `&str` runs, so it is UTF-8 by construction (no
//! validation pass, no `unsafe`). Serde shapes this writer does not cover (map keys other than
//! strings, chars, integers, unit variants and newtypes of them) return [`Error`], and
//! [`crate::to_json_line`] then falls back to serde_json, so the result is serde_json's in
//! every case.

use serde::ser::{self, Serialize};
use std::fmt;

/// Why compact serialisation stopped: an error from a `Serialize` impl, or a shape this
/// writer leaves to serde_json.
#[derive(Debug)]
pub(crate) struct Error(String);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Self(msg.to_string())
    }
}

/// `value` as compact JSON, byte-identical to `serde_json::to_string(value)`, in a string
/// that starts with room for `capacity` bytes.
pub(crate) fn to_string<T: Serialize + ?Sized>(value: &T, capacity: usize) -> Result<String, Error> {
    let mut w = Writer { out: String::with_capacity(capacity) };
    value.serialize(&mut w)?;
    Ok(w.out)
}

/// The output buffer; `&mut Writer` is the serializer.
struct Writer {
    out: String,
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = 0x8080_8080_8080_8080;

/// High bit set in each byte of `word` that JSON must escape (< 0x20, `"`, `\`), possibly also
/// in bytes above (more significant than) such a byte: the subtractions borrow upwards. The
/// lowest set bit therefore always marks a byte that must be escaped, and no bit is set when
/// there is none (bytes >= 0x80 are masked out by `!word`).
#[inline]
fn special_bytes(word: u64) -> u64 {
    let quote = word ^ (ONES * u64::from(b'"'));
    let backslash = word ^ (ONES * u64::from(b'\\'));
    (word.wrapping_sub(ONES * 0x20) & !word
        | quote.wrapping_sub(ONES) & !quote
        | backslash.wrapping_sub(ONES) & !backslash)
        & HIGH
}

/// Whether JSON needs `byte` escaped, for the bytes of strings shorter than a word.
static NEEDS_ESCAPE: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        table[b] = true;
        b += 1;
    }
    table[b'"' as usize] = true;
    table[b'\\' as usize] = true;
    table
};

/// The eight bytes of `bytes` from `i` as a little-endian word, if there are eight.
#[inline]
fn word_at(bytes: &[u8], i: usize) -> Option<u64> {
    bytes.get(i..)?.first_chunk::<8>().map(|chunk| u64::from_le_bytes(*chunk))
}

/// Appends `s` as a JSON string (quotes included) with serde_json's escapes.
fn push_str_escaped(out: &mut String, s: &str) {
    out.push('"');
    let bytes = s.as_bytes();
    let n = bytes.len();
    // `start`: first byte not yet copied; `i`: where the scan goes on.
    let mut start = 0;
    let mut i = 0;
    while i < n {
        let at = if let Some(word) = word_at(bytes, i) {
            let mask = special_bytes(word);
            if mask == 0 {
                i += 8;
                continue;
            }
            i + (mask.trailing_zeros() / 8) as usize
        } else if let Some(word) = n.checked_sub(8).and_then(|last| word_at(bytes, last)) {
            // The last 1-7 bytes: the string's last word, whose first `seen` bytes are already
            // scanned (and may hold escaped bytes, whose borrows must not reach the rest), shifted
            // out with spaces (which need no escape) shifted in.
            let seen = 8 - (n - i);
            let word = word >> (8 * seen) | (ONES * u64::from(b' ')) << (64 - 8 * seen);
            let mask = special_bytes(word);
            if mask == 0 {
                break;
            }
            i + (mask.trailing_zeros() / 8) as usize
        } else {
            // A string shorter than a word.
            match bytes[i..].iter().position(|&b| NEEDS_ESCAPE[usize::from(b)]) {
                Some(p) => i + p,
                None => break,
            }
        };
        // `at` holds an ASCII byte, so both slices end on character boundaries.
        out.push_str(&s[start..at]);
        push_escape(out, bytes[at]);
        start = at + 1;
        i = at + 1;
    }
    out.push_str(&s[start..]);
    out.push('"');
}

/// The escape serde_json writes for `byte` (one that [`special_bytes`] flags).
#[cold]
fn push_escape(out: &mut String, byte: u8) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    match byte {
        b'"' => out.push_str("\\\""),
        b'\\' => out.push_str("\\\\"),
        b'\n' => out.push_str("\\n"),
        b'\r' => out.push_str("\\r"),
        b'\t' => out.push_str("\\t"),
        0x08 => out.push_str("\\b"),
        0x0c => out.push_str("\\f"),
        _ => {
            out.push_str("\\u00");
            out.push(char::from(HEX[usize::from(byte >> 4)]));
            out.push(char::from(HEX[usize::from(byte & 0xf)]));
        }
    }
}

/// True when `key` can be written between quotes as it is (no escape needed).
fn is_plain(key: &str) -> bool {
    key.bytes().all(|b| b >= 0x20 && b != b'"' && b != b'\\')
}

/// Appends a struct field name and its colon, as it is. Field names are `&'static str`
/// identifiers of our schema (a test checks every one the JSON Schema names; debug builds check
/// each name written). Inlined into the derived `Serialize` impls, where `key` is a literal, so
/// the copies get constant lengths. (Testing plainness at run time instead did not fold away
/// and cost ~12 M instructions per 0.6 MB of input.)
#[inline(always)]
fn push_key(out: &mut String, key: &'static str) {
    debug_assert!(is_plain(key), "field name {key:?} needs escaping");
    out.push('"');
    out.push_str(key);
    out.push_str("\":");
}

/// Appends a unit variant's name (an enum value of the schema) as a string, as it is, like
/// [`push_key`].
#[inline(always)]
fn push_variant(out: &mut String, variant: &'static str) {
    debug_assert!(is_plain(variant), "variant name {variant:?} needs escaping");
    out.push('"');
    out.push_str(variant);
    out.push('"');
}

/// Appends `value` as serde_json formats it (used for floats, so that their formatting is
/// serde_json's whatever algorithm it uses).
fn push_via_serde_json<T: Serialize>(out: &mut String, value: &T) -> Result<(), Error> {
    let mut buf = [0u8; 64];
    let mut w: &mut [u8] = &mut buf;
    serde_json::to_writer(&mut w, value).map_err(<Error as ser::Error>::custom)?;
    let used = 64 - w.len();
    let text = std::str::from_utf8(&buf[..used]).map_err(<Error as ser::Error>::custom)?;
    out.push_str(text);
    Ok(())
}

macro_rules! integers {
    ($($method:ident: $t:ty),*) => {$(
        fn $method(self, v: $t) -> Result<(), Error> {
            self.out.push_str(itoa::Buffer::new().format(v));
            Ok(())
        }
    )*};
}

impl<'a> ser::Serializer for &'a mut Writer {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Compound<'a>;
    type SerializeTuple = Compound<'a>;
    type SerializeTupleStruct = Compound<'a>;
    type SerializeTupleVariant = Compound<'a>;
    type SerializeMap = Compound<'a>;
    type SerializeStruct = Compound<'a>;
    type SerializeStructVariant = Compound<'a>;

    fn serialize_bool(self, v: bool) -> Result<(), Error> {
        self.out.push_str(if v { "true" } else { "false" });
        Ok(())
    }

    integers!(serialize_i8: i8, serialize_i16: i16, serialize_i32: i32, serialize_i64: i64, serialize_i128: i128,
        serialize_u8: u8, serialize_u16: u16, serialize_u32: u32, serialize_u64: u64, serialize_u128: u128);

    fn serialize_f32(self, v: f32) -> Result<(), Error> {
        push_via_serde_json(&mut self.out, &v)
    }

    fn serialize_f64(self, v: f64) -> Result<(), Error> {
        push_via_serde_json(&mut self.out, &v)
    }

    fn serialize_char(self, v: char) -> Result<(), Error> {
        push_str_escaped(&mut self.out, v.encode_utf8(&mut [0u8; 4]));
        Ok(())
    }

    fn serialize_str(self, v: &str) -> Result<(), Error> {
        push_str_escaped(&mut self.out, v);
        Ok(())
    }

    fn serialize_bytes(self, v: &[u8]) -> Result<(), Error> {
        // serde_json writes bytes as an array of numbers.
        self.out.push('[');
        for (i, b) in v.iter().enumerate() {
            if i > 0 {
                self.out.push(',');
            }
            self.out.push_str(itoa::Buffer::new().format(*b));
        }
        self.out.push(']');
        Ok(())
    }

    fn serialize_none(self) -> Result<(), Error> {
        self.out.push_str("null");
        Ok(())
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }

    fn serialize_unit(self) -> Result<(), Error> {
        self.out.push_str("null");
        Ok(())
    }

    fn serialize_unit_struct(self, _name: &'static str) -> Result<(), Error> {
        self.serialize_unit()
    }

    #[inline(always)]
    fn serialize_unit_variant(self, _name: &'static str, _index: u32, variant: &'static str) -> Result<(), Error> {
        push_variant(&mut self.out, variant);
        Ok(())
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _name: &'static str, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.out.push('{');
        push_str_escaped(&mut self.out, variant);
        self.out.push(':');
        value.serialize(&mut *self)?;
        self.out.push('}');
        Ok(())
    }

    fn serialize_seq(self, _len: Option<usize>) -> Result<Compound<'a>, Error> {
        self.out.push('[');
        Ok(Compound { w: self, first: true, close: "]" })
    }

    fn serialize_tuple(self, len: usize) -> Result<Compound<'a>, Error> {
        self.serialize_seq(Some(len))
    }

    fn serialize_tuple_struct(self, _name: &'static str, len: usize) -> Result<Compound<'a>, Error> {
        self.serialize_seq(Some(len))
    }

    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Compound<'a>, Error> {
        self.out.push('{');
        push_str_escaped(&mut self.out, variant);
        self.out.push_str(":[");
        Ok(Compound { w: self, first: true, close: "]}" })
    }

    fn serialize_map(self, _len: Option<usize>) -> Result<Compound<'a>, Error> {
        self.out.push('{');
        Ok(Compound { w: self, first: true, close: "}" })
    }

    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<Compound<'a>, Error> {
        self.out.push('{');
        Ok(Compound { w: self, first: true, close: "}" })
    }

    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Compound<'a>, Error> {
        self.out.push('{');
        push_str_escaped(&mut self.out, variant);
        self.out.push_str(":{");
        Ok(Compound { w: self, first: true, close: "}}" })
    }
}

/// An array, object or variant wrapper being written: `first` until an element is written,
/// `close` is what ends it.
struct Compound<'a> {
    w: &'a mut Writer,
    first: bool,
    close: &'static str,
}

impl Compound<'_> {
    /// Writes the separator before an element or entry (none before the first).
    #[inline(always)]
    fn separate(&mut self) {
        if self.first {
            self.first = false;
        } else {
            self.w.out.push(',');
        }
    }

    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.separate();
        value.serialize(&mut *self.w)
    }

    #[inline(always)]
    fn field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<(), Error> {
        self.separate();
        push_key(&mut self.w.out, key);
        value.serialize(&mut *self.w)
    }

    fn finish(self) {
        self.w.out.push_str(self.close);
    }
}

impl ser::SerializeSeq for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.element(value)
    }
    fn end(self) -> Result<(), Error> {
        self.finish();
        Ok(())
    }
}

impl ser::SerializeTuple for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.element(value)
    }
    fn end(self) -> Result<(), Error> {
        self.finish();
        Ok(())
    }
}

impl ser::SerializeTupleStruct for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.element(value)
    }
    fn end(self) -> Result<(), Error> {
        self.finish();
        Ok(())
    }
}

impl ser::SerializeTupleVariant for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.element(value)
    }
    fn end(self) -> Result<(), Error> {
        self.finish();
        Ok(())
    }
}

impl ser::SerializeStruct for Compound<'_> {
    type Ok = ();
    type Error = Error;
    #[inline(always)]
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<(), Error> {
        self.field(key, value)
    }
    fn end(self) -> Result<(), Error> {
        self.finish();
        Ok(())
    }
}

impl ser::SerializeStructVariant for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<(), Error> {
        self.field(key, value)
    }
    fn end(self) -> Result<(), Error> {
        self.finish();
        Ok(())
    }
}

impl ser::SerializeMap for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Error> {
        self.separate();
        key.serialize(MapKey(&mut self.w.out))
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.w.out.push(':');
        value.serialize(&mut *self.w)
    }
    fn end(self) -> Result<(), Error> {
        self.finish();
        Ok(())
    }
}

/// A map key: JSON object keys are strings, so (as in serde_json) strings, chars and unit
/// variants are written as strings and integers between quotes. Every other key shape is
/// left to serde_json (an [`Error`] here makes the caller fall back to it).
struct MapKey<'a>(&'a mut String);

/// The error for a map key this writer leaves to serde_json.
fn unsupported_key() -> Error {
    Error("map key shape left to serde_json".to_string())
}

macro_rules! quoted_integers {
    ($($method:ident: $t:ty),*) => {$(
        fn $method(self, v: $t) -> Result<(), Error> {
            self.0.push('"');
            self.0.push_str(itoa::Buffer::new().format(v));
            self.0.push('"');
            Ok(())
        }
    )*};
}

macro_rules! unsupported {
    ($($method:ident($($arg:ty),*)),*) => {$(
        fn $method(self, $(_: $arg),*) -> Result<(), Error> {
            Err(unsupported_key())
        }
    )*};
}

impl ser::Serializer for MapKey<'_> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = ser::Impossible<(), Error>;
    type SerializeTuple = ser::Impossible<(), Error>;
    type SerializeTupleStruct = ser::Impossible<(), Error>;
    type SerializeTupleVariant = ser::Impossible<(), Error>;
    type SerializeMap = ser::Impossible<(), Error>;
    type SerializeStruct = ser::Impossible<(), Error>;
    type SerializeStructVariant = ser::Impossible<(), Error>;

    fn serialize_str(self, v: &str) -> Result<(), Error> {
        push_str_escaped(self.0, v);
        Ok(())
    }

    fn serialize_char(self, v: char) -> Result<(), Error> {
        push_str_escaped(self.0, v.encode_utf8(&mut [0u8; 4]));
        Ok(())
    }

    fn serialize_unit_variant(self, _name: &'static str, _index: u32, variant: &'static str) -> Result<(), Error> {
        push_str_escaped(self.0, variant);
        Ok(())
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _name: &'static str, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }

    quoted_integers!(serialize_i8: i8, serialize_i16: i16, serialize_i32: i32, serialize_i64: i64, serialize_i128: i128,
        serialize_u8: u8, serialize_u16: u16, serialize_u32: u32, serialize_u64: u64, serialize_u128: u128);

    unsupported!(
        serialize_bool(bool),
        serialize_f32(f32),
        serialize_f64(f64),
        serialize_bytes(&[u8]),
        serialize_none(),
        serialize_unit(),
        serialize_unit_struct(&'static str)
    );

    fn serialize_some<T: Serialize + ?Sized>(self, _value: &T) -> Result<(), Error> {
        Err(unsupported_key())
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _value: &T,
    ) -> Result<(), Error> {
        Err(unsupported_key())
    }

    fn serialize_seq(self, _len: Option<usize>) -> Result<Self::SerializeSeq, Error> {
        Err(unsupported_key())
    }

    fn serialize_tuple(self, _len: usize) -> Result<Self::SerializeTuple, Error> {
        Err(unsupported_key())
    }

    fn serialize_tuple_struct(self, _name: &'static str, _len: usize) -> Result<Self::SerializeTupleStruct, Error> {
        Err(unsupported_key())
    }

    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleVariant, Error> {
        Err(unsupported_key())
    }

    fn serialize_map(self, _len: Option<usize>) -> Result<Self::SerializeMap, Error> {
        Err(unsupported_key())
    }

    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<Self::SerializeStruct, Error> {
        Err(unsupported_key())
    }

    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStructVariant, Error> {
        Err(unsupported_key())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use serde::Serialize;
    use std::collections::BTreeMap;

    /// Ours and serde_json's bytes for `value`.
    fn both<T: Serialize + ?Sized>(value: &T) -> (String, String) {
        let ours = to_string(value, 0).expect("the compact writer takes it");
        let theirs = serde_json::to_string(value).expect("serde_json takes it");
        (ours, theirs)
    }

    fn assert_same<T: Serialize + ?Sized + fmt::Debug>(value: &T) {
        let (ours, theirs) = both(value);
        assert_eq!(ours, theirs, "for {value:?}");
    }

    /// Characters that matter to escaping, and some that do not.
    fn tricky_char() -> impl Strategy<Value = char> {
        prop_oneof![
            3 => (0u32..0x20).prop_map(|c| char::from_u32(c).unwrap_or('\0')),
            2 => prop::sample::select(vec!['"', '\\', '\u{7f}', '\u{2028}', '\u{2029}', '/', ' ', 'é', '😀', '\u{feff}']),
            3 => prop::char::range('a', 'z'),
            1 => any::<char>(),
        ]
    }

    fn tricky_string() -> impl Strategy<Value = String> {
        prop::collection::vec(tricky_char(), 0..40).prop_map(|cs| cs.into_iter().collect())
    }

    /// JSON values of every kind, with tricky strings and keys and all sorts of numbers.
    fn json_value() -> impl Strategy<Value = serde_json::Value> {
        let leaf = prop_oneof![
            Just(serde_json::Value::Null),
            any::<bool>().prop_map(serde_json::Value::Bool),
            any::<u64>().prop_map(serde_json::Value::from),
            any::<i64>().prop_map(serde_json::Value::from),
            any::<f64>().prop_map(serde_json::Value::from),
            (-1e6f64..1e6).prop_map(serde_json::Value::from),
            tricky_string().prop_map(serde_json::Value::String),
        ];
        leaf.prop_recursive(4, 64, 8, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..8).prop_map(serde_json::Value::Array),
                prop::collection::vec((tricky_string(), inner), 0..8)
                    .prop_map(|kv| serde_json::Value::Object(kv.into_iter().collect())),
            ]
        })
    }

    proptest! {
        #[test]
        fn strings_are_escaped_as_serde_json_does(s in tricky_string()) {
            let (ours, theirs) = both(&s);
            prop_assert_eq!(ours, theirs);
        }

        #[test]
        fn json_values_are_written_as_serde_json_does(v in json_value()) {
            let (ours, theirs) = both(&v);
            prop_assert_eq!(ours, theirs);
        }

        #[test]
        fn floats_are_written_as_serde_json_does(x in any::<f64>(), y in any::<f32>()) {
            let (ours, theirs) = both(&(x, y, vec![x, -x, x * 1e-300, x.trunc()]));
            prop_assert_eq!(ours, theirs);
        }

        #[test]
        fn documents_with_tricky_strings_are_written_as_serde_json_does(
            text in tricky_string(),
            names in prop::collection::vec(tricky_string(), 1..6),
        ) {
            let mut doc = reference_document();
            doc.article.text = text;
            doc.article.title = names.first().cloned();
            for (entity, name) in doc.entities.iter_mut().zip(names.iter().cycle()) {
                entity.name.clone_from(name);
                for m in &mut entity.mentions {
                    m.text.clone_from(name);
                }
            }
            for (claim, name) in doc.claims.iter_mut().zip(names.iter().cycle()) {
                claim.content.text.clone_from(name);
            }
            let (ours, theirs) = both(&doc);
            prop_assert_eq!(ours, theirs);
        }
    }

    /// The reference article's snapshot as a document.
    fn reference_document() -> crate::Document {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/snapshots/putin-trump-cia-tip.snap.json");
        let text = std::fs::read_to_string(path).expect("the reference snapshot exists");
        serde_json::from_str(&text).expect("the reference snapshot is a document")
    }

    #[test]
    fn every_special_byte_at_every_position_of_short_and_word_long_strings() {
        // Lengths around the eight-byte words, one or two special bytes anywhere: the word
        // scan, the overlapping last word and the short-string path all see each case.
        let mut specials: Vec<u8> = (0u8..0x20).collect();
        specials.extend([b'"', b'\\', 0x7f, b' ', b'!', b'#', b'[', b']', b'a']);
        for len in 0..26 {
            for pos in 0..len {
                for &b in &specials {
                    let mut bytes = vec![b'x'; len];
                    bytes[pos] = b;
                    let s = String::from_utf8(bytes.clone()).expect("ASCII");
                    assert_same(&s);
                    for other in [0, len / 2, len - 1] {
                        let mut two = bytes.clone();
                        two[other] = b'"';
                        assert_same(&String::from_utf8(two).expect("ASCII"));
                    }
                }
            }
        }
        // Multi-byte characters straddling word boundaries next to escapes.
        for prefix in 0..10 {
            let s = format!("{}é\"ü\n日本\\😀\u{2028}\u{7f}", "a".repeat(prefix));
            assert_same(&s);
        }
    }

    #[test]
    fn numbers_at_their_limits() {
        assert_same(&[u64::MIN, u64::MAX, 9, 10, 99, 100, 12345]);
        assert_same(&[i64::MIN, i64::MAX, -1, 0]);
        assert_same(&(i128::MIN, u128::MAX, i8::MIN, u8::MAX, i16::MIN, u16::MAX, i32::MIN, u32::MAX));
        assert_same(&[f64::NAN, f64::INFINITY, f64::NEG_INFINITY, -0.0, 0.0, 1.0, 0.5, 1e300, 5e-324, 0.1, 1e21]);
        assert_same(&[f32::NAN, f32::INFINITY, -0.0f32, 1.0f32, 0.1f32, f32::MAX, f32::MIN_POSITIVE]);
    }

    #[derive(Debug, Serialize)]
    struct Unit;

    #[derive(Debug, Serialize)]
    struct Newtype(String);

    #[derive(Debug, Serialize)]
    struct Pair(u8, Option<char>);

    #[derive(Debug, Serialize)]
    enum Shapes {
        Plain,
        Wrapped(Vec<u8>),
        Tuple(i32, String),
        Record { a: Option<bool>, b: () },
    }

    #[derive(Debug, Serialize)]
    struct Everything {
        unit: Unit,
        newtype: Newtype,
        pair: Pair,
        none: Option<u8>,
        shapes: Vec<Shapes>,
        empty: Vec<u8>,
        empty_map: BTreeMap<String, u8>,
        #[serde(with = "bytes")]
        bytes: Vec<u8>,
        int_keys: BTreeMap<i32, &'static str>,
        char_keys: BTreeMap<char, u8>,
        variant_keys: BTreeMap<Key, u8>,
        newtype_keys: BTreeMap<Name, u8>,
        nothing: (),
    }

    #[derive(Debug, Serialize, PartialEq, Eq, PartialOrd, Ord)]
    enum Key {
        First,
        Second,
    }

    #[derive(Debug, Serialize, PartialEq, Eq, PartialOrd, Ord)]
    struct Name(String);

    mod bytes {
        pub(super) fn serialize<S: serde::Serializer>(v: &[u8], s: S) -> Result<S::Ok, S::Error> {
            s.serialize_bytes(v)
        }
    }

    #[test]
    fn every_serde_shape_is_written_as_serde_json_does() {
        let value = Everything {
            unit: Unit,
            newtype: Newtype("n\"t".to_string()),
            pair: Pair(7, Some('"')),
            none: None,
            shapes: vec![
                Shapes::Plain,
                Shapes::Wrapped(vec![1, 2]),
                Shapes::Tuple(-3, "\u{1}".to_string()),
                Shapes::Record { a: Some(true), b: () },
                Shapes::Record { a: None, b: () },
            ],
            empty: vec![],
            empty_map: BTreeMap::new(),
            bytes: vec![0, 255, 34],
            int_keys: BTreeMap::from([(-5, "a"), (0, "b"), (i32::MAX, "c")]),
            char_keys: BTreeMap::from([('"', 1), ('é', 2)]),
            variant_keys: BTreeMap::from([(Key::First, 1), (Key::Second, 2)]),
            newtype_keys: BTreeMap::from([(Name("x\\y".to_string()), 1)]),
            nothing: (),
        };
        assert_same(&value);
    }

    #[derive(Debug, Serialize)]
    struct Weird {
        #[serde(rename = "we\"ird")]
        weird: u8,
    }

    #[test]
    #[cfg(debug_assertions)]
    #[should_panic(expected = "needs escaping")]
    fn a_field_name_that_needs_escaping_is_caught_in_debug_builds() {
        let _ = to_string(&Weird { weird: 1 }, 0);
    }

    #[test]
    fn key_shapes_left_to_serde_json_are_errors_not_different_bytes() {
        // serde_json writes these keys (quoted); this writer declines, and `to_json_line`
        // then falls back to serde_json.
        assert!(to_string(&BTreeMap::from([(true, 1)]), 0).is_err());
        assert!(to_string(&BTreeMap::from([(Some(1), 1)]), 0).is_err());
        let doc = reference_document();
        assert_eq!(crate::to_json_line(&doc), serde_json::to_string(&doc).expect("serialisable"));
    }

    /// Every object key and enum value the JSON Schema names.
    fn schema_names(node: &serde_json::Value, out: &mut Vec<String>) {
        match node {
            serde_json::Value::Object(map) => {
                for (k, v) in map {
                    match (k.as_str(), v) {
                        ("properties", serde_json::Value::Object(props)) => out.extend(props.keys().cloned()),
                        ("enum", serde_json::Value::Array(values)) => {
                            out.extend(values.iter().filter_map(|v| v.as_str().map(str::to_string)));
                        }
                        ("const", serde_json::Value::String(s)) => out.push(s.clone()),
                        _ => {}
                    }
                    schema_names(v, out);
                }
            }
            serde_json::Value::Array(items) => items.iter().for_each(|v| schema_names(v, out)),
            _ => {}
        }
    }

    #[test]
    fn every_field_and_variant_name_of_the_schema_is_written_raw_safely() {
        let mut names = Vec::new();
        schema_names(&crate::json_schema(), &mut names);
        for expected in ["schema_version", "start", "attributed_to", "type", "codepoint", "PERSON", "post_author"] {
            assert!(names.iter().any(|n| n == expected), "{expected} not found in the schema walk");
        }
        for name in &names {
            assert!(is_plain(name), "{name:?} would need escaping");
        }
        assert!(!is_plain("a\"b") && !is_plain("a\\b") && !is_plain("a\nb") && is_plain("a\u{7f}é"));
    }

    #[test]
    fn special_bytes_flags_exactly_the_escaped_bytes_of_a_word() {
        for b in 0u8..=255 {
            let word = u64::from_le_bytes([b' ', b' ', b' ', b, b' ', b' ', b' ', b' ']);
            let mask = special_bytes(word);
            let expected = b < 0x20 || b == b'"' || b == b'\\';
            assert_eq!(mask != 0, expected, "byte {b:#x}");
            assert_eq!(NEEDS_ESCAPE[usize::from(b)], expected, "byte {b:#x}");
            if expected {
                assert_eq!(mask.trailing_zeros() / 8, 3);
            }
        }
    }
}
