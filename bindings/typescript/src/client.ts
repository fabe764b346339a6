// A small client for `sayso serve`, on the platform `fetch` (Node 18+, Deno, Bun, browsers):
// one article in, one Document out; a batch in, Documents streamed back in input order as
// the server writes them; every error response (RFC 9457 problem details) thrown as a
// `SaysoProblem` a caller can switch on.

import type { OffsetUnit, SaysoDocument } from "./generated/document.js";
import { assertDocument } from "./validate.js";

/**
 * The fields of an article the server reads (the OpenAPI document's `ArticleInput`; the
 * tests check that these are exactly its properties).
 */
export interface ArticleFields {
  /** The article text (not empty or only whitespace); or give `html` instead. */
  text?: string;
  /** A web page (its HTML) whose article body becomes the text, its metadata the rest; not with `text`. */
  html?: string | null;
  /** Identifier, carried into `article.id`. */
  id?: string | number | null;
  /** Headline. */
  title?: string | null;
  /** Where it was published. */
  url?: string | null;
  /** News organisation that published it: the last link of every say-so chain. */
  publisher?: string | null;
  /** Bylines: one name or a list. */
  authors?: string | string[] | null;
  /** Publication date, `YYYY-MM-DD` or an RFC 3339 date-time; anchors relative times. */
  published?: string | null;
  /** Language tag; only `en` is analysed today. */
  language?: string | null;
}

/**
 * One article to analyse: its text and whatever metadata came with it. Fields the server
 * does not read are ignored, so annotated records can be sent as they are.
 */
export type ArticleInput = ArticleFields & { [field: string]: unknown };

/** An RFC 9457 problem, as the server reports every error (the OpenAPI document's `Problem`). */
export interface Problem {
  /** The kind of problem: `https://sayso.dev/problems/<slug>`. */
  type: string;
  /** Short summary of the kind of problem. */
  title: string;
  /** The HTTP status code. */
  status: number;
  /** What was wrong with this request. */
  detail: string;
}

/** In a batch, the line for an input line that could not be read or analysed (the OpenAPI document's `BatchError`). */
export interface BatchError {
  /** 1-based line number in the request body (the n-th article sent is line n). */
  line: number;
  /** The article's id, when it had one. */
  id?: string;
  /** Why. */
  error: Problem;
}

/** What a batch yields for each article: its Document, or the error for that line. */
export type BatchItem = SaysoDocument | BatchError;

/** Whether a batch item is an error line rather than a Document. */
export function isBatchError(item: BatchItem): item is BatchError {
  return "error" in item;
}

/**
 * An error response from the server. `slug` is the last part of the problem type
 * (`empty-text`, `body-too-large`, `timeout`, ...), stable across versions, for `switch`.
 */
export class SaysoProblem extends Error implements Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  /** The server's `x-request-id`, for its logs. */
  readonly requestId: string | undefined;
  constructor(problem: Problem, requestId?: string) {
    super(`${problem.title} (${problem.status}): ${problem.detail}`);
    this.name = "SaysoProblem";
    this.type = problem.type;
    this.title = problem.title;
    this.status = problem.status;
    this.detail = problem.detail;
    this.requestId = requestId;
  }
  get slug(): string {
    return this.type.slice(this.type.lastIndexOf("/") + 1);
  }
}

/** Options of one request. */
export interface ExtractOptions {
  /** Unit of every span offset: `codepoint` (the server's default), `utf8` or `utf16` (JavaScript's). */
  offsets?: OffsetUnit;
  /** Publication date (`YYYY-MM-DD` or RFC 3339), overriding any the article gives. */
  published?: string;
  /** Article id when the input gives none; in a batch, a prefix (`ID:LINE`). */
  id?: string;
  /** Check every Document against the schema before returning it (a `DocumentValidationError` if not). */
  validate?: boolean;
  /** Cancels the request. */
  signal?: AbortSignal;
}

/** How to reach the server. */
export interface ClientOptions {
  /** The server's base URL; default `http://127.0.0.1:8080`. */
  baseUrl?: string;
  /** A `fetch` to use instead of the global one (for tests, proxies, retries). */
  fetch?: typeof globalThis.fetch;
  /** Headers sent with every request (authentication for a proxy in front, say). */
  headers?: Record<string, string>;
}

const PROBLEM_JSON = "application/problem+json";

/** A client for one `sayso serve`. */
export class SaysoClient {
  readonly baseUrl: string;
  readonly #fetch: typeof globalThis.fetch;
  readonly #headers: Record<string, string>;

  constructor(options: ClientOptions = {}) {
    this.baseUrl = (options.baseUrl ?? "http://127.0.0.1:8080").replace(/\/+$/, "");
    this.#fetch = options.fetch ?? globalThis.fetch.bind(globalThis);
    this.#headers = options.headers ?? {};
  }

