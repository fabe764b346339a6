// @ts-check
// The viewer page's script (served at /viewer.js). Type-checked against the Document types
// generated from the JSON Schema (`tsc -p crates/sayso-server`, run by the TypeScript tests),
// so a field the schema does not have is a compile error here, not an empty highlight.
"use strict";

/** @typedef {import("../../../bindings/typescript/src/generated/document.js").SaysoDocument} SaysoDocument */
/** @typedef {import("../../../bindings/typescript/src/generated/document.js").Claim} Claim */
/** @typedef {{ s: number, e: number, cls: string[], data: [string, string], label: string }} Mark */

/** The element with this id (the page has every one this script asks for). */
const $ = (/** @type {string} */ id) => {
  const e = document.getElementById(id);
  if (!e) throw new Error("the page has no #" + id);
  return e;
};
const input = /** @type {HTMLTextAreaElement} */ ($("input"));
const published = /** @type {HTMLInputElement} */ ($("published"));
const submitButton = /** @type {HTMLButtonElement} */ ($("submit"));
let fileIsJson = false;

$("file").addEventListener("change", async (ev) => {
  const f = /** @type {HTMLInputElement} */ (ev.target).files?.[0];
  if (!f) return;
  input.value = await f.text();
  fileIsJson = /\.json$/i.test(f.name) || f.type === "application/json";
});
input.addEventListener("input", () => { fileIsJson = false; });
submitButton.addEventListener("click", submit);
input.addEventListener("keydown", (ev) => { if (ev.key === "Enter" && (ev.ctrlKey || ev.metaKey)) submit(); });
$("copy").addEventListener("click", () => navigator.clipboard && navigator.clipboard.writeText($("json").textContent ?? ""));
document.querySelectorAll("input[data-layer]").forEach((node) => node.addEventListener("change", () => {
  const box = /** @type {HTMLInputElement} */ (node);
  $("text").classList.toggle("hide-" + box.dataset.layer, !box.checked);
}));

/**
 * An article object when the input is one (an uploaded .json, or pasted JSON with a text field).
 * @param {string} raw
 * @returns {string | null}
 */
function asArticleObject(raw) {
  const t = raw.trim();
  if (!fileIsJson && !t.startsWith("{")) return null;
  try {
    const v = JSON.parse(t);
    return v && typeof v === "object" && !Array.isArray(v) && typeof v.text === "string" ? t : null;
  } catch (_) {
    return fileIsJson ? t : null; // let the server say what is wrong with the file
  }
}

async function submit() {
  const raw = input.value;
  const params = new URLSearchParams({ offsets: "utf16" }); // JavaScript strings count UTF-16 units
  if (published.value) params.set("published", published.value);
  const obj = asArticleObject(raw);
  const btn = submitButton;
  btn.disabled = true;
  $("error").classList.add("hidden");
  try {
    const res = await fetch("/v1/extract?" + params, {
      method: "POST",
      headers: { "Content-Type": obj ? "application/json" : "text/plain; charset=utf-8" },
      body: obj || raw,
    });
    const body = await res.text();
    if (!res.ok) {
      let msg = res.status + " " + res.statusText;
      try { const p = JSON.parse(body); msg = p.title + " (" + p.status + "): " + p.detail; } catch (_) { /* not a problem body */ }
      showError(msg);
      return;
    }
    $("json").textContent = body;
    $("json-note").textContent = "offsets in UTF-16 code units";
    render(/** @type {SaysoDocument} */ (JSON.parse(body)));
  } catch (e) {
    showError("Request failed: " + e);
  } finally {
    btn.disabled = false;
  }
}

/** @param {string} msg */
function showError(msg) {
  const box = $("error");
  box.textContent = msg;
  box.classList.remove("hidden");
}

/**
 * @param {string} tag
 * @param {Record<string, string> | null} attrs
 * @param {...(Node | string | null | undefined)} children
 */
function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "class") e.className = v; else e.setAttribute(k, v);
  }
  for (const c of children) if (c !== null && c !== undefined) e.append(c);
  return e;
}

/**
 * Every highlighted stretch: [start, end), its CSS classes, data attributes and a label.
 * @param {SaysoDocument} doc
 * @returns {Mark[]}
 */
