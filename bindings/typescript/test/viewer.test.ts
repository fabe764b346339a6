// The viewer's script (crates/sayso-server/src/viewer.js) type-checks against the Document
// types generated from the schema, and the check has teeth: the same script reading a
// field the schema does not have fails it.

import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { root } from "./server.js";
import { pkg } from "./tsc.js";

const tsc = join(pkg, "node_modules/.bin/tsc");
const project = join(root, "crates/sayso-server/tsconfig.json");
const script = join(root, "crates/sayso-server/src/viewer.js");

test("the viewer's script type-checks against the generated types (tsc --checkJs, strict)", () => {
  const source = readFileSync(script, "utf8");
  assert.match(source, /^\/\/ @ts-check/, "the script opts in to checking");
  assert.match(source, /@typedef \{import\("\.\.\/\.\.\/\.\.\/bindings\/typescript\/src\/generated\/document\.js"\)\.SaysoDocument\}/);
  const r = spawnSync(tsc, ["-p", project], { encoding: "utf8" });
  assert.equal(r.status, 0, r.stdout + r.stderr);
});

test("a field name the schema does not have fails the viewer's check", () => {
  const source = readFileSync(script, "utf8");
  assert.ok(source.includes("c.cue.text"), "the script shows each claim's cue text");
  // The same depth below the root as the real script, so its type import resolves the same.
  const dir = join(root, "target/viewer-check/src");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const copy = join(dir, "viewer.js");
  writeFileSync(copy, source.replace("c.cue.text", "c.cue.txt"));
  // The real project's options, applied to the copy.
  const config = join(root, "target/viewer-check/tsconfig.json");
  writeFileSync(config, JSON.stringify({ extends: project, files: ["src/viewer.js"] }));
  const r = spawnSync(tsc, ["-p", config, "--pretty", "false"], { encoding: "utf8" });
  assert.notEqual(r.status, 0, "tsc accepted c.cue.txt");
  assert.match(r.stdout, /viewer\.js\(\d+,\d+\): error TS2551: Property 'txt' does not exist on type 'Cue'/, r.stdout);
});
