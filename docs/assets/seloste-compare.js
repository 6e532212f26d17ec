/*
 * Seloste: earlier versions of a notice, and any two versions compared, in the reader's browser.
 *
 * The text of every version of an organisation is one gzip-compressed file per language
 * (<slug>/versions.json.gz: each version's notice markup, as the build rendered and sanitised
 * it). A version's permanent page shows its text from that file. The comparison page reads
 * the two versions from it (title, sections, blocks, facts) and diffs them. The algorithm is
 * a port of hooks/seloste/compare/diff.py, which is the reference: the test suite runs both on the
 * same versions and requires identical results (tests/test_compare_js.py). Text read for a
 * comparison is only ever inserted with textContent, never as HTML.
 */
(function () {
  "use strict";

  // --- difflib.SequenceMatcher (autojunk off, no junk), as in CPython -------------------

  function SequenceMatcher(a, b) {
    this.a = a;
    this.b = b;
    this.b2j = new Map();
    for (let j = 0; j < b.length; j++) {
      const list = this.b2j.get(b[j]);
      if (list) list.push(j);
      else this.b2j.set(b[j], [j]);
    }
    this.blocks = null;
  }

  SequenceMatcher.prototype.findLongestMatch = function (alo, ahi, blo, bhi) {
    const a = this.a, b = this.b;
    let besti = alo, bestj = blo, bestsize = 0;
    let j2len = new Map();
    for (let i = alo; i < ahi; i++) {
      const newj2len = new Map();
      const indexes = this.b2j.get(a[i]) || [];
      for (const j of indexes) {
        if (j < blo) continue;
        if (j >= bhi) break;
        const k = (j2len.get(j - 1) || 0) + 1;
        newj2len.set(j, k);
        if (k > bestsize) {
          besti = i - k + 1;
          bestj = j - k + 1;
          bestsize = k;
        }
      }
      j2len = newj2len;
    }
    while (besti > alo && bestj > blo && a[besti - 1] === b[bestj - 1]) {
      besti--; bestj--; bestsize++;
    }
    while (besti + bestsize < ahi && bestj + bestsize < bhi && a[besti + bestsize] === b[bestj + bestsize]) {
      bestsize++;
    }
    return [besti, bestj, bestsize];
  };

  SequenceMatcher.prototype.matchingBlocks = function () {
    if (this.blocks) return this.blocks;
    const la = this.a.length, lb = this.b.length;
    const queue = [[0, la, 0, lb]];
    const found = [];
    while (queue.length) {
      const [alo, ahi, blo, bhi] = queue.pop();
      const x = this.findLongestMatch(alo, ahi, blo, bhi);
      const [i, j, k] = x;
      if (k) {
        found.push(x);
        if (alo < i && blo < j) queue.push([alo, i, blo, j]);
        if (i + k < ahi && j + k < bhi) queue.push([i + k, ahi, j + k, bhi]);
      }
    }
    found.sort((x, y) => x[0] - y[0] || x[1] - y[1] || x[2] - y[2]);
    let i1 = 0, j1 = 0, k1 = 0;
    const blocks = [];
    for (const [i2, j2, k2] of found) {
      if (i1 + k1 === i2 && j1 + k1 === j2) {
        k1 += k2;
      } else {
        if (k1) blocks.push([i1, j1, k1]);
        i1 = i2; j1 = j2; k1 = k2;
      }
    }
    if (k1) blocks.push([i1, j1, k1]);
    blocks.push([la, lb, 0]);
    this.blocks = blocks;
    return blocks;
  };

  SequenceMatcher.prototype.opcodes = function () {
    let i = 0, j = 0;
    const answer = [];
    for (const [ai, bj, size] of this.matchingBlocks()) {
      let tag = "";
      if (i < ai && j < bj) tag = "replace";
      else if (i < ai) tag = "delete";
      else if (j < bj) tag = "insert";
      if (tag) answer.push([tag, i, ai, j, bj]);
      i = ai + size;
      j = bj + size;
      if (size) answer.push(["equal", ai, i, bj, j]);
    }
    return answer;
  };

  SequenceMatcher.prototype.ratio = function () {
    const matches = this.matchingBlocks().reduce((sum, block) => sum + block[2], 0);
    const total = this.a.length + this.b.length;
    return total ? (2.0 * matches) / total : 1.0;
  };

  // --- words ----------------------------------------------------------------------------

  const WORD = "[\\p{L}\\p{N}_]";
  const TOKEN = new RegExp(WORD + "+|\\s+|[^\\p{L}\\p{N}_\\s]", "gu");
  const HAS_WORD = new RegExp(WORD, "u");
  const WORDS = new RegExp(WORD + "+", "gu");
  const MONTHS =
    "tammikuuta|helmikuuta|maaliskuuta|huhtikuuta|toukokuuta|kesäkuuta|heinäkuuta|elokuuta|syyskuuta|lokakuuta|" +
    "marraskuuta|joulukuuta|January|February|March|April|May|June|July|August|September|October|November|December";
  const DATE = new RegExp(
    "(?<!" + WORD + ")(?:[0-9]{1,2}\\.[0-9]{1,2}\\.[0-9]{2,4}|[0-9]{4}-[0-9]{2}-[0-9]{2}|" +
      "[0-9]{1,2}\\.? (?:" + MONTHS + ") [0-9]{4}|(?:" + MONTHS + ") [0-9]{1,2},? [0-9]{4})",
    "gu"
  );
  const RANK = { none: 0, whitespace: 1, dates: 2, text: 3 };
  const SAME_SECTION = 0.6;
  const SAME_BLOCK = 0.4;

  function tokens(text) {
    return text.match(TOKEN) || [];
  }

  function splitWords(text) {
    return text.split(/\s+/).filter(Boolean);
  }

  function normalize(text) {
    return text.normalize("NFC").replace(/\s+/g, " ").trim();
  }

  function seg(op, text) {
    return [op, text];
  }

  function wordDiff(oldText, newText) {
    const a = tokens(oldText), b = tokens(newText);
    const raw = [];
    for (const [tag, i1, i2, j1, j2] of new SequenceMatcher(a, b).opcodes()) {
      if (tag === "equal") {
        raw.push(seg("equal", a.slice(i1, i2).join("")));
        continue;
      }
      if (i2 > i1) raw.push(seg("delete", a.slice(i1, i2).join("")));
      if (j2 > j1) raw.push(seg("insert", b.slice(j1, j2).join("")));
    }
    return merge(absorbGaps(raw));
  }

  function absorbGaps(segments) {
    const result = segments.slice();
    for (let i = 1; i < result.length - 1; i++) {
      const s = result[i];
      if (s[0] === "equal" && s[1].length <= 2 && !HAS_WORD.test(s[1])) {
        const before = result[i - 1], after = result[i + 1];
        if (before[0] !== "equal" && after[0] !== "equal") {
          result[i] = seg("delete", s[1]);
          result.splice(i + 1, 0, seg("insert", s[1]));
        }
      }
    }
    const ordered = [];
    let run = [];
    for (const s of result.concat([seg("equal", "")])) {
      if (s[0] === "equal") {
        for (const r of run) if (r[0] === "delete") ordered.push(r);
        for (const r of run) if (r[0] === "insert") ordered.push(r);
        run = [];
        if (s[1]) ordered.push(s);
      } else {
        run.push(s);
      }
    }
    return ordered;
  }

  function merge(segments) {
    const merged = [];
    for (const s of segments) {
      if (merged.length && merged[merged.length - 1][0] === s[0]) {
        merged[merged.length - 1] = seg(s[0], merged[merged.length - 1][1] + s[1]);
      } else if (s[1]) {
        merged.push(s);
      }
    }
    return slideSpaces(merged);
  }

  function slideSpaces(segments) {
    for (let i = 1; i < segments.length - 1; i++) {
      const before = segments[i - 1], change = segments[i], after = segments[i + 1];
      if (before[0] !== "equal" || after[0] !== "equal" || change[0] === "equal") continue;
      const space = change[1].slice(0, 1);
      if (space && /^\s$/.test(space) && after[1].startsWith(space)) {
        segments[i - 1] = seg("equal", before[1] + space);
        segments[i] = seg(change[0], change[1].slice(1) + space);
        segments[i + 1] = seg("equal", after[1].slice(1));
      }
    }
    return segments.filter((s) => s[1]);
  }

  function similarity(oldText, newText) {
    const a = splitWords(oldText), b = splitWords(newText);
    if (!a.length && !b.length) return 1.0;
    return new SequenceMatcher(a, b).ratio();
  }

  function classify(oldText, newText) {
    if (oldText === newText) return "none";
    if (splitWords(oldText).join(" ") === splitWords(newText).join(" ")) return "whitespace";
    if (oldText.replace(DATE, "<date>") === newText.replace(DATE, "<date>")) return "dates";
    return "text";
  }

  function worst(classes) {
    let best = "none";
    for (const c of classes) if (RANK[c] > RANK[best]) best = c;
    return best;
  }

  // --- blocks -----------------------------------------------------------------------------

  function blockDiffs(oldBlocks, newBlocks) {
    const result = [];
    const matcher = new SequenceMatcher(oldBlocks.map((b) => b.text), newBlocks.map((b) => b.text));
    for (const [tag, i1, i2, j1, j2] of matcher.opcodes()) {
      if (tag === "equal") {
        for (const b of newBlocks.slice(j1, j2)) result.push(block(b.kind, "unchanged", [seg("equal", b.text)], "none"));
        continue;
      }
      result.push(...pairBlocks(oldBlocks.slice(i1, i2), newBlocks.slice(j1, j2)));
    }
    return result;
  }

  function block(kind, status, segments, change) {
    return { kind: kind, status: status, change: change, segments: segments };
  }

  function pairBlocks(oldBlocks, newBlocks) {
    const result = [];
    let j = 0;
    for (const b of oldBlocks) {
      let match = null;
      for (let k = j; k < newBlocks.length; k++) {
        if (newBlocks[k].kind === b.kind && similarity(b.text, newBlocks[k].text) >= SAME_BLOCK) {
          match = k;
          break;
        }
      }
      if (match === null) {
        result.push(block(b.kind, "removed", [seg("delete", b.text)], "text"));
        continue;
      }
      for (const added of newBlocks.slice(j, match)) result.push(block(added.kind, "added", [seg("insert", added.text)], "text"));
      const paired = newBlocks[match];
      result.push(block(paired.kind, "changed", wordDiff(b.text, paired.text), classify(b.text, paired.text)));
      j = match + 1;
    }
    for (const added of newBlocks.slice(j)) result.push(block(added.kind, "added", [seg("insert", added.text)], "text"));
    return result;
  }

  // --- sections ---------------------------------------------------------------------------

  function sideText(side) {
    return side.section.blocks.map((b) => b.text).join(" ");
  }

  function align(oldSides, newSides) {
    const newById = new Map(newSides.map((s) => [s.section.id, s]));
    const pairs = [];
    for (const side of oldSides) if (newById.has(side.section.id)) pairs.push([side, newById.get(side.section.id)]);
    const pairedOld = new Set(pairs.map((p) => p[0].index));
    const pairedNew = new Set(pairs.map((p) => p[1].index));
    const candidates = [];
    for (const o of oldSides) {
      if (pairedOld.has(o.index)) continue;
      for (const n of newSides) {
        if (pairedNew.has(n.index)) continue;
        candidates.push([similarity(sideText(o), sideText(n)), o.index, n.index]);
      }
    }
    candidates.sort((x, y) => y[0] - x[0] || y[1] - x[1] || y[2] - x[2]);
    for (const [score, i, j] of candidates) {
      if (score < SAME_SECTION) break;
      if (pairedOld.has(i) || pairedNew.has(j)) continue;
      pairs.push([oldSides[i], newSides[j]]);
      pairedOld.add(i);
      pairedNew.add(j);
    }
    return pairs;
  }

  function longestIncreasing(values) {
    const best = [];
    for (const value of values) {
      let longest = [];
      for (const run of best) if (run[run.length - 1] < value && run.length > longest.length) longest = run;
      best.push(longest.concat([value]));
    }
    let result = [];
    for (const run of best) if (run.length > result.length) result = run;
    return new Set(result);
  }

  function movedSet(pairs) {
    const byNew = pairs.slice().sort((x, y) => x[1].index - y[1].index);
    const sequence = byNew.map((p) => p[0].index);
    const kept = longestIncreasing(sequence);
    return new Set(sequence.filter((i) => !kept.has(i)));
  }

  function sectionDiff(oldSide, newSide, moved) {
    if (!oldSide) {
      const s = newSide.section;
      return {
        old_id: null, new_id: s.id, old_heading: null, new_heading: s.heading,
        heading: s.heading ? [seg("insert", s.heading)] : [], status: "added", moved: false, renamed: false,
        change: "text", blocks: s.blocks.map((b) => block(b.kind, "added", [seg("insert", b.text)], "text")),
      };
    }
    if (!newSide) {
      const s = oldSide.section;
      return {
        old_id: s.id, new_id: null, old_heading: s.heading, new_heading: null,
        heading: s.heading ? [seg("delete", s.heading)] : [], status: "removed", moved: false, renamed: false,
        change: "text", blocks: s.blocks.map((b) => block(b.kind, "removed", [seg("delete", b.text)], "text")),
      };
    }
    const o = oldSide.section, n = newSide.section;
    const blocks = blockDiffs(o.blocks, n.blocks);
    const headingChange = classify(o.heading || "", n.heading || "");
    const renamed = headingChange !== "none" && headingChange !== "whitespace";
    let change = worst([headingChange].concat(blocks.map((b) => b.change)));
    if (change === "none" && o.source !== n.source) change = "whitespace";
    const heading = o.heading || n.heading ? wordDiff(o.heading || "", n.heading || "") : [];
    return {
      old_id: o.id, new_id: n.id, old_heading: o.heading, new_heading: n.heading, heading: heading,
      status: change === "none" ? "unchanged" : "changed", moved: moved, renamed: renamed, change: change, blocks: blocks,
    };
  }

  function countWords(sections, op) {
    let count = 0;
    const add = (s) => { if (s[0] === op) count += (s[1].match(WORDS) || []).length; };
    for (const section of sections) section.heading.forEach(add);
    for (const section of sections) for (const b of section.blocks) b.segments.forEach(add);
    return count;
  }

  function diffFacts(oldFacts, newFacts, order) {
    const changes = [];
    for (const name of order) {
      if (oldFacts.list.has(name) || newFacts.list.has(name)) {
        const before = oldFacts.list.get(name) || new Map(), after = newFacts.list.get(name) || new Map();
        for (const [k, v] of before) if (!after.has(k)) changes.push([name, k, "removed", v, null]);
        for (const [k, v] of after) if (!before.has(k)) changes.push([name, k, "added", null, v]);
        for (const [k, v] of before) if (after.has(k) && v !== after.get(k)) changes.push([name, k, "changed", v, after.get(k)]);
        continue;
      }
      const a = oldFacts.single.get(name), b = newFacts.single.get(name);
      if (!a && !b) continue;
      if (!a || !b) {
        changes.push([name, null, a ? "removed" : "added", joined(a), joined(b)]);
        continue;
      }
      const parts = Array.from(a.keys()).concat(Array.from(b.keys()).filter((p) => !a.has(p)));
      for (const part of parts) {
        const x = a.has(part) ? a.get(part) : null, y = b.has(part) ? b.get(part) : null;
        if (x !== y) changes.push([name, part, x === null ? "added" : y === null ? "removed" : "changed", x, y]);
      }
    }
    return changes;
  }

  function joined(parts) {
    return parts && parts.size ? Array.from(parts.values()).join(", ") : null;
  }

  function diffTexts(oldText, newText, order) {
    const oldSides = oldText.sections.map((s, i) => ({ index: i, section: s }));
    const newSides = newText.sections.map((s, i) => ({ index: i, section: s }));
    const pairs = align(oldSides, newSides);
    const moved = movedSet(pairs);
    const byNew = new Map(pairs.map((p) => [p[1].index, p[0]]));
    const pairedOld = new Set(pairs.map((p) => p[0].index));
    const entries = [];
    for (const side of newSides) {
      const partner = byNew.get(side.index) || null;
      entries.push([side.index, 0, sectionDiff(partner, side, partner !== null && moved.has(partner.index))]);
    }
    for (const side of oldSides) {
      if (pairedOld.has(side.index)) continue;
      let preceding = -1;
      for (const [o, n] of pairs) if (o.index < side.index && n.index > preceding) preceding = n.index;
      entries.push([preceding + 0.5, side.index, sectionDiff(side, null, false)]);
    }
    entries.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
    const sections = entries.map((e) => e[2]);
    const facts = diffFacts(oldText.facts, newText.facts, order);
    let change = worst([classify(oldText.title, newText.title)].concat(sections.map((s) => s.change), sections.filter((s) => s.moved).map(() => "text")));
    if (facts.length && change === "none") change = "text";
    return {
      change: change,
      title: wordDiff(oldText.title, newText.title),
      facts: facts,
      sections: sections,
      words_inserted: countWords(sections, "insert"),
      words_deleted: countWords(sections, "delete"),
    };
  }

  // --- reading a version from its page ---------------------------------------------------

  const KINDS = { p: "paragraph", li: "item", h3: "heading", h4: "heading", h5: "heading", h6: "heading", tr: "row" };

  function htmlBlocks(root) {
    const blocks = [];
    const stack = [];
    function flush() {
      const top = stack[stack.length - 1];
      const lines = top.parts.join("").split("\n").map(normalize);
      const text = lines.filter(Boolean).join("\n").replace(/^[ |]+|[ |]+$/g, "");
      if (text) blocks.push({ kind: top.kind, text: text });
      top.parts = [];
    }
    function visit(node) {
      for (const child of node.childNodes) {
        if (child.nodeType === Node.TEXT_NODE) {
          if (stack.length) stack[stack.length - 1].parts.push(child.data);
          continue;
        }
        if (child.nodeType !== Node.ELEMENT_NODE) continue;
        const tag = child.localName;
        if (KINDS[tag]) {
          if (stack.length) flush();
          stack.push({ kind: KINDS[tag], parts: [] });
          visit(child);
          flush();
          stack.pop();
          continue;
        }
        if (tag === "br" && stack.length) stack[stack.length - 1].parts.push("\n");
        if ((tag === "td" || tag === "th") && stack.length) stack[stack.length - 1].parts.push(" | ");
        visit(child);
      }
    }
    visit(root);
    return blocks;
  }

  function factsFrom(json) {
    const toMaps = (pairs) => new Map(pairs.map(([name, values]) => [name, new Map(values)]));
    return { single: toMaps(json.single), list: toMaps(json.list) };
  }

  function readVersion(doc) {
    const article = doc.querySelector("article.sl-notice");
    if (!article) throw new Error("no notice on the page");
    const sections = Array.from(article.querySelectorAll(".sl-notice__text > section.sl-section")).map((section) => {
      const heading = section.querySelector(":scope > h2");
      return {
        id: section.dataset.section,
        heading: heading ? normalize(heading.textContent) : null,
        blocks: htmlBlocks(section.querySelector(":scope > .sl-section__body")),
        source: section.dataset.source,
      };
    });
    return {
      id: article.dataset.version,
      title: normalize(article.querySelector("h1").textContent),
      sections: sections,
      facts: factsFrom(JSON.parse(article.querySelector("#sl-facts").textContent)),
    };
  }

  // --- the versions file -----------------------------------------------------------------

  const files = new Map();

  /* The versions file at url: {format, parts: [markup], versions: {id: [part index]}}; a version's
     markup is its parts joined. It is gzip-compressed unless a server already decompressed it.
     A failed fetch is tried again next time. */
  function loadVersions(url) {
    if (!files.has(url)) {
      const promise = fetch(url, { credentials: "same-origin" }).then(async (response) => {
        if (!response.ok) throw new Error(url + ": HTTP " + response.status);
        const bytes = new Uint8Array(await response.arrayBuffer());
        if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return JSON.parse(new TextDecoder().decode(bytes));
        const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
        return JSON.parse(await new Response(stream).text());
      });
      promise.catch(() => files.delete(url));
      files.set(url, promise);
    }
    return files.get(url);
  }

  /* One version's notice markup, parsed into an inert document (its scripts never run). */
  async function versionDocument(url, id) {
    const file = await loadVersions(url);
    if (file.format !== 1) throw new Error(url + ": unknown format " + file.format);
    if (!Object.prototype.hasOwnProperty.call(file.versions, id)) throw new Error(url + ": no version " + id);
    const markup = file.versions[id].map((index) => file.parts[index]).join("");
    return new DOMParser().parseFromString(markup, "text/html");
  }

  async function diffVersions(url, oldId, newId, order) {
    const [a, b] = await Promise.all([versionDocument(url, oldId), versionDocument(url, newId)]);
    return diffTexts(readVersion(a), readVersion(b), order);
  }

  /* A version's permanent page: its article, from the versions file, in place of the page's own
     (which says which version this is while the text loads). */
  async function showVersion(shell) {
    const status = shell.querySelector(".sl-version-loading");
    if (status) status.hidden = false;
    let article;
    try {
      const doc = await versionDocument(new URL(shell.dataset.versions, location.href).href, shell.dataset.version);
      article = doc.querySelector("article.sl-notice");
      if (!article) throw new Error("no notice in the versions file");
    } catch (error) {
      if (status) {
        status.textContent = status.dataset.failed;
        status.classList.add("sl-diff__error");
      }
      return;
    }
    shell.replaceWith(document.adoptNode(article));
    document.documentElement.dataset.versionShown = shell.dataset.version;
    // The text arrived after the browser placed the page: go to the section the address names, or
    // back to where the reader was when the page was left (a reload, Back).
    const saved = "sl-scroll:" + location.pathname;
    addEventListener("pagehide", () => sessionStorage.setItem(saved, String(Math.round(scrollY))));
    let target = null;
    try {
      target = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
    } catch (error) {
      target = null; // a malformed address: stay at the top
    }
    if (target) target.scrollIntoView();
    else if (sessionStorage.getItem(saved)) scrollTo(0, Number(sessionStorage.getItem(saved)));
  }

  // --- rendering ------------------------------------------------------------------------

  function el(tag, attrs, children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === "text") node.textContent = value;
      else node.setAttribute(key, value === true ? "" : value);
    }
    for (const child of children || []) if (child) node.append(child);
    return node;
  }

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, (_, key) => String(values[key]));
  }

  /* A counted label's form for count (labels.yaml): one for 1, other for any other number, in Finnish as in English. */
  function plural(forms, count) {
    return count === 1 ? forms.one : forms.other;
  }

  function segments(list, only) {
    const out = [];
    for (const [op, text] of list) {
      if (only && op !== "equal" && op !== only) continue;
      if (op === "insert") out.push(el("ins", { text: text }));
      else if (op === "delete") out.push(el("del", { text: text }));
      else out.push(document.createTextNode(text));
    }
    return out;
  }

  /* A table row's segments as cells: its text is the cells' joined by " | " (blocks.py, htmlBlocks). */
  function rowNode(block, only) {
    const cells = [[]];
    for (const [op, text] of block.segments) {
      if (only && op !== "equal" && op !== only) continue;
      text.split("|").forEach((part, i) => {
        if (i) cells.push([]);
        const piece = i || cells[cells.length - 1].length ? part : part.replace(/^\s+/, "");
        if (!piece.trim() && op === "equal") return;
        if (op === "insert") cells[cells.length - 1].push(el("ins", { text: piece }));
        else if (op === "delete") cells[cells.length - 1].push(el("del", { text: piece }));
        else cells[cells.length - 1].push(document.createTextNode(piece));
      });
    }
    return el("tr", { class: "sl-diff__block sl-diff__block--" + block.status }, cells.map((nodes) => el("td", {}, nodes)));
  }

  function blockNodes(blocks, only) {
    const nodes = [];
    let list = null;
    let table = null;
    for (const b of blocks) {
      if (only === "insert" && b.status === "removed") continue;
      if (only === "delete" && b.status === "added") continue;
      if (b.kind === "row") {  // tables stay tables
        list = null;
        if (!table) {
          table = el("tbody");
          nodes.push(el("table", { class: "sl-diff__table" }, [table]));
        }
        table.append(rowNode(b, only));
        continue;
      }
      table = null;
      const tag = b.kind === "item" ? "li" : b.kind === "heading" ? "h3" : "p";
      const node = el(tag, { class: "sl-diff__block sl-diff__block--" + b.status }, segmentsWithBreaks(b.segments, only));
      if (tag === "li") {
        if (!list) {
          list = el("ul");
          nodes.push(list);
        }
        list.append(node);
      } else {
        list = null;
        nodes.push(node);
      }
    }
    return nodes;
  }

  function segmentsWithBreaks(list, only) {
    const out = [];
    for (const node of segments(list, only)) {
      const text = node.textContent;
      if (!text.includes("\n")) {
        out.push(node);
        continue;
      }
      text.split("\n").forEach((part, i) => {
        if (i) out.push(el("br"));
        const copy = node.nodeType === Node.TEXT_NODE ? document.createTextNode(part) : el(node.localName, { text: part });
        out.push(copy);
      });
    }
    return out;
  }

  function badges(section, ui) {
    const d = ui.diff;
    const list = [];
    if (section.status === "added") list.push(d.added);
    if (section.status === "removed") list.push(d.removed);
    if (section.moved) list.push(d.moved);
    return list.map((text) => el("span", { class: "sl-diff__badge", text: text }));
  }

  function sectionNode(section, ui, view) {
    const d = ui.diff;
    const headingText = section.new_heading || section.old_heading;
    const heading = el("h2", { class: "sl-diff__heading" }, section.renamed ? segments(section.heading) : [headingText || ""]);
    const head = el("div", { class: "sl-diff__head" }, [heading].concat(badges(section, ui)));
    if (section.renamed) head.append(el("p", { class: "sl-diff__renamed", text: d.renamed + " " + section.old_heading + " → " + section.new_heading }));
    if (section.change !== "text" && section.change !== "none") head.append(el("p", { class: "sl-note", text: d["change_" + section.change] }));
    let body;
    if (view === "side") {
      body = el("div", { class: "sl-diff__columns" }, [
        el("div", { class: "sl-diff__column", "aria-label": d.old_column }, blockNodes(section.blocks, "delete")),
        el("div", { class: "sl-diff__column", "aria-label": d.new_column }, blockNodes(section.blocks, "insert")),
      ]);
    } else {
      body = el("div", { class: "sl-diff__inline" }, blockNodes(section.blocks, null));
    }
    return el("section", { class: "sl-diff__section sl-diff__section--" + section.status, id: "diff-" + (section.new_id || section.old_id) }, [head, body]);
  }

  function unchangedGroup(sections, ui) {
    const d = ui.diff;
    const summary = el("summary", { text: fill(plural(d.unchanged_sections, sections.length), { count: sections.length }) + ": " + sections.map((s) => s.new_heading || "…").join(" · ") });
    const inner = sections.map((s) => el("section", { class: "sl-diff__section sl-diff__section--unchanged" }, [
      el("h2", { class: "sl-diff__heading", text: s.new_heading || "" }),
      el("div", {}, blockNodes(s.blocks, null)),
    ]));
    return el("details", { class: "sl-diff__unchanged" }, [summary].concat(inner));
  }

  function factsNode(facts, ui) {
    const d = ui.diff;
    const rows = facts.map(([field, item, kind, oldValue, newValue]) => {
      const name = ui.fields[field] || field;
      // A list fact's entry is named by its own text; a single fact's part by the part's label.
      const what = item ? name + " – " + (ui.list_facts.includes(field) ? item : ui.fields[item] || item) : name;
      return el("tr", { class: "sl-diff__fact sl-diff__fact--" + kind }, [
        el("th", { scope: "row", text: what }),
        el("td", { text: d["fact_" + kind] }),
        el("td", {}, oldValue === null ? [] : [el("del", { text: oldValue })]),
        el("td", {}, newValue === null ? [] : [el("ins", { text: newValue })]),
      ]);
    });
    return el("section", { class: "sl-diff__facts" }, [
      el("h2", { text: d.facts_title }),
      el("table", {}, [el("tbody", {}, rows)]),
    ]);
  }

  function render(target, diff, ui, view, labels) {
    const d = ui.diff;
    target.replaceChildren();
    const summary = el("p", { class: "sl-diff__summary" }, [
      el("strong", { text: d["change_" + diff.change] }), " ",
      fill(d.words, { inserted: diff.words_inserted, deleted: diff.words_deleted }),
    ]);
    const toolbar = el("div", { class: "sl-diff__toolbar", role: "group", "aria-label": d.view }, [
      el("button", { type: "button", class: "md-button", "data-view": "inline", "aria-pressed": String(view !== "side"), text: d.inline }),
      el("button", { type: "button", class: "md-button", "data-view": "side", "aria-pressed": String(view === "side"), text: d.side_by_side }),
    ]);
    target.append(summary, el("p", { class: "sl-note", text: d.legend }), toolbar);
    if (view === "side") {
      target.append(el("div", { class: "sl-diff__columns sl-diff__column-heads", "aria-hidden": "true" }, [
        el("strong", { text: d.old_column + ": " + labels.from }),
        el("strong", { text: d.new_column + ": " + labels.to }),
      ]));
    }
    if (diff.title.some((s) => s[0] !== "equal")) target.append(el("h2", { class: "sl-diff__title" }, segments(diff.title)));
    if (diff.facts.length) target.append(factsNode(diff.facts, ui));
    if (diff.change === "none") {
      target.append(el("p", { text: d.no_change }));
      return;
    }
    target.append(el("h2", { text: d.sections_title }));
    let group = [];
    const flushGroup = () => {
      if (group.length) target.append(unchangedGroup(group, ui));
      group = [];
    };
    for (const section of diff.sections) {
      if (section.status === "unchanged" && !section.moved && !section.renamed) {
        group.push(section);
        continue;
      }
      flushGroup();
      target.append(sectionNode(section, ui, view));
    }
    flushGroup();
  }

  async function start() {
    const shell = document.querySelector("article.sl-notice[data-versions]");
    if (shell) return showVersion(shell);
    const form = document.getElementById("sl-compare-form");
    const target = document.getElementById("sl-diff");
    if (!form || !target) return;
    let ui;
    try {
      const response = await fetch(new URL(target.dataset.labels, location.href).href, { credentials: "same-origin" });
      if (!response.ok) throw new Error("labels: HTTP " + response.status);
      ui = await response.json();
    } catch (error) {
      target.replaceChildren(el("p", { class: "sl-diff__error", text: target.dataset.failed }));
      return;
    }
    const params = new URLSearchParams(location.search);
    const pick = (name) => {
      const select = form.elements[name];
      const wanted = params.get(name);
      if (wanted && Array.from(select.options).some((o) => o.value === wanted)) select.value = wanted;
      return select.options[select.selectedIndex];
    };
    let from = pick("from"), to = pick("to");
    if (from.value > to.value) {
      // Version ids are ISO dates: a pair given newest first is shown oldest first, as the labels say.
      [from, to] = [to, from];
      form.elements.from.value = from.value;
      form.elements.to.value = to.value;
    }
    let view = params.get("view") === "side" ? "side" : "inline";
    const viewInput = el("input", { type: "hidden", name: "view", value: view });
    form.append(viewInput);  // choosing another pair keeps the view
    const keep = () => {
      // The address, and the link to this page in the other language, name the pair and the view shown.
      params.set("from", from.value);
      params.set("to", to.value);
      params.set("view", view);
      viewInput.value = view;
      history.replaceState(null, "", "?" + params.toString());
      const other = document.querySelector("a.sl-lite__lang");
      if (other) other.search = "?" + params.toString();
    };
    keep();
    if (from.value === to.value) {
      target.replaceChildren(el("p", { text: ui.diff.same_version }));
      return;
    }
    target.replaceChildren(el("p", { text: ui.diff.loading }));
    let diff;
    try {
      const url = new URL(target.dataset.versions, location.href).href;
      diff = await diffVersions(url, from.value, to.value, ui.fact_order);
    } catch (error) {
      target.replaceChildren(el("p", { class: "sl-diff__error", text: ui.diff.failed }));
      return;
    }
    const labels = { from: from.textContent.trim(), to: to.textContent.trim() };
    render(target, diff, ui, view, labels);
    target.dataset.ready = "true";
    target.addEventListener("click", (event) => {
      const button = event.target.closest("button[data-view]");
      if (!button) return;
      view = button.dataset.view;
      keep();
      render(target, diff, ui, view, labels);
      target.dataset.ready = "true";
    });
    window.addEventListener("beforeprint", () => target.querySelectorAll("details").forEach((d) => (d.open = true)));
  }

  window.selosteCompare = {
    diffTexts: diffTexts,
    diffVersions: diffVersions,
    readVersion: readVersion,
    wordDiff: wordDiff,
    classify: classify,
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
