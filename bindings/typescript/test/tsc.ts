// Runs the package's own `tsc --strict` over files the tests write, for the type checks of
// documents (snapshots, a broken one, the docs' example).

import { spawnSync } from "node:child_process";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** bindings/typescript (this file runs from build/test/). */
export const pkg = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/** Type-checks `files` with the package's compiler options (strict); its exit status and output. */
export function tscCheck(files: string[], emit = false): { status: number | null; output: string } {
  const tsc = join(pkg, "node_modules/.bin/tsc");
  const args = [
    "--strict", "--noUncheckedIndexedAccess", "--exactOptionalPropertyTypes",
    "--target", "es2022", "--lib", "es2022", "--module", "nodenext", "--moduleResolution", "nodenext",
    "--types", "node", "--skipLibCheck", "--pretty", "false", "--ignoreConfig",
    ...(emit ? [] : ["--noEmit"]),
    ...files,
  ];
  const r = spawnSync(tsc, args, { cwd: pkg, encoding: "utf8" });
  if (r.error) throw r.error;
  return { status: r.status, output: (r.stdout ?? "") + (r.stderr ?? "") };
}
