/* Accessibility fixes Material's markup needs at run time (checked by tests/browser/test_accessibility.py). */
document$.subscribe(function () {
  // The search dialog gets a name (axe: aria-dialog-name).
  var search = document.querySelector(".md-search[role=dialog]");
  if (search) search.setAttribute("aria-label", "Search this site");
  // Wide tables scroll inside a box: keyboard users must be able to focus and scroll it, and a
  // screen reader must hear what it holds (axe: scrollable-region-focusable).
  document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (box) {
    var caption = box.querySelector("caption");
    var heading = box.previousElementSibling;
    while (heading && !/^H[1-6]$/.test(heading.tagName)) heading = heading.previousElementSibling;
    var name = caption ? caption.textContent : heading ? heading.textContent : document.title;
    box.setAttribute("tabindex", "0");
    box.setAttribute("role", "region");
    box.setAttribute("aria-label", "Table: " + name.replace(/[¶#]\s*$/, "").trim());
  });
});

// The skip link moves keyboard focus to the content. Material's instant navigation would treat it as a
// page load and re-render the page, dropping the focus; it is handled here, before Material sees it.
window.addEventListener("click", function (event) {
  var skip = event.target.closest && event.target.closest("a.md-skip");
  var target = skip && document.getElementById(decodeURIComponent(skip.hash.slice(1)));
  if (!target) return;
  event.preventDefault();
  event.stopPropagation();
  history.pushState(history.state, "", skip.hash);
  target.setAttribute("tabindex", "-1");
  target.scrollIntoView();  // to the top, below the sticky header (Material's scroll margin)
  target.focus({ preventScroll: true });
}, true);
