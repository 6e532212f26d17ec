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
  // Python's \s (str.isspace): JavaScript's also takes U+FEFF and leaves out U+001C-U+001F and U+0085.
  const SPACE_CHARS = "\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000";
  const SPACES = new RegExp("[" + SPACE_CHARS + "]+", "gu");
  const ONE_SPACE = new RegExp("^[" + SPACE_CHARS + "]$", "u");
  const TOKEN = new RegExp(WORD + "+|[" + SPACE_CHARS + "]+|[^\\p{L}\\p{N}_" + SPACE_CHARS + "]", "gu");
  const HAS_WORD = new RegExp(WORD, "u");
  const BLANK = new RegExp("^[" + SPACE_CHARS + "]*$", "u");
  const WORDS = new RegExp(WORD + "+", "gu");
  const MONTHS =
    "tammikuuta|helmikuuta|maaliskuuta|huhtikuuta|toukokuuta|kesäkuuta|heinäkuuta|elokuuta|syyskuuta|lokakuuta|" +
    "marraskuuta|joulukuuta|January|February|March|April|May|June|July|August|September|October|November|December";
  const DATE = new RegExp(
    "(?<!" + WORD + ")(?:[0-9]{1,2}\\.[0-9]{1,2}\\.[0-9]{2,4}|[0-9]{4}-[0-9]{2}-[0-9]{2}|" +
      "[0-9]{1,2}\\.? (?:" + MONTHS + ") [0-9]{4}|(?:" + MONTHS + ") [0-9]{1,2},? [0-9]{4})",
    "gu"
  );
  const RANK = { none: 0, whitespace: 1, dates: 2, numbering: 3, links: 4, text: 5 };
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
      if (space && ONE_SPACE.test(space) && after[1].startsWith(space)) {
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

  function blockDiffs(oldBlocks, newBlocks) {
    const result = [];
    const matcher = new SequenceMatcher(oldBlocks.map(blockKey), newBlocks.map(blockKey));
    for (const [tag, i1, i2, j1, j2] of matcher.opcodes()) {
      if (tag === "equal") {
        for (const b of newBlocks.slice(j1, j2)) result.push(block(b.kind, "unchanged", [seg("equal", b.text)], "none", [], null));
        continue;
      }
      result.push(...pairBlocks(oldBlocks.slice(i1, i2), newBlocks.slice(j1, j2)));
    }
    return result;
  }

  /* numbering: [the number the block's list started at, the number it starts at now] where it changed, else null
     (a number as text; null in it: a list without numbers). */
  function block(kind, status, segments, change, links, numbering) {
    return { kind: kind, status: status, change: change, segments: segments, links: links, numbering: numbering };
  }

  /* The link targets removed and added between two blocks, in order; empty if the same (diff.py, _link_diff). */
  function linkDiff(oldLinks, newLinks) {
    const result = [];
    for (const [tag, i1, i2, j1, j2] of new SequenceMatcher(oldLinks, newLinks).opcodes()) {
      if (tag === "equal") continue;
      for (const target of oldLinks.slice(i1, i2)) result.push(seg("delete", target));
      for (const target of newLinks.slice(j1, j2)) result.push(seg("insert", target));
    }
    return result;
  }

  function added(b) {
    return block(b.kind, "added", [seg("insert", b.text)], "text", linkDiff([], b.links), null);
  }

  function removed(b) {
    return block(b.kind, "removed", [seg("delete", b.text)], "text", linkDiff(b.links, []), null);
  }

  function changed(o, n) {
    const links = linkDiff(o.links, n.links);
    const oldStart = o.start === undefined ? null : o.start, newStart = n.start === undefined ? null : n.start;
    const numbering = oldStart !== newStart ? [oldStart, newStart] : null;
    const classes = [classify(o.text, n.text)];
    if (links.length) classes.push("links");
    if (numbering) classes.push("numbering");
    return block(n.kind, "changed", wordDiff(o.text, n.text), worst(classes), links, numbering);
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
        result.push(removed(b));
        continue;
      }
      for (const a of newBlocks.slice(j, match)) result.push(added(a));
      result.push(changed(b, newBlocks[match]));
      j = match + 1;
    }
    for (const a of newBlocks.slice(j)) result.push(added(a));
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

  function keptInPlace(blocks, oldLines, newLines) {
    const matcher = new SequenceMatcher(oldLines.map((l) => lineText(blocks, l)), newLines.map((l) => lineText(blocks, l)));
    const kept = new Set();
    for (const [i, j, size] of matcher.matchingBlocks()) for (let k = 0; k < size; k++) kept.add((i + k) + " " + (j + k));
    return kept;
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

  function tidy(list) {
    const kept = list.filter((p) => p[0] !== DROP);
    let changed = true;
    while (changed) {
      changed = false;
      const old = kept.filter((p) => OLD_SIDE.has(p[0]));
      for (let k = 0; k < old.length; k++) {
        const piece = old[k];
        if (piece[0] !== "delete" || piece[1] !== "\n") continue;
        if (k === 0 || k === old.length - 1 || old[k + 1][1] === "\n") {
          kept.splice(kept.indexOf(piece), 1);
          changed = true;
          break;
        }
      }
    }
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

  /* Each section's block diffs, in reading order, with moved lines settled (moves.py, settle_moves). */
  function settleMoves(sections, paired) {
    const blocks = sections.map((section) => section.map((b) => pieces(b.segments)));
    const oldLines = blocks.map((section) => lines(section, OLD_SIDE));
    const newLines = blocks.map((section) => lines(section, NEW_SIDE));
    const deleted = [], inserted = [];
    oldLines.forEach((list, s) => list.forEach((line, n) => { if (whole(blocks[s], line, "delete")) deleted.push([s, n]); }));
    newLines.forEach((list, s) => list.forEach((line, n) => { if (whole(blocks[s], line, "insert")) inserted.push([s, n]); }));
    const matches = [], matched = new Set(), taken = new Set();
    for (const sameSection of [true, false]) {
      for (const [s, n] of deleted) {
        if (matched.has(s + " " + n)) continue;
        const text = lineText(blocks[s], oldLines[s][n]);
        for (const [t, m] of inserted) {
          if (taken.has(t + " " + m) || (sameSection && t !== s)) continue;
          if (lineText(blocks[t], newLines[t][m]) === text) {
            matches.push([s, n, t, m]);
            matched.add(s + " " + n);
            taken.add(t + " " + m);
            break;
          }
        }
      }
    }
    if (!matches.length) return sections;
    const kept = new Map();
    for (const [s, , t] of matches) if (s === t && paired[s] && !kept.has(s)) kept.set(s, keptInPlace(blocks[s], oldLines[s], newLines[s]));
    const links = sections.map((section) => section.map((b) => b.links.slice()));
    const touched = new Set();
    for (const [s, n, t, m] of matches) {
      const [oldBlock, oldPieces] = oldLines[s][n], [newBlock, newPieces] = newLines[t][m];
      const inPlace = s === t && paired[s] && kept.get(s).has(n + " " + m);
      for (const k of oldPieces) blocks[s][oldBlock][k][0] = inPlace ? DROP : "moved_away";
      for (const k of newPieces) if (blocks[t][newBlock][k][0] === "insert") blocks[t][newBlock][k][0] = inPlace ? "equal" : "moved_here";
      if (s !== t || oldBlock !== newBlock) cancelLinks(links[s][oldBlock], links[t][newBlock]);
      touched.add(s + " " + oldBlock);
      touched.add(t + " " + newBlock);
    }
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
  function align(oldSides, newSides) {
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
        if (pairedNew.has(n.index) || (o.section.lineage && n.section.lineage)) continue;
        candidates.push([similarity(sideText(o), sideText(n)), o.index, n.index]);
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

  function sectionBlocks(oldSide, newSide) {
    if (!oldSide) return newSide.section.blocks.map(added);
    if (!newSide) return oldSide.section.blocks.map(removed);
    return blockDiffs(oldSide.section.blocks, newSide.section.blocks);
  }

  function sectionDiff(oldSide, newSide, moved, blocks) {
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
        changes.push(...listChanges(name, oldFacts, newFacts));
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
  function listChanges(name, oldFacts, newFacts) {
    const before = oldFacts.list.get(name) || new Map(), after = newFacts.list.get(name) || new Map();
    const readBefore = readings(oldFacts, name), readAfter = readings(newFacts, name);
    const gone = Array.from(before.keys()).filter((k) => !after.has(k));
    const came = Array.from(after.keys()).filter((k) => !before.has(k));
    const candidates = [];
    gone.forEach((a, i) => came.forEach((b, j) => candidates.push([similarity(readBefore.get(a), readAfter.get(b)), i, j])));
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

  function diffTexts(oldText, newText, order) {
    const oldSides = oldText.sections.map((s, i) => ({ index: i, section: s }));
    const newSides = newText.sections.map((s, i) => ({ index: i, section: s }));
    const pairs = align(oldSides, newSides);
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
    const blocks = settleMoves(entries.map((e) => sectionBlocks(e[2], e[3])), entries.map((e) => e[2] !== null && e[3] !== null));
    const sections = entries.map(([, , o, n], k) => sectionDiff(o, n, o !== null && n !== null && moved.has(o.index), blocks[k]));
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

  function factsFrom(json) {
    const toMaps = (pairs) => new Map(pairs.map(([name, values]) => [name, new Map(values)]));
    return { single: toMaps(json.single), list: toMaps(json.list), entries: toMaps(json.entries || []) };
  }

  const api = {
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
