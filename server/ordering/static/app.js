// The only script of the member page (CSP: script-src 'self'): +/- buttons and the
// running total of the menu. The page works without it (plain number inputs).
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  var form = document.getElementById("menu-form");
  if (!form) { return; }
  var totalEl = document.getElementById("running-total");
  var currency = totalEl ? totalEl.textContent.split(" ")[0] : "";
  function refresh() {
    var cents = 0;
    form.querySelectorAll(".item").forEach(function (li) {
      var input = li.querySelector("input[type=number]");
      var qty = parseInt(input.value, 10) || 0;
      cents += Math.round(parseFloat(li.dataset.price) * 100) * qty;
    });
    if (totalEl) { totalEl.textContent = currency + " " + (cents / 100).toFixed(2); }
  }
  form.querySelectorAll("button.plus, button.minus").forEach(function (b) {
    b.addEventListener("click", function () {
      var input = document.getElementById(b.dataset.for);
      var qty = parseInt(input.value, 10) || 0;
      var max = parseInt(input.max, 10) || 20;
      qty = b.classList.contains("plus") ? Math.min(qty + 1, max) : Math.max(qty - 1, 0);
      input.value = String(qty);
      refresh();
    });
  });
  form.addEventListener("input", refresh);
  refresh();
});
