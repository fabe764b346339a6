// docs/schema.md cannot rot: every block it marks `<!-- example: PATH -->` is that file as it
// is, and the examples run: the TypeScript one against a live `sayso serve`, the Python one
// (jsonschema) and the Rust one (typify) on the reference snapshot. All three must print,
// for the reference article, the lines this test derives from its snapshot.

import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import type { Document } from "../src/index.js";
import { root, startServer, type Server } from "./server.js";
import { pkg } from "./tsc.js";

const page = readFileSync(join(root, "docs/schema.md"), "utf8");
const reference = join(root, "tests/snapshots/putin-trump-cia-tip.snap.json");

/** What each example prints for the reference article: one line per claim. */
function expectedLines(): string {
  const doc = JSON.parse(readFileSync(reference, "utf8")) as Document;
  return doc.claims
    .map((c) => `${c.id} [${c.kind}] ${c.source?.text ?? "(no source)"} -> ${c.cue?.text ?? "(no cue)"} -> ${c.content.text}\n`)
    .join("");
}

test("every example block in docs/schema.md is its file, verbatim", () => {
  const blocks = [...page.matchAll(/<!-- example: (\S+) -->\n```\w*\n([\s\S]*?)```\n/g)];
  assert.deepEqual(
    blocks.map((m) => m[1]),
    ["bindings/typescript/examples/claims.ts", "examples/schema/claims.py", "examples/schema/rust/Cargo.toml", "examples/schema/rust/src/main.rs"],
  );
  for (const [, path, body] of blocks) {
    assert.equal(body, readFileSync(join(root, path!), "utf8"), `docs/schema.md shows ${path} out of date: paste the file in again`);
  }
});

test("the output docs/schema.md shows for the reference article is what the examples print", () => {
  const shown = /tests\/corpus\/putin-trump-cia-tip\.txt`\) it prints, among others:\n\n```text\n([\s\S]*?)```/.exec(page);
  assert.ok(shown, "docs/schema.md no longer shows the example's output");
  const lines = new Set(expectedLines().split("\n"));
  for (const line of shown[1]!.trimEnd().split("\n")) {
    assert.ok(lines.has(line), `docs/schema.md shows a line the reference article no longer gives; pick one of its claims again:\n${line}`);
  }
});

let server: Server;
before(async () => {
  server = await startServer();
});
after(async () => {
  await server?.stop();
});

test("the TypeScript example (compiled with the package, strict) prints every claim of the reference article", () => {
  const r = spawnSync(process.execPath, [join(pkg, "build/examples/claims.js"), join(root, "tests/corpus/putin-trump-cia-tip.txt")], {
    encoding: "utf8",
    env: { ...process.env, SAYSO_URL: server.baseUrl },
  });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, expectedLines());
});

test("the TypeScript example reports a refused article as a problem", () => {
  const r = spawnSync(process.execPath, [join(pkg, "build/examples/claims.js"), "/dev/null"], {
    encoding: "utf8",
    env: { ...process.env, SAYSO_URL: server.baseUrl },
  });
  assert.equal(r.status, 1);
  assert.match(r.stderr, /^sayso refused the article: empty-text: /);
});

test("the Python example (jsonschema) validates and prints the reference snapshot", () => {
  const r = spawnSync("python3", [join(root, "examples/schema/claims.py"), reference], { cwd: root, encoding: "utf8" });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, expectedLines());
  // An invalid document: the path and the reason, and a failing exit.
  const broken = join(root, "target/viewer-check/broken.json");
  const doc = JSON.parse(readFileSync(reference, "utf8")) as { claims: { kind: string }[] };
  doc.claims[0]!.kind = "quoted";
  mkdirSync(join(root, "target/viewer-check"), { recursive: true });
  writeFileSync(broken, JSON.stringify(doc));
  const bad = spawnSync("python3", [join(root, "examples/schema/claims.py"), broken], { cwd: root, encoding: "utf8" });
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, /\$\.claims\[0\]\.kind: 'quoted' is not valid/);
});

test("the Rust example (typify) builds and prints the reference snapshot", { timeout: 600_000 }, () => {
  const manifest = join(root, "examples/schema/rust/Cargo.toml");
  const r = spawnSync("cargo", ["run", "--quiet", "--locked", "--manifest-path", manifest, "--", reference], {
    cwd: root,
    encoding: "utf8",
    // The workspace's target directory: the example shares its compiled serde and friends.
    env: { ...process.env, CARGO_TARGET_DIR: join(root, "target") },
  });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, expectedLines());
});
