#!/usr/bin/env node
// Writes the package's generated sources from the checked-in JSON Schema:
//   src/generated/document.ts  the Document types (json-schema-to-typescript)
//   src/generated/schema.ts    the schema itself, as a module, for the Ajv validator
// `--check` writes nothing and fails, naming the command to run, when either file differs
// from what the schema gives: CI runs it before compiling, so a schema change merged
// without regenerating stops the build with that message rather than with type errors.
//
// Usage: node scripts/generate.mjs [--check] [--schema PATH] [--out DIR]
// (`just ts-types` runs it; `just schema` runs it after writing the schema.)

import { compile } from "json-schema-to-typescript";
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const pkg = resolve(here, "..");
const root = resolve(pkg, "../..");
export const DEFAULT_SCHEMA = join(root, "schema/sayso-v1.schema.json");
export const DEFAULT_OUT = join(pkg, "src/generated");
export const REGENERATE = "just ts-types";

/** The generated files, by name, for the schema's text. */
export async function generate(schemaText, schemaName = "schema/sayso-v1.schema.json") {
  const schema = JSON.parse(schemaText);
  const banner = (what) =>
    `// ${what} generated from ${schemaName} by \`${REGENERATE}\`\n` +
    "// (bindings/typescript/scripts/generate.mjs). Do not edit: a test fails when it is stale.\n";
  return {
    "document.ts": banner("The Document types, by json-schema-to-typescript,") + "\n" + (await compile(forTypes(schema), "SaysoDocument", {
      bannerComment: "",
      additionalProperties: false,
      format: true,
      strictIndexSignatures: true,
    })),
    "schema.ts": banner("The JSON Schema of a Document,") + "\n" +
      "/** The JSON Schema (draft 2020-12) every Document follows, as `schema/` holds it. */\n" +
      `export const schema: { readonly [keyword: string]: unknown } = ${JSON.stringify(schema, null, 2)};\n`,
  };
}

/**
 * The schema as json-schema-to-typescript reads it best, with the same meaning:
 * - every definition titled with its own name, so each becomes one type of that name;
 * - `{"$ref": X, "description": ...}` as `{"allOf": [{"$ref": X}], "description": ...}`,
 *   because the generator otherwise turns each such property into a copy of X
 *   (`Span1`, `Span2`, ...) that carries the property's description.
 */
function forTypes(schema) {
  const copy = structuredClone(schema);
  for (const [name, def] of Object.entries(copy.$defs ?? {})) def.title = name;
  const walk = (node) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node === null || typeof node !== "object") return;
    Object.values(node).forEach(walk);
    if (typeof node.$ref === "string" && Object.keys(node).length > 1) {
      node.allOf = [{ $ref: node.$ref }];
      delete node.$ref;
    }
  };
  walk(copy);
  return copy;
}

/** Files under `out` that differ from what `schemaPath` gives (names relative to the package root's parent). */
export async function staleFiles(schemaPath = DEFAULT_SCHEMA, out = DEFAULT_OUT) {
  const files = await generate(readFileSync(schemaPath, "utf8"), relative(root, schemaPath));
  const stale = [];
  for (const [name, text] of Object.entries(files)) {
    let onDisk = null;
    try { onDisk = readFileSync(join(out, name), "utf8"); } catch { /* missing counts as stale */ }
    if (onDisk !== text) stale.push(relative(root, join(out, name)));
  }
  return stale;
}

async function main(argv) {
  const opt = (flag, fallback) => {
    const i = argv.indexOf(flag);
    return i >= 0 && argv[i + 1] ? resolve(argv[i + 1]) : fallback;
  };
  const schemaPath = opt("--schema", DEFAULT_SCHEMA);
  const out = opt("--out", DEFAULT_OUT);
  if (argv.includes("--check")) {
    const stale = await staleFiles(schemaPath, out);
    if (stale.length) {
      console.error(
        `${stale.join(", ")} ${stale.length > 1 ? "are" : "is"} stale against ${relative(root, schemaPath)}: ` +
          `run \`${REGENERATE}\` (or \`just schema\`, which regenerates the schema and these files) and commit the result`,
      );
      return 1;
    }
    console.log(`TypeScript types current with ${relative(root, schemaPath)}`);
    return 0;
  }
  const files = await generate(readFileSync(schemaPath, "utf8"), relative(root, schemaPath));
  mkdirSync(out, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(out, name), text);
  console.log(`wrote ${Object.keys(files).map((n) => relative(root, join(out, n))).join(", ")}`);
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}
