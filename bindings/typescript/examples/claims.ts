// Who says what: every claim in an article, through a running `sayso serve`.
// Usage: node build/examples/claims.js ARTICLE.txt   (SAYSO_URL, default http://127.0.0.1:8080)
import { readFileSync } from "node:fs";
import { SaysoClient, SaysoProblem, spanText } from "sayso";

const client = new SaysoClient({ baseUrl: process.env["SAYSO_URL"] ?? "http://127.0.0.1:8080" });
const text = readFileSync(process.argv[2] ?? "article.txt", "utf8");
try {
  // JavaScript strings count UTF-16 units: ask for those offsets and slice directly
  // (spanText works in any unit).
  const doc = await client.extract(text, { offsets: "utf16" });
  for (const claim of doc.claims) {
    const source = claim.source?.text ?? "(no source)";
    const cue = claim.cue ? spanText(doc, claim.cue.span) : "(no cue)";
    console.log(`${claim.id} [${claim.kind}] ${source} -> ${cue} -> ${claim.content.text}`);
  }
} catch (e) {
  if (!(e instanceof SaysoProblem)) throw e;
  console.error(`sayso refused the article: ${e.slug}: ${e.detail}`);
  process.exitCode = 1;
}
