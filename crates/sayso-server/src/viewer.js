// @ts-check
// The viewer page (served at /viewer.js): sends the pasted or uploaded article to POST
// /v1/extract, then the Document it gets back to POST /v1/view, and shows the view beside
// the text with the Document's JSON below. A pasted Document skips the extraction. The view's
// own script (/view.js, loaded first) defines saysoEnhance, which adds its hover and click
// highlighting. What this script reads of a Document is type-checked against the types
// generated from the JSON Schema (`tsc -p crates/sayso-server`, run by the TypeScript tests).

/** @typedef {import("../../../bindings/typescript/src/generated/document.js").SaysoDocument} SaysoDocument */

/**
 * @template {HTMLElement} T
 * @param {string} id
 * @param {new () => T} type
 * @returns {T}
 */
function $(id, type) {
  const el = document.getElementById(id);
  if (!(el instanceof type)) throw new Error(`#${id} is not a ${type.name}`);
  return el;
}

const input = $("input", HTMLTextAreaElement);
const file = $("file", HTMLInputElement);
const published = $("published", HTMLInputElement);
const button = $("submit", HTMLButtonElement);
const errorBox = $("error", HTMLElement);
const view = $("view", HTMLElement);
const json = $("json", HTMLElement);
const statusLine = $("status", HTMLElement);
let fileIsJson = false;

file.addEventListener("change", async () => {
  const f = file.files && file.files[0];
  if (!f) return;
  input.value = await f.text();
  fileIsJson = /\.json$/i.test(f.name) || f.type === "application/json";
});
input.addEventListener("input", () => { fileIsJson = false; });
button.addEventListener("click", submit);
input.addEventListener("keydown", (ev) => { if (ev.key === "Enter" && (ev.ctrlKey || ev.metaKey)) submit(); });
$("copy", HTMLButtonElement).addEventListener("click", () => navigator.clipboard && navigator.clipboard.writeText(json.textContent || ""));

/**
 * What the input is: a Document (shown as it is), an article object, or plain text.
 * @param {string} raw
 * @returns {{ kind: "document" | "article", body: string } | { kind: "text", body: string }}
 */
function classify(raw) {
  const t = raw.trim();
  if (!fileIsJson && !t.startsWith("{")) return { kind: "text", body: raw };
  try {
    const v = JSON.parse(t);
    if (v && typeof v === "object" && !Array.isArray(v)) {
      if (typeof v.schema_version === "string" && v.article && typeof v.article.text === "string") return { kind: "document", body: t };
      if (typeof v.text === "string") return { kind: "article", body: t };
    }
    return fileIsJson ? { kind: "article", body: t } : { kind: "text", body: raw };
  } catch (_) {
    // A file that says it is JSON goes to the server, which says what is wrong with it.
    return fileIsJson ? { kind: "article", body: t } : { kind: "text", body: raw };
  }
}

/**
 * POSTs `body` and returns the response text, or throws the problem's detail.
 * @param {string} url
 * @param {string} type
 * @param {string} body
 */
async function post(url, type, body) {
  const res = await fetch(url, { method: "POST", headers: { "Content-Type": type }, body });
  const text = await res.text();
  if (!res.ok) {
    let msg = `${res.status} ${res.statusText}`;
    try {
      const p = JSON.parse(text);
      msg = `${p.title} (${p.status}): ${p.detail}`;
    } catch (_) { /* not a problem body */ }
    throw new Error(msg);
  }
  return text;
}

async function submit() {
  const input_ = classify(input.value);
  button.disabled = true;
  errorBox.hidden = true;
  try {
    let doc = input_.body;
    if (input_.kind !== "document") {
      const params = new URLSearchParams();
      if (published.value) params.set("published", published.value);
      const type = input_.kind === "article" ? "application/json" : "text/plain; charset=utf-8";
      doc = await post("/v1/extract?" + params, type, input_.body);
    }
    const html = await post("/v1/view?layout=side&script=false", "application/json", doc);
    json.textContent = doc;
    $("json-note", HTMLElement).textContent = input_.kind === "document" ? "(as pasted)" : "(as sayso extract writes it)";
    statusLine.textContent = summary(/** @type {SaysoDocument} */ (JSON.parse(doc)));
    view.innerHTML = html;
    saysoEnhance(/** @type {HTMLElement | null} */ (view.querySelector(".sayso-view")));
    $("result", HTMLElement).hidden = false;
    $("json-box", HTMLElement).hidden = false;
  } catch (e) {
    statusLine.textContent = "";
    errorBox.textContent = e instanceof Error ? e.message : String(e);
    errorBox.hidden = false;
  } finally {
    button.disabled = false;
  }
}

/**
 * What was found, in one sentence, for the status line (which screen readers announce when
 * it changes): the counts and the first claim.
 * @param {SaysoDocument} doc
 */
function summary(doc) {
  const n = (/** @type {number} */ k, /** @type {string} */ one, /** @type {string} */ many) => `${k} ${k === 1 ? one : many}`;
  const counts = [n(doc.entities.length, "entity", "entities"), n(doc.claims.length, "claim", "claims"), n(doc.events.length, "event", "events"), n(doc.times.length, "time", "times")];
  const c = doc.claims[0];
  const first = c && c.cue ? `; the first: ${c.source ? c.source.text : "someone"} ${c.cue.text} “${c.content.text}”` : "";
  return `Found ${counts.join(", ")}${first}.`;
}
