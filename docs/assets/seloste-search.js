/*
 * Seloste: search the current notices of the page's language.
 *
 * The index (search-index/<lang>/, written at build time by hooks/seloste/search/searchindex.py) is
 * fetched a few small files at a time: the lexicon shard of each query word gives the keys it
 * is searched by (the form as written, its Snowball stem and, in Finnish, Voikko's base forms:
 * henkilötiedot also finds henkilötietojen, seloste also finds tietosuojaseloste) and the chunk
 * of each; a key's entry lists the notices that use it and the forms to mark. Several words
 * must all match; a quoted "phrase" must appear as written (word positions). Results list
 * each organisation with its matching sections, the matched words marked, linking to the
 * section; text from the index is inserted with textContent only. The search dialog is made when
 * search is first opened (the header's button, / or Ctrl+K), with the labels meta.json gives.
 */
/* The search's text functions, free of the DOM: they repeat hooks/seloste/search/language.py and searchindex.py,
   and tests/test_search_text.py runs them under Node against the Python, on generated text. */
globalThis.selosteSearchText = (function () {
  "use strict";

  const WORD = /[\p{L}\p{N}]+/gu;
  const TERM = /[\p{L}\p{N}]+(?:[-\u2010\u2011][\p{L}\p{N}]+)*/gu;
  const POSSESSIVE = /(?<=[\p{L}\p{N}])['\u2019]s(?![\p{L}\p{N}])/gu;

  /* Lower-case words, letters and digits (language.tokens). */
  function words(text) {
    return text.normalize("NFC").toLowerCase().match(WORD) || [];
  }

  /* The words of a query: a hyphenated word is one (IP-osoite), its hyphens ASCII; an English possessive's 's
     goes (language.terms). */
  function terms(text) {
    const plain = text.normalize("NFC").toLowerCase().replace(POSSESSIVE, "");
    return (plain.match(TERM) || []).map((term) => term.replace(/[\u2010\u2011]/gu, "-"));
  }

  /* Text without diacritics, as a keyboard without ä and ö writes it (language.fold). */
  function fold(text) {
    return text.normalize("NFD").replace(/\p{M}/gu, "").normalize("NFC");
  }

  /* Whether two different words are one slip of the finger apart: a letter added, left out, changed, or two
     neighbours swapped (Damerau-Levenshtein distance 1). */
  function near(a, b) {
    const x = Array.from(a), y = Array.from(b);
    if (Math.abs(x.length - y.length) > 1 || a === b) return false;
    let i = 0;
    while (i < x.length && i < y.length && x[i] === y[i]) i++;
    const rest = (from, to) => x.slice(from).join("") === y.slice(to).join("");
    if (x.length > y.length) return rest(i + 1, i);
    if (x.length < y.length) return rest(i, i + 1);
    return rest(i + 1, i + 1) || (x[i] === y[i + 1] && x[i + 1] === y[i] && rest(i + 2, i + 2));
  }

  /* 32-bit FNV-1a of the UTF-8 bytes, as the index was bucketed (searchindex.fnv1a). */
  function fnv1a(text) {
    let hash = 0x811c9dc5;
    for (const byte of new TextEncoder().encode(text)) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
    return hash;
  }

  /* The lexicon file of a word: its first two characters as hex code points (searchindex.shard). */
  function shard(word) {
    return Array.from(word).slice(0, 2).map((c) => c.codePointAt(0).toString(16)).join("-");
  }

  return { WORD, TERM, words, terms, fold, near, fnv1a, shard };
})();

(function () {
  "use strict";

  if (typeof document === "undefined") return; // the text functions alone, under Node (tests)
  const { el, json, once } = window.selosteCommon;

  const button = document.querySelector("[data-sl-search]");
  if (!button) return;
  const base = new URL(button.dataset.slSearch, location.href);
  const lang = document.documentElement.lang;
  const { WORD, TERM, words, terms, fold, near, fnv1a, shard } = globalThis.selosteSearchText;
  const STEM = "~";
  const EXACT = "=";
  const FOLDED = "^"; // language.FOLDED: words (and, with STEM, stems) written without their diacritics
  const TOP = "*"; // language.TOP: a lexicon file's most used words
  const TABLES = /^[~^*]/u; // a lexicon file's tables other than its words (no word begins so)
  const NEAR_LENGTH = 6; // a word this long may have one slip of the finger
  const NEAR_BESIDE = 8; // a word this long is also searched so where it is found otherwise
  const PART_LENGTH = 3; // the shortest part a compound query word is split into (työ-ehdot)
  const QUOTES = /["“”„«»]([^"“”„«»]*)["“”„«»]?/gu;
  const MAX_RESULTS = 10; // details (the text of each notice) are fetched for those shown only
  const MAX_SECTIONS = 3;
  const EXCERPT_WORDS = 24;
  const here = engineOf(lang);
  /* One language's index and the search of it: its files are fetched when first needed, and kept. */
  function engineOf(language) {
    const index = new URL("search-index/" + encodeURIComponent(language) + "/", base);
    const files = new Map();

    /* An index file's JSON, cached. Files are gzip-compressed unless a server already decompressed them.
       Every file but meta.json is asked for with the build meta.json names, so a browser never mixes
       files cached from two builds. */
    function load(path) {
      return once(files, path, () => {
        const response = path === "meta.json"
          ? fetch(new URL(path, index), { cache: "no-cache" })
          : engine().then((meta) => fetch(new URL(path + "?v=" + encodeURIComponent(meta.build), index)));
        return response.then((r) => json(r, path));
      });
    }

    function engine() {
      return load("meta.json");
    }

    /* The lexicon file of the words a word's first two letters begin (empty if no word of the notices does:
       meta.json lists the files there are, and no other is asked for). */
    async function lexicon(word) {
      const name = shard(word);
      const [first, second] = name.split("-");
      const listed = (await engine()).lex;
      const seconds = Object.hasOwn(listed, first) ? listed[first].split(" ") : [];
      return seconds.includes(second || "-") ? load("lex/" + name + ".json.gz") : {};
    }

    /* A lexicon file's table: its words (kind ""), stems (STEM), words or stems without diacritics (FOLDED,
       FOLDED + STEM), as [word, keys] pairs. */
    function table(file, kind) {
      const found = kind ? (Object.hasOwn(file, kind) ? file[kind] : {}) : file;
      return kind ? found : Object.fromEntries(Object.entries(found).filter(([word]) => !TABLES.test(word)));
    }

    function entry(file, kind, word) {
      if (TABLES.test(word)) return [];
      const found = kind ? (Object.hasOwn(file, kind) ? file[kind] : {}) : file;
      return Object.hasOwn(found, word) ? found[word] : [];
    }

    /* The keys a query word is searched by, {keys: [[key, chunk]], near: [[key, chunk]]}:
       - its own (a word of the notices, or a base form of one), or as written without diacritics (henkilotiedot);
       - else, for a word the notices do not use, those of the longest stem it starts with followed by an ending
         (the index's meta.json gives the language's endings: hooks/seloste/search/language.py, ENDINGS); a stem
         is one of the lexicon's stems (Voikko's or Snowball's) or a word the notices use (collection-s);
         and, for such a word of six letters or more, `near`: those of the words one slip of the finger from it
         (tietosuojaselote, cokies; for a word under eight letters, only where nothing else is found) or, where
         nothing else is found, of the stems of six letters or more one slip from its start followed by an ending. Notices found only
         through these come after the others. */
    async function keysOf(word) {
      const meta = await engine();
      const file = await lexicon(word);
      const bare = fold(word) === word; // typed without diacritics: it may stand for a word with them
      const own = entry(file, "", word);
      if (own.length) return { keys: own, near: [] };
      const folded = bare ? entry(file, FOLDED, word) : [];
      if (folded.length) return { keys: folded, near: [] };
      const kinds = bare ? ["", FOLDED] : [""];
      const ending = new RegExp(meta.endings, "u");
      const chars = Array.from(word);
      const unique = (keys) => Array.from(new Map(keys));
      let keys = [];
      for (let n = chars.length; n >= 3 && !keys.length; n--) {
        const stem = chars.slice(0, n).join("");
        if (!ending.test(chars.slice(n).join(""))) continue;
        keys = kinds.flatMap((kind) => entry(file, kind + STEM, stem)
          .concat(n < chars.length ? entry(file, kind, stem).filter(([key]) => !key.startsWith(EXACT)) : []));
      }
      if (chars.length < NEAR_LENGTH) return { keys: unique(keys), near: [] };
      const plain = Array.from(fold(word));
      // a word of the lexicon is compared only if its length allows (a folded letter keeps its length)
      const close = (kind, fits, test) => Object.entries(table(file, kind))
        .filter(([other]) => fits(other.length) && test(Array.from(fold(other))))
        .flatMap(([, found]) => found.filter(([key]) => !key.startsWith(EXACT)));
      // a short word is one slip from too many others: it is searched so only where nothing else is found
      const whole = (length) => Math.abs(length - word.length) <= 1;
      let slips = keys.length && chars.length < NEAR_BESIDE ? [] : kinds.flatMap((kind) => close(kind, whole, (other) => near(plain.join(""), other.join(""))));
      if (!slips.length && !keys.length) {
        const start = (length) => length >= NEAR_LENGTH && length < word.length;
        const stemmed = (other) => [-1, 0, 1].some((d) => {
          const m = other.length + d;
          return m < chars.length && near(plain.slice(0, m).join(""), other.join("")) && ending.test(chars.slice(m).join(""));
        });
        slips = kinds.flatMap((kind) => close(kind + STEM, start, stemmed));
      }
      return { keys: unique(keys), near: unique(slips) };
    }

    /* The two parts of a compound query word that finds nothing else (neither whole, by a stem nor as a word one
       slip from it), each a word the index knows: [{word, keys}], or null. The first part is a word of the notices
       or a base form of one, looked up in the query word's own lexicon file (no request), the last any form of one,
       as keysOf finds it (terveystiedot: terveys + tiedot); the longest first part that leaves such a last part is
       taken (työterveys + tiedot), each one tried costing one lexicon file for what follows it. */
    async function partsOf(word) {
      const chars = Array.from(word);
      const file = await lexicon(word);
      const bare = fold(word) === word;
      const known = (keys) => keys.filter(([key]) => !key.startsWith(EXACT)); // a part is never the word as written
      for (let n = chars.length - PART_LENGTH; n >= PART_LENGTH; n--) {
        const head = chars.slice(0, n).join("");
        const first = known(entry(file, "", head).concat(bare ? entry(file, FOLDED, head) : []));
        if (!first.length) continue;
        const tail = chars.slice(n).join("");
        const last = known((await keysOf(tail)).keys);
        if (last.length) return [{ word: head, keys: first }, { word: tail, keys: last }];
      }
      return null;
    }

    /* A key's notices (number -> how often) and the forms that carry it; decoded once. */
    const decoded = new Map();
    function postings([key, chunk]) {
      return once(decoded, key, () => decodePostings(key, chunk));
    }

    async function decodePostings(key, chunk) {
      const bucket = await load("keys/" + Number(chunk) + ".json.gz");
      const docs = new Map();
      if (!Object.hasOwn(bucket, key)) return { forms: [], docs };
      const [forms, flat] = bucket[key];
      for (let i = 0, doc = 0; i < flat.length; i += 2) {
        doc += flat[i];
        docs.set(doc, flat[i + 1]);
      }
      return { forms, docs };
    }

    /* Where an exact form stands in each notice: number -> [positions]. */
    async function positions(form) {
      const meta = await engine();
      const bucket = await load("pos/" + (fnv1a(form) % meta.pos) + ".json.gz");
      const found = new Map();
      const flat = Object.hasOwn(bucket, form) ? bucket[form] : [];
      for (let i = 0, doc = 0; i < flat.length; ) {
        doc += flat[i];
        const count = flat[i + 1];
        const at = [];
        for (let j = 0, p = 0; j < count; j++) at.push((p += flat[i + 2 + j]));
        found.set(doc, at);
        i += 2 + count;
      }
      return found;
    }

    /* Notices where the words stand one after the other: number -> occurrences. */
    async function phraseDocs(phrase) {
      const lists = await Promise.all(phrase.map(positions));
      const found = new Map();
      for (const [doc, starts] of lists[0]) {
        const rest = lists.slice(1).map((list) => list.get(doc));
        if (rest.some((at) => !at)) continue;
        const sets = rest.map((at) => new Set(at));
        const count = starts.filter((p) => sets.every((set, k) => set.has(p + k + 1))).length;
        if (count) found.set(doc, count);
      }
      return found;
    }

    function parse(query) {
      const phrases = [];
      const rest = query.replace(QUOTES, (_, text) => {
        const phrase = words(text);
        if (phrase.length) phrases.push(phrase);
        return " ";
      });
      return { words: Array.from(new Set(terms(rest))), phrases };
    }

    /* One query word: the notices using it in some form (number -> how often), those using it as written, those
       found only as a word one slip of the finger from it, those found only by its parts (a compound that finds
       nothing else: the notices that hold every part of it), and the forms to mark, `groups` of them
       where it was found by its parts (one per part, so that an excerpt shows where they stand together); not
       `split`: a word that finds nothing is not searched by its parts (yet). */
    async function wordDocs(word, split = true) {
      const found = await keysOf(word);
      const keys = found.keys.concat(found.near);
      const entries = await Promise.all(keys.map(postings));
      const docs = new Map();
      const exact = new Set();
      const sure = new Set();
      const forms = new Set();
      entries.forEach((entry, i) => {
        entry.forms.forEach((form) => forms.add(form));
        const asWritten = keys[i][0].startsWith(EXACT);
        for (const [doc, count] of entry.docs) {
          docs.set(doc, Math.max(docs.get(doc) || 0, count));
          if (asWritten) exact.add(doc);
          if (i < found.keys.length) sure.add(doc);
        }
      });
      const near = new Set(Array.from(docs.keys()).filter((doc) => !sure.has(doc)));
      const parts = keys.length || !split ? null : await partsOf(word); // a word found whole, or one slip from it, is not split
      return parts ? byParts(word, parts) : { docs, exact, forms, near, parts: new Set() };
    }

    /* A word found by its parts (partsOf): the notices holding every part (number -> how often its rarest part
       stands there), all of them in `parts`, the forms of each part to mark, in a group of their own. */
    async function byParts(word, parts) {
      const each = await Promise.all(parts.map((part) => Promise.all(part.keys.map(postings))));
      const counts = each.map((entries) => {
        const inDoc = new Map();
        for (const entry of entries) for (const [doc, count] of entry.docs) inDoc.set(doc, Math.max(inDoc.get(doc) || 0, count));
        return inDoc;
      });
      const docs = new Map();
      for (const doc of counts[0].keys()) {
        if (counts.every((inDoc) => inDoc.has(doc))) docs.set(doc, Math.min(...counts.map((inDoc) => inDoc.get(doc))));
      }
      const groups = each.map((entries) => new Set(entries.flatMap((entry) => entry.forms)));
      const forms = new Set(groups.flatMap((group) => Array.from(group)));
      const split = { word, parts: parts.map((part) => part.word) };
      return { docs, exact: new Set(), forms, near: new Set(), parts: new Set(docs.keys()), groups, split };
    }

    /* The words of the notices a word begins, the most used first (the lexicon file's "*": the most used words
       of its first two letters, or of its first letter), or else the shortest; three at most. */
    async function completions(start, common) {
      const file = await lexicon(start);
      const listed = (Object.hasOwn(file, TOP) ? file[TOP] : []).filter((word) => word.startsWith(start));
      const others = Object.entries(table(file, ""))
        .filter(([word, keys]) => word.startsWith(start) && keys.some(([key]) => key.startsWith(EXACT)))
        .map(([word]) => word)
        .sort((a, b) => a.length - b.length || (a < b ? -1 : 1));
      return Array.from(new Set(listed.concat(others))).filter((word) => word !== start && !common.has(word)).slice(0, 3);
    }

    /* Several words' notices as one word's: any of them. */
    function merged(found) {
      const docs = new Map(), exact = new Set(), forms = new Set(), near = new Set(), parts = new Set();
      for (const word of found) {
        for (const [doc, count] of word.docs) docs.set(doc, Math.max(docs.get(doc) || 0, count));
        word.exact.forEach((doc) => exact.add(doc));
        word.forms.forEach((form) => forms.add(form));
      }
      for (const word of found) word.near.forEach((doc) => found.every((other) => other.near.has(doc) || !other.docs.has(doc)) && near.add(doc));
      return { docs, exact, forms, near, parts };
    }

    /* Notices matching every word (in some form) and every phrase, best first:
       {hits: [{doc, score}], marks, phrases, split: [{word, parts}] (the words found by their parts),
       terms: [forms of each word, or of each part of one found by its parts]}. */
    async function search(query, typing = false) {
      const meta = await engine();
      const { words: typed, phrases } = parse(query);
      // the words too common to search for (meta.json's, from language.STOPWORDS) are left out, unless they are
      // all the query has: then nothing is searched, and the reader is told why (common)
      const common = new Set(meta.stop);
      const terms = typed.filter((word) => !common.has(word));
      if (!terms.length && !phrases.length) return { hits: [], marks: new Set(), phrases, split: [], terms: [], common: typed.length > 0, engine: api };
      // while the reader types, a last word that finds nothing (or only words one slip from it) is the start of a
      // word: it finds what the words it begins find, and only where no word begins with it is it split into parts
      // (each part tried costs a lexicon file: not for every letter typed)
      const last = terms.length - 1;
      const open = typing && last >= 0 && terms[last] === typed[typed.length - 1] && !/["“”„«»]\s*$/u.test(query);
      const perWord = await Promise.all(terms.map((word, i) => wordDocs(word, !(open && i === last))));
      const unfinished = last >= 0 && perWord[last].near.size + perWord[last].parts.size === perWord[last].docs.size;
      if (open && unfinished) {
        const begun = await completions(terms[last], common);
        if (begun.length) perWord[last] = merged(await Promise.all(begun.map((word) => wordDocs(word))));
        else if (!perWord[last].docs.size) perWord[last] = await wordDocs(terms[last]);
      }
      const matches = perWord.concat((await Promise.all(phrases.map(phraseDocs))).map((docs) => ({ docs, exact: new Set(), near: new Set(), parts: new Set() })));
      // forms to mark anywhere; a phrase's words are marked only where they form it
      const marks = new Set(perWord.flatMap((word) => Array.from(word.forms)));
      let scores = null;
      for (const { docs, exact, near, parts } of matches) {
        const weight = Math.log(1 + meta.docs / Math.max(1, docs.size)); // rarer words weigh more
        const next = new Map();
        for (const [doc, count] of docs) {
          if (scores !== null && !scores.has(doc)) continue;
          const score = weight * (1 + Math.log(count)) * (exact.has(doc) ? 2 : 1); // the word as written counts double
          const before = scores ? scores.get(doc) : { score: 0, near: 0, parts: 0 };
          next.set(doc, { score: before.score + score, near: before.near + (near.has(doc) ? 1 : 0), parts: before.parts + (parts.has(doc) ? 1 : 0) });
        }
        scores = next;
      }
      // notices found only through a word one slip of the finger from the query's come after the others; a word is
      // searched by its parts only where it finds nothing else, so those found so never outrank one using it whole
      const hits = Array.from(scores, ([doc, { score, near: slips, parts }]) => ({ doc, score, near: slips, parts }))
        .sort((a, b) => a.near - b.near || b.score - a.score || a.doc - b.doc);
      // a word found by its parts is as many words as it has parts: an excerpt shows where they stand together
      const split = hits.length ? perWord.filter((word) => word.split).map((word) => word.split) : [];
      return { hits, marks, phrases, split, terms: perWord.flatMap((word) => word.groups || [word.forms]), engine: api };
    }

    /* One entry per notice: the organisation, its page, and every section that matches. */
    async function details(hit, context) {
      const doc = await load("docs/" + hit.doc + ".json.gz");
      const page = new URL(doc.u, base).href;
      const title = doc.s.length ? doc.s[0][1] : doc.t;
      const tests = matchers(context);
      const sections = [];
      doc.s.forEach(([anchor, heading, text], order) => {
        const parts = [heading.toLowerCase(), text.toLowerCase()];
        const has = tests.flatMap((re, i) => (parts.some((part) => re.test(part)) ? [i] : [])); // query words and phrases
        if (has.length) sections.push({ heading, text, title, has, order, url: anchor ? page + "#" + anchor : page });
      });
      return { title: doc.t, url: page, sections: covering(sections) };
    }

    const api = { lang: language, ready: engine, keys: keysOf, search, details, completions };
    return api;
  }

  /* The words of a text with their places, whether each is a match, and which query words and phrases it
     matches (`holds`, numbers: the query's words, then its phrases). A hyphenated word whose whole is a match
     is one word, otherwise each of its parts is one. */
  function tokenize(text, context) {
    const { marks, phrases, terms: forms } = context;
    const found = [];
    for (const m of text.matchAll(TERM)) {
      const whole = m[0].toLowerCase().replace(/[\u2010\u2011]/gu, "-");
      if (whole.includes("-") && marks.has(whole)) {
        found.push({ start: m.index, end: m.index + m[0].length, word: whole, whole: true });
        continue;
      }
      for (const part of m[0].matchAll(WORD)) {
        const start = m.index + part.index;
        found.push({ start, end: start + part[0].length, word: part[0].toLowerCase() });
      }
    }
    const holds = found.map((t) => forms.flatMap((word, i) => (word.has(t.word) ? [i] : [])));
    phrases.forEach((phrase, p) => {
      for (let i = 0; i + phrase.length <= found.length; i++) {
        if (phrase.every((word, k) => found[i + k].word === word)) for (let k = 0; k < phrase.length; k++) holds[i + k].push(forms.length + p);
      }
    });
    return found.map((t, i) => Object.assign(t, { marked: holds[i].length > 0, holds: holds[i] }));
  }

  /* Where an excerpt of `length` words starts: the passage that holds the most query words and phrases, then
     the most matches, then the first; a few words before its first match are kept for context. */
  function passage(tokens, length) {
    let best = 0, most = [-1, -1];
    tokens.forEach((token, i) => {
      if (!token.marked) return;
      const from = Math.max(0, i - 6);
      const within = tokens.slice(from, from + length).filter((t) => t.marked);
      const score = [new Set(within.flatMap((t) => t.holds)).size, within.length];
      if (score[0] > most[0] || (score[0] === most[0] && score[1] > most[1])) [best, most] = [from, score];
    });
    return best;
  }

  /* The best passage of the text (or all of it): [{text, mark}]. */
  function excerpt(text, tokens, length) {
    const from = length ? passage(tokens, length) : 0;
    const to = length ? Math.min(tokens.length, from + length) : tokens.length;
    if (!tokens.length) return [{ text: text, mark: false }];
    const parts = [{ text: from > 0 ? "… " : "", mark: false }];
    let at = tokens[from].start;
    for (let i = from; i < to; i++) {
      if (!tokens[i].marked) continue;
      parts.push({ text: text.slice(at, tokens[i].start), mark: false }, { text: text.slice(tokens[i].start, tokens[i].end), mark: true });
      at = tokens[i].end;
    }
    parts.push({ text: text.slice(at, tokens[to - 1].end) + (to < tokens.length ? " …" : ""), mark: false });
    return parts.filter((part) => part.text);
  }

  /* The sections in the order to show them: each next one adds the most query words the ones before
     it lack (so the few shown hold every word some section holds), then by how many it holds, then
     in the notice's order. */
  function covering(sections) {
    const rest = sections.slice().sort((a, b) => b.has.length - a.has.length || a.order - b.order);
    const covered = new Set();
    const ordered = [];
    for (;;) {
      let best = -1, gain = 0;
      rest.forEach((section, i) => {
        const adds = section.has.filter((test) => !covered.has(test)).length;
        if (adds > gain) { best = i; gain = adds; }
      });
      if (best < 0) return ordered.concat(rest);
      const [section] = rest.splice(best, 1);
      section.has.forEach((test) => covered.add(test));
      ordered.push(section);
    }
  }

  /* A regular expression per query word (any of its forms) and per phrase (cached per query). */
  function matchers(context) {
    if (!context.tests) {
      const word = (source) => new RegExp("(?<![\\p{L}\\p{N}])" + source + "(?![\\p{L}\\p{N}])", "u");
      context.tests = context.terms
        .filter((forms) => forms.size)
        .map((forms) => word("(?:" + Array.from(forms).sort((a, b) => b.length - a.length).join("|") + ")"))
        .concat(context.phrases.map((phrase) => word(phrase.join("[^\\p{L}\\p{N}]+"))));
    }
    return context.tests;
  }

  /* A section as shown: its heading and an excerpt, the matched words marked. */
  function present(section, context) {
    const inHeading = tokenize(section.heading, context);
    const inText = tokenize(section.text, context);
    return {
      url: section.url,
      title: section.heading ? excerpt(section.heading, inHeading) : [{ text: section.title, mark: false }],
      excerpt: section.text && inText.some((t) => t.marked) ? excerpt(section.text, inText, EXCERPT_WORDS) : [],
    };
  }

  function excerptNodes(parts) {
    return parts.map((part) => {
      if (!part.mark) return document.createTextNode(part.text);
      const mark = document.createElement("mark");
      mark.textContent = part.text;
      return mark;
    });
  }

  /* Search and show the results; `typing`: the reader is still typing, the last word may be the start of one. A
     query that finds nothing in the page's language is tried in the other: if it finds anything there, the
     reader is offered those results. */
  async function render(query, typing) {
    status.textContent = ui.loading || "";
    list.replaceChildren();
    list.removeAttribute("lang");
    try {
      const found = await here.search(query, typing);
      const meta = await here.ready();
      if (!ui.title) label(meta.ui); // they could not be read when search was opened
      if (input.value.trim() !== query) return; // a newer query is on its way
      if (!found.hits.length) {
        status.textContent = (found.common ? ui.common : ui.none).replace("{query}", () => query);
        if (!found.common) await offerElsewhere(query, meta);
        return;
      }
      status.textContent = [counted(found.hits.length), ...partsSaid(found)].join(". ");
      list.replaceChildren();
      await show(query, found, 0);
    } catch (error) {
      if (input.value.trim() === query) status.textContent = ui.failed || button.dataset.failed;
    }
  }

  function counted(count) {
    return count === 1 ? ui.result : ui.results.replace("{count}", () => String(count));
  }

  /* What the results say of each query word found by its parts, not as a whole. */
  function partsSaid(found) {
    return found.split.map(({ word, parts }) => ui.parts.replace("{word}", () => word).replace("{parts}", () => parts.join(" + ")));
  }

  /* The other language's index, asked only when a query finds nothing in the page's. */
  let elsewhere = null;

  async function offerElsewhere(query, meta) {
    const other = (meta.languages || []).find((code) => code !== lang);
    if (!other) return;
    elsewhere = elsewhere || engineOf(other);
    const found = await elsewhere.search(query);
    if (input.value.trim() !== query || !found.hits.length) return;
    const offer = el("button", { type: "button", class: "md-button", text: ui.elsewhere.replace("{count}", () => String(found.hits.length)) });
    offer.addEventListener("click", () => {
      status.textContent = [counted(found.hits.length), ...partsSaid(found)].join(". ");
      list.replaceChildren();
      list.setAttribute("lang", other);
      show(query, found, 0).catch(() => (status.textContent = ui.failed));
    });
    list.replaceChildren(el("li", { class: "sl-search__elsewhere" }, [offer]));
  }

  /* Append the results from `start` on, MAX_RESULTS at a time, with a button for the next ones. */
  async function show(query, found, start) {
    const hits = found.hits;
    const settled = await Promise.allSettled(hits.slice(start, start + MAX_RESULTS).map((hit) => found.engine.details(hit, found)));
    if (input.value.trim() !== query) return;
    const items = settled.filter((result) => result.status === "fulfilled").map((result) => result.value);
    if (!items.length) throw new Error("no result could be loaded");
    list.querySelector(".sl-search__more")?.remove();
    list.append(...items.map((item) => {
      const sections = item.sections.slice(0, MAX_SECTIONS).map((section) => present(section, found));
      const shown = sections.length ? sections : [{ title: [{ text: item.title, mark: false }], url: item.url, excerpt: [] }];
      return el("li", { class: "sl-search__result" }, [
        el("a", { class: "sl-search__org", href: item.url, text: item.title }),
        el("ul", {}, shown.map((s) => el("li", {}, [
          el("a", { class: "sl-search__section", href: s.url }, excerptNodes(s.title)),
          ...(s.excerpt.length ? [el("p", { class: "sl-search__excerpt" }, excerptNodes(s.excerpt))] : []),
        ]))),
      ]);
    }));
    if (start + MAX_RESULTS < hits.length) {
      const more = el("button", { type: "button", class: "md-button", text: ui.more.replace("{count}", () => String(hits.length - start - MAX_RESULTS)) });
      more.addEventListener("click", () => {
        if (more.disabled) return;
        more.disabled = true; // a second click would add the same results again
        show(query, found, start + MAX_RESULTS).catch(() => (more.disabled = false)); // failed: it can be tried again
      });
      list.append(el("li", { class: "sl-search__more" }, [more]));
    }
  }

  /* The dialog, made when search is first opened; its labels come with the index's meta.json (one copy per
     language, not one in every page). The field takes what the reader types at once, labelled as soon as they
     arrive; if they cannot, the dialog says search is unavailable (the button's data-failed) and the next
     opening tries again. */
  let dialog = null, input = null, status = null, list = null, ui = {};

  function build() {
    input = el("input", {
      id: "sl-search-input", class: "sl-search__input", type: "search", autocomplete: "off", spellcheck: "false",
      enterkeyhint: "search",
    });
    status = el("p", { class: "sl-search__status", id: "sl-search-status", role: "status" });
    list = el("ol", { class: "sl-search__results", id: "sl-search-results" });
    const form = el("form", { class: "sl-search__form", role: "search", method: "dialog" }, [
      el("h2", { id: "sl-search-title", class: "sl-visually-hidden" }),
      el("label", { id: "sl-search-label", class: "sl-visually-hidden", for: "sl-search-input" }),
      input,
      el("button", { type: "button", class: "sl-search__close", text: "×" }),
    ]);
    dialog = el("dialog", { class: "sl-search md-typeset", id: "sl-search", "aria-labelledby": "sl-search-title" }, [form, status, list]);
    document.body.append(dialog);
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
      const typing = !/\s$/u.test(input.value); // the last word may be unfinished
      here.search(query, typing).catch(() => {}); // fetch the index files the words need while the reader types
      timer = setTimeout(() => render(query, typing), 150);
    });
    // Enter, or a phone keyboard's search key, searches at once what is typed; only the close button closes
    form.querySelector(".sl-search__close").addEventListener("click", () => dialog.close());
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      clearTimeout(timer);
      const query = input.value.trim();
      if (query) render(query, !/\s$/u.test(input.value)); // a last word that finds nothing is still a start
    });
    dialog.addEventListener("click", (event) => {
      if (event.target === dialog || event.target.closest("a[href]")) dialog.close(); // the backdrop, or a result followed
    });
  }

  function label(labels) {
    ui = labels;
    dialog.querySelector("#sl-search-title").textContent = ui.title;
    dialog.querySelector("#sl-search-label").textContent = ui.label;
    dialog.querySelector(".sl-search__close").setAttribute("aria-label", ui.close);
    input.placeholder = ui.placeholder;
  }

  function open() {
    if (!dialog) build();
    if (!dialog.open) dialog.showModal();
    input.focus();
    input.select();
    if (!ui.title) {
      here.ready().then(
        (meta) => label(meta.ui),
        () => (status.textContent = button.dataset.failed),
      );
    }
  }

  button.addEventListener("click", open);
  document.addEventListener("keydown", (event) => {
    const typing = /^(input|textarea|select)$/i.test(event.target.localName) || event.target.isContentEditable;
    if ((event.key === "/" && !typing) || (event.key.toLowerCase() === "k" && (event.ctrlKey || event.metaKey))) {
      event.preventDefault();
      open();
    }
  });

  /* For tests and the benchmark: [{title, parts, url, sections: [url], has}] for a query (the first `limit`). */
  async function find(query, limit) {
    const found = await here.search(query);
    const hits = found.hits.slice(0, limit || Infinity);
    const items = await Promise.all(hits.map((hit) => here.details(hit, found)));
    const path = (url) => new URL(url).pathname + new URL(url).hash;
    return items.map((item, i) => ({
      title: item.title,
      parts: hits[i].parts, // how many query words it was found by the parts of
      url: path(item.url),
      sections: item.sections.map((s) => path(s.url)),
      has: item.sections.map((s) => s.has), // which query words and phrases each section holds
    }));
  }

  window.selosteSearch = {
    search: (q) => here.search(q).then((found) => found.hits),
    keys: (word) => here.keys(word).then((found) => found.keys.concat(found.near)),
    find: find,
    ready: here.ready,
    prepare: here.search,
    shown: MAX_RESULTS,
    open: open,
  };
})();