function marks(doc) {
  /** @type {Mark[]} */
  const out = [];
  for (const e of doc.entities || []) {
    for (const m of e.mentions || []) {
      out.push({ s: m.span.start, e: m.span.end, cls: ["hl-entity", "ent-" + e.type], data: ["entity", e.id], label: e.id + " " + e.type + " " + e.name + " (" + m.kind + ")" });
    }
  }
  for (const c of doc.claims || []) {
    if (c.source && c.source.span) out.push({ s: c.source.span.start, e: c.source.span.end, cls: ["hl-claim-source"], data: ["claim", c.id], label: c.id + " source" });
    if (c.cue && c.cue.span) out.push({ s: c.cue.span.start, e: c.cue.span.end, cls: ["hl-claim-cue"], data: ["claim", c.id], label: c.id + " cue (" + c.cue.class + ")" });
    for (const sp of (c.content && c.content.spans) || []) {
      out.push({ s: sp.start, e: sp.end, cls: ["hl-claim-content"], data: ["claim", c.id], label: c.id + " content (" + c.kind + ")" });
    }
  }
  for (const t of doc.times || []) {
    out.push({ s: t.span.start, e: t.span.end, cls: ["hl-time"], data: ["time", t.id], label: t.id + " " + t.type + " " + (t.value || "") });
  }
  for (const v of doc.events || []) {
    if (v.trigger && v.trigger.span) out.push({ s: v.trigger.span.start, e: v.trigger.span.end, cls: ["hl-event"], data: ["event", v.id], label: v.id + " " + v.type + (v.cameo ? " CAMEO " + v.cameo.code : "") });
  }
  return out.filter((m) => m.e > m.s);
}

/**
 * The text cut at every mark boundary; each piece a span carrying every mark over it.
 * @param {string} text
 * @param {Mark[]} ms
 */
function renderText(text, ms) {
  const cuts = new Set([0, text.length]);
  for (const m of ms) { cuts.add(Math.min(m.s, text.length)); cuts.add(Math.min(m.e, text.length)); }
  const points = [...cuts].sort((a, b) => a - b);
  const frag = document.createDocumentFragment();
  const sorted = ms.slice().sort((a, b) => a.s - b.s);
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i], b = points[i + 1];
    const piece = text.slice(a, b);
    /** @type {Mark[]} */
    const over = [];
    for (const m of sorted) {
      if (m.s > a) break;
      if (m.e >= b) over.push(m);
    }
    if (!over.length) { frag.append(piece); continue; }
    const span = el("span", {});
    /** @type {Record<string, Set<string>>} */
    const data = {};
    for (const m of over) {
      span.classList.add(...m.cls);
      (data[m.data[0]] = data[m.data[0]] || new Set()).add(m.data[1]);
    }
    for (const [k, ids] of Object.entries(data)) span.dataset[k] = [...ids].join(" ");
    // Inside two claims' contents (a claim reported inside another): a deeper shade.
    if (over.filter((m) => m.cls[0] === "hl-claim-content").length > 1) span.classList.add("hl-claim-nested");
    span.title = over.map((m) => m.label).join("\n");
    span.textContent = piece;
    frag.append(span);
  }
  const box = $("text");
  box.replaceChildren(frag);
}

/**
 * @param {"claim" | "entity" | "event" | "time"} kind
 * @param {string} id
 */
function focusOn(kind, id) {
  document.querySelectorAll(".focus").forEach((n) => n.classList.remove("focus"));
  const hits = [...document.querySelectorAll(/** @type {string} */ ("#text [data-" + kind + "]"))]
    .filter((n) => (/** @type {HTMLElement} */ (n).dataset[kind] ?? "").split(" ").includes(id));
  hits.forEach((n) => n.classList.add("focus"));
  if (hits.length) hits[0].scrollIntoView({ block: "center", behavior: "smooth" });
}

