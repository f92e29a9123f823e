// Accessibility fixes Material's markup needs at run time (checked by tests/browser/test_accessibility.py).
"use strict";
document$.subscribe(() => {
  // The search dialog gets a name (axe: aria-dialog-name).
  const search = document.querySelector(".md-search[role=dialog]");
  if (search) search.setAttribute("aria-label", "Search this site");
  // Wide tables scroll inside a box: keyboard users must be able to focus and scroll it, and a
  // screen reader must hear what it holds (axe: scrollable-region-focusable).
  document.querySelectorAll(".md-typeset__scrollwrap").forEach((box) => {
    const caption = box.querySelector("caption");
    let heading = box.previousElementSibling;
    while (heading && !/^H[1-6]$/.test(heading.tagName)) heading = heading.previousElementSibling;
    const name = caption ? caption.textContent : heading ? heading.textContent : document.title;
    box.setAttribute("tabindex", "0");
    box.setAttribute("role", "region");
    box.setAttribute("aria-label", "Table: " + name.replace(/[¶#]\s*$/, "").trim());
  });
});

// The skip link moves keyboard focus to the content. Material's instant navigation would treat it as a
// page load and re-render the page, dropping the focus; it is handled here, before Material sees it.
window.addEventListener(
  "click",
  (event) => {
    const skip = event.target.closest && event.target.closest("a.md-skip");
    const target = skip && document.getElementById(decodeURIComponent(skip.hash.slice(1)));
    if (!target) return;
    event.preventDefault();
    event.stopPropagation();
    history.pushState(history.state, "", skip.hash);
    target.setAttribute("tabindex", "-1");
    target.scrollIntoView(); // to the top, below the sticky header (Material's scroll margin)
    target.focus({ preventScroll: true });
  },
  true,
);
