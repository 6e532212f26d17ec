// Filters of the facts page (facts/): hides the rows that do not match. Everything it matches on was
// decided at build time and stands in the rows' data-* attributes. The filters live in the page's
// address (?category=health&country=US&tool=google-analytics&idcode=1), so a reload, the back and forward
// buttons and a shared link all show the same view.
(() => {
  "use strict";
  const form = document.getElementById("sl-filters");
  if (!form) return;
  const rows = Array.from(document.querySelectorAll("tr.sl-facts-row"));
  const table = document.querySelector(".sl-facts-table");
  const count = document.getElementById("sl-filters-count");
  const reset = document.getElementById("sl-filters-reset");
  const choices = ["category", "country", "tool"];
  const flags = ["sensitive", "idcode", "children", "retention", "bases", "dpo", "notransfers", "outdated"];
  const names = rows.map((row) => (row.querySelector("th")?.textContent || "").toLocaleLowerCase());

  /** The filters as the address writes them: only those set, always in the same order. */
  function query() {
    const params = new URLSearchParams();
    const name = form.elements.name.value.trim();
    if (name) params.set("name", name);
    choices.forEach((key) => form.elements[key].value && params.set(key, form.elements[key].value));
    flags.forEach((flag) => form.elements[flag].checked && params.set(flag, "1"));
    return params.toString();
  }

  /** Sets the filters from the address; a value the page does not offer (a tool no notice names any more) is left out. */
  function read() {
    const params = new URLSearchParams(window.location.search);
    form.elements.name.value = params.get("name") || "";
    choices.forEach((key) => {
      const select = form.elements[key];
      const value = params.get(key) || "";
      select.value = Array.from(select.options).some((option) => option.value === value) ? value : "";
    });
    flags.forEach((flag) => (form.elements[flag].checked = params.get(flag) === "1"));
  }

  /** Writes the filters into the address: a new history entry, or in place of the current one. */
  function write(push) {
    const search = query();
    const url = window.location.pathname + (search ? "?" + search : "") + window.location.hash;
    if (url === window.location.pathname + window.location.search + window.location.hash) return;
    if (push) window.history.pushState(null, "", url);
    else window.history.replaceState(null, "", url);
  }

  function apply() {
    const name = form.elements.name.value.trim().toLocaleLowerCase();
    const category = form.elements.category.value;
    const country = form.elements.country.value;
    const tool = form.elements.tool.value;
    const wanted = flags.filter((flag) => form.elements[flag].checked);
    let shown = 0;
    rows.forEach((row, i) => {
      const match =
        (!name || names[i].includes(name)) &&
        (!category || row.dataset.categories.split(" ").includes(category)) &&
        (!country || row.dataset.countries.split(" ").includes(country)) &&
        (!tool || row.dataset.tools.split(" ").includes(tool)) &&
        wanted.every((flag) => row.dataset[flag] === "1");
      row.hidden = !match;
      if (match) shown += 1;
    });
    const template = rows.length === 1 ? count.dataset.templateOne : count.dataset.templateOther; // by the total: "1 of 1 organisation"
    count.textContent = shown
      ? template.replace("{shown}", String(shown)).replace("{total}", String(rows.length))
      : count.dataset.none;
    if (table) table.hidden = shown === 0;
    reset.hidden = query() === "";
  }

  let typing = false; // a word typed into the name field is one history entry, not one per letter
  form.addEventListener("input", (event) => {
    apply();
    const inName = event.target === form.elements.name;
    write(!(inName && typing));
    typing = inName;
  });
  form.addEventListener("submit", (event) => event.preventDefault());
  reset.addEventListener("click", () => {
    form.elements.name.value = "";
    choices.forEach((key) => (form.elements[key].value = ""));
    flags.forEach((flag) => (form.elements[flag].checked = false));
    apply();
    write(true);
    typing = false;
    form.elements.name.focus(); // the button is gone: the reader carries on from the first filter
  });
  window.addEventListener("popstate", () => {
    read();
    apply();
    typing = false;
  });
  read();
  write(false); // a shared link's filters, as this page writes them
  form.hidden = false;
  apply();
})();
