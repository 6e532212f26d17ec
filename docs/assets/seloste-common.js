/*
 * Seloste: what the site's scripts share (seloste-compare.js, seloste-search.js): elements built from
 * plain data, text always as textContent; and JSON files fetched once, gzip-compressed or not, a failed
 * fetch tried again the next time it is asked for.
 */
(function (root) {
  "use strict";

  /* An element with attributes (text: its textContent; null, undefined and false left out, true as "") and children. */
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

  /* The JSON of a fetched file: gzip-compressed unless a server already decompressed it. */
  async function json(response, name) {
    if (!response.ok) throw new Error(name + ": HTTP " + response.status);
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return JSON.parse(new TextDecoder().decode(bytes));
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
    return JSON.parse(await new Response(stream).text());
  }

  /* The promise make() gives for key, made once and kept in cache; a failed one is made again next time. */
  function once(cache, key, make) {
    if (!cache.has(key)) {
      const promise = make();
      promise.catch(() => cache.delete(key));
      cache.set(key, promise);
    }
    return cache.get(key);
  }

  root.selosteCommon = { el: el, json: json, once: once };
})(this);
