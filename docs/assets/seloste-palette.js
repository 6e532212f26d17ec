/* The reader's colour scheme, applied before the page is painted: Material's inline palette script, as a
 * file, on every page right after the header's colour toggle. The choice made with the toggle is kept in
 * localStorage under the site's path, where Material keeps it; without one, the scheme whose media query
 * matches (dark for a reader whose system is dark), as Material's script picks once it has loaded.
 * Pages Material does not render (versions, history, comparisons, checklists, the 404 page) get from it
 * the storage helpers Material's own set-up defines and its script uses.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  if (typeof window.__md_get !== "function") {
    window.__md_scope = new URL(script.getAttribute("data-root") || "./", location.href);
    window.__md_hash = (value) => [...value].reduce((hash, c) => (hash << 5) - hash + c.charCodeAt(0), 0);
    window.__md_get = (key, storage = localStorage, scope = window.__md_scope) => JSON.parse(storage.getItem(scope.pathname + "." + key));
    window.__md_set = (key, value, storage = localStorage, scope = window.__md_scope) => {
      try {
        storage.setItem(scope.pathname + "." + key, JSON.stringify(value));
      } catch (error) {
        /* no storage: the choice lasts for this page */
      }
    };
  }
  try {
    var inputs = Array.from(document.querySelectorAll("[data-md-component=palette] input"));
    var attributes = (input) => ({
      media: input.getAttribute("data-md-color-media"),
      scheme: input.getAttribute("data-md-color-scheme"),
      primary: input.getAttribute("data-md-color-primary"),
      accent: input.getAttribute("data-md-color-accent"),
    });
    var stored = window.__md_get("__palette");
    var color = stored && stored.color;
    if (color && color.media === "(prefers-color-scheme)") {
      var light = matchMedia("(prefers-color-scheme: light)").matches;
      var input = inputs.find((i) => i.getAttribute("data-md-color-media") === "(prefers-color-scheme: " + (light ? "light" : "dark") + ")");
      if (input) color = attributes(input);
    }
    if (!color) {
      var matching = inputs.find((i) => i.getAttribute("data-md-color-media") && matchMedia(i.getAttribute("data-md-color-media")).matches);
      if (matching) color = attributes(matching);
    }
    if (!color) return;
    for (var [key, value] of Object.entries(color)) if (value) document.body.setAttribute("data-md-color-" + key, value);
  } catch (error) {
    /* no storage, or a value we cannot read: the default (light) scheme stays */
  }
})();
