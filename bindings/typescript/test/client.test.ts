// The client against a real `sayso serve` (loopback, a free port, the debug binary that
// `just test` builds): the reference article comes back as its snapshot, an article object
// as its own snapshot, a batch of 1,000 articles streams back in order with a bad line in
// its place, and error responses (413, 422, 400) arrive as typed SaysoProblem errors. The
// server gets a 1 MiB body limit so that the oversized bodies stay small.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import {
  SaysoClient,
  SaysoProblem,
  extract,
  isBatchError,
  isDocument,
  schema,
  spanText,
  type ArticleFields,
  type ArticleInput,
  type BatchError,
  type BatchItem,
  type Document,
  type OffsetUnit,
  type Problem,
} from "../src/index.js";
import { root, startServer, type Server } from "./server.js";

let server: Server;
let client: SaysoClient;
const MAX_BODY = 1 << 20;

before(async () => {
  server = await startServer("--max-body", "1MB");
  client = new SaysoClient({ baseUrl: server.baseUrl });
});
after(async () => {
  await server?.stop();
});

const snapshot = (name: string): unknown => JSON.parse(readFileSync(join(root, `tests/snapshots/${name}.snap.json`), "utf8"));

test("the reference article, as text, gives the same Document as its snapshot", async () => {
  const text = readFileSync(join(root, "tests/corpus/putin-trump-cia-tip.txt"), "utf8");
  const doc = await client.extract(text, { id: "putin-trump-cia-tip", validate: true });
  assert.deepEqual(doc, snapshot("putin-trump-cia-tip"));
  assert.ok(doc.claims.length > 0 && doc.events.length > 0);
});

test("an article object, with its metadata, gives the same Document as its snapshot", async () => {
  const article = JSON.parse(readFileSync(join(root, "tests/corpus/gum-news-korea.json"), "utf8")) as ArticleInput;
  const doc = await extract(article, { baseUrl: server.baseUrl });
  assert.deepEqual(doc, snapshot("gum-news-korea"));
});

test("the server's schema is the one this package was generated from", async () => {
  assert.deepEqual(await client.schema(), schema);
  const v = await client.version();
  assert.equal(v.name, "sayso");
  assert.match(v.schema_version, /^1\.\d+$/);
});

test("the client's request and error types have exactly the fields of the server's OpenAPI document", async () => {
  // Each record must name every field of its type and nothing else (TypeScript checks that),
  // and the test checks that these are the OpenAPI components' properties.
  const ours: Record<string, Record<string, true>> = {
    ArticleInput: { text: true, id: true, title: true, url: true, publisher: true, authors: true, published: true, language: true, html: true } satisfies Record<keyof ArticleFields, true>,
    Problem: { type: true, title: true, status: true, detail: true } satisfies Record<keyof Problem, true>,
    BatchError: { line: true, id: true, error: true } satisfies Record<keyof BatchError, true>,
  };
  const openapi = (await (await fetch(server.baseUrl + "/openapi.json")).json()) as {
    components: { schemas: Record<string, { properties: Record<string, unknown>; required?: string[] }> };
  };
  for (const [name, fields] of Object.entries(ours)) {
    const theirs = openapi.components.schemas[name];
    assert.ok(theirs, `the OpenAPI document has no ${name}`);
    assert.deepEqual(Object.keys(fields).sort(), Object.keys(theirs.properties).sort(), name);
  }
});

/** Article i of a made-up batch: each different, so that order and content can be checked. */
function article(i: number): ArticleInput {
  const towns = ["Northbridge", "Lakeview", "Port Ellis", "Greenford", "Ashcombe"];
  const town = towns[i % towns.length]!;
  return {
    id: `batch-${i}`,
    published: "2024-03-0" + (1 + (i % 9)),
    text: `${town} council approves ${i + 3} new bus routes.\n\nThe mayor of ${town}, Dana Whitfield, said on Tuesday that the routes would open next month. "We listened to riders," she said.`,
  };
}

test("a batch of 1,000 articles streams back in input order, a bad line in its place", async () => {
  const n = 1000;
  const bad = 417; // 0-based: line 418
  const articles = Array.from({ length: n }, (_, i) => (i === bad ? { id: "empty", text: "   " } : article(i)));
  const started = Date.now();
  let first = 0;
  const items: BatchItem[] = [];
  for await (const item of client.extractBatch(articles)) {
    if (!items.length) first = Date.now() - started;
    items.push(item);
  }
  const total = Date.now() - started;
  assert.equal(items.length, n);
  for (const [i, item] of items.entries()) {
    if (i === bad) {
      assert.ok(isBatchError(item), `line ${i + 1} should be an error`);
      assert.equal(item.line, bad + 1);
      assert.equal(item.id, "empty");
      assert.equal(item.error.status, 422);
      assert.match(item.error.type, /\/empty-text$/);
      continue;
    }
    assert.ok(!isBatchError(item), `line ${i + 1}: ${JSON.stringify(item).slice(0, 200)}`);
    assert.equal(item.article.id, `batch-${i}`);
    assert.equal(item.article.text, articles[i]!.text);
    assert.ok(isDocument(item), `line ${i + 1} is a Document`);
  }
  // Streamed: the first Document is in hand long before the last (the server writes each
  // as it is done; a response buffered whole would give them all at once).
  assert.ok(first * 2 < total, `first item after ${first} ms, all after ${total} ms`);
  console.log(`batch: ${n} articles in ${total} ms, first after ${first} ms`);
});

