/*
 * Seloste: any two versions of a notice compared, in the reader's browser.
 *
 * Each version's permanent page (<slug>/<date>/, the current version's too) holds its notice markup,
 * as the build rendered and sanitised it. The comparison page reads the two versions from
 * their pages (title, sections, blocks, facts) and diffs them with seloste-diff.js,
 * the port of the Python diff (hooks/seloste/compare/), which must give identical results
 * (tests/test_diff_parity.py). Text read for a comparison is only ever inserted with
 * textContent, never as HTML. Needs seloste-common.js and seloste-diff.js before it.
 *
 * The comparison of the organisation's own texts in a language that pages of their own show (its Swedish beside
 * Finnish: <slug>/compare/sv/, data-text-lang on #sl-diff) reads each version's page of that text (<date>/sv/),
 * compares the texts alone (the facts are the site languages' pages'), and marks every text it shows with that
 * language (lang="sv"), the interface's own words with the page's.
 */
(function () {
  "use strict";

  const { normalize, factsFrom, diffTexts, wordDiff, classify } = window.selosteDiff;
  const { el, once } = window.selosteCommon;

  // --- reading a version from its page ---------------------------------------------------

  const KINDS = { p: "paragraph", li: "item", h3: "heading", h4: "heading", h5: "heading", h6: "heading", tr: "row" };

  /* An ordered list's first number as a browser reads its start (digits; "1" if none), without leading zeros
     and as text (markup/blocks.py, list_start). */
  function listStart(value) {
    value = (value || "").trim();
    return /^[0-9]+$/.test(value) ? value.replace(/^0+/, "") || "0" : "1";
  }

  function htmlBlocks(root) {
    const blocks = [];
    const stack = [];
    const lists = [];  // the start of each list the reading is in, innermost last (null: a list without numbers)
    function flush() {
      const top = stack[stack.length - 1];
      const lines = top.parts.join("").split("\n").map(normalize);
      const text = lines.filter(Boolean).join("\n").replace(/^[ |]+|[ |]+$/g, "");
      if (text) blocks.push({ kind: top.kind, text: text, links: top.links, start: top.start });
      top.parts = [];
      top.links = [];
    }
    function visit(node) {
      for (const child of node.childNodes) {
        if (child.nodeType === Node.TEXT_NODE) {
          if (stack.length) stack[stack.length - 1].parts.push(child.data);
          continue;
        }
        if (child.nodeType !== Node.ELEMENT_NODE) continue;
        const tag = child.localName;
        if (tag === "ol" || tag === "ul") {
          lists.push(tag === "ol" ? listStart(child.getAttribute("start")) : null);
          visit(child);
          lists.pop();
          continue;
        }
        if (KINDS[tag]) {
          if (stack.length) flush();
          stack.push({ kind: KINDS[tag], parts: [], links: [], start: lists.length ? lists[lists.length - 1] : null });
          visit(child);
          flush();
          stack.pop();
          continue;
        }
        if (tag === "a" && stack.length && child.getAttribute("href")) stack[stack.length - 1].links.push(child.getAttribute("href"));
        if (tag === "br" && stack.length) stack[stack.length - 1].parts.push("\n");
        if ((tag === "td" || tag === "th") && stack.length) stack[stack.length - 1].parts.push(" | ");
        visit(child);
      }
    }
    visit(root);
    return blocks;
  }

  /* A version as its page shows it; `textLang`: the page of the organisation's own text in that language, whose
     facts are not compared (compare/texts.py, version_text with text_lang). */
  function readVersion(doc, textLang) {
    const article = doc.querySelector("article.sl-notice");
    if (!article) throw new Error("no notice on the page");
    const sections = Array.from(article.querySelectorAll(".sl-notice__text > section.sl-section")).map((section) => {
      const heading = section.querySelector(":scope > h2");
      return {
        id: section.dataset.section,
        heading: heading ? normalize(heading.textContent) : null,
        blocks: htmlBlocks(section.querySelector(":scope > .sl-section__body")),
        source: section.dataset.source,
        lineage: section.dataset.lineage || null,
      };
    });
    return {
      id: article.dataset.version,
      title: normalize((article.querySelector("h1 .sl-notice__title") || article.querySelector("h1")).textContent), // the title, not the organisation's name before it
      sections: sections,
      facts: textLang ? factsFrom({ single: [], list: [] }) : factsFrom(JSON.parse(article.querySelector("#sl-facts").textContent)),
    };
  }

  // --- the versions' pages -----------------------------------------------------------------

  const pages = new Map();

  /* A version's permanent page (<org>/<id>/ under the organisation's folder `base`: every version has one, the
     current one too), or with `textLang` the page of its own text in that language (<org>/<id>/sv/), parsed into an
     inert document (its scripts never run): its article is the notice markup. */
  function versionDocument(base, id, textLang) {
    const path = encodeURIComponent(id) + "/" + (textLang ? encodeURIComponent(textLang) + "/" : "");
    const url = new URL(path, base).href;
    return once(pages, url, async () => {
      const response = await fetch(url, { credentials: "same-origin" });
      if (!response.ok) throw new Error(url + ": HTTP " + response.status);
      return new DOMParser().parseFromString(await response.text(), "text/html");
    });
  }

  async function diffVersions(base, oldId, newId, order, textLang) {
    const [a, b] = await Promise.all([versionDocument(base, oldId, textLang), versionDocument(base, newId, textLang)]);
    return diffTexts(readVersion(a, textLang), readVersion(b, textLang), order);
  }

  /* Whether the organisation's own texts differ between two versions whose pages show the archive's translation (each
     page's hash of them): where the translations are alike, a change the translation does not show (a typo fixed). */
  async function originalsChanged(base, oldId, newId) {
    const [a, b] = await Promise.all([versionDocument(base, oldId, null), versionDocument(base, newId, null)]);
    const [older, newer] = [a, b].map((doc) => doc.querySelector("article.sl-notice").dataset); // not the texts: read
    if (!older.originals || !newer.originals || older.originals === newer.originals) return null;
    return "pending" in newer ? "pending" : "changed"; // the newer's translation not made yet, or a change it need not show
  }

  // --- rendering ------------------------------------------------------------------------

  /* The language of the texts shown (null: the page's own, as the site language's pages read them), and of the
     interface's words among them. */
  let textLang = null;
  const pageLang = () => document.documentElement.lang;

  /* A node holding the notice's text: marked with its language when it is not the page's. */
  function inText(node) {
    if (textLang && node && node.setAttribute) node.setAttribute("lang", textLang);
    return node;
  }

  /* A node of the interface's words inside a text's node: marked with the page's language. */
  function inInterface(node) {
    if (textLang && node && node.setAttribute) node.setAttribute("lang", pageLang());
    return node;
  }

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, (_, key) => String(values[key]));
  }

  /* A label with {placeholders} as nodes: text between them, each placeholder's node in its place. */
  function fillNodes(template, nodes) {
    return template.split(/(\{\w+\})/).filter(Boolean).map((part) => {
      const key = /^\{(\w+)\}$/.exec(part);
      return key && nodes[key[1]] ? nodes[key[1]] : document.createTextNode(part);
    });
  }

  /* A counted label's form for count (labels.yaml): one for 1, other for any other number, in Finnish as in English. */
  function plural(forms, count) {
    return count === 1 ? forms.one : forms.other;
  }

  // Python's whitespace (words.py): a change of whitespace alone is no mark a reader could see.
  const BLANK = /^[\t\n\v\f\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*$/u;
  const SIDES = {
    delete: new Set(["equal", "delete", "moved_away"]),
    insert: new Set(["equal", "insert", "moved_here"]),
  };

  /* What a screen reader hears before a moved line, at each of its ends (the page's words: set by render). */
  let moveWords = { moved_away: "", moved_here: "" };

  /* A marked piece of text: ins, del, or a moved line (where it went, where it came from); never empty. A moved line
     starts with its end's words, for a screen reader (the eye has the strike and the underline); `bare`: the
     legend's, whose text is those words. */
  function mark(op, text, bare) {
    if (op === "insert") return el("ins", { text: text });
    if (op === "delete") return el("del", { text: text });
    const words = bare ? [] : [el("span", { class: "sl-visually-hidden", text: moveWords[op] + ": " })];
    return el("span", { class: "sl-diff__move sl-diff__move--" + (op === "moved_here" ? "here" : "away") }, [...words, text]);
  }

  /* The nodes of a run of segments, in the inline view (only: null) or one column (only: "delete" for the older
     text, "insert" for the newer). A change of whitespace alone is shown as the text it leaves, unmarked. */
  function segmentNodes(list, only) {
    const out = [];
    for (const [op, text] of list) {
      if (!text || (only && !SIDES[only].has(op))) continue;
      if (op === "equal" || (BLANK.test(text) && (op === "insert" || op === "delete"))) {
        if (op === "delete" && !only) continue; // the newer text's whitespace stands in the inline view
        out.push(document.createTextNode(text));
        continue;
      }
      text.split("\n").forEach((part, i) => {
        if (i) out.push(el("br"));
        if (part) out.push(mark(op, part));
      });
    }
    return breaks(out);
  }

  /* Text nodes with line breaks become text and <br> elements. */
  function breaks(nodes) {
    const out = [];
    for (const node of nodes) {
      if (node.nodeType !== Node.TEXT_NODE || !node.data.includes("\n")) {
        out.push(node);
        continue;
      }
      node.data.split("\n").forEach((part, i) => {
        if (i) out.push(el("br"));
        if (part) out.push(document.createTextNode(part));
      });
    }
    return out;
  }

  /* A table row's segments as cells: its text is the cells' joined by " | " (blocks.py, htmlBlocks). */
  function rowNode(block, only) {
    const cells = [[]];
    for (const [op, text] of block.segments) {
      if (only && !SIDES[only].has(op)) continue;
      text.split("|").forEach((part, i) => {
        if (i) cells.push([]);
        const piece = i || cells[cells.length - 1].length ? part : part.replace(/^\s+/, "");
        if (!piece || (!piece.trim() && op === "equal")) return;
        // a cell's text as it stands (its line breaks are the markup's, not the notice's); whitespace alone unmarked
        if (op !== "equal" && !BLANK.test(piece)) cells[cells.length - 1].push(mark(op, piece));
        else if (op !== "delete" || only) cells[cells.length - 1].push(document.createTextNode(piece));
      });
    }
    return el("tr", { class: "sl-diff__block sl-diff__block--" + block.status }, cells.map((nodes) => el("td", {}, nodes)));
  }

  /* Where a block's links lead now and no longer: a target is not in the text a reader sees, so its
     change is shown apart from the words. */
  function linkNodes(block, only, ui) {
    const out = [];
    for (const [op, target] of block.links || []) {
      if (only && op !== only) continue;
      out.push(el("small", { class: "sl-diff__link sl-diff__link--" + op }, [
        (op === "insert" ? ui.diff.link_added : ui.diff.link_removed) + " ",
        mark(op, target),
      ]));
    }
    return out;
  }

  /* The number a block's list started at and starts at now, where it changed: every number a reader sees beside
     the list's items changed, though no word did. */
  function numberingNodes(block, only, ui) {
    if (!block.numbering) return [];
    const shown = (start) => start === null ? ui.diff.unnumbered : start;
    const [before, after] = block.numbering;
    const parts = [ui.diff.numbering + " "];
    if (only !== "insert") parts.push(mark("delete", shown(before)));
    if (!only) parts.push(" → ");
    if (only !== "delete") parts.push(mark("insert", shown(after)));
    return [el("small", { class: "sl-diff__link sl-diff__numbering" }, parts)];
  }

  function blockNodes(blocks, only, ui) {
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
        const row = inText(rowNode(b, only));
        const links = linkNodes(b, only, ui).concat(numberingNodes(b, only, ui)).map(inInterface);
        if (links.length) row.lastChild.append(...links);
        table.append(row);
        continue;
      }
      table = null;
      const tag = b.kind === "item" ? "li" : b.kind === "heading" ? "h3" : "p";
      const node = inText(el(tag, { class: "sl-diff__block sl-diff__block--" + b.status }, segmentNodes(b.segments, only)));
      node.append(...linkNodes(b, only, ui).map(inInterface), ...numberingNodes(b, only, ui).map(inInterface));
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

  function badges(section, ui) {
    const d = ui.diff;
    const list = [];
    if (section.status === "added") list.push(d.added);
    if (section.status === "removed") list.push(d.removed);
    if (section.moved) list.push(d.moved);
    return list.map((text) => el("span", { class: "sl-diff__badge", text: text }));
  }

  function sectionName(section, ui) {
    return section.new_heading || section.old_heading || ui.diff.untitled_section;
  }

  /* Where a section stands in full: the newer version, or the older for a section it removed. */
  function sectionLink(section, ui, versions) {
    const version = section.status === "removed" ? versions.from : versions.to;
    const anchor = section.status === "removed" ? section.old_id : section.new_id;
    const href = version.text + "#" + encodeURIComponent(anchor);
    return el("a", { class: "sl-diff__section-link", href: href, text: fill(ui.diff.section_link, { date: version.label }) });
  }

  function sectionNode(section, ui, view, versions) {
    const d = ui.diff;
    const id = "diff-" + (section.new_id || section.old_id);
    const heading = el("h2", { class: "sl-diff__heading", id: id + "-heading" }, section.renamed ? segmentNodes(section.heading) : [sectionName(section, ui)]);
    if (section.new_heading || section.old_heading) inText(heading);
    const head = el("div", { class: "sl-diff__head" }, [heading].concat(badges(section, ui)));
    if (section.renamed) {
      const named = (text) => (text ? inText(el("span", { text: text })) : d.no_heading);
      head.append(el("p", { class: "sl-diff__renamed" }, [d.renamed + " ", named(section.old_heading), " → ", named(section.new_heading)]));
    }
    if (section.change !== "text" && section.change !== "none") head.append(el("p", { class: "sl-note", text: d["change_" + section.change] }));
    head.append(el("p", { class: "sl-diff__where" }, [sectionLink(section, ui, versions)]));
    let body;
    if (view === "side") {
      // a column with text is named where it begins: on a narrow screen the newer stands under the older (seloste.css)
      const column = (name, version, only) => {
        const nodes = blockNodes(section.blocks, only, ui);
        const label = nodes.length ? el("p", { class: "sl-diff__column-name", "aria-hidden": "true", text: name + ": " + version.label }) : null;
        return el("div", { class: "sl-diff__column", role: "group", "aria-label": name }, [label].concat(nodes));
      };
      body = el("div", { class: "sl-diff__columns" }, [
        column(d.old_column, versions.from, "delete"),
        column(d.new_column, versions.to, "insert"),
      ]);
    } else {
      body = el("div", { class: "sl-diff__inline" }, blockNodes(section.blocks, null, ui));
    }
    return el("section", {
      class: "sl-diff__section sl-diff__section--" + section.status, id: id, tabindex: "-1",
      "aria-labelledby": id + "-heading", "data-stop": sectionName(section, ui),
    }, [head, body]);
  }

  /* Sections a reader need not read again: unchanged, or changed only in whitespace or formatting (said so). */
  function folded(section) {
    return (section.status === "unchanged" || section.change === "whitespace") && !section.moved && !section.renamed;
  }

  function unchangedGroup(sections, ui) {
    const d = ui.diff;
    const formatting = sections.filter((s) => s.status !== "unchanged").length;
    let count = fill(plural(d.unchanged_sections, sections.length), { count: sections.length });
    if (formatting) count += ", " + fill(plural(d.formatting_sections, formatting), { count: formatting });
    const names = sections.map((s) => (s.new_heading || s.old_heading ? inText(el("span", { text: sectionName(s, ui) })) : sectionName(s, ui)));
    const summary = el("summary", {}, [count + ": "].concat(names.flatMap((name, i) => (i ? [" · ", name] : [name]))));
    const inner = sections.map((s) => el("section", { class: "sl-diff__section sl-diff__section--unchanged" }, [
      s.new_heading || s.old_heading ? inText(el("h2", { class: "sl-diff__heading", text: sectionName(s, ui) })) : el("h2", { class: "sl-diff__heading", text: sectionName(s, ui) }),
      s.status !== "unchanged" ? el("p", { class: "sl-note", text: d["change_" + s.change] }) : null,
      el("div", {}, blockNodes(s.blocks, "insert", ui)),
    ]));
    return el("details", { class: "sl-diff__unchanged" }, [summary].concat(inner));
  }

  const FOLD_FACTS = 8;
  const NARROW = "(max-width: 44.9375em)";

  function factRow(change, ui) {
    const d = ui.diff;
    const [field, item, kind, oldValue, newValue] = change;
    const name = ui.fields[field] || field;
    // A list fact's entry reads whole in its cells, unless only what it says beyond its name changed; a single
    // fact's part is named by the part's label.
    let what = name;
    if (item && !ui.list_facts.includes(field)) what = name + " – " + (ui.fields[item] || item);
    else if (item && kind === "changed" && change[5] === null) what = name + " – " + item;
    return el("tr", { class: "sl-diff__fact sl-diff__fact--" + kind }, [
      el("th", { scope: "row", text: what }),
      el("td", { "data-label": d.kind_column, text: d["fact_" + kind] }),
      el("td", { "data-label": d.before }, oldValue === null ? [] : [mark("delete", oldValue)]),
      el("td", { "data-label": d.after }, newValue === null ? [] : [mark("insert", newValue)]),
    ]);
  }

  function factsTable(rows, ui) {
    const d = ui.diff;
    const head = el("thead", {}, [el("tr", {}, [d.fact_column, d.kind_column, d.before, d.after].map((text) => el("th", { scope: "col", text: text })))]);
    return el("table", {}, [head, el("tbody", {}, rows)]);
  }

  /* The changed facts: a table with column headers; a fact with many changed entries folded on its own; the whole
     folded on a narrow screen, so that the changes of the text are within reach. */
  function factsNode(facts, ui) {
    const d = ui.diff;
    const groups = [];
    for (const change of facts) {
      if (!groups.length || groups[groups.length - 1].field !== change[0]) groups.push({ field: change[0], rows: [] });
      groups[groups.length - 1].rows.push(factRow(change, ui));
    }
    const parts = [];
    let small = [];
    const flush = () => {
      if (small.length) parts.push(factsTable(small, ui));
      small = [];
    };
    for (const group of groups) {
      if (group.rows.length <= FOLD_FACTS) {
        small.push(...group.rows);
        continue;
      }
      flush();
      const label = fill(plural(d.group_count, group.rows.length), { name: ui.fields[group.field] || group.field, count: group.rows.length });
      parts.push(el("details", { class: "sl-diff__facts-group" }, [el("summary", { text: label }), factsTable(group.rows, ui)]));
    }
    flush();
    const all = el("details", { class: "sl-diff__facts-all", open: !window.matchMedia(NARROW).matches }, [
      el("summary", { text: fill(plural(d.fact_count, facts.length), { count: facts.length }) }),
    ].concat(parts));
    return el("section", { class: "sl-diff__facts", id: "diff-facts", tabindex: "-1", "aria-labelledby": "diff-facts-heading", "data-stop": d.facts_title }, [
      el("h2", { id: "diff-facts-heading", text: d.facts_title }),
      all,
    ]);
  }

  function versionLinks(ui, versions) {
    const d = ui.diff;
    const link = (version) => el("a", { href: version.permanent, text: version.label });
    return el("p", { class: "sl-diff__versions" }, [
      d.old_column + ": ", link(versions.from), " · ", d.new_column + ": ", link(versions.to),
    ]);
  }

  function navigation(ui) {
    const d = ui.diff;
    return el("div", { class: "sl-diff__nav", role: "group", "aria-label": d.changes_nav }, [
      el("button", { type: "button", class: "md-button", "data-step": "-1", "aria-keyshortcuts": "k p", text: d.previous_change }),
      el("button", { type: "button", class: "md-button", "data-step": "1", "aria-keyshortcuts": "j n", text: d.next_change }),
      el("span", { class: "sl-note sl-diff__keys", text: d.keys_hint }),
    ]);
  }

  /* Where the texts changed too (or only in their whitespace, dates, links or numbering), the facts' change is said
     beside the texts' (compare/templates/item.md). */
  function factsToo(diff) {
    return diff.facts.length > 0 && diff.change !== "facts";
  }

  function render(target, diff, ui, view, versions) {
    const d = ui.diff;
    moveWords = { moved_away: d.moved_away_text, moved_here: d.moved_here_text };
    target.replaceChildren();
    const summary = el("p", { class: "sl-diff__summary" }, [
      el("strong", { text: d["change_" + diff.change] }), " ",
      fill(d.words, { inserted: diff.words_inserted, deleted: diff.words_deleted }),
    ]);
    const legend = el("p", { class: "sl-note sl-diff__legend" }, fillNodes(d.legend, {
      inserted: mark("insert", d.inserted), deleted: mark("delete", d.deleted),
      moved_away: mark("moved_away", d.moved_away_text, true), moved_here: mark("moved_here", d.moved_here_text, true),
    }));
    const toolbar = el("div", { class: "sl-diff__toolbar", role: "group", "aria-label": d.view }, [
      el("button", { type: "button", class: "md-button", "data-view": "inline", "aria-pressed": String(view !== "side"), text: d.inline }),
      el("button", { type: "button", class: "md-button", "data-view": "side", "aria-pressed": String(view === "side"), text: d.side_by_side }),
    ]);
    target.append(summary, versionLinks(ui, versions), legend, toolbar);
    const recorded = versions.between.filter((version) => version.change);
    if (recorded.length) { // why it changed: each version's summary after the older one, up to the newer
      legend.before(el("div", { class: "sl-diff__recorded" }, [
        el("p", { text: d.recorded_changes }),
        el("ul", {}, recorded.map((version) => el("li", {}, [el("a", { href: version.permanent, text: version.label }), ": " + version.change]))),
      ]));
    }
    const corrected = new Map(); // the texts compared as the archive corrected them: each correction once, with its versions
    for (const version of [versions.from, ...versions.between]) {
      for (const line of version.corrected) corrected.set(line, [...(corrected.get(line) || []), version]);
    }
    if (corrected.size) {
      const item = ([line, which]) => el("li", {}, [
        ...which.flatMap((version, index) => [index ? ", " : "", el("a", { href: version.permanent, text: version.label })]), " – " + line,
      ]);
      legend.before(el("div", { class: "sl-diff__corrected" }, [
        el("p", { text: d.compared_corrected }), el("ul", {}, Array.from(corrected, item)),
      ]));
    }
    if (factsToo(diff)) summary.after(el("p", { class: "sl-diff__summary", text: d.facts_too }));
    if (diff.coarse) target.insertBefore(el("p", { class: "sl-note sl-diff__coarse", text: d.coarse }), legend);
    // the way to the next change, and the columns' names, stay in sight while the reader scrolls
    const sticky = el("div", { class: "sl-diff__sticky" });
    if (diff.change !== "none") sticky.append(navigation(ui));
    if (view === "side") {
      sticky.append(el("div", { class: "sl-diff__columns sl-diff__column-heads", "aria-hidden": "true" }, [
        el("strong", { text: d.old_column + ": " + versions.from.label }),
        el("strong", { text: d.new_column + ": " + versions.to.label }),
      ]));
    }
    if (sticky.childNodes.length) target.append(sticky);
    if (diff.title.some((s) => s[0] !== "equal")) {
      target.append(inText(el("h2", { class: "sl-diff__title", id: "diff-title", tabindex: "-1", "data-stop": d.title_change }, segmentNodes(diff.title))));
    }
    if (diff.facts.length) target.append(factsNode(diff.facts, ui));
    if (diff.change === "none") {
      target.append(el("p", { text: d.no_change }));
      if (diff.originals_changed) {
        const said = diff.originals_changed === "pending" ? d.originals_changed_pending : d.originals_changed;
        const note = el("p", { class: "sl-diff__originals", text: said });
        if (target.dataset.original) { // the same two versions, compared where the other site language reads them
          const there = new URL(target.dataset.original, location.href);
          there.search = new URLSearchParams({ from: versions.from.id, to: versions.to.id, view }).toString();
          note.append(" ", el("a", { href: there.href, text: d.originals_link }));
        }
        target.append(note);
      }
      return;
    }
    target.append(el("h2", { text: d.sections_title }));
    let group = [];
    const flushGroup = () => {
      if (group.length) target.append(unchangedGroup(group, ui));
      group = [];
    };
    for (const section of diff.sections) {
      if (folded(section)) {
        group.push(section);
        continue;
      }
      flushGroup();
      target.append(sectionNode(section, ui, view, versions));
    }
    flushGroup();
  }

  // --- moving from change to change -----------------------------------------------------

  function typing(event) {
    const node = event.target;
    return node instanceof Element && (node.closest("input, select, textarea, [contenteditable]") !== null || node.isContentEditable);
  }

  /* The previous and next change, by the buttons and by keys (j or n, k or p; not while typing in a field): focus
     moves to the change, and the status line says which it is. */
  function browseChanges(target, status, ui) {
    let last = null;  // the change the reader last went to (a click on a button takes the focus from it)
    const step = (by) => {
      const stops = Array.from(target.querySelectorAll("[data-stop]"));
      if (!stops.length) return;
      let current = stops.findIndex((node) => node === document.activeElement || node.contains(document.activeElement));
      if (current < 0 && last) current = stops.findIndex((node) => node.id === last);
      let index;
      if (current >= 0) index = Math.min(Math.max(current + by, 0), stops.length - 1);
      else {
        // from where the reader is: the first change below the top of the window, or the last above it
        const below = stops.findIndex((node) => node.getBoundingClientRect().top > 1);
        index = by > 0 ? (below < 0 ? stops.length - 1 : below) : Math.max((below < 0 ? stops.length : below) - 1, 0);
      }
      stops[index].focus();
      last = stops[index].id;
      status.textContent = fill(ui.diff.change_position, { index: index + 1, count: stops.length, name: stops[index].dataset.stop });
    };
    target.addEventListener("click", (event) => {
      const button = event.target.closest("button[data-step]");
      if (button) step(Number(button.dataset.step));
    });
    document.addEventListener("keydown", (event) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || typing(event)) return;
      const by = { j: 1, n: 1, k: -1, p: -1 }[event.key];
      if (!by || !target.dataset.ready) return;
      event.preventDefault();
      step(by);
    });
  }

  // --- the history's form: an older and a newer version ---------------------------------

  /* Like MediaWiki's history: a "from" at or after the chosen "to" cannot be chosen, nor a "to" at or before the
     chosen "from" (version ids are ISO dates). */
  function historyForm(form) {
    const radios = (name) => Array.from(form.querySelectorAll("input[type=radio][name=" + name + "]"));
    const update = () => {
      const from = radios("from").find((r) => r.checked), to = radios("to").find((r) => r.checked);
      for (const r of radios("from")) r.disabled = Boolean(to) && r.value >= to.value;
      for (const r of radios("to")) r.disabled = Boolean(from) && r.value <= from.value;
    };
    form.addEventListener("change", update);
    update();
  }

  // --- the comparison page ----------------------------------------------------------------

  /* A version as the form offers it: its id, its label, the page with its text, its permanent page. */
  function optionVersion(option) {
    return {
      id: option.value,
      label: option.textContent.trim(),
      text: new URL(option.dataset.text, location.href).href,
      permanent: new URL(option.dataset.permanent, location.href).href,
      change: option.dataset.change || null,
      corrected: option.dataset.corrected ? JSON.parse(option.dataset.corrected) : [],
    };
  }

  /* An address naming a version this organisation does not have: say so, and offer the ones it has. */
  function unknownVersion(target, ui, form, params, name, wanted) {
    const d = ui.diff;
    const links = Array.from(form.elements[name].options).map((option) => {
      const other = new URLSearchParams(params);
      other.set(name, option.value);
      return el("li", {}, [el("a", { href: "?" + other.toString(), text: option.textContent.trim() })]);
    });
    target.replaceChildren(
      el("p", { class: "sl-diff__error", text: fill(d.unknown_version, { id: wanted }) }),
      el("p", { text: d.existing_versions }),
      el("ul", { class: "sl-diff__known" }, links),
    );
  }

  async function start() {
    const versionsForm = document.querySelector("form.sl-history");
    if (versionsForm) historyForm(versionsForm);
    const form = document.getElementById("sl-compare-form");
    const target = document.getElementById("sl-diff");
    if (!form || !target) return;
    textLang = target.dataset.textLang || null;
    const status = document.getElementById("sl-diff-status") || el("p");
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
    for (const name of ["from", "to"]) {
      const wanted = params.get(name);
      if (wanted && !Array.from(form.elements[name].options).some((o) => o.value === wanted)) {
        unknownVersion(target, ui, form, params, name, wanted);
        status.textContent = fill(ui.diff.unknown_version, { id: wanted });
        return;
      }
    }
    const pick = (name) => {
      const select = form.elements[name];
      const wanted = params.get(name);
      if (wanted) select.value = wanted;
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
      // The address names the pair and the view shown (the language switch takes them along: seloste-language.js).
      params.set("from", from.value);
      params.set("to", to.value);
      params.set("view", view);
      viewInput.value = view;
      history.replaceState(null, "", "?" + params.toString());
    };
    keep();
    if (from.value === to.value) {
      target.replaceChildren(el("p", { text: ui.diff.same_version }));
      return;
    }
    target.replaceChildren(el("p", { text: ui.diff.loading }));
    target.setAttribute("aria-busy", "true");
    let diff;
    try {
      const url = new URL(target.dataset.versions, location.href).href;
      diff = await diffVersions(url, from.value, to.value, ui.fact_order, textLang);
      if (diff.change === "none" && !textLang) diff.originals_changed = await originalsChanged(url, from.value, to.value);
    } catch (error) {
      target.replaceChildren(el("p", { class: "sl-diff__error", text: ui.diff.failed }));
      status.textContent = ui.diff.failed;
      return;
    } finally {
      target.removeAttribute("aria-busy");
    }
    const between = Array.from(to.parentElement.options).filter((o) => o.value > from.value && o.value <= to.value);
    between.sort((one, other) => (one.value < other.value ? -1 : 1));
    const versions = { from: optionVersion(from), to: optionVersion(to), between: between.map(optionVersion) };
    render(target, diff, ui, view, versions);
    target.dataset.ready = "true";
    const words = fill(ui.diff.words, { inserted: diff.words_inserted, deleted: diff.words_deleted });
    status.textContent = ui.diff["change_" + diff.change] + " " + words + (factsToo(diff) ? ". " + ui.diff.facts_too : "");
    browseChanges(target, status, ui);
    target.addEventListener("click", (event) => {
      const button = event.target.closest("button[data-view]");
      if (!button) return;
      view = button.dataset.view;
      keep();
      render(target, diff, ui, view, versions);
      target.dataset.ready = "true";
      target.querySelector("button[data-view=" + view + "]").focus();
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
