// The viewer and the notebook view in a real browser (one Chromium for everything). Starts
// `sayso serve` on a free loopback port and checks:
// - the viewer page: paste the reference article, submit; every layer is marked in the text
//   at the right characters; each claim card's say-so chain reads source → … → publisher;
//   clicking a claim card highlights its spans (and clicking a span, hovering an entity, or
//   clicking an event row works the other way); a nested claim sits in its parent's card and
//   names it; the Tab key reaches every card; axe-core finds no WCAG 2.1 A/AA violation, in
//   light and dark; nothing is fetched from elsewhere; an empty submission shows the problem.
// - the notebook view (what Python's _repr_html_ returns: POST /v1/view, stacked, script
//   inline) in a bare page: its script runs by itself; axe in light, dark and JupyterLab's
//   dark theme; without JavaScript it still reads (cards, chains, tables) and its layer
//   switches still work.
// - a 50 kB article: the view's size and how long rendering, showing and a click take.
// Saves screenshots to target/artefacts/ (and to docs/ with SAYSO_SCREENSHOTS=docs, which is
// what `just screenshots` does).
//
// Run with `just test-browser`. SAYSO_BIN picks the binary (default target/debug/sayso),
// CHROMIUM the browser (default /usr/bin/chromium).

import { chromium } from "playwright-core";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "../../../..");
const bin = resolve(root, process.env.SAYSO_BIN || "target/debug/sayso");
const article = readFileSync(join(root, "tests/corpus/putin-trump-cia-tip.txt"), "utf8");
const artefacts = join(root, "target/artefacts");
const docsShots = process.env.SAYSO_SCREENSHOTS ? resolve(root, process.env.SAYSO_SCREENSHOTS) : null;
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

function freePort() {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once("error", fail);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });
}