  /**
   * Analyses one article: a string is sent as its text, an object as an article with
   * metadata. Resolves to its Document; rejects with a `SaysoProblem` for an error response.
   */
  async extract(input: string | ArticleInput, options: ExtractOptions = {}): Promise<SaysoDocument> {
    const text = typeof input === "string";
    const res = await this.#request("/v1/extract", options, {
      method: "POST",
      headers: { "content-type": text ? "text/plain; charset=utf-8" : "application/json" },
      body: text ? input : JSON.stringify(input),
    });
    const doc: unknown = await res.json();
    if (options.validate) assertDocument(doc, "server's response");
    return doc as SaysoDocument;
  }

  /**
   * Analyses many articles in one request (JSON Lines in and out) and yields, in input
   * order and as the server streams them, each article's Document or, for an article the
   * server could not analyse, a `BatchError` naming its line (see `isBatchError`): one bad
   * article does not stop the rest. A problem with the request as a whole (too large, a
   * bad option) rejects with a `SaysoProblem` before anything is yielded. The request body
   * is built in memory and must fit the server's `--max-body` (10 MB by default): send a
   * larger corpus in several batches.
   */
  async *extractBatch(
    articles: Iterable<ArticleInput | string> | AsyncIterable<ArticleInput | string>,
    options: ExtractOptions = {},
  ): AsyncGenerator<BatchItem, void, undefined> {
    const lines: string[] = [];
    for await (const a of articles) lines.push(JSON.stringify(typeof a === "string" ? { text: a } : a) + "\n");
    const res = await this.#request("/v1/extract/batch", options, {
      method: "POST",
      headers: { "content-type": "application/x-ndjson" },
      body: lines.join(""),
    });
    if (!res.body) return;
    let n = 0;
    for await (const line of ndjsonLines(res.body)) {
      n += 1;
      const item = JSON.parse(line) as BatchItem;
      if (options.validate && !isBatchError(item)) assertDocument(item, `server's document for line ${n}`);
      yield item;
    }
    if (n !== lines.length) {
      throw new Error(`the batch response ended after ${n} of ${lines.length} lines (the server stopped or the connection broke)`);
    }
  }

  /** The JSON Schema the server's Documents follow (`GET /v1/schema`). */
  async schema(options: Pick<ExtractOptions, "signal"> = {}): Promise<Record<string, unknown>> {
    return (await (await this.#request("/v1/schema", options, { method: "GET" })).json()) as Record<string, unknown>;
  }

  /** The server's sayso version and the schema version of its Documents (`GET /version`). */
  async version(options: Pick<ExtractOptions, "signal"> = {}): Promise<{ name: string; version: string; schema_version: string }> {
    return (await (await this.#request("/version", options, { method: "GET" })).json()) as { name: string; version: string; schema_version: string };
  }

  async #request(path: string, options: ExtractOptions, init: RequestInit): Promise<Response> {
    const query = new URLSearchParams();
    if (options.offsets) query.set("offsets", options.offsets);
    if (options.published) query.set("published", options.published);
    if (options.id) query.set("id", options.id);
    const url = this.baseUrl + path + (query.size ? "?" + query.toString() : "");
    const res = await this.#fetch(url, {
      ...init,
      headers: { ...this.#headers, ...(init.headers as Record<string, string> | undefined) },
      ...(options.signal ? { signal: options.signal } : {}),
    });
    if (!res.ok) throw await problemOf(res);
    return res;
  }
}

/** The error of a failed response: its problem details, or one made from the status when the body is not one. */
async function problemOf(res: Response): Promise<SaysoProblem> {
  const requestId = res.headers.get("x-request-id") ?? undefined;
  const body = await res.text().catch(() => "");
  if ((res.headers.get("content-type") ?? "").startsWith(PROBLEM_JSON)) {
    try {
      const p = JSON.parse(body) as Partial<Problem>;
      if (typeof p.type === "string" && typeof p.title === "string" && typeof p.detail === "string") {
        return new SaysoProblem({ type: p.type, title: p.title, status: typeof p.status === "number" ? p.status : res.status, detail: p.detail }, requestId);
      }
    } catch {
      // not JSON after all: described from the status below
    }
  }
  return new SaysoProblem(
    { type: "about:blank", title: res.statusText || `HTTP ${res.status}`, status: res.status, detail: body.trim().slice(0, 500) || `the server answered ${res.status}` },
    requestId,
  );
}

/** The lines of an NDJSON stream, as they arrive (blank lines skipped). */
async function* ndjsonLines(body: ReadableStream<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let pending = "";
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      pending += done ? decoder.decode() : decoder.decode(value, { stream: true });
      let nl: number;
      while ((nl = pending.indexOf("\n")) >= 0) {
        const line = pending.slice(0, nl).trim();
        pending = pending.slice(nl + 1);
        if (line) yield line;
      }
      if (done) break;
    }
    if (pending.trim()) yield pending.trim();
  } finally {
    // Stops the download when the caller leaves the loop early.
    await reader.cancel().catch(() => {});
  }
}

/** `new SaysoClient(options).extract(input, options)`: one article, one Document. */
export function extract(input: string | ArticleInput, options: ExtractOptions & ClientOptions = {}): Promise<SaysoDocument> {
  return new SaysoClient(options).extract(input, options);
}

/** `new SaysoClient(options).extractBatch(articles, options)`: many articles, streamed back in order. */
export function extractBatch(
  articles: Iterable<ArticleInput | string> | AsyncIterable<ArticleInput | string>,
  options: ExtractOptions & ClientOptions = {},
): AsyncGenerator<BatchItem, void, undefined> {
  return new SaysoClient(options).extractBatch(articles, options);
}
