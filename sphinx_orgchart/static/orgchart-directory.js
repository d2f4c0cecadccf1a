/* sphinx-orgchart: filter the directory as one types (progressive enhancement).
   Without this script the whole table is there; with it, a search box appears above the
   table and hides the rows that do not contain what is typed (accents and case ignored). */
(function () {
  "use strict";

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function setUp(box) {
    var table = box.querySelector("table");
    if (!table || !table.tBodies.length) { return; }
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var texts = rows.map(function (row) { return fold(row.textContent); });
    var label = box.getAttribute("data-search-label") || "Search";
    var countOne = box.getAttribute("data-count-one") || "%(shown)s / %(total)s";
    var countOther = box.getAttribute("data-count-other") || countOne;
    // French uses the singular for 0 and 1 ("0 unité sur 153"), English for 1 only
    var rule = box.getAttribute("data-plural-rule") || "en";
    var language = document.documentElement.lang || rule;
    var number = window.Intl ? new Intl.NumberFormat(language) : null;
    function written(n) { return number ? number.format(n) : String(n); }

    var input = document.createElement("input");
    input.type = "search";
    input.className = "orgchart-directory-search";
    input.setAttribute("aria-label", label);
    input.placeholder = label;
    var status = document.createElement("p");
    status.className = "orgchart-directory-count";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");

    function update() {
      var words = fold(input.value).split(/\s+/).filter(Boolean);
      var shown = 0;
      rows.forEach(function (row, index) {
        var match = words.every(function (word) { return texts[index].indexOf(word) !== -1; });
        row.hidden = !match;
        if (match) { shown += 1; }
      });
      var one = rule === "fr" ? shown <= 1 : shown === 1;
      status.textContent = (one ? countOne : countOther)
        .replace("%(shown)s", written(shown))
        .replace("%(total)s", written(rows.length));
    }

    input.addEventListener("input", update);
    box.insertBefore(status, box.firstChild);
    box.insertBefore(input, status);
    update();
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll(".orgchart-directory"), setUp);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
