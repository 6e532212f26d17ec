// Runs docs/assets/seloste-diff.js, the browser's diff core, in Node for tests/test_diff_parity.py.
// Reads one JSON request per line on stdin: {"call": "diffTexts", "args": [...]} (versions as plain data,
// facts as pairs, and optionally the steps of matching it may take) or {"call": "classify" | "wordDiff" | "tokens" |
// "steps", "args": [...]}; writes one JSON result per line.
import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import vm from "node:vm";

const context = vm.createContext({});
vm.runInContext(readFileSync(new URL("../../docs/assets/seloste-diff.js", import.meta.url), "utf8"), context);
const diff = context.selosteDiff;

function version(plain) {
  return { ...plain, facts: diff.factsFrom(plain.facts) };
}

const calls = {
  diffTexts: (oldText, newText, order, work) => diff.diffTexts(version(oldText), version(newText), order, work),
  classify: (a, b) => diff.classify(a, b),
  wordDiff: (a, b, work) => diff.wordDiff(a, b, work === undefined ? undefined : new diff.Budget(work)),
  tokens: (text) => diff.tokens(text),
  steps: () => [diff.MAX_DIFF_WORK, diff.SETUP_STEPS, diff.ITEM_STEPS],
};

for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
  if (!line.trim()) continue;
  const request = JSON.parse(line);
  let reply;
  try {
    reply = { ok: JSON.parse(JSON.stringify(calls[request.call](...request.args))) };
  } catch (error) {
    reply = { error: String(error && error.stack || error) };
  }
  process.stdout.write(JSON.stringify(reply) + "\n");
}