test("leaving a batch early stops reading it", async () => {
  const seen: string[] = [];
  for await (const item of client.extractBatch(Array.from({ length: 50 }, (_, i) => article(i)))) {
    if (!isBatchError(item)) seen.push(item.article.id ?? "");
    if (seen.length === 3) break;
  }
  assert.deepEqual(seen, ["batch-0", "batch-1", "batch-2"]);
  // The server still answers.
  assert.equal((await client.extract("The minister said the talks went well.")).claims.length > 0, true);
});

/** The SaysoProblem a promise rejects with. */
async function problem(p: Promise<unknown>): Promise<SaysoProblem> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof SaysoProblem, `not a SaysoProblem: ${String(e)}`);
    return e;
  }
  assert.fail("resolved instead of rejecting");
}

test("an oversized body arrives as a typed 413 problem, for one article and for a batch", async () => {
  const big = "The spokesman said the plan was sound. ".repeat(Math.ceil((MAX_BODY + 1024) / 39));
  const one = await problem(client.extract(big));
  assert.equal(one.status, 413);
  assert.equal(one.slug, "body-too-large");
  assert.equal(one.title, "Request body too large");
  assert.match(one.detail, /larger than the limit of 1048576 bytes/);
  assert.match(one.message, /^Request body too large \(413\): /);
  assert.ok(one.requestId, "the request id comes with the error");

  const batch = await problem((async () => {
    for await (const _ of client.extractBatch([{ text: big }])) assert.fail("yielded an item");
  })());
  assert.equal(batch.status, 413);
  assert.equal(batch.slug, "body-too-large");
});

test("other error responses are typed problems too", async () => {
  const empty = await problem(client.extract("   "));
  assert.equal(empty.status, 422);
  assert.equal(empty.slug, "empty-text");

  const badDate = await problem(client.extract({ text: "The minister spoke.", published: "yesterday-ish" }));
  assert.equal(badDate.status, 422);
  assert.equal(badDate.slug, "bad-date");

  const badQuery = await problem(client.extract("The minister spoke.", { offsets: "bytes16" as OffsetUnit }));
  assert.equal(badQuery.status, 400);
  assert.equal(badQuery.slug, "bad-query");
  assert.match(badQuery.detail, /offsets/);

  // Nothing listening: a network error, not a problem.
  const nowhere = new SaysoClient({ baseUrl: "http://127.0.0.1:1" });
  await assert.rejects(nowhere.extract("x"), (e: unknown) => e instanceof TypeError && !(e instanceof SaysoProblem));
});

test("documents in every offset unit slice out their own texts with spanText", async () => {
  // Accents (composed and combining), emoji and a flag before and inside the records, so
  // the three units disagree on every offset after them.
  const text =
    "Zoë Baptiste 🇫🇷, the mayor of Saint-Étienne, said on Monday that the cafe\u0301 👍🏽 would reopen in May.\n\n" +
    "\"We are delighted,\" José Núñez, the owner, told reporters 😀 on Tuesday.";
  const seen: Record<string, Document> = {};
  for (const offsets of ["codepoint", "utf8", "utf16"] as const) {
    const doc = await client.extract(text, { offsets, published: "2024-05-06", validate: true });
    assert.equal(doc.offsets, offsets);
    let spans = 0;
    const visit = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(visit);
      if (node === null || typeof node !== "object") return;
      const o = node as Record<string, unknown>;
      if (o["span"] && typeof o["text"] === "string") {
        assert.equal(spanText(doc, o["span"] as { start: number; end: number }), o["text"], `${offsets}: ${JSON.stringify(o)}`);
        spans++;
      }
      for (const [k, v] of Object.entries(o)) if (k !== "article") visit(v);
    };
    visit(doc);
    for (const c of doc.claims) for (const s of c.content.spans) assert.ok(c.content.text.includes(spanText(doc, s)));
    assert.ok(spans >= 8, `${offsets}: only ${spans} spans`);
    seen[offsets] = doc;
  }
  // The same record at different offsets in each unit: the conversion was exercised.
  const last = (d: Document) => d.times[d.times.length - 1]!.span.start;
  assert.ok(last(seen["codepoint"]!) < last(seen["utf16"]!) && last(seen["utf16"]!) < last(seen["utf8"]!));
});
