// Checklist progress, kept in this browser only (localStorage), never sent anywhere.
// Storage: one key per checklist, "ep-checklist:<id>" = {"v":1,"done":["item-id",...]}.
// Keyed by ids, not positions or wording, so reordering and rewording keep ticks.
(function () {
  "use strict";
  var PREFIX = "ep-checklist:";
  var FORMAT = "ep-checklists";
  var SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
  var $$ = function (s, r) { return Array.prototype.slice.call((r || document).querySelectorAll(s)); };
  var ids = function (list) { return Array.isArray(list) ? list.filter(function (x) { return typeof x == "string" && SLUG.test(x); }) : []; };

  // Where storage is blocked, ticks are kept here until the page is left.
  var memory = {};

  // Anything unreadable counts as no progress: corrupt, foreign or future values never break the page.
  function read(id) {
    var raw;
    try { raw = localStorage.getItem(PREFIX + id); } catch (e) { return (memory[id] || []).slice(); }
    try {
      var v = JSON.parse(raw);
      if (Array.isArray(v)) return ids(v); // version 0: a bare list of item ids
      return v && v.v === 1 ? ids(v.done) : [];
    } catch (e) { return []; }
  }
  function write(id, done) {
    try {
      if (done.length) localStorage.setItem(PREFIX + id, JSON.stringify({ v: 1, done: done }));
      else localStorage.removeItem(PREFIX + id);
      return true;
    } catch (e) {
      memory[id] = done;
      return false;
    }
  }
  function stored() {
    var all = {};
    try {
      for (var i = 0; i < localStorage.length; i++) {
        var k = localStorage.key(i);
        if (k.indexOf(PREFIX) === 0 && SLUG.test(k.slice(PREFIX.length))) all[k.slice(PREFIX.length)] = read(k.slice(PREFIX.length));
      }
    } catch (e) { return memory; } // storage blocked: export what this page holds
    return all;
  }

  function bar(el, done, total) {
    if (!el) return;
    el.hidden = false;
    el.firstChild.style.width = (total ? (100 * done) / total : 0) + "%";
  }
  function setText(el, text) { if (el && el.textContent !== text) el.textContent = text; }

  // Shows stored ticks; ticks of items no longer on the page are dropped from storage.
  function render() {
    $$("[data-checklist]").forEach(function (list) {
      var id = list.dataset.checklist;
      var saved = read(id);
      var boxes = $$("[data-item]", list);
      var done = boxes.filter(function (li) { return saved.indexOf(li.dataset.item) >= 0; }).map(function (li) { return li.dataset.item; });
      if (done.length !== saved.length) write(id, done);
      boxes.forEach(function (li) { var box = li.querySelector("input"); if (box) box.checked = done.indexOf(li.dataset.item) >= 0; });
      setText(list.querySelector(".ep-tools__count"), done.length + " of " + boxes.length + " done");
      bar(list.querySelector(".ep-bar"), done.length, boxes.length);
    });
    $$("[data-checklist-progress]").forEach(function (row) {
      var saved = read(row.dataset.checklistProgress);
      var items = (row.dataset.items || "").split(" ");
      var total = +row.dataset.total || 0;
      var done = Math.min(total, saved.filter(function (x) { return items.indexOf(x) >= 0; }).length);
      setText(row.querySelector(".ep-progress-hub__count"), done + " of " + total + " done");
      bar(row.querySelector(".ep-bar"), done, total);
    });
    $$(".ep-tools").forEach(function (tools) { tools.hidden = false; });
  }

  function say(from, text) {
    var box = from.closest(".ep-tools");
    setText(box && box.querySelector(".ep-tools__message"), text);
  }

  function exportAll(button) {
    var file = JSON.stringify({ format: FORMAT, version: 1, exported: new Date().toISOString(), checklists: stored() }, null, 1);
    var a = document.createElement("a");
    a.href = URL.createObjectURL(new Blob([file], { type: "application/json" }));
    a.download = "checklist-progress-" + new Date().toISOString().slice(0, 10) + ".json";
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(a.href); }, 1000);
    say(button, "Progress exported. Keep the file to import it on another device.");
  }

  // The whole file is checked before anything is written, so a bad file changes nothing.
  function parse(text) {
    var data = JSON.parse(text);
    var lists = data && data.format === FORMAT && data.version === 1 && data.checklists;
    if (!lists || typeof lists != "object" || Array.isArray(lists)) throw 0;
    Object.keys(lists).forEach(function (k) {
      var v = lists[k];
      if (!SLUG.test(k) || !Array.isArray(v) || ids(v).length !== v.length) throw 0;
    });
    return lists;
  }
  function importFile(button, file) {
    if (file.size > 100000) return say(button, "Import refused: that file is too large to be a progress export. Nothing was changed.");
    var reader = new FileReader();
    reader.onload = function () {
      var lists;
      try { lists = parse(reader.result); } catch (e) {
        return say(button, "Import refused: that file is not a checklist progress export. Nothing was changed.");
      }
      var ok = Object.keys(lists).every(function (k) {
        // Merged with what is here: an import adds ticks and never removes one.
        var done = read(k);
        lists[k].forEach(function (x) { if (done.indexOf(x) < 0) done.push(x); });
        return write(k, done);
      });
      render();
      say(button, ok ? "Progress imported for " + Object.keys(lists).length + " checklists." : "This browser did not let us save the progress.");
    };
    reader.readAsText(file);
  }

  document.addEventListener("change", function (event) {
    var box = event.target;
    if (box.matches("[data-ep-file]")) {
      if (box.files[0]) importFile(box, box.files[0]);
      box.value = ""; // the same file can be chosen again
      return;
    }
    var list = box.closest && box.closest("[data-checklist]");
    if (!list || !box.matches(".ep-checklist__box")) return;
    var done = $$("[data-item]", list).filter(function (li) { var b = li.querySelector("input"); return b && b.checked; });
    if (!write(list.dataset.checklist, done.map(function (li) { return li.dataset.item; }))) say(list.querySelector(".ep-tools") || list, "This browser did not let us save your ticks.");
    render();
  });

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-ep]");
    if (!button) return;
    var action = button.dataset.ep;
    var list = button.closest("[data-checklist]");
    if (action === "reset" && list && confirm("Clear every tick in “" + list.dataset.title + "” on this device?")) {
      write(list.dataset.checklist, []);
      render();
      say(button, "Checklist reset.");
    }
    if (action === "export") exportAll(button);
    if (action === "import") button.parentNode.querySelector("[data-ep-file]").click();
  });

  // Another tab ticked something: show it here too.
  window.addEventListener("storage", render);
  // Material's instant navigation swaps pages without reloading: document$ emits for every page.
  if (window.document$) window.document$.subscribe(render);
  else if (document.readyState == "loading") document.addEventListener("DOMContentLoaded", render);
  else render();
})();
