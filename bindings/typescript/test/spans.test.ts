// spanText and friends on text where the three offset units disagree: combining accents
// (one letter, two code points), emoji (one code point, two UTF-16 units, four bytes), an
// emoji with a skin-tone modifier and a flag (two code points each). The expected offsets
// are counted here independently of the implementation: code points with Array.from,
// bytes with Buffer.byteLength, UTF-16 units with String.length.

import assert from "node:assert/strict";
import { test } from "node:test";
import { fromUtf16Offset, spanText, toUtf16Span, type OffsetUnit, type SpanSource } from "../src/index.js";

const text = "Zoe\u0308 said the cafe\u0301 👍🏽 was open 🇺🇦 today, naïve 😀!";

function offsetOf(unit: OffsetUnit, utf16: number): number {
  const prefix = text.slice(0, utf16);
  return unit === "utf16" ? prefix.length : unit === "codepoint" ? Array.from(prefix).length : Buffer.byteLength(prefix, "utf8");
}

/** The span, in `unit`, of the first occurrence of `needle`. */
function spanOf(unit: OffsetUnit, needle: string) {
  const i = text.indexOf(needle);
  assert.ok(i >= 0, needle);
  return { start: offsetOf(unit, i), end: offsetOf(unit, i + needle.length) };
}

const doc = (offsets: OffsetUnit): SpanSource => ({ offsets, article: { text } });
const needles = ["Zoe\u0308", "cafe\u0301", "👍🏽", "🇺🇦", "open 🇺🇦 today", "naïve", "😀", "!", text, ""];

for (const unit of ["codepoint", "utf8", "utf16"] as const) {
  test(`spanText slices ${unit} spans over accents and emoji`, () => {
    const d = doc(unit);
    for (const needle of needles) {
      const span = spanOf(unit, needle);
      assert.equal(spanText(d, span), needle, `${unit} ${JSON.stringify(needle)} ${span.start}..${span.end}`);
      const i = text.indexOf(needle);
      assert.deepEqual(toUtf16Span(d, span), { start: i, end: i + needle.length });
      assert.equal(fromUtf16Offset(text, unit, i), span.start);
    }
  });
}

test("the units really differ on this text", () => {
  const thumbs = needles[2]!;
  assert.deepEqual(spanOf("codepoint", thumbs).end - spanOf("codepoint", thumbs).start, 2);
  assert.deepEqual(spanOf("utf16", thumbs).end - spanOf("utf16", thumbs).start, 4);
  assert.deepEqual(spanOf("utf8", thumbs).end - spanOf("utf8", thumbs).start, 8);
  // A code-point span used as UTF-16 indexes would cut the text elsewhere.
  const cp = spanOf("codepoint", "naïve");
  assert.notEqual(text.slice(cp.start, cp.end), "naïve");
});

test("a code-point span may split a letter from its combining accent, as the document says", () => {
  const i = Array.from(text).indexOf("\u0308");
  assert.equal(spanText(doc("codepoint"), { start: i - 1, end: i }), "e");
  assert.equal(spanText(doc("codepoint"), { start: i, end: i + 1 }), "\u0308");
});

test("offsets outside the text or inside a character are errors, not wrong text", () => {
  const cps = Array.from(text).length;
  assert.throws(() => spanText(doc("codepoint"), { start: 0, end: cps + 1 }), /outside the article text \(0\.\.\d+ code points\)/);
  assert.throws(() => spanText(doc("utf16"), { start: -1, end: 2 }), RangeError);
  assert.throws(() => spanText(doc("codepoint"), { start: 3, end: 2 }), /ends before it starts/);
  const thumbs = spanOf("utf8", "👍🏽");
  assert.throws(() => spanText(doc("utf8"), { start: thumbs.start + 1, end: thumbs.end }), /UTF-8 offset \d+ falls inside a character/);
  assert.throws(() => fromUtf16Offset(text, "codepoint", text.indexOf("😀") + 1), /inside a surrogate pair/);
});

test("the conversion table follows the document when its text or unit changes", () => {
  const d = { offsets: "codepoint" as OffsetUnit, article: { text: "😀ab" } };
  assert.equal(spanText(d, { start: 1, end: 2 }), "a");
  d.offsets = "utf16";
  assert.equal(spanText(d, { start: 2, end: 3 }), "a");
  d.article.text = "xyz";
  assert.equal(spanText(d, { start: 2, end: 3 }), "z");
});
