// Forms that help (issue 14 §3). Loaded from the error summary and the registration page; runs once per page.
(function () {
  "use strict";
  if (window.gezinsregieForms) {
    return;
  }
  window.gezinsregieForms = true;

  // After a submit with errors the keyboard and the screen reader start at the error summary.
  function focusSummary(root) {
    var summary = (root || document).querySelector("[data-error-summary]");
    if (summary) {
      summary.focus();
    }
  }

  // A group of radio buttons or checkboxes has its id on the wrapper: the focus goes to the chosen (or first) option.
  function focusable(element) {
    if (element.matches("input, select, textarea, button, [tabindex]")) {
      return element;
    }
    return element.querySelector("input:checked") || element.querySelector("input, select, textarea") || element;
  }

  // A link in the summary moves the focus into its field, not only the scroll position.
  document.addEventListener("click", function (event) {
    var link = event.target.closest("[data-error-summary] a[href^='#']");
    if (!link) {
      return;
    }
    var field = document.getElementById(link.getAttribute("href").slice(1));
    if (field) {
      event.preventDefault();
      field = focusable(field);
      field.focus();
      field.scrollIntoView({ block: "center" });
    }
  });

  // "Gezinslid toevoegen": a new row of a formset from its <template>, without reloading the form. Without
  // JavaScript the same button submits the form and the server adds the row.
  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-formset-add]");
    if (!button) {
      return;
    }
    var prefix = button.getAttribute("data-formset-add");
    var total = document.getElementById("id_" + prefix + "-TOTAL_FORMS");
    var maximum = document.getElementById("id_" + prefix + "-MAX_NUM_FORMS");
    var template = document.getElementById(prefix + "-sjabloon");
    var list = document.getElementById(prefix + "-lijst");
    if (!total || !template || !list) {
      return;
    }
    event.preventDefault();
    var index = parseInt(total.value, 10);
    if (maximum && index >= parseInt(maximum.value, 10)) {
      return;
    }
    var html = template.innerHTML.replace(/__prefix__/g, String(index)).replace(/__nummer__/g, String(index + 1));
    list.insertAdjacentHTML("beforeend", html);
    total.value = String(index + 1);
    var first = list.lastElementChild.querySelector("input, select, textarea");
    if (first) {
      first.focus();
    }
  });

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { focusSummary(document); });
  } else {
    focusSummary(document);
  }
  document.addEventListener("htmx:afterSwap", function (event) { focusSummary(event.target); });
})();
