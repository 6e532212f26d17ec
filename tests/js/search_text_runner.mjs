// Runs the text functions of docs/assets/seloste-search.js (window.selosteSearchText) in Node for
// tests/test_search_text.py. Reads one JSON request per line on stdin: {"call": "terms", "args": [...]};
// writes one JSON result per line.
import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import vm from "node:vm";

const context = vm.createContext({ TextEncoder });
vm.runInContext(readFileSync(new URL("../../docs/assets/seloste-search.js", import.meta.url), "utf8"), context);
const text = context.selosteSearchText;

for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
  if (!line.trim()) continue;
  const request = JSON.parse(line);
  let reply;
  try {
    reply = { ok: JSON.parse(JSON.stringify(request.args.map((args) => text[request.call](...args)))) };
  } catch (error) {
    reply = { error: String((error && error.stack) || error) };
  }
  process.stdout.write(JSON.stringify(reply) + "\n");
}
