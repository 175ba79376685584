// The only script of the member page (CSP: script-src 'self'): +/- buttons and the
// running total of the menu. The page works without it (plain number inputs).
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  var form = document.getElementById("menu-form");
  if (!form) { return; }
  var totalEl = document.getElementById("running-total");
  // Written as the server writes money (Babel, CLDR): Intl uses CLDR too, in the page's locale.
  var money = null;
  if (totalEl && window.Intl) {
    var currency = totalEl.dataset.currency;
    money = new Intl.NumberFormat(totalEl.dataset.locale || document.documentElement.lang,
      currency ? { style: "currency", currency: currency }
               : { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  }
  function refresh() {
    var cents = 0;
    form.querySelectorAll(".item").forEach(function (li) {
      var input = li.querySelector("input[type=number]");
      var qty = parseInt(input.value, 10) || 0;
      cents += Math.round(parseFloat(li.dataset.price) * 100) * qty;
    });
    if (totalEl && money) { totalEl.textContent = money.format(cents / 100); }
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
