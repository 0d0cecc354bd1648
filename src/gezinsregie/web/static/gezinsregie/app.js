/* Gezinsregie: the one script of our own, loaded by base.html (deferred; the CSP allows only our own files).

   Wide tables on a phone (issue 14 §7): a table wider than the screen scrolls inside its own box, the page
   does not scroll sideways. Each table gets a box (div.gr-scroll, app.css); a box that really scrolls becomes
   a named region in the tab order, so that a keyboard user can scroll it with the arrow keys (WCAG 2.1.1).
   Without this script the page still works: it scrolls sideways as a whole. */
(function () {
  "use strict";

  function nameOf(table) {
    var caption = table.querySelector("caption");
    var name = table.getAttribute("aria-label") || (caption && caption.textContent) || "";
    name = name.replace(/\s+/g, " ").trim();
    return name ? "Tabel: " + name : "Tabel";
  }

  function mark(box) {
    var scrolls = box.scrollWidth > box.clientWidth;
    if (scrolls && !box.hasAttribute("tabindex")) {
      box.setAttribute("tabindex", "0");
      box.setAttribute("role", "region");
      box.setAttribute("aria-label", nameOf(box.querySelector("table")));
    } else if (!scrolls && box.hasAttribute("tabindex")) {
      box.removeAttribute("tabindex");
      box.removeAttribute("role");
      box.removeAttribute("aria-label");
    }
  }

  function markAll() {
    document.querySelectorAll(".gr-scroll").forEach(mark);
  }

  // a box starts or stops scrolling when the window, the table or what is around it changes size
  var observer = window.ResizeObserver ? new ResizeObserver(function (entries) {
    entries.forEach(function (entry) {
      var box = entry.target.closest(".gr-scroll");
      if (box) mark(box);
    });
  }) : null;

  function wrap(root) {
    if (!root || !root.querySelectorAll) return;
    var tables = root.matches && root.matches("table") ? [root] : root.querySelectorAll("table");
    Array.prototype.forEach.call(tables, function (table) {
      var parent = table.parentElement;
      // a table only for screen readers (beside a chart) takes no room: it needs no box
      if (!parent || parent.classList.contains("gr-scroll") || table.closest("svg, .visually-hidden")) return;
      var box = document.createElement("div");
      box.className = "gr-scroll";
      // moving a table out of and back into the document drops the focus inside it (htmx's autofocus after a
      // swap, e.g. the moved action's "omhoog" button): put it back
      var active = document.activeElement;
      var hadFocus = active && active !== document.body && table.contains(active);
      parent.insertBefore(box, table);
      box.appendChild(table);
      if (hadFocus && document.activeElement !== active) active.focus({ preventScroll: true });
      if (observer) { observer.observe(box); observer.observe(table); }
    });
    markAll();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { wrap(document); });
  } else {
    wrap(document);
  }
  // htmx puts new content in place (the plan's goals and actions): wrap its tables too
  document.addEventListener("htmx:load", function (event) { wrap(event.target); });
  var pending = null;
  window.addEventListener("resize", function () {
    if (pending) window.cancelAnimationFrame(pending);
    pending = window.requestAnimationFrame(markAll);
  });
})();