/** @param {Claim} c */
function claimLine(c) {
  const li = el("li", { "data-claim-id": c.id });
  const line = el("div", { class: "claim" });
  line.append(el("b", {}, c.id), " ");
  line.append(el("span", { class: "src" }, c.source ? c.source.text : "(no source)"));
  line.append(el("span", { class: "arrow" }, "→"));
  line.append(el("span", { class: "cue" }, c.cue ? c.cue.text : "(no cue)"));
  line.append(el("span", { class: "arrow" }, "→"));
  line.append(el("span", { class: "cnt" }, c.content.text));
  line.append(el("span", { class: "badge" }, c.kind));
  for (const r of c.relations || []) line.append(el("span", { class: "badge" }, r.type + " " + r.target));
  const chain = (c.attributed_to || []).map((s) => s.name).join(" ← ");
  if (chain) line.append(el("div", { class: "chain" }, "say-so: " + chain));
  line.addEventListener("click", () => focusOn("claim", c.id));
  li.append(line);
  return li;
}

/** @param {SaysoDocument} doc */
function render(doc) {
  const text = doc.article.text;
  renderText(text, marks(doc));

  // Claims as a tree: a claim under the claim it is reported inside.
  const byId = new Map((doc.claims || []).map((c) => [c.id, c]));
  /** @type {Map<string, Claim[]>} */
  const kids = new Map();
  /** @type {Claim[]} */
  const roots = [];
  for (const c of doc.claims || []) {
    if (c.parent && byId.has(c.parent)) {
      const siblings = kids.get(c.parent) ?? [];
      siblings.push(c);
      kids.set(c.parent, siblings);
    } else roots.push(c);
  }
  /** @type {(c: Claim) => HTMLElement} */
  const build = (c) => {
    const li = claimLine(c);
    const sub = kids.get(c.id);
    if (sub) li.append(el("ul", {}, ...sub.map(build)));
    return li;
  };
  $("claims").replaceChildren(...roots.map(build));

  $("events").replaceChildren(...(doc.events || []).map((v) => {
    const who = (v.participants || []).map((p) => p.role + ": " + p.text).join("; ");
    const li = el("li", { class: "claim" },
      el("b", {}, v.id), " ", el("span", { class: "hl-event" }, v.trigger ? v.trigger.text : ""), " ",
      el("span", { class: "badge" }, v.type + (v.cameo ? " · CAMEO " + v.cameo.code + " " + v.cameo.label : "")),
      who ? el("span", { class: "chain" }, " " + who) : null,
      v.time ? el("span", { class: "badge" }, v.time.value || v.time.time) : null,
      (v.modality || []).length ? el("span", { class: "badge" }, v.modality.join(", ")) : null,
      v.polarity && v.polarity !== "positive" ? el("span", { class: "badge" }, v.polarity) : null);
    li.addEventListener("click", () => focusOn("event", v.id));
    return li;
  }));
  $("entities").replaceChildren(...(doc.entities || []).map((e) => {
    const li = el("li", { class: "claim" }, el("b", {}, e.id), " ", el("span", { class: "hl-entity ent-" + e.type }, e.name),
      el("span", { class: "badge" }, e.type), el("span", { class: "chain" }, " " + e.mentions.length + " mention(s)"));
    li.addEventListener("click", () => focusOn("entity", e.id));
    return li;
  }));
  $("times").replaceChildren(...(doc.times || []).map((t) => {
    const li = el("li", { class: "claim" }, el("b", {}, t.id), " ", el("span", { class: "hl-time" }, t.text), el("span", { class: "arrow" }, "→"),
      el("code", {}, t.value || "?"), el("span", { class: "badge" }, t.type), t.anchor ? el("span", { class: "chain" }, " anchored on " + t.anchor) : null);
    li.addEventListener("click", () => focusOn("time", t.id));
    return li;
  }));

  const pub = doc.article.published;
  const pubText = pub ? "published " + (pub.datetime || pub.date) + " (" + pub.source + ")" : "no publication date";
  $("stats").textContent = [
    (doc.entities || []).length + " entities", (doc.claims || []).length + " claims", (doc.events || []).length + " events",
    (doc.times || []).length + " times", pubText, (doc.warnings || []).length ? doc.warnings.length + " warning(s)" : null,
  ].filter(Boolean).join(" · ");
  for (const id of ["result", "claims-box", "events-box", "entities-box", "times-box"]) $(id).classList.remove("hidden");
}
