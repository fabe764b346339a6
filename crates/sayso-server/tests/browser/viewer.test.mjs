// The viewer in a real browser: starts `sayso serve` on a free loopback port, opens /,
// pastes the reference article, submits, and checks that entities, claims (source, cue,
// content), times and events are highlighted at the right characters, that nested claims
// sit under their parent, and that the page loads nothing from elsewhere. Saves a
// screenshot to target/artefacts/viewer.png.
//
// Run with `just test-browser`. SAYSO_BIN picks the binary (default target/debug/sayso),
// CHROMIUM the browser (default /usr/bin/chromium).

import { chromium } from "playwright-core";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../../../..");
const bin = resolve(root, process.env.SAYSO_BIN || "target/debug/sayso");
const article = readFileSync(join(root, "tests/corpus/putin-trump-cia-tip.txt"), "utf8");
const shot = join(root, "target/artefacts/viewer.png");

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

const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const server = spawn(bin, ["serve", "--addr", `127.0.0.1:${port}`], { stdio: ["ignore", "inherit", "inherit"] });
const profile = mkdtempSync(join(tmpdir(), "sayso-chromium-"));
let context;
let failed = false;
try {
  await waitHealthy(base, server);
  context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    viewport: { width: 1400, height: 1000 },
    args: [
      "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ],
  });
  const page = context.pages()[0] || (await context.newPage());
  const foreign = [];
  const consoleErrors = [];
  page.on("request", (r) => { if (!r.url().startsWith(base)) foreign.push(r.url()); });
  page.on("console", (m) => { if (m.type() === "error") consoleErrors.push(m.text()); });
  page.on("pageerror", (e) => consoleErrors.push(String(e)));

  await page.goto(base + "/");
  await page.fill("#input", article);
  await page.click("#submit");
  await page.waitForSelector("#result:not(.hidden)", { timeout: 60_000 });

  const doc = JSON.parse(await page.textContent("#json"));
  assert.equal(doc.offsets, "utf16", "the viewer asks for UTF-16 offsets");
  assert.equal(doc.article.text, article, "the document holds the pasted text");

  const count = (sel) => page.locator(sel).count();
  for (const sel of [".hl-entity", ".hl-claim-source", ".hl-claim-cue", ".hl-claim-content", ".hl-time", ".hl-event"]) {
    assert.ok((await count(`#text ${sel}`)) > 0, `${sel} highlighted`);
  }
  // Each record's highlighted characters are exactly its own text: the offsets line up.
  const textOf = (kind, id) => page.evaluate(([k, i]) =>
    [...document.querySelectorAll(`#text [data-${k}]`)].filter((n) => n.dataset[k].split(" ").includes(i)).map((n) => n.textContent).join(""), [kind, id]);
  for (const t of doc.times) assert.equal(await textOf("time", t.id), t.text, `time ${t.id}`);
  for (const v of doc.events) assert.ok((await textOf("event", v.id)).includes(v.trigger.text), `event ${v.id}`);
  const sunday = doc.times.find((t) => t.text === "Sunday");
  assert.ok(sunday, "Sunday is a time");
  const putin = doc.entities.find((e) => e.name.includes("Putin"));
  assert.ok(putin, "Putin is an entity");
  assert.ok((await page.locator(`#text [data-entity~="${putin.id}"]`).count()) >= putin.mentions.length, "every Putin mention highlighted");
  const c1 = doc.claims[0];
  const c1Text = await textOf("claim", c1.id);
  for (const part of [c1.source.text, c1.cue.text, c1.content.text]) assert.ok(c1Text.includes(part), `claim ${c1.id}: ${part}`);

  // Claims listed as source -> cue -> content, nested under their parent.
  assert.equal(await count("#claims li"), doc.claims.length, "every claim listed");
  const nested = doc.claims.find((c) => c.parent);
  assert.ok(nested, "the reference article has a nested claim");
  assert.equal(await count(`#claims li[data-claim-id="${nested.parent}"] > ul > li[data-claim-id="${nested.id}"]`), 1, "nested under its parent");
  await page.click(`#claims li[data-claim-id="${c1.id}"] > .claim`);
  assert.ok((await count("#text .focus")) > 0, "clicking a claim marks it in the text");

  assert.deepEqual(foreign, [], "no requests leave the server");
  assert.deepEqual(consoleErrors, [], "no console errors");

  // An empty submission shows the problem detail.
  await page.fill("#input", "   ");
  await page.click("#submit");
  await page.waitForSelector("#error:not(.hidden)");
  assert.match(await page.textContent("#error"), /422.*empty text/);

  // Back to the article for the screenshot.
  await page.fill("#input", article);
  await Promise.all([page.waitForResponse((r) => r.url().includes("/v1/extract")), page.click("#submit")]);
  await page.waitForSelector("#submit:not([disabled])");
  await page.waitForSelector("#error.hidden", { state: "attached" });
  mkdirSync(dirname(shot), { recursive: true });
  await page.screenshot({ path: shot, fullPage: false });
  console.log(`viewer ok: ${doc.entities.length} entities, ${doc.claims.length} claims, ${doc.times.length} times, ${doc.events.length} events; screenshot ${shot}`);
} catch (e) {
  failed = true;
  console.error(e);
} finally {
  if (context) await context.close();
  rmSync(profile, { recursive: true, force: true });
  server.kill("SIGTERM");
  const code = await new Promise((ok) => server.exitCode !== null ? ok(server.exitCode) : server.once("exit", (c) => ok(c)));
  if (code !== 0) {
    console.error(`sayso serve exited with ${code} after SIGTERM`);
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