async function waitHealthy(base, server) {
  for (let i = 0; i < 100; i++) {
    if (server.exitCode !== null) throw new Error(`sayso serve exited with ${server.exitCode}`);
    try {
      const r = await fetch(base + "/healthz");
      if (r.ok) return;
    } catch (_) { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("sayso serve did not become healthy in 10 s");
}

/** WCAG 2.1 A and AA rules of axe-core over the whole page (or `context`); fails on any violation. */
async function axe(page, what, context) {
  if (!(await page.evaluate(() => typeof window.axe === "object"))) await page.evaluate(axeSource);
  const result = await page.evaluate((ctx) => window.axe.run(ctx || document, {
    runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    resultTypes: ["violations"],
  }), context || null);
  const found = result.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ` +
    v.nodes.slice(0, 5).map((n) => `${n.target.join(" ")}: ${n.failureSummary.replace(/\n/g, " ")}`).join("\n    "));
  assert.deepEqual(found, [], `axe-core on ${what}`);
  return result.passes ? result.passes.length : 0;
}

/** A screenshot of the page (or of `what`, a locator) into target/artefacts, and into docs/ when `docs` and asked to. */
async function screenshot(page, name, { docs = true, what = null } = {}) {
  mkdirSync(artefacts, { recursive: true });
  const dirs = docs && docsShots ? [artefacts, docsShots] : [artefacts];
  for (const dir of dirs) {
    mkdirSync(dir, { recursive: true });
    await (what || page).screenshot({ path: join(dir, name), animations: "disabled" });
  }
}

/** The expected text of a claim's chain: its source (by entity name), then each link, by entity name. */
function expectedChain(doc, c) {
  const name = (e) => doc.entities.find((x) => x.id === e)?.name;
  const nodes = [c.source ? (c.source.entity && name(c.source.entity)) || c.source.text : "(no source found)"];
  for (const l of c.attributed_to) nodes.push(!l.publisher && l.entity ? name(l.entity) : l.name);
  return nodes.join(" → ");
}

/** Checks a rendered view of `doc` in `page`: marks, cards, chains, nesting. */
async function checkStructure(page, doc, label) {
  const view = page.locator(".sayso-view").first();
  const count = (sel) => view.locator(sel).count();
  for (const sel of [".sv-ent", ".sv-src", ".sv-cue", ".sv-cnt", ".sv-time", ".sv-ev"]) {
    assert.ok((await count(`.sv-text ${sel}`)) > 0, `${label}: ${sel} marked`);
  }
  // Each record's marked characters are exactly its own text: the offsets line up.
  const textOf = (token) => page.evaluate((t) =>
    [...document.querySelectorAll(`.sayso-view .sv-text [data-m="${t}"]`)].map((n) => n.textContent).join(""), token);
  for (const [i, t] of doc.times.entries()) assert.equal(await textOf(`t${i}`), t.text, `${label}: time ${t.id}`);
  for (const [i, v] of doc.events.entries()) assert.ok((await textOf(`v${i}`)).startsWith(v.trigger.text), `${label}: event ${v.id}`);
  for (const [i, e] of doc.entities.entries()) {
    assert.ok((await count(`.sv-text [data-m="e${i}"]`)) >= e.mentions.length, `${label}: every mention of ${e.name}`);
  }
  // A card per claim, each with its chain drawn source → … → publisher.
  assert.equal(await count(".sv-card"), doc.claims.length, `${label}: every claim has a card`);
  for (const c of doc.claims) {
    const chain = await view.locator(`article[data-id="${c.id}"] > dl .sv-path`).first().textContent();
    assert.equal(chain, expectedChain(doc, c), `${label}: chain of ${c.id}`);
  }
  // Nested claims sit in their parent's card and name it.
  const nested = doc.claims.filter((c) => c.parent);
  assert.ok(nested.length > 0, "the reference article has nested claims");
  for (const c of nested) {
    assert.equal(await count(`article[data-id="${c.parent}"] > .sv-kids > article[data-id="${c.id}"]`), 1, `${label}: ${c.id} in ${c.parent}`);
    const inside = await view.locator(`article[data-id="${c.id}"] > dl > dt:text-is("Inside") + dd`).textContent();
    assert.ok(inside.startsWith(c.parent + " "), `${label}: ${c.id} names its parent: ${inside}`);
  }
  assert.equal(await count(".sv-events tbody tr"), doc.events.length, `${label}: a row per event`);
  const sources = new Set(doc.claims.map((c) => c.source?.entity || (c.source?.text || "").toLowerCase()));
  assert.ok((await count(".sv-who tbody tr")) >= sources.size, `${label}: a who-says-what row per source`);
}

const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const server = spawn(bin, ["serve", "--addr", `127.0.0.1:${port}`], { stdio: ["ignore", "inherit", "inherit"] });
let browser;
let failed = false;
try {
  await waitHealthy(base, server);
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ],
  });
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  const foreign = [];
  const consoleErrors = [];
  context.on("request", (r) => { if (!r.url().startsWith(base) && !r.url().startsWith("about:")) foreign.push(r.url()); });
  // The browser logs the refused empty submission below as a failed load: that one is expected.
  page.on("console", (m) => { if (m.type() === "error" && !/status of 422/.test(m.text())) consoleErrors.push(m.text()); });
  page.on("pageerror", (e) => consoleErrors.push(String(e)));

  // ---- The viewer page ----
  await page.goto(base + "/");
  await axe(page, "the empty viewer page");
  await page.fill("#input", article);
  await page.click("#submit");
  await page.waitForSelector("#result:not([hidden]) .sayso-view[data-enhanced]", { timeout: 60_000 });
  const doc = JSON.parse(await page.textContent("#json"));
  assert.equal(doc.article.text, article, "the document holds the pasted text");
  assert.match(await page.textContent("#status"), new RegExp(`^Found ${doc.entities.length} entities, ${doc.claims.length} claims, .*; the first: `),
    "the status line (announced to screen readers) says what was found");
  await checkStructure(page, doc, "viewer");

  // Click the card of the claim Sarah Sanders confirms: its spans light up, its chain reads
  // "Sarah Sanders → the publisher", and the claim it confirms is marked as related.
  const sanders = doc.entities.find((e) => e.name === "Sarah Sanders");
  const ci = doc.claims.findIndex((c) => c.source?.entity === sanders?.id && c.relations.length > 0);
  assert.ok(ci >= 0, "a claim by Sarah Sanders that relates to another");
  const claim = doc.claims[ci];
  const nested = doc.claims.filter((c) => c.parent);
  await page.click(`article[data-id="${claim.id}"] > blockquote`);
  const lit = await page.evaluate((t) => [...document.querySelectorAll(`.sv-text [data-m="${t}"]`)]
    .map((n) => [n.classList.contains("sv-on"), n.textContent]), `c${ci}`);
  assert.ok(lit.length >= 3 && lit.every(([on]) => on), `every span of ${claim.id} is highlighted`);
  const litText = lit.map(([, t]) => t).join(" ");
  for (const part of [claim.source.text, claim.cue.text, claim.content.text]) assert.ok(litText.includes(part), `${claim.id}: ${part}`);
  assert.equal(await page.locator(".sv-text .sv-on").count(), lit.length, "only its spans");
  assert.equal(await page.textContent(`article[data-id="${claim.id}"] > dl .sv-path`), "Sarah Sanders → the publisher");
  const target = claim.relations[0].target;
  assert.ok(await page.locator(`article[data-id="${target}"].sv-rel`).count() === 1, `the ${claim.relations[0].type} target ${target} is marked`);
  assert.equal(await page.getAttribute(`article[data-id="${claim.id}"]`, "aria-current"), "true");

  // The other way: a click on a trigger in the text selects its event's row.
  const sameTrigger = (a, b) => a.trigger.span.start === b.trigger.span.start && a.trigger.span.end === b.trigger.span.end;
  const vi = doc.events.findIndex((v) => v.cameo && doc.events.filter((w) => sameTrigger(v, w)).length === 1);
  await page.click(`.sv-text [data-m="v${vi}"]`);
  assert.ok(await page.locator(`tr[data-r="v${vi}"].sv-on`).count() === 1, "clicking a trigger selects its event row");
  // A click on an event row marks its trigger and participants.
  const vj = doc.events.findIndex((v) => v.participants.length > 1);
  await page.click(`tr[data-r="v${vj}"] > th > b`);
  assert.ok((await page.locator(`.sv-text [data-m="v${vj}"].sv-on`).count()) >= 1, "row click marks the trigger");
  assert.ok((await page.locator(`.sv-text [data-m="a${vj}"].sv-on`).count()) >= doc.events[vj].participants.length, "and the participants");
  // Hovering an entity marks its mentions.
  const ei = doc.entities.findIndex((e) => e.mentions.length > 2);
  await page.hover(`li[data-r="e${ei}"] > b`);
  assert.ok((await page.locator(`.sv-text [data-m="e${ei}"].sv-hov`).count()) >= doc.entities[ei].mentions.length, "hover marks mentions");
  // A link in the who-says-what table selects the claim instead of jumping.
  await page.click(`.sv-who a[href$="-c${ci}"]`);
  assert.ok(await page.locator(`article[data-r="c${ci}"].sv-on`).count() === 1, "a claim link selects its card");

  // Keyboard: Tab from the text reaches every claim card, and focus selects it.
  await page.focus(".sv-text");
  const reached = new Set();
  const cards = doc.claims.length;
  for (let i = 0; i < 600 && reached.size < cards; i++) {
    await page.keyboard.press("Tab");
    const r = await page.evaluate(() => document.activeElement?.classList.contains("sv-card") ? document.activeElement.getAttribute("data-r") : null);
    if (r) {
      reached.add(r);
      assert.ok(await page.locator(`.sv-text [data-m="${r}"].sv-on`).count() > 0, `focus on ${r} selects it`);
    }
  }
  assert.equal(reached.size, cards, `Tab reaches every card (${reached.size}/${cards})`);

  // The screenshot shows the Sanders claim selected.
  await page.click(`article[data-id="${claim.id}"] > blockquote`);
  await page.mouse.move(0, 0);
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, "viewer.png");
  const rules = await axe(page, "the viewer with the reference article (light)");
  await page.emulateMedia({ colorScheme: "dark" });
  await axe(page, "the viewer with the reference article (dark)");
  await screenshot(page, "viewer-dark.png", { docs: false });
  await page.emulateMedia({ colorScheme: "light" });

  // An empty submission shows the problem detail.
  await page.fill("#input", "   ");
  await page.click("#submit");
  await page.waitForSelector("#error:not([hidden])");
  assert.match(await page.textContent("#error"), /422.*empty text/);
  // A pasted Document is shown without extraction.
  await page.fill("#input", JSON.stringify(doc));
  await Promise.all([page.waitForResponse((r) => r.url().includes("/v1/view")), page.click("#submit")]);
  await page.waitForSelector("#error[hidden]", { state: "attached" });
  assert.equal(await page.locator(".sv-card").count(), doc.claims.length, "a pasted Document is shown");

  // ---- The notebook view: what _repr_html_ returns, in a bare page ----
  const docJson = await page.textContent("#json");
  const fragment = await (await fetch(base + "/v1/view", { method: "POST", headers: { "Content-Type": "application/json" }, body: docJson })).text();
  assert.ok(fragment.startsWith("<div class=\"sayso-view sv-stack\""), "a stacked fragment");
  const cell = (body) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>notebook</title>
<style>body{margin:0;font-family:sans-serif;color-scheme:light dark;background:Canvas;color:CanvasText} main{max-width:1080px;margin:0 auto;padding:12px 16px}</style></head>
${body}<main><p>In [2]: <code>doc</code></p>${fragment}</main></body></html>`;
  const nb = await context.newPage();
  nb.on("pageerror", (e) => consoleErrors.push(String(e)));
  await nb.setViewportSize({ width: 1120, height: 1100 });
  await nb.setContent(cell("<body>"));
  await nb.waitForSelector(".sayso-view[data-enhanced]", { timeout: 5000 });
  await checkStructure(nb, doc, "notebook");
  await nb.click(`article[data-id="${claim.id}"] > blockquote`);
  assert.ok(await nb.locator(`.sv-text [data-m="c${ci}"].sv-on`).count() >= 3, "the inline script works in the notebook view");
  await axe(nb, "the notebook view (light)");
  await nb.mouse.move(0, 0);
  await nb.evaluate(() => window.scrollTo(0, 0));
  await screenshot(nb, "notebook.png");
  // A card with a nested claim in it, and the events table.
  await nb.click(`article[data-id="${nested[0].parent}"] > blockquote`);
  await nb.mouse.move(0, 0);
  await screenshot(nb, "notebook-card.png", { what: nb.locator(`article[data-id="${nested[0].parent}"]`) });
  // The events table's first rows, without the text that stays in view above it.
  const unstick = await nb.addStyleTag({ content: ".sv-text-box { position: static !important } .sv-events .sv-scroll { max-height: 560px; overflow: hidden !important }" });
  await screenshot(nb, "notebook-events.png", { what: nb.locator(".sv-events") });
  await unstick.evaluate((n) => n.remove());
  await nb.emulateMedia({ colorScheme: "dark" });
  await axe(nb, "the notebook view (dark)");
  await screenshot(nb, "notebook-dark.png");
  // JupyterLab's dark theme wins over a light system preference.
  await nb.emulateMedia({ colorScheme: "light" });
  await nb.setContent(cell("<body data-jp-theme-light=\"false\" style=\"background:#111;color:#fff\">"));
  await nb.waitForSelector(".sayso-view[data-enhanced]");
  const bg = await nb.evaluate(() => getComputedStyle(document.querySelector(".sayso-view")).backgroundColor);
  const [r, g, b] = bg.match(/\d+/g).map(Number);
  assert.ok(r + g + b < 200, `dark under JupyterLab's dark theme (${bg})`);
  await axe(nb, "the notebook view under JupyterLab's dark theme");

  // Without JavaScript: the same content reads, and the legend's switches still work.
  const nojs = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1120, height: 1100 } });
  const still = await nojs.newPage();
  await still.setContent(cell("<body>"));
  assert.equal(await still.locator(".sayso-view[data-enhanced]").count(), 0, "no script ran");
  await checkStructure(still, doc, "no JavaScript");
  const border = () => still.evaluate(() => getComputedStyle(document.querySelector(".sv-text .sv-ent")).borderBottomColor);
  const before = await border();
  await still.click("label[for$=\"-show-entities\"]");
  assert.notEqual(await border(), before, "switching entities off needs no script");
  await nojs.close();
  await nb.close();

  // ---- A 50 kB article ----
  let big = "";
  while (big.length < 50_000) big += article + "\n\n";
  const t0 = performance.now();
  const bigDoc = await (await fetch(base + "/v1/extract", { method: "POST", headers: { "Content-Type": "text/plain" }, body: big })).text();
  const t1 = performance.now();
  const bigView = await (await fetch(base + "/v1/view?layout=side&script=false", { method: "POST", headers: { "Content-Type": "application/json" }, body: bigDoc })).text();
  const t2 = performance.now();
  const d = JSON.parse(bigDoc);
  await page.evaluate((v) => { document.getElementById("input").value = v; }, big);
  const shown = await page.evaluate(async () => {
    const start = performance.now();
    document.getElementById("submit").click();
    while (!document.querySelector("#view .sayso-view[data-enhanced]") || document.getElementById("submit").disabled) await new Promise((r) => setTimeout(r, 5));
    document.body.getBoundingClientRect();
    return performance.now() - start;
  });
  const click = await page.evaluate(() => {
    const card = document.querySelectorAll(".sv-card")[200];
    const start = performance.now();
    card.click();
    document.body.getBoundingClientRect();
    return { ms: performance.now() - start, on: document.querySelectorAll(".sv-text .sv-on").length };
  });
  assert.ok(click.on > 0, "a click highlights spans in the 50 kB view");
  console.log(`50 kB article (${big.length} characters; ${d.claims.length} claims, ${d.events.length} events, ${d.entities.length} entities): ` +
    `extract ${(t1 - t0).toFixed(0)} ms, view ${(t2 - t1).toFixed(0)} ms and ${(bigView.length / 1024).toFixed(0)} kB, ` +
    `pasted and submitted in the viewer until shown (both requests, insertion, script, layout) ${shown.toFixed(0)} ms, a card click ${click.ms.toFixed(1)} ms`);
  assert.ok(click.ms < 1000, `a click on the 50 kB view takes ${click.ms} ms`);

  assert.deepEqual(foreign, [], "no requests leave the server");
  assert.deepEqual(consoleErrors, [], "no console errors");
  console.log(`viewer ok: ${doc.entities.length} entities, ${doc.claims.length} claims, ${doc.times.length} times, ${doc.events.length} events; ` +
    `axe-core ${rules} rules passed; screenshots in ${artefacts}${docsShots ? " and " + docsShots : ""}`);
} catch (e) {
  failed = true;
  console.error(e);
} finally {
  if (browser) await browser.close();
  server.kill("SIGTERM");
  const code = await new Promise((ok) => server.exitCode !== null ? ok(server.exitCode) : server.once("exit", (c) => ok(c)));
  if (code !== 0) {
    console.error(`sayso serve exited with ${code} after SIGTERM`);
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
