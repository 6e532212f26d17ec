/*
 * Seloste: the language switch keeps the reader's place. Its links lead to the same page in the other
 * language; when one is followed (clicked, opened in a new tab, or copied), it takes along the section the
 * address names (#...) and, on a comparison, the pair and view it shows (?from=...&to=...&view=...). A link
 * to a language that does not have the page (data-elsewhere) leads to the about page's section on what is in
 * one language only, as it is.
 *
 * The 404 page takes the language of the address it is served at: GitHub Pages serves the one 404 page
 * at every address that has no page; at an English address (under en/), the English page it holds in a
 * template takes the Finnish one's place, before Material's script and search read the page. It runs first
 * among the site's scripts.
 */
(function () {
  "use strict";

  const english = document.getElementById("sl-not-found-en");
  if (english && location.pathname.startsWith(new URL(english.dataset.prefix, location.href).pathname)) {
    while (english.previousSibling) english.previousSibling.remove();
    english.before(english.content.cloneNode(true));
    document.documentElement.lang = "en";
    document.title = english.dataset.title;
  }

  function keepPlace(event) {
    const link = event.target instanceof Element ? event.target.closest("a.md-select__link[hreflang]") : null;
    if (!link || link.hasAttribute("data-elsewhere")) return;
    const target = new URL(link.getAttribute("href"), location.href);
    target.search = location.search;
    target.hash = location.hash;
    link.href = target.href;
  }

  for (const type of ["click", "auxclick", "contextmenu", "focusin"]) document.addEventListener(type, keepPlace, true);
})();
