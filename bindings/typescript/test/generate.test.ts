// The staleness check (`node scripts/generate.mjs --check`, the first step of `npm test`)
// is what keeps the committed types honest after a schema change merged from elsewhere:
// here it passes on the checked-in files and fails, naming the command to run, when the
// schema gains a field.

import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { root } from "./server.js";
import { pkg } from "./tsc.js";

const generator = join(pkg, "scripts/generate.mjs");
const run = (...args: string[]) => spawnSync(process.execPath, [generator, ...args], { cwd: pkg, encoding: "utf8" });

test("the committed types are current with schema/", () => {
  const r = run("--check");
  assert.equal(r.status, 0, r.stderr);
});

test("a schema change without regenerating fails the check with the command to run", () => {
  const dir = mkdtempSync(join(tmpdir(), "sayso-schema-"));
  try {
    const schema = JSON.parse(readFileSync(join(root, "schema/sayso-v1.schema.json"), "utf8"));
    schema.$defs.Claim.properties.confidence = { description: "How sure sayso is.", type: "number" };
    const changed = join(dir, "sayso-v1.schema.json");
    writeFileSync(changed, JSON.stringify(schema, null, 2) + "\n");
    const r = run("--check", "--schema", changed);
    assert.equal(r.status, 1, r.stdout + r.stderr);
    assert.match(r.stderr, /bindings\/typescript\/src\/generated\/document\.ts, bindings\/typescript\/src\/generated\/schema\.ts are stale/);
    assert.match(r.stderr, /run `just ts-types` \(or `just schema`/);

    // Regenerated into a scratch directory, the new field is in the types.
    const out = join(dir, "out");
    assert.equal(run("--schema", changed, "--out", out).status, 0);
    assert.match(readFileSync(join(out, "document.ts"), "utf8"), /How sure sayso is\.\s*\*\/\s*confidence\?: number;/);
    assert.equal(run("--check", "--schema", changed, "--out", out).status, 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
