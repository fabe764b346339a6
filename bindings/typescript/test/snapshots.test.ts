// Every shared snapshot (tests/snapshots/*.snap.json) is a Document: it validates under
// Ajv 2020 against the checked-in schema, every span slices out its own text, and, written
// as a TypeScript value of type Document, it compiles under `tsc --strict`. A document broken
// on purpose fails both, each naming what is wrong and where.

import assert from "node:assert/strict";
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import {
  DocumentValidationError,
  assertDocument,
  documentProblems,
  isDocument,
  parseDocument,
  spanText,
  type Document,
  type Span,
} from "../src/index.js";
import { root } from "./server.js";
import { pkg, tscCheck } from "./tsc.js";

const dir = join(root, "tests/snapshots");
const names = readdirSync(dir).filter((f) => f.endsWith(".snap.json")).sort();
const load = (name: string): unknown => JSON.parse(readFileSync(join(dir, name), "utf8"));
const reference = () => load("putin-trump-cia-tip.snap.json") as Document & Record<string, unknown>;

test("there are snapshots to check", () => {
  assert.ok(names.length >= 10, `only ${names.length} snapshots in ${dir}`);
  assert.ok(names.includes("putin-trump-cia-tip.snap.json"));
});

test("every snapshot validates under Ajv 2020", () => {
  for (const name of names) {
    const doc = load(name);
    assert.deepEqual(documentProblems(doc), [], name);
    assert.ok(isDocument(doc), name);
  }
});

/** Every object with a `span` and the `text` it covers, with its path. */
function* spansWithText(node: unknown, path = ""): Generator<[string, Span, string]> {
  if (Array.isArray(node)) {
    for (const [i, v] of node.entries()) yield* spansWithText(v, `${path}/${i}`);
  } else if (node !== null && typeof node === "object") {
    const o = node as Record<string, unknown>;
    if (o["span"] && typeof o["text"] === "string") yield [path, o["span"] as Span, o["text"]];
    for (const [k, v] of Object.entries(o)) if (k !== "article") yield* spansWithText(v, `${path}/${k}`);
  }
}

test("every span of every snapshot covers its text (spanText in code points)", () => {
  let checked = 0;
  for (const name of names) {
    const doc = parseDocument(readFileSync(join(dir, name), "utf8"), name);
    assert.equal(doc.offsets, "codepoint");
    for (const [path, span, text] of spansWithText(doc)) {
      assert.equal(spanText(doc, span), text, `${name} ${path}`);
      checked++;
    }
  }
  assert.ok(checked > 1000, `only ${checked} spans`);
});

test("a broken document fails validation with messages naming each path", () => {
  const doc = reference();
  const claims = doc.claims as unknown as Record<string, unknown>[];
  claims[0]!["kind"] = "quoted";
  (doc.events[0] as unknown as Record<string, unknown>)["trigger"] = undefined;
  delete (doc.events[0] as unknown as Record<string, unknown>)["trigger"];
  (doc.entities[0] as unknown as Record<string, unknown>)["salience"] = 0.5;
  (doc.article as unknown as Record<string, unknown>)["title"] = 42;
  assert.equal(isDocument(doc), false);
  assert.deepEqual(documentProblems(doc), [
    "/article/title: must be a string or null",
    '/claims/0/kind: must be one of "direct", "indirect", "mixed", "post" (got "quoted")',
    '/entities/0: unknown field "salience"',
    '/events/0: missing required field "trigger"',
  ]);
  assert.throws(() => assertDocument(doc), (e: unknown) => {
    assert.ok(e instanceof DocumentValidationError);
    assert.match(e.message, /not a valid sayso Document/);
    assert.match(e.message, /\/claims\/0\/kind: must be one of/);
    assert.equal(e.problems.length, 4);
    return true;
  });
});

test("a wrong value inside a nullable object is reported at its own path, not as 'must be null'", () => {
  const doc = reference();
  const published = doc.article.published as unknown as Record<string, unknown>;
  published["source"] = "rumour";
  assert.deepEqual(documentProblems(doc), [
    '/article/published/source: must be one of "given", "dateline", "post", "inferred", "html" (got "rumour")',
  ]);
  assert.deepEqual(documentProblems({ ...doc, offsets: 16 }).slice(-1), ['/offsets: must be one of "codepoint", "utf8", "utf16" (got 16)']);
  assert.deepEqual(documentProblems([]), ["(the document): must be an object"]);
});

// Type checks: each snapshot as `const doc: Document = <snapshot>` in a .ts file. An object
// literal assigned to a declared type is checked field by field, enum strings against their
// unions and unknown fields as errors, so this is the schema's check done by the compiler.
const typeDir = join(pkg, "build/snapshot-types");
const asModule = (json: string) =>
  `import type { SaysoDocument } from "../../src/generated/document.js";\nexport const doc: SaysoDocument = ${json.trim()};\n`;

test("every snapshot type-checks as a Document under tsc --strict", () => {
  rmSync(typeDir, { recursive: true, force: true });
  mkdirSync(typeDir, { recursive: true });
  const files = names.map((name) => {
    const file = join(typeDir, name.replace(/\.snap\.json$/, ".ts"));
    writeFileSync(file, asModule(readFileSync(join(dir, name), "utf8")));
    return file;
  });
  const { status, output } = tscCheck(files);
  assert.equal(status, 0, output);
});

test("a broken document fails tsc --strict, naming the field and the file", () => {
  mkdirSync(typeDir, { recursive: true });
  const doc = reference();
  (doc.claims as unknown as Record<string, unknown>[])[0]!["kind"] = "quoted";
  const file = join(typeDir, "broken.ts");
  writeFileSync(file, asModule(JSON.stringify(doc, null, 2)));
  const { status, output } = tscCheck([file]);
  assert.notEqual(status, 0, "tsc accepted a claim of kind \"quoted\"");
  assert.match(output, /broken\.ts\(\d+,\d+\): error TS2322: Type '"quoted"' is not assignable to type 'ClaimKind'/, output);

  delete (doc.claims as unknown as Record<string, unknown>[])[0]!["kind"];
  writeFileSync(file, asModule(JSON.stringify(doc, null, 2)));
  const missing = tscCheck([file]);
  assert.notEqual(missing.status, 0);
  assert.match(missing.output, /Property 'kind' is missing/, missing.output);
});

test("documents of earlier 1.x minor versions still validate (a minor only adds)", () => {
  const compat = join(root, "tests/schema-compat");
  const files = readdirSync(compat).filter((f) => f.endsWith(".json"));
  assert.ok(files.length >= 1);
  for (const f of files) {
    const doc = JSON.parse(readFileSync(join(compat, f), "utf8")) as { schema_version: string };
    assert.match(doc.schema_version, /^1\.\d+$/, f);
    assert.deepEqual(
      documentProblems(doc),
      [],
      `tests/schema-compat/${f} (schema ${doc.schema_version}) no longer validates against schema/sayso-v1.schema.json: ` +
        "a minor version may only add optional fields (#[serde(default)]); anything else breaks consumers and is a major version (docs/schema.md, Versioning)",
    );
  }
});
