{#- The script that draws the header, navigation, back-to-top button and footer of a language's lite pages
    (assets/seloste-chrome.<lang>.js). Context: `frame` (a Frame at the site root, the page's own values left
    to the script), `t` (labels), `prefixes` (each language's folder), `site_name`. -#}
{% set toggles %}{% include "seloste/lite/toggles.html" %}{% endset %}
{% set header %}{% with sl_header = frame.header %}{% include "partials/header.html" %}{% endwith %}{% endset %}
{% set sidebar %}{% include "seloste/lite/sidebar.html" %}{% endset %}
{% set top %}{% include "seloste/lite/top-button.html" %}{% endset %}
{% set footer %}{% include "seloste/lite/footer.html" %}{% endset %}
/*
 * Seloste: the header, the site's navigation, the back-to-top button and the footer of the pages MkDocs does not
 * render (versions, history, comparisons, checklists), in {{ frame.lang }}: the Material pages' own markup, drawn
 * into the places a page leaves for them as it loads, one copy for every page instead of one in each. Made by the
 * build from the templates of the Material pages' header (overrides/seloste/lite/chrome.js); links in it are
 * relative to the site's root, which is where this file's folder is. A page runs it in its main area, before
 * its text: it draws the toggles and skip link, the header in place of the links the page holds for readers
 * without scripts, the navigation, and the configuration Material's script reads; once the page is read (before
 * Material's script sets it up), the back-to-top button and the footer. The page's own values (its title, its
 * address in each language) are set as text and attributes, never as markup.
 */
(function () {
  "use strict";

  const PARTS = {{ {"toggles": toggles, "header": header, "sidebar": sidebar, "top": top, "footer": footer} | tojson }};
  const MATERIAL = {{ frame.material | tojson }};
  const PREFIXES = {{ prefixes | tojson }};
  const LANG = {{ frame.lang | tojson }};
  const SUFFIX = {{ (" - " ~ site_name) | tojson }};
  const root = new URL("..", document.currentScript.src);

  /* The nodes of a part, its links made from the site's root (a link within the page stays as it is). */
  function nodes(markup) {
    const body = new DOMParser().parseFromString(markup, "text/html").body;
    for (const el of body.querySelectorAll("script")) el.remove(); // the page runs its own
    for (const el of body.querySelectorAll("[href], [data-root], [data-sl-search]")) {
      for (const name of ["href", "data-root", "data-sl-search"]) {
        const value = el.getAttribute(name);
        if (value !== null && !value.startsWith("#")) el.setAttribute(name, new URL(value || "./", root).href);
      }
    }
    return Array.from(body.childNodes);
  }

  /* This page's path from the site's root, without its language's folder. */
  function path() {
    const here = location.pathname.startsWith(root.pathname) ? location.pathname.slice(root.pathname.length) : "";
    return here.startsWith(PREFIXES[LANG]) ? here.slice(PREFIXES[LANG].length) : here;
  }

  const header = document.querySelector("header[data-sl-chrome=header]");
  const inner = document.querySelector(".md-main__inner");
  if (header && inner) {
    header.before(...nodes(PARTS.toggles));
    header.replaceWith(...nodes(PARTS.header));
    const topic = document.querySelector("[data-md-component=header-topic] .md-ellipsis");
    if (topic) topic.textContent = document.title.endsWith(SUFFIX) ? document.title.slice(0, -SUFFIX.length) : document.title;
    for (const link of document.querySelectorAll(".md-header a.md-select__link[hreflang]")) {
      const lang = link.getAttribute("hreflang");
      if (Object.hasOwn(PREFIXES, lang)) link.href = new URL(PREFIXES[lang] + path(), root).href;
    }
    inner.prepend(...nodes(PARTS.sidebar));
    const config = document.createElement("script");
    config.id = "__config";
    config.type = "application/json";
    config.textContent = JSON.stringify(Object.assign({}, MATERIAL, { base: root.href }));
    document.body.append(config);
    document.addEventListener("DOMContentLoaded", () => {
      inner.parentElement.append(...nodes(PARTS.top));
      inner.closest(".md-container").append(...nodes(PARTS.footer));
    }, { once: true });
  }
})();
