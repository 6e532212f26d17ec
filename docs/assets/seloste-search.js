/*
 * Seloste: search the current notices of the page's language with Pagefind.
 *
 * Pagefind stems words (Snowball); for Finnish, each query word is also expanded with the
 * other forms of the same word found in the notices (search-lexicon/fi/, written at build
 * time with the Voikko analyser): henkilötiedot also finds henkilötietojen, seloste also
 * finds tietosuojaseloste. A quoted "phrase" is searched as it is. Results list each
 * organisation with its matching sections, the matched words marked, linking to the section.
 * Text from the index is inserted with textContent only.
 */
(function () {
  "use strict";

  const dialog = document.getElementById("sl-search");
  if (!dialog) return;
  const ui = JSON.parse(document.getElementById("sl-search-ui").textContent);
  const input = document.getElementById("sl-search-input");
  const status = document.getElementById("sl-search-status");
  const list = document.getElementById("sl-search-results");
  const base = new URL(dialog.dataset.base, location.href);
  const lang = document.documentElement.lang;
  const WORD = /[\p{L}\p{N}]+/gu;
  const MAX_RESULTS = 10; // details (a fragment of each notice) are fetched for those shown only
  const MAX_SECTIONS = 3;
  let pagefind = null;
  const lexicon = new Map();

  async function engine() {
    if (!pagefind) {
      pagefind = await import(new URL("pagefind/pagefind.js", base).href);
      await pagefind.options({ baseUrl: base.pathname });
      await pagefind.init();
      // No warm-up search here: any word loads its index chunk, and a common one costs ~85 kB at 2,000
      // notices (scripts/search_benchmark.py). prepare() fetches what the typed words need instead.
    }
    return pagefind;
  }

  async function variants(word) {
    if (lang !== "fi" || word.length < 3) return [word];
    const shard = word.slice(0, 2);
    if (!lexicon.has(shard)) {
      lexicon.set(shard, fetch(new URL("search-lexicon/fi/" + encodeURIComponent(shard) + ".json", base))
        .then((r) => (r.ok ? r.json() : {}))
        .catch(() => ({})));
    }
    const table = await lexicon.get(shard);
    return [word].concat(table[word] || []);
  }

  /* What a query will need, fetched ahead: the index chunks of its words and of their other forms. */
  async function prepare(query) {
    const pf = await engine();
    const words = /"/.test(query) ? [] : Array.from(new Set(query.toLowerCase().match(WORD) || []));
    const forms = (await Promise.all(words.map(variants))).flat();
    await Promise.all([query].concat(forms).map((form) => pf.preload(form)));
  }

  /* Pages matching every query word in some form: [{id, score, results}], best first. */
  async function search(query) {
    const pf = await engine();
    const phrase = /"/.test(query);
    const words = phrase ? [] : Array.from(new Set((query.toLowerCase().match(WORD) || [])));
    const expansions = phrase ? [] : await Promise.all(words.map(variants));
    if (phrase || !words.length || expansions.every((forms) => forms.length === 1)) {
      return (await pf.search(query)).results.map((r) => ({ id: r.id, score: r.score, results: [r] }));
    }
    const found = new Map();
    let pages = null;
    for (const forms of expansions) {
      const hits = new Map();
      const searches = await Promise.all(forms.map((form) => pf.search(form)));
      for (const found of searches) {
        for (const r of found.results) {
          const hit = hits.get(r.id);
          if (!hit) hits.set(r.id, { id: r.id, score: r.score, results: [r] });
          else {
            hit.score = Math.max(hit.score, r.score);
            hit.results.push(r);
          }
        }
      }
      if (pages === null) {
        pages = hits;
      } else {
        for (const id of Array.from(pages.keys())) {
          if (!hits.has(id)) pages.delete(id);
          else {
            pages.get(id).score += hits.get(id).score;
            pages.get(id).results.push(...hits.get(id).results);
          }
        }
      }
    }
    for (const [id, hit] of pages || []) {
      if (!found.has(id)) found.set(id, hit);
      else found.get(id).results.push(...hit.results);
    }
    return Array.from(found.values()).sort((a, b) => b.score - a.score);
  }

  /* One entry per page: its title and URL, and every matching section (from all word forms). */
  async function details(hit) {
    const all = await Promise.all(hit.results.map((r) => r.data()));
    const sections = new Map();
    for (const data of all) {
      for (const s of data.sub_results || []) if (s.url.includes("#") && !sections.has(s.url)) sections.set(s.url, s);
    }
    const first = all[0];
    return { title: first.meta.title, url: first.url, excerpt: first.excerpt, sections: Array.from(sections.values()) };
  }

  function excerptNodes(html) {
    // Pagefind marks matches with <mark>; parse in an inert document, keep only text and marks.
    const doc = new DOMParser().parseFromString("<p>" + html + "</p>", "text/html");
    const out = [];
    for (const node of doc.body.firstChild.childNodes) {
      if (node.nodeType === Node.ELEMENT_NODE && node.localName === "mark") {
        const mark = document.createElement("mark");
        mark.textContent = node.textContent;
        out.push(mark);
      } else {
        out.push(document.createTextNode(node.textContent));
      }
    }
    return out;
  }

  function el(tag, attrs, children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (key === "text") node.textContent = value;
      else node.setAttribute(key, value);
    }
    for (const child of children || []) node.append(child);
    return node;
  }

  async function render(query) {
    status.textContent = ui.loading;
    list.replaceChildren();
    let hits;
    try {
      hits = await search(query);
    } catch (error) {
      status.textContent = ui.failed;
      return;
    }
    if (input.value.trim() !== query) return; // a newer query is on its way
    if (!hits.length) {
      status.textContent = ui.none.replace("{query}", query);
      return;
    }
    status.textContent = ui.results.replace("{count}", String(hits.length));
    list.replaceChildren();
    await show(query, hits, 0);
  }

  /* Append the results from `start` on, MAX_RESULTS at a time, with a button for the next ones. */
  async function show(query, hits, start) {
    const items = await Promise.all(hits.slice(start, start + MAX_RESULTS).map(details));
    if (input.value.trim() !== query) return;
    list.querySelector(".sl-search__more")?.remove();
    list.append(...items.map((item) => {
      const sections = item.sections.slice(0, MAX_SECTIONS);
      const shown = sections.length ? sections : [{ title: item.title, url: item.url, excerpt: item.excerpt }];
      return el("li", { class: "sl-search__result" }, [
        el("a", { class: "sl-search__org", href: item.url, text: item.title }),
        el("ul", {}, shown.map((s) => el("li", {}, [
          el("a", { class: "sl-search__section", href: s.url, text: s.title }),
          el("p", { class: "sl-search__excerpt" }, excerptNodes(s.excerpt)),
        ]))),
      ]);
    }));
    if (start + MAX_RESULTS < hits.length) {
      const more = el("button", { type: "button", class: "md-button", text: ui.more.replace("{count}", String(hits.length - start - MAX_RESULTS)) });
      more.addEventListener("click", () => show(query, hits, start + MAX_RESULTS));
      list.append(el("li", { class: "sl-search__more" }, [more]));
    }
  }

  input.addEventListener("keydown", (event) => {
    if (event.key === "Escape") {
      event.preventDefault(); // a search field would only clear itself; Escape closes the search
      dialog.close();
    }
  });

  let timer = null;
  input.addEventListener("input", () => {
    clearTimeout(timer);
    const query = input.value.trim();
    if (!query) {
      status.textContent = "";
      list.replaceChildren();
      return;
    }
    prepare(query).catch(() => {}); // fetch index chunks and lexicon while the reader types
    timer = setTimeout(() => render(query), 150);
  });

  function open() {
    if (!dialog.open) dialog.showModal();
    input.focus();
    input.select();
    engine().catch(() => (status.textContent = ui.failed));
  }

  document.querySelectorAll("[data-sl-search-open]").forEach((button) => button.addEventListener("click", open));
  dialog.addEventListener("click", (event) => {
    if (event.target === dialog || event.target.closest("a[href]")) dialog.close(); // the backdrop, or a result followed
  });
  document.addEventListener("keydown", (event) => {
    const typing = /^(input|textarea|select)$/i.test(event.target.localName) || event.target.isContentEditable;
    if ((event.key === "/" && !typing) || (event.key.toLowerCase() === "k" && (event.ctrlKey || event.metaKey))) {
      event.preventDefault();
      open();
    }
  });

  /* For tests and the benchmark: [{title, url, sections: [url]}] for a query (the first `limit`). */
  async function find(query, limit) {
    const hits = (await search(query)).slice(0, limit || Infinity);
    const items = await Promise.all(hits.map(details));
    return items.map((item) => ({ title: item.title, url: item.url, sections: item.sections.map((s) => s.url) }));
  }

  window.selosteSearch = { search: search, variants: variants, find: find, ready: engine, prepare: prepare, shown: MAX_RESULTS };
})();
