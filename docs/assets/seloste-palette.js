/* Lite pages (versions, history, comparisons, checklists, the 404 page) take the reader's colour
 * scheme as the Material pages do: the choice made with the header's toggle, which Material keeps
 * in localStorage under the site's path, else the configured palette whose media query matches
 * (dark for a reader whose system is dark). It runs first in <body>, before the page is painted.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  try {
    var palettes = JSON.parse(script.getAttribute("data-palettes") || "[]");
    var key = new URL(script.getAttribute("data-root"), location.href).pathname + ".__palette";
    var stored = JSON.parse(localStorage.getItem(key) || "null");
    var color = stored && stored.color;
    if (!color) {
      color = palettes.filter(function (p) { return p.media && matchMedia(p.media).matches; })[0];
    }
    if (!color) return;
    ["scheme", "primary", "accent"].forEach(function (name) {
      if (color[name]) document.body.setAttribute("data-md-color-" + name, String(color[name]).replace(/ /g, "-"));
    });
  } catch (error) {
    /* no storage, or a value we cannot read: the default (light) scheme stays */
  }
})();
