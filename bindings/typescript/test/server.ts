// Starts a real `sayso serve` on a free loopback port for the tests that talk to one, as
// the browser test does. SAYSO_BIN picks the binary (default target/debug/sayso).

import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root (this file runs from bindings/typescript/build/test/). */
export const root = resolve(dirname(fileURLToPath(import.meta.url)), "../../../..");

export interface Server {
  baseUrl: string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once("error", fail);
    s.listen(0, "127.0.0.1", () => {
      const address = s.address();
      const port = typeof address === "object" && address ? address.port : 0;
      s.close(() => ok(port));
    });
  });
}

async function waitHealthy(baseUrl: string, child: ChildProcess, log: () => string, failed: () => Error | null): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const e = failed();
    if (e) throw new Error(`cannot start sayso serve (${e.message}); build it with \`cargo build -p sayso-cli\` or set SAYSO_BIN`);
    if (child.exitCode !== null) throw new Error(`sayso serve exited with ${child.exitCode}:\n${log()}`);
    try {
      if ((await fetch(baseUrl + "/healthz")).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`sayso serve did not answer /healthz within 10 s:\n${log()}`);
}

/** Starts `sayso serve` with extra arguments (e.g. `--max-body 1MB`). */
export async function startServer(...args: string[]): Promise<Server> {
  const bin = resolve(root, process.env["SAYSO_BIN"] ?? "target/debug/sayso");
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const child = spawn(bin, ["serve", "--addr", `127.0.0.1:${port}`, ...args], {
    stdio: ["ignore", "ignore", "pipe"],
    env: { ...process.env, RUST_LOG: "warn" },
  });
  let spawnError: Error | null = null;
  child.once("error", (e) => { spawnError = e; });
  let stderr = "";
  child.stderr?.setEncoding("utf8").on("data", (d: string) => { stderr += d; });
  const exited = new Promise<number | null>((ok) => child.once("close", (code) => ok(code)));
  try {
    await waitHealthy(baseUrl, child, () => stderr, () => spawnError);
  } catch (e) {
    child.kill("SIGKILL");
    throw e;
  }
  return {
    baseUrl,
    async stop() {
      child.kill("SIGTERM");
      const code = await exited;
      if (code !== 0) throw new Error(`sayso serve exited with ${code} after SIGTERM:\n${stderr}`);
    },
  };
}
