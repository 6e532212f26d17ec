// Filters of the comparison page (facts/): hides the rows that do not match. Everything it
// matches on was decided at build time and stands in the rows' data-* attributes.
(() => {
  "use strict";
  const form = document.getElementById("sl-filters");
  if (!form) return;
  const rows = Array.from(document.querySelectorAll("tr.sl-facts-row"));
  const count = document.getElementById("sl-filters-count");
  const flags = ["retention", "bases", "dpo", "outdated"];
  const names = rows.map((row) => (row.querySelector("th")?.textContent || "").toLocaleLowerCase());

  function apply() {
    const name = form.elements.name.value.trim().toLocaleLowerCase();
    const country = form.elements.country.value;
    const tool = form.elements.tool.value;
    const wanted = flags.filter((flag) => form.elements[flag].checked);
    let shown = 0;
    rows.forEach((row, i) => {
      const match =
        (!name || names[i].includes(name)) &&
        (!country || row.dataset.countries.split(" ").includes(country)) &&
        (!tool || row.dataset.tools.split(" ").includes(tool)) &&
        wanted.every((flag) => row.dataset[flag] === "1");
      row.hidden = !match;
      if (match) shown += 1;
    });
    const template = rows.length === 1 ? count.dataset.templateOne : count.dataset.templateOther; // by the total: "1 of 1 organisation"
    count.textContent = template.replace("{shown}", String(shown)).replace("{total}", String(rows.length));
  }

  form.addEventListener("input", apply);
  form.addEventListener("submit", (event) => event.preventDefault());
  form.hidden = false;
  apply();
})();
