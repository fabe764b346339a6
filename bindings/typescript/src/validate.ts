// The validator: the checked-in JSON Schema compiled once by Ajv (draft 2020-12, every
// error collected, strict mode so that a keyword or format Ajv does not know fails at load
// rather than being skipped), with Ajv's errors turned into one line per problem that names
// the path in the document.

import { Ajv2020, type ErrorObject } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import type { SaysoDocument } from "./generated/document.js";
import { schema } from "./generated/schema.js";

// ajv-formats is CommonJS: Node hands an ES module the function itself, TypeScript's view of
// the default export is the module object; accept both.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv2020) => Ajv2020;

const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);
// The formats schemars writes for Rust number types, which JSON Schema does not define.
ajv.addFormat("uint64", { type: "number", validate: (n: number) => Number.isSafeInteger(n) && n >= 0 });
ajv.addFormat("uint8", { type: "number", validate: (n: number) => Number.isInteger(n) && n >= 0 && n <= 255 });
ajv.addFormat("double", { type: "number", validate: (n: number) => Number.isFinite(n) });
const check = ajv.compile<SaysoDocument>(schema);

/** A value that is not a valid Document, with every problem found. */
export class DocumentValidationError extends Error {
  /** One line per problem: a JSON Pointer into the value, then what is wrong there. */
  readonly problems: readonly string[];
  constructor(problems: readonly string[], what = "value") {
    super(`the ${what} is not a valid sayso Document:\n  ${problems.join("\n  ")}`);
    this.name = "DocumentValidationError";
    this.problems = problems;
  }
}

/** Whether `value` is a Document as the schema describes it. */
export function isDocument(value: unknown): value is SaysoDocument {
  return check(value);
}

/**
 * What is wrong with `value` as a Document, one line per problem (`/claims/0/kind: must be
 * one of "direct", "indirect", "mixed", "post" (got "quoted")`); empty when it is valid.
 */
export function documentProblems(value: unknown): string[] {
  return check(value) ? [] : readable(check.errors ?? [], value);
}

/** `value` as a Document, or a {@link DocumentValidationError} naming every problem. */
export function assertDocument(value: unknown, what?: string): asserts value is SaysoDocument {
  if (!check(value)) throw new DocumentValidationError(readable(check.errors ?? [], value), what);
}

/** Parses JSON text and checks it is a Document (throws a SyntaxError or a DocumentValidationError). */
export function parseDocument(json: string, what?: string): SaysoDocument {
  const value: unknown = JSON.parse(json);
  assertDocument(value, what);
  return value;
}

/**
 * Ajv's errors, made readable. Ajv reports a failed `oneOf`/`anyOf` as the failure of every
 * branch followed by the combinator's own error: for the schema's enums (a `oneOf` of
 * `const`s) and nullable fields (an `anyOf` of a type and `null`), that is several lines
 * for one mistake. The branch errors are the ones just before the combinator's, at or under
 * its path (Ajv adds them in that order). They are folded into one line when they all sit
 * at the combinator's own path (a wrong enum value, a wrong type), and give way to the
 * deeper ones when a branch got further into the value (so a bad field inside a nullable
 * object is reported at that field, not as "must be null").
 */
function readable(errors: readonly ErrorObject[], value: unknown): string[] {
  const lines: string[][] = [];
  for (let i = errors.length - 1; i >= 0; ) {
    const e = errors[i]!;
    if (e.keyword !== "oneOf" && e.keyword !== "anyOf") {
      lines.push([`${at(e)}: ${message(e)}`]);
      i -= 1;
      continue;
    }
    let j = i - 1;
    while (j >= 0 && within(errors[j]!.instancePath, e.instancePath)) j -= 1;
    const branches = errors.slice(j + 1, i);
    i = j;
    const deeper = branches.filter((b) => b.instancePath !== e.instancePath);
    if (deeper.length) {
      lines.push(readable(deeper, value));
      continue;
    }
    // An enum's branches each say "must be string" and "must be equal to constant": the
    // constants are the whole story.
    const consts = branches.filter((b) => b.keyword === "const").map((b) => JSON.stringify(b.params["allowedValue"]));
    const types = branches.filter((b) => b.keyword === "type").map((b) => String(b.params["type"]).split(",").map(article).join(" or "));
    const expected = [...new Set(consts.length ? consts : types)];
    const what = expected.length ? `must be ${expected.length > 1 ? "one of " : ""}${expected.join(", ")}` : message(e);
    lines.push([`${at(e)}: ${what} (got ${shown(e.instancePath, value)})`]);
  }
  return [...new Set(lines.reverse().flat())];
}

const within = (path: string, prefix: string) => path === prefix || path.startsWith(prefix + "/");
const article = (type: string) => (type === "null" ? "null" : /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`);

function message(e: ErrorObject): string {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case "additionalProperties":
      return `unknown field ${JSON.stringify(p["additionalProperty"])}`;
    case "required":
      return `missing required field ${JSON.stringify(p["missingProperty"])}`;
    case "type":
      return `must be ${String(p["type"]).split(",").map(article).join(" or ")}`;
    default:
      return e.message ?? e.keyword;
  }
}

const at = (e: ErrorObject) => e.instancePath || "(the document)";

/** The value at a JSON Pointer, briefly. */
function shown(pointer: string, value: unknown): string {
  let v: unknown = value;
  for (const part of pointer.split("/").slice(1)) {
    const key = part.replace(/~1/g, "/").replace(/~0/g, "~");
    v = v !== null && typeof v === "object" ? (v as Record<string, unknown>)[key] : undefined;
  }
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 60 ? s.slice(0, 57) + "..." : s;
}
