/*
 * Seloste: two versions of a notice compared, word by word and fact by fact, with no DOM.
 *
 * A port of hooks/seloste/compare/ (words.py, diff.py, facts.py), which is the reference: the test
 * suite runs both on generated texts (Hypothesis, through Node) and on golden files of the fixture
 * histories, and requires identical results (tests/test_diff_parity.py). A change to the diff
 * changes both, in the same commit. The page code (seloste-compare.js) reads the versions and
 * renders the result; this file is a browser script (window.selosteDiff), which Node runs in a vm context
 * (tests/js/diff_runner.mjs).
 */
(function (root) {
  "use strict";

  // --- difflib.SequenceMatcher (autojunk off, no junk), as in CPython, paid from a budget -----
  // (hooks/seloste/matching.py: the same steps in the same order, so that both fall back at the same place)

  const MAX_DIFF_WORK = 5000000; // hooks/seloste/limits.py
  const SETUP_STEPS = 100; // what building a matcher costs beyond its items (matching.py)
  const ITEM_STEPS = 4; // what reading one item costs, indexing it or passing over it in a search

  /* Steps of matching left for one comparison; its first refusal spends it all. */
  function Budget(steps) {
    this.left = steps;
    this.exhausted = false;
  }

  Budget.prototype.spend = function (steps) {
    if (this.exhausted || steps > this.left) {
      this.exhausted = true;
      this.left = 0;
      return false;
    }
    this.left -= steps;
    return true;
  };

  function OutOfSteps() {}

  /* Matching blocks of the two sequences' common start and common end only. */
  function ends(a, b) {
    const size = Math.min(a.length, b.length);
    let start = 0;
    while (start < size && a[start] === b[start]) start++;
    let end = 0;
    while (end < size - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
    const blocks = start ? [[0, 0, start]] : [];
    if (end) blocks.push([a.length - end, b.length - end, end]);
    blocks.push([a.length, b.length, 0]);
    return blocks;
  }

  function SequenceMatcher(a, b, budget) {
    this.a = a;
    this.b = b;
    this.budget = budget || new Budget(MAX_DIFF_WORK);
    this.blocks = null;
    this.costs = null;
    if (!this.budget.spend(SETUP_STEPS + ITEM_STEPS * (a.length + b.length))) {
      this.blocks = ends(a, b);
      return;
    }
    this.b2j = new Map();
    for (let j = 0; j < b.length; j++) {
      const list = this.b2j.get(b[j]);
      if (list) list.push(j);
      else this.b2j.set(b[j], [j]);
    }
  }

  SequenceMatcher.prototype.findLongestMatch = function (alo, ahi, blo, bhi) {
    const a = this.a, b = this.b;
    if (this.costs === null) {
      this.costs = [0];
      for (let i = 0; i < a.length; i++) this.costs.push(this.costs[i] + ITEM_STEPS + (this.b2j.get(a[i]) || []).length);
    }
    if (!this.budget.spend(this.costs[ahi] - this.costs[alo])) throw new OutOfSteps();
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
    try {
      this.blocks = this.search();
    } catch (error) {
      if (!(error instanceof OutOfSteps)) throw error;
      this.blocks = ends(this.a, this.b);
    }
    return this.blocks;
  };

  SequenceMatcher.prototype.search = function () {
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
  // Python's \s (str.isspace): JavaScript's also takes U+FEFF and leaves out U+001C-U+001F and U+0085.
  const SPACE_CHARS = "\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000";
  const SPACES = new RegExp("[" + SPACE_CHARS + "]+", "gu");
  const ONE_SPACE = new RegExp("^[" + SPACE_CHARS + "]$", "u");
  const TOKEN = new RegExp(WORD + "+|[" + SPACE_CHARS + "]+|[^\\p{L}\\p{N}_" + SPACE_CHARS + "]", "gu");
  const HAS_WORD = new RegExp(WORD, "u");
  const BLANK = new RegExp("^[" + SPACE_CHARS + "]*$", "u");
  // a word as a reader counts it (diff.py's COUNTED_WORD): a date, a compound, an inflected name is one
  const WORDS = new RegExp(WORD + "+(?:[-/.:'\u2019]" + WORD + "+)*", "gu");
  const MONTHS =
    "tammikuuta|helmikuuta|maaliskuuta|huhtikuuta|toukokuuta|kesäkuuta|heinäkuuta|elokuuta|syyskuuta|lokakuuta|" +
    "marraskuuta|joulukuuta|January|February|March|April|May|June|July|August|September|October|November|December";
  const DATE = new RegExp(
    "(?<!" + WORD + ")(?:[0-9]{1,2}\\.[0-9]{1,2}\\.[0-9]{2,4}|[0-9]{4}-[0-9]{2}-[0-9]{2}|" +
      "[0-9]{1,2}\\.? (?:" + MONTHS + ") [0-9]{4}|(?:" + MONTHS + ") [0-9]{1,2},? [0-9]{4})",
    "gu"
  );
  const RANK = { none: 0, whitespace: 1, dates: 2, numbering: 3, links: 4, facts: 5, text: 6 };
  const SAME_SECTION = 0.6;
  const SAME_BLOCK = 0.4;
  const SAME_FACT = 0.5;

  function tokens(text) {
    return text.match(TOKEN) || [];
  }

  function splitWords(text) {
    return text.split(SPACES).filter(Boolean);
  }

  /* NFC, every run of whitespace one space, none at the ends (markup/text.py normalize). */
  function normalize(text) {
    return text.normalize("NFC").replace(SPACES, " ").replace(/^ | $/g, "");
  }

  function seg(op, text) {
    return [op, text];
  }

  function wordDiff(oldText, newText, budget) {
    const a = tokens(oldText), b = tokens(newText);
    const raw = [];
    for (const [tag, i1, i2, j1, j2] of new SequenceMatcher(a, b, budget).opcodes()) {
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
    const result = [];
    segments.forEach((s, i) => {
      const gap = i > 0 && i < segments.length - 1 && s[0] === "equal" && s[1].length <= 2 && !HAS_WORD.test(s[1]);
      if (gap && result[result.length - 1][0] !== "equal" && segments[i + 1][0] !== "equal") {
        result.push(seg("delete", s[1]), seg("insert", s[1]));
      } else {
        result.push(s);
      }
    });
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
      if (space && ONE_SPACE.test(space) && after[1].startsWith(space)) {
        segments[i - 1] = seg("equal", before[1] + space);
        segments[i] = seg(change[0], change[1].slice(1) + space);
        segments[i + 1] = seg("equal", after[1].slice(1));
      }
    }
    return segments.filter((s) => s[1]);
  }

  function similarity(oldText, newText, budget) {
    if (!budget.spend(1)) return 0.0;
    const a = splitWords(oldText), b = splitWords(newText);
    if (!a.length && !b.length) return 1.0;
    return new SequenceMatcher(a, b, budget).ratio();
  }

  /* From [score, i, j] candidates, pairs [i, j] best first, each i and j used once, none below threshold; ties go
     to the higher i, then j (words.py, best_pairs). */
  function bestPairs(candidates, threshold) {
    candidates.sort((x, y) => y[0] - x[0] || y[1] - x[1] || y[2] - x[2]);
    const pairs = [], usedI = new Set(), usedJ = new Set();
    for (const [score, i, j] of candidates) {
      if (score < threshold) break;
      if (usedI.has(i) || usedJ.has(j)) continue;
      pairs.push([i, j]);
      usedI.add(i);
      usedJ.add(j);
    }
    return pairs;
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

  /* What makes two blocks the same: the number their list starts at, their text and where their links lead
     (diff.py, _key). */
  function blockKey(b) {
    return [b.start || "", b.text].concat(b.links).join("\u0000");
  }

  function blockDiffs(oldBlocks, newBlocks, budget) {
    const result = [];
    const matcher = new SequenceMatcher(oldBlocks.map(blockKey), newBlocks.map(blockKey), budget);
    for (const [tag, i1, i2, j1, j2] of matcher.opcodes()) {
      if (tag === "equal") {
        for (const b of newBlocks.slice(j1, j2)) result.push(block(b.kind, "unchanged", [seg("equal", b.text)], "none", [], null));
        continue;
      }
      for (const b of pairBlocks(oldBlocks.slice(i1, i2), newBlocks.slice(j1, j2), budget)) result.push(b);
    }
    return result;
  }

  /* numbering: [the number the block's list started at, the number it starts at now] where it changed, else null
     (a number as text; null in it: a list without numbers). */
  function block(kind, status, segments, change, links, numbering) {
    return { kind: kind, status: status, change: change, segments: segments, links: links, numbering: numbering };
  }

  /* The link targets removed and added between two blocks, in order; empty if the same (diff.py, _link_diff). */
  function linkDiff(oldLinks, newLinks, budget) {
    const result = [];
    for (const [tag, i1, i2, j1, j2] of new SequenceMatcher(oldLinks, newLinks, budget).opcodes()) {
      if (tag === "equal") continue;
      for (const target of oldLinks.slice(i1, i2)) result.push(seg("delete", target));
      for (const target of newLinks.slice(j1, j2)) result.push(seg("insert", target));
    }
    return result;
  }

  function added(b, budget) {
    return block(b.kind, "added", [seg("insert", b.text)], "text", linkDiff([], b.links, budget), null);
  }

  function removed(b, budget) {
    return block(b.kind, "removed", [seg("delete", b.text)], "text", linkDiff(b.links, [], budget), null);
  }

  function changed(o, n, budget) {
    const links = linkDiff(o.links, n.links, budget);
    const oldStart = o.start === undefined ? null : o.start, newStart = n.start === undefined ? null : n.start;
    const numbering = oldStart !== newStart ? [oldStart, newStart] : null;
    const classes = [classify(o.text, n.text)];
    if (links.length) classes.push("links");
    if (numbering) classes.push("numbering");
    return block(n.kind, "changed", wordDiff(o.text, n.text, budget), worst(classes), links, numbering);
  }

  /* Within a replaced run, similar blocks diffed word by word, in order; once the budget is spent, no more paired. */
  function pairBlocks(oldBlocks, newBlocks, budget) {
    const result = [];
    let j = 0;
    for (const b of oldBlocks) {
      let match = null;
      for (let k = j; k < newBlocks.length; k++) {
        if (budget.exhausted) break;
        if (newBlocks[k].kind === b.kind && similarity(b.text, newBlocks[k].text, budget) >= SAME_BLOCK) {
          match = k;
          break;
        }
      }
      if (match === null) {
        result.push(removed(b, budget));
        continue;
      }
      for (const a of newBlocks.slice(j, match)) result.push(added(a, budget));
      result.push(changed(b, newBlocks[match], budget));
      j = match + 1;
    }
    for (const a of newBlocks.slice(j)) result.push(added(a, budget));
    return result;
  }

  // --- lines that moved (moves.py) --------------------------------------------------------

  const OLD_SIDE = new Set(["equal", "delete", "moved_away"]);
  const NEW_SIDE = new Set(["equal", "insert", "moved_here"]);
  const DROP = "";

  /* Each segment cut at its line breaks, each break a piece of its own: [op, text]. */
  function pieces(segments) {
    const result = [];
    for (const [op, text] of segments) {
      text.split("\n").forEach((part, k) => {
        if (k) result.push([op, "\n"]);
        if (part) result.push([op, part]);
      });
    }
    return result;
  }

  /* The lines of one side of a section in order: [block index, piece indexes]. */
  function lines(blocks, side) {
    const result = [];
    blocks.forEach((list, b) => {
      let current = [];
      let started = false;
      list.forEach(([op, text], k) => {
        if (!side.has(op)) return;
        started = true;
        if (text === "\n") {
          result.push([b, current]);
          current = [];
        } else {
          current.push(k);
        }
      });
      if (started) result.push([b, current]);
    });
    return result;
  }

  function lineText(blocks, line) {
    return line[1].map((k) => blocks[line[0]][k][1]).join("");
  }

  function whole(blocks, line, op) {
    const parts = line[1].map((k) => blocks[line[0]][k]);
    return parts.some((p) => p[0] === op && HAS_WORD.test(p[1])) && parts.every((p) => p[0] === op || BLANK.test(p[1]));
  }

  function keptInPlace(blocks, oldLines, newLines, budget) {
    const matcher = new SequenceMatcher(oldLines.map((l) => lineText(blocks, l)), newLines.map((l) => lineText(blocks, l)), budget);
    const kept = new Set();
    for (const [i, j, size] of matcher.matchingBlocks()) for (let k = 0; k < size; k++) kept.add((i + k) + " " + (j + k));
    return kept;
  }

  /* The index of the nearest piece of side from start toward step (-1 before, 1 after), or -1 (moves.py, _nearest). */
  function nearest(list, start, step, side) {
    for (let k = start + step; k >= 0 && k < list.length; k += step) if (side.has(list[k][0])) return k;
    return -1;
  }

  /* A block's pieces with each line kept in place set apart, on the older side, from the text the older side shows
     beside it: an inserted break between them is equal; where there is none, the older side has its own (moves.py,
     _kept_apart). */
  function keptApart(list, keptLines) {
    const breaks = new Set();
    for (const linePieces of keptLines) {
      for (const [start, step] of [[linePieces[0], -1], [linePieces[linePieces.length - 1], 1]]) {
        const beside = nearest(list, start, step, OLD_SIDE);
        if (beside < 0 || list[beside][1] === "\n") continue;
        const k = nearest(list, start, step, NEW_SIDE);
        if (k >= 0 && list[k][0] === "insert" && list[k][1] === "\n" && Math.abs(k - start) < Math.abs(beside - start)) list[k][0] = "equal";
        else breaks.add(step < 0 ? start : start + 1);
      }
    }
    if (!breaks.size) return list;
    const result = [];
    list.forEach((piece, k) => {
      if (breaks.has(k)) result.push(["delete", "\n"]);
      result.push(piece);
    });
    return result;
  }

  function cancelLinks(removedLinks, addedLinks) {
    for (const s of removedLinks.filter((x) => x[0] === "delete")) {
      const twin = addedLinks.find((x) => x[0] === "insert" && x[1] === s[1]);
      if (twin) {
        removedLinks.splice(removedLinks.indexOf(s), 1);
        addedLinks.splice(addedLinks.indexOf(twin), 1);
      }
    }
  }

  /* A deleted break goes where it would stand first or last on the older side, or before another break: it stays if
     the nearest piece after it that stays is text and a piece other than a deleted break stands before it (moves.py). */
  function tidy(list) {
    let kept = list.filter((p) => p[0] !== DROP);
    const old = kept.filter((p) => OLD_SIDE.has(p[0]));
    const isDeletedBreak = (p) => p[0] === "delete" && p[1] === "\n";
    const otherBefore = [false];
    for (const p of old) otherBefore.push(otherBefore[otherBefore.length - 1] || !isDeletedBreak(p));
    const going = new Set();
    let after = null;
    for (let k = old.length - 1; k >= 0; k--) {
      const piece = old[k];
      if (isDeletedBreak(piece) && (after === null || after[1] === "\n" || !otherBefore[k])) going.add(piece);
      else after = piece;
    }
    kept = kept.filter((p) => !going.has(p));
    for (const [side, moved, plain] of [[OLD_SIDE, "moved_away", "delete"], [NEW_SIDE, "moved_here", "insert"]]) {
      const line = kept.filter((p) => side.has(p[0]));
      for (let k = 1; k < line.length - 1; k++) {
        if (line[k][0] === plain && line[k][1] === "\n" && line[k - 1][0] === moved && line[k + 1][0] === moved) line[k][0] = moved;
      }
    }
    return kept;
  }

  function settled(b, list, links) {
    const segments = [];
    for (const [op, text] of tidy(list)) {
      if (segments.length && segments[segments.length - 1][0] === op) segments[segments.length - 1][1] += text;
      else segments.push([op, text]);
    }
    const visible = (...ops) => segments.some((s) => ops.includes(s[0]) && !BLANK.test(s[1]));
    let status = b.status;
    if (status === "removed" && !visible("delete", "moved_away")) return null;
    if (status === "added" && !visible("insert", "moved_here")) status = "changed";
    let change = "whitespace";
    if (visible("moved_away", "moved_here")) change = "text";
    else if (visible("insert", "delete")) change = b.change;
    if (links.length) change = worst([change, "links"]);
    if (b.numbering) change = worst([change, "numbering"]);
    return block(b.kind, status, segments, change, links, b.numbering);
  }

  /* Inserted lines that read alike, in reading order, handed out from the first not yet taken (moves.py, _Unmatched). */
  function Unmatched() {
    this.lines = [];
    this.next = 0;
  }

  Unmatched.prototype.first = function (taken) {
    while (this.next < this.lines.length && taken.has(this.lines[this.next][0] + " " + this.lines[this.next][1])) this.next++;
    return this.next < this.lines.length ? this.lines[this.next] : null;
  };

  /* Each section's block diffs, in reading order, with moved lines settled (moves.py, settle_moves). */
  function settleMoves(sections, paired, budget) {
    const blocks = sections.map((section) => section.map((b) => pieces(b.segments)));
    const oldLines = blocks.map((section) => lines(section, OLD_SIDE));
    const newLines = blocks.map((section) => lines(section, NEW_SIDE));
    const deleted = [], inserted = [];
    oldLines.forEach((list, s) => list.forEach((line, n) => { if (whole(blocks[s], line, "delete")) deleted.push([s, n]); }));
    newLines.forEach((list, s) => list.forEach((line, n) => { if (whole(blocks[s], line, "insert")) inserted.push([s, n]); }));
    const here = new Map(), anywhere = new Map();
    const queue = (map, key) => {
      if (!map.has(key)) map.set(key, new Unmatched());
      return map.get(key);
    };
    for (const [t, m] of inserted) {
      const text = lineText(blocks[t], newLines[t][m]);
      queue(here, t + "\u0000" + text).lines.push([t, m]);
      queue(anywhere, text).lines.push([t, m]);
    }
    const matches = [], matched = new Set(), taken = new Set();
    for (const sameSection of [true, false]) {
      for (const [s, n] of deleted) {
        if (matched.has(s + " " + n)) continue;
        const text = lineText(blocks[s], oldLines[s][n]);
        const found = sameSection ? here.get(s + "\u0000" + text) : anywhere.get(text);
        const twin = found ? found.first(taken) : null;
        if (twin) {
          matches.push([s, n, twin[0], twin[1]]);
          matched.add(s + " " + n);
          taken.add(twin[0] + " " + twin[1]);
        }
      }
    }
    if (!matches.length) return sections;
    const kept = new Map();
    for (const [s, , t] of matches) {
      if (s === t && paired[s] && !kept.has(s)) kept.set(s, keptInPlace(blocks[s], oldLines[s], newLines[s], budget));
    }
    const links = sections.map((section) => section.map((b) => b.links.slice()));
    const touched = new Set(), cancelled = new Set(), inPlace = new Map(); // the lines kept in place, by section and block
    for (const [s, n, t, m] of matches) {
      const [oldBlock, oldPieces] = oldLines[s][n], [newBlock, newPieces] = newLines[t][m];
      const stays = s === t && paired[s] && kept.get(s).has(n + " " + m);
      if (stays) {
        const key = t + " " + newBlock;
        if (!inPlace.has(key)) inPlace.set(key, [t, newBlock, []]);
        inPlace.get(key)[2].push(newPieces);
      }
      for (const k of oldPieces) blocks[s][oldBlock][k][0] = stays ? DROP : "moved_away";
      for (const k of newPieces) if (blocks[t][newBlock][k][0] === "insert") blocks[t][newBlock][k][0] = stays ? "equal" : "moved_here";
      const pair = [s, oldBlock, t, newBlock].join(" ");
      if ((s !== t || oldBlock !== newBlock) && !cancelled.has(pair)) {
        cancelLinks(links[s][oldBlock], links[t][newBlock]); // once a pair: a second time finds nothing
        cancelled.add(pair);
      }
      touched.add(s + " " + oldBlock);
      touched.add(t + " " + newBlock);
    }
    // once every line has settled: a neighbour kept in place is equal by now
    for (const [t, k, keptLines] of inPlace.values()) blocks[t][k] = keptApart(blocks[t][k], keptLines);
    return sections.map((section, s) =>
      section.map((b, k) => (touched.has(s + " " + k) ? settled(b, blocks[s][k], links[s][k]) : b)).filter((b) => b !== null)
    );
  }

  // --- sections ---------------------------------------------------------------------------

  function sideText(side) {
    return side.section.blocks.map((b) => b.text).join(" ");
  }

  /* Pairs of [old, new] sides that are the same section: by lineage, then by id, then (where a side's lineage is
     not known) by text similarity (diff.py, _align). */
  function align(oldSides, newSides, budget) {
    const pairs = [];
    const pairedOld = new Set(), pairedNew = new Set();
    const pairBy = (key) => {
      const first = new Map();
      for (const side of newSides) {
        const value = key(side.section);
        if (value !== null && value !== undefined && !pairedNew.has(side.index) && !first.has(value)) first.set(value, side);
      }
      for (const side of oldSides) {
        const value = key(side.section);
        if (value === null || value === undefined || pairedOld.has(side.index)) continue;
        const partner = first.get(value);
        if (partner && !pairedNew.has(partner.index)) {
          pairs.push([side, partner]);
          pairedOld.add(side.index);
          pairedNew.add(partner.index);
        }
      }
    };
    pairBy((s) => s.lineage);
    pairBy((s) => s.id);
    const candidates = [];
    for (const o of oldSides) {
      if (pairedOld.has(o.index)) continue;
      for (const n of newSides) {
        if (budget.exhausted) break;
        if (pairedNew.has(n.index) || (o.section.lineage && n.section.lineage)) continue;
        candidates.push([similarity(sideText(o), sideText(n), budget), o.index, n.index]);
      }
    }
    for (const [i, j] of bestPairs(candidates, SAME_SECTION)) pairs.push([oldSides[i], newSides[j]]);
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

  function sectionBlocks(oldSide, newSide, budget) {
    if (!oldSide) return newSide.section.blocks.map((b) => added(b, budget));
    if (!newSide) return oldSide.section.blocks.map((b) => removed(b, budget));
    return blockDiffs(oldSide.section.blocks, newSide.section.blocks, budget);
  }

  function sectionDiff(oldSide, newSide, moved, blocks, budget) {
    if (!oldSide) {
      const s = newSide.section;
      return {
        old_id: null, new_id: s.id, old_heading: null, new_heading: s.heading,
        heading: s.heading ? [seg("insert", s.heading)] : [], status: "added", moved: false, renamed: false,
        change: "text", blocks: blocks,
      };
    }
    if (!newSide) {
      const s = oldSide.section;
      return {
        old_id: s.id, new_id: null, old_heading: s.heading, new_heading: null,
        heading: s.heading ? [seg("delete", s.heading)] : [], status: "removed", moved: false, renamed: false,
        change: "text", blocks: blocks,
      };
    }
    const o = oldSide.section, n = newSide.section;
    const headingChange = classify(o.heading || "", n.heading || "");
    const renamed = headingChange !== "none" && headingChange !== "whitespace";
    let change = worst([headingChange].concat(blocks.map((b) => b.change)));
    if (change === "none" && o.source !== n.source) change = "whitespace";
    const heading = o.heading || n.heading ? wordDiff(o.heading || "", n.heading || "", budget) : [];
    return {
      old_id: o.id, new_id: n.id, old_heading: o.heading, new_heading: n.heading, heading: heading,
      status: change === "none" ? "unchanged" : "changed", moved: moved, renamed: renamed, change: change, blocks: blocks,
    };
  }

  function countWords(title, sections, op) {
    let count = 0;
    const add = (s) => { if (s[0] === op) count += (s[1].match(WORDS) || []).length; };
    title.forEach(add);
    for (const section of sections) section.heading.forEach(add);
    for (const section of sections) for (const b of section.blocks) b.segments.forEach(add);
    return count;
  }

  function diffFacts(oldFacts, newFacts, order, budget) {
    const changes = [];
    for (const name of order) {
      if (oldFacts.list.has(name) || newFacts.list.has(name)) {
        for (const change of listChanges(name, oldFacts, newFacts, budget)) changes.push(change);
        continue;
      }
      const a = oldFacts.single.get(name), b = newFacts.single.get(name);
      if (!a && !b) continue;
      if (!a || !b) {
        changes.push([name, null, a ? "removed" : "added", joined(a), joined(b), null]);
        continue;
      }
      const parts = Array.from(a.keys()).concat(Array.from(b.keys()).filter((p) => !a.has(p)));
      for (const part of parts) {
        const x = a.has(part) ? a.get(part) : null, y = b.has(part) ? b.get(part) : null;
        if (x !== y) changes.push([name, part, x === null ? "added" : y === null ? "removed" : "changed", x, y, null]);
      }
    }
    return changes;
  }

  /* Each entry's reading; where none is given, its key and its value (facts.py, _readings). */
  function readings(facts, name) {
    const given = (facts.entries && facts.entries.get(name)) || new Map();
    const result = new Map();
    for (const [k, v] of facts.list.get(name) || new Map()) result.set(k, given.get(k) || (v === "" || v === k ? k : k + " (" + v + ")"));
    return result;
  }

  /* A list fact's entries removed, added and changed, a removed and an added entry that read alike paired as one
     entry changed (facts.py, _list_changes). */
  function listChanges(name, oldFacts, newFacts, budget) {
    const before = oldFacts.list.get(name) || new Map(), after = newFacts.list.get(name) || new Map();
    const readBefore = readings(oldFacts, name), readAfter = readings(newFacts, name);
    const gone = Array.from(before.keys()).filter((k) => !after.has(k));
    const came = Array.from(after.keys()).filter((k) => !before.has(k));
    const candidates = [];
    for (let i = 0; i < gone.length; i++) {
      for (let j = 0; j < came.length; j++) {
        if (budget.exhausted) break; // no more entries paired: the rest are removed and added
        candidates.push([similarity(readBefore.get(gone[i]), readAfter.get(came[j]), budget), i, j]);
      }
    }
    const pairs = bestPairs(candidates, SAME_FACT).sort((x, y) => x[0] - y[0] || x[1] - y[1]);
    const pairedGone = new Set(pairs.map((p) => p[0])), pairedCame = new Set(pairs.map((p) => p[1]));
    const changes = [];
    gone.forEach((k, i) => { if (!pairedGone.has(i)) changes.push([name, k, "removed", readBefore.get(k), null, null]); });
    came.forEach((k, j) => { if (!pairedCame.has(j)) changes.push([name, k, "added", null, readAfter.get(k), null]); });
    for (const [k, v] of before) if (after.has(k) && v !== after.get(k)) changes.push([name, k, "changed", v, after.get(k), null]);
    for (const [i, j] of pairs) changes.push([name, came[j], "changed", readBefore.get(gone[i]), readAfter.get(came[j]), gone[i]]);
    return changes;
  }

  function joined(parts) {
    return parts && parts.size ? Array.from(parts.values()).join(", ") : null;
  }

  /* What changed between two versions, in at most `work` steps of word matching (default MAX_DIFF_WORK): past
     them, paragraphs are compared whole and the result says so (coarse). */
  function diffTexts(oldText, newText, order, work) {
    const budget = new Budget(work === undefined ? MAX_DIFF_WORK : work);
    const oldSides = oldText.sections.map((s, i) => ({ index: i, section: s }));
    const newSides = newText.sections.map((s, i) => ({ index: i, section: s }));
    const pairs = align(oldSides, newSides, budget);
    const moved = movedSet(pairs);
    const byNew = new Map(pairs.map((p) => [p[1].index, p[0]]));
    const pairedOld = new Set(pairs.map((p) => p[0].index));
    const entries = [];
    for (const side of newSides) entries.push([side.index, 0, byNew.get(side.index) || null, side]);
    for (const side of oldSides) {
      if (pairedOld.has(side.index)) continue;
      let preceding = -1;
      for (const [o, n] of pairs) if (o.index < side.index && n.index > preceding) preceding = n.index;
      entries.push([preceding + 0.5, side.index, side, null]);
    }
    entries.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
    const paired = entries.map((e) => e[2] !== null && e[3] !== null);
    const blocks = settleMoves(entries.map((e) => sectionBlocks(e[2], e[3], budget)), paired, budget);
    const sections = entries.map(([, , o, n], k) => sectionDiff(o, n, o !== null && n !== null && moved.has(o.index), blocks[k], budget));
    const facts = diffFacts(oldText.facts, newText.facts, order, budget);
    const title = wordDiff(oldText.title, newText.title, budget);
    let change = worst([classify(oldText.title, newText.title)].concat(sections.map((s) => s.change), sections.filter((s) => s.moved).map(() => "text")));
    if (facts.length && change === "none") change = "facts"; // the archive's reading of the text changed, not the text
    return {
      change: change,
      title: title,
      facts: facts,
      sections: sections,
      words_inserted: countWords(title, sections, "insert"),
      words_deleted: countWords(title, sections, "delete"),
      coarse: budget.exhausted,
    };
  }

  function factsFrom(json) {
    const toMaps = (pairs) => new Map(pairs.map(([name, values]) => [name, new Map(values)]));
    return { single: toMaps(json.single), list: toMaps(json.list), entries: toMaps(json.entries || []) };
  }

  const api = {
    MAX_DIFF_WORK: MAX_DIFF_WORK,
    SETUP_STEPS: SETUP_STEPS,
    ITEM_STEPS: ITEM_STEPS,
    Budget: Budget,
    SequenceMatcher: SequenceMatcher,
    normalize: normalize,
    tokens: tokens,
    wordDiff: wordDiff,
    classify: classify,
    diffTexts: diffTexts,
    factsFrom: factsFrom,
  };
  root.selosteDiff = api;
})(this);
