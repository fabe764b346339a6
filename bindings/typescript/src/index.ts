// sayso for TypeScript and JavaScript: the Document types generated from the JSON Schema,
// a validator, span helpers that honour the document's offset unit, and a client for
// `sayso serve`. See docs/schema.md in the repository.

export type * from "./generated/document.js";
export type { SaysoDocument as Document } from "./generated/document.js";
export { schema } from "./generated/schema.js";
export { isDocument, assertDocument, documentProblems, parseDocument, DocumentValidationError } from "./validate.js";
export { spanText, toUtf16Span, toUtf16Offset, fromUtf16Offset, type SpanSource } from "./spans.js";
export {
  SaysoClient,
  SaysoProblem,
  extract,
  extractBatch,
  isBatchError,
  type ArticleFields,
  type ArticleInput,
  type BatchError,
  type BatchItem,
  type ClientOptions,
  type ExtractOptions,
  type Problem,
} from "./client.js";
