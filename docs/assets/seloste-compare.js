/*
 * Seloste: any two versions of a notice compared, in the reader's browser.
 *
 * Each version's permanent page (<slug>/<date>/, the current version's too) holds its notice markup,
 * as the build rendered and sanitised it. The comparison page reads the two versions from
 * their pages (title, sections, blocks, facts) and diffs them with seloste-diff.js,
 * the port of the Python diff (hooks/seloste/compare/), which must give identical results
 * (tests/test_diff_parity.py). Text read for a comparison is only ever inserted with
 * textContent, never as HTML. Needs seloste-common.js and seloste-diff.js before it.
 */
(function () {
  "use strict";

  const { normalize, factsFrom, diffTexts, wordDiff, classify } = window.selosteDiff;
  const { el, once } = window.selosteCommon;

  // --- reading a version from its page ---------------------------------------------------

  const KINDS = { p: "paragraph", li: "item", h3: "heading", h4: "heading", h5: "heading", h6: "heading", tr: "row" };

  function htmlBlocks(root) {
    const blocks = [];
    const stack = [];
    function flush() {
      const top = stack[stack.length - 1];
      const lines = top.parts.join("").split("\n").map(normalize);
      const text = lines.filter(Boolean).join("\n").replace(/^[ |]+|[ |]+$/g, "");
      if (text) blocks.push({ kind: top.kind, text: text, links: top.links });
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
        if (KINDS[tag]) {
          if (stack.length) flush();
          stack.push({ kind: KINDS[tag], parts: [], links: [] });
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

  // --- the versions' pages -----------------------------------------------------------------

  const pages = new Map();

  /* A version's permanent page (<org>/<id>/ under the organisation's folder `base`: every version has one, the
     current one too), parsed into an inert document (its scripts never run): its article is the notice markup. */
  function versionDocument(base, id) {
    const url = new URL(encodeURIComponent(id) + "/", base).href;
    return once(pages, url, async () => {
      const response = await fetch(url, { credentials: "same-origin" });
      if (!response.ok) throw new Error(url + ": HTTP " + response.status);
      return new DOMParser().parseFromString(await response.text(), "text/html");
    });
  }

  async function diffVersions(base, oldId, newId, order) {
    const [a, b] = await Promise.all([versionDocument(base, oldId), versionDocument(base, newId)]);
    return diffTexts(readVersion(a), readVersion(b), order);
  }

  // --- rendering ------------------------------------------------------------------------

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

  /* Where a block's links lead now and no longer: a target is not in the text a reader sees, so its
     change is shown apart from the words. */
  function linkNodes(block, only, ui) {
    const out = [];
    for (const [op, target] of block.links || []) {
      if (only && op !== only) continue;
      const mark = op === "insert" ? "ins" : "del";
      out.push(el("small", { class: "sl-diff__link sl-diff__link--" + op }, [
        (op === "insert" ? ui.diff.link_added : ui.diff.link_removed) + " ",
        el(mark, { text: target }),
      ]));
    }
    return out;
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
        const row = rowNode(b, only);
        const links = linkNodes(b, only, ui);
        if (links.length) row.lastChild.append(...links);
        table.append(row);
        continue;
      }
      table = null;
      const tag = b.kind === "item" ? "li" : b.kind === "heading" ? "h3" : "p";
      const node = el(tag, { class: "sl-diff__block sl-diff__block--" + b.status }, segmentsWithBreaks(b.segments, only));
      node.append(...linkNodes(b, only, ui));
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
    if (section.renamed) head.append(el("p", { class: "sl-diff__renamed", text: d.renamed + " " + (section.old_heading || d.no_heading) + " → " + (section.new_heading || d.no_heading) }));
    if (section.change !== "text" && section.change !== "none") head.append(el("p", { class: "sl-note", text: d["change_" + section.change] }));
    let body;
    if (view === "side") {
      body = el("div", { class: "sl-diff__columns" }, [
        el("div", { class: "sl-diff__column", "aria-label": d.old_column }, blockNodes(section.blocks, "delete", ui)),
        el("div", { class: "sl-diff__column", "aria-label": d.new_column }, blockNodes(section.blocks, "insert", ui)),
      ]);
    } else {
      body = el("div", { class: "sl-diff__inline" }, blockNodes(section.blocks, null, ui));
    }
    return el("section", { class: "sl-diff__section sl-diff__section--" + section.status, id: "diff-" + (section.new_id || section.old_id) }, [head, body]);
  }

  function unchangedGroup(sections, ui) {
    const d = ui.diff;
    const summary = el("summary", { text: fill(plural(d.unchanged_sections, sections.length), { count: sections.length }) + ": " + sections.map((s) => s.new_heading || "…").join(" · ") });
    const inner = sections.map((s) => el("section", { class: "sl-diff__section sl-diff__section--unchanged" }, [
      el("h2", { class: "sl-diff__heading", text: s.new_heading || "" }),
      el("div", {}, blockNodes(s.blocks, null, ui)),
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
