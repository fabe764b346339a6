// Spans in JavaScript strings. A Document counts its offsets in the unit it names
// (`doc.offsets`): Unicode code points (the default, what Python indexes), UTF-8 bytes or
// UTF-16 code units. JavaScript strings are UTF-16, so only `utf16` offsets index
// `article.text` directly; the others are converted here. A conversion table is built once
// per document text (linear in its length) and kept for as long as the document lives.

import type { OffsetUnit, SaysoDocument, Span } from "./generated/document.js";

/** The parts of a Document the span helpers read. */
export type SpanSource = Pick<SaysoDocument, "offsets"> & { article: Pick<SaysoDocument["article"], "text"> };

/**
 * Where each offset of one unit falls in the UTF-16 string: `table[offset]` is the UTF-16
 * index, or -1 where the offset falls inside a character (a UTF-8 continuation byte).
 */
type Table = Int32Array;

const tables = new WeakMap<object, { text: string; unit: OffsetUnit; table: Table | null }>();

function tableFor(unit: OffsetUnit, text: string): Table | null {
  if (unit === "utf16") return null;
  const out: number[] = [];
  let i = 0;
  for (const ch of text) {
    // A lone surrogate iterates as one character of one UTF-16 unit; as UTF-8 it becomes
    // U+FFFD (3 bytes), which is what `TextEncoder` and sayso's input decoding write.
    const cp = ch.codePointAt(0)!;
    if (unit === "codepoint") {
      out.push(i);
    } else {
      const bytes = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
      out.push(i);
      for (let k = 1; k < bytes; k++) out.push(-1);
    }
    i += ch.length;
  }
  out.push(i);
  return Int32Array.from(out);
}

function table(doc: SpanSource): Table | null {
  const text = doc.article.text;
  const cached = tables.get(doc);
  if (cached && cached.text === text && cached.unit === doc.offsets) return cached.table;
  const t = tableFor(doc.offsets, text);
  tables.set(doc, { text, unit: doc.offsets, table: t });
  return t;
}

/** An offset of the document's unit as a UTF-16 index into `article.text`. */
export function toUtf16Offset(doc: SpanSource, offset: number): number {
  const text = doc.article.text;
  const t = table(doc);
  const limit = t ? t.length - 1 : text.length;
  if (!Number.isInteger(offset) || offset < 0 || offset > limit) {
    throw new RangeError(`offset ${offset} is outside the article text (0..${limit} ${doc.offsets === "utf8" ? "bytes" : doc.offsets === "utf16" ? "UTF-16 units" : "code points"})`);
  }
  if (!t) return offset;
  const i = t[offset]!;
  if (i < 0) throw new RangeError(`UTF-8 offset ${offset} falls inside a character`);
  return i;
}

/** A span of the document's unit as UTF-16 indexes, for `String.prototype.slice` or the DOM. */
export function toUtf16Span(doc: SpanSource, span: Span): Span {
  const start = toUtf16Offset(doc, span.start);
  const end = toUtf16Offset(doc, span.end);
  if (end < start) throw new RangeError(`span ${span.start}..${span.end} ends before it starts`);
  return { start, end };
}

/**
 * The article text a span covers, whatever unit the document counts in: for every
 * span-bearing record, `spanText(doc, x.span) === x.text`.
 */
export function spanText(doc: SpanSource, span: Span): string {
  const { start, end } = toUtf16Span(doc, span);
  return doc.article.text.slice(start, end);
}

/** A UTF-16 index into `text` as an offset of `unit` (the inverse of {@link toUtf16Offset}). */
export function fromUtf16Offset(text: string, unit: OffsetUnit, index: number): number {
  if (!Number.isInteger(index) || index < 0 || index > text.length) {
    throw new RangeError(`index ${index} is outside the text (0..${text.length})`);
  }
  if (unit === "utf16") return index;
  let offset = 0;
  let i = 0;
  for (const ch of text) {
    if (i >= index) break;
    if (i + ch.length > index) throw new RangeError(`index ${index} falls inside a surrogate pair`);
    const cp = ch.codePointAt(0)!;
    offset += unit === "codepoint" ? 1 : cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    i += ch.length;
  }
  return offset;
}
