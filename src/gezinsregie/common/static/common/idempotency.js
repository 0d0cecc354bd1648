// The token of a create form (gezinsregie.common.idempotency). The server writes a fresh token beside the field;
// this puts it in the field only when the field is empty. Going Back to a sent form, the browser restores the
// field's earlier value (a value set by script is restored like typed text), so the second sending carries the
// first one's token and the server creates nothing twice.
(function () {
  "use strict";
  function fill(root) {
    root.querySelectorAll("input[data-gr-token]").forEach(function (input) {
      if (!input.value) {
        input.value = input.getAttribute("data-gr-token");
      }
    });
  }
  if (window.grTokens) {
    return;
  }
  window.grTokens = true;
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { fill(document); });
  } else {
    fill(document);
  }
  document.addEventListener("htmx:load", function (event) { fill(event.target); });
  window.addEventListener("pageshow", function () { fill(document); });
})();
