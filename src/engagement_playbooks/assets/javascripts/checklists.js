// Checklist progress, kept in this browser only (localStorage), never sent anywhere.
// Storage: one key per checklist, "ep-checklist:<id>" = {"v":1,"done":["item-id",...]}.
// Keyed by ids, not positions or wording, so reordering and rewording keep ticks.
"use strict";
(() => {
  const PREFIX = "ep-checklist:";
  const FORMAT = "ep-checklists";
  const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
  const $$ = (selector, root) => [...(root || document).querySelectorAll(selector)];
  const ids = (list) => (Array.isArray(list) ? list.filter((x) => typeof x === "string" && SLUG.test(x)) : []);

  // Where storage is blocked, ticks are kept here until the page is left.
  const memory = {};

  // Anything unreadable counts as no progress: corrupt, foreign or future values never break the page.
  const read = (id) => {
    let raw;
    try {
      raw = localStorage.getItem(PREFIX + id);
    } catch {
      return (memory[id] || []).slice();
    }
    try {
      const v = JSON.parse(raw);
      if (Array.isArray(v)) return ids(v); // version 0: a bare list of item ids
      return v && v.v === 1 ? ids(v.done) : [];
    } catch {
      return [];
    }
  };
  const write = (id, done) => {
    try {
      if (done.length) localStorage.setItem(PREFIX + id, JSON.stringify({ v: 1, done }));
      else localStorage.removeItem(PREFIX + id);
      return true;
    } catch {
      memory[id] = done;
      return false;
    }
  };
  const stored = () => {
    const all = {};
    try {
      for (let i = 0; i < localStorage.length; i++) {
        const id = localStorage.key(i).slice(PREFIX.length);
        if (localStorage.key(i).startsWith(PREFIX) && SLUG.test(id)) all[id] = read(id);
      }
    } catch {
      return memory; // storage blocked: export what this page holds
    }
    return all;
  };

  const bar = (el, done, total) => {
    if (!el) return;
    el.hidden = false;
    el.firstChild.style.width = (total ? (100 * done) / total : 0) + "%";
  };
  const setText = (el, text) => {
    if (el && el.textContent !== text) el.textContent = text;
  };

  // Shows stored ticks; ticks of items no longer on the page are dropped from storage.
  const render = () => {
    $$("[data-checklist]").forEach((list) => {
      const id = list.dataset.checklist;
      const saved = read(id);
      const boxes = $$("[data-item]", list);
      const done = boxes.map((li) => li.dataset.item).filter((item) => saved.includes(item));
      if (done.length !== saved.length) write(id, done);
      boxes.forEach((li) => {
        const box = li.querySelector("input");
        if (box) box.checked = done.includes(li.dataset.item);
      });
      setText(list.querySelector(".ep-tools__count"), done.length + " of " + boxes.length + " done");
      bar(list.querySelector(".ep-bar"), done.length, boxes.length);
    });
    $$("[data-checklist-progress]").forEach((row) => {
      const saved = read(row.dataset.checklistProgress);
      const items = (row.dataset.items || "").split(" ");
      const total = +row.dataset.total || 0;
      const done = Math.min(total, saved.filter((x) => items.includes(x)).length);
      setText(row.querySelector(".ep-progress-hub__count"), done + " of " + total + " done");
      bar(row.querySelector(".ep-bar"), done, total);
    });
    $$(".ep-tools").forEach((tools) => {
      tools.hidden = false;
    });
  };

  const say = (from, text) => {
    const box = from.closest(".ep-tools");
    setText(box && box.querySelector(".ep-tools__message"), text);
  };

  const exportAll = (button) => {
    const file = JSON.stringify({ format: FORMAT, version: 1, exported: new Date().toISOString(), checklists: stored() }, null, 1);
    const a = document.createElement("a");
    a.href = URL.createObjectURL(new Blob([file], { type: "application/json" }));
    a.download = "checklist-progress-" + new Date().toISOString().slice(0, 10) + ".json";
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
    say(button, "Progress exported. Keep the file to import it on another device.");
  };

  // The whole file is checked before anything is written, so a bad file changes nothing.
  const parse = (text) => {
    const data = JSON.parse(text);
    const lists = data && data.format === FORMAT && data.version === 1 && data.checklists;
    if (!lists || typeof lists !== "object" || Array.isArray(lists)) throw new Error("not an export");
    for (const [id, done] of Object.entries(lists)) {
      if (!SLUG.test(id) || !Array.isArray(done) || ids(done).length !== done.length) throw new Error("not an export");
    }
    return lists;
  };
  const importFile = (button, file) => {
    if (file.size > 100000) return say(button, "Import refused: that file is too large to be a progress export. Nothing was changed.");
    const reader = new FileReader();
    reader.onload = () => {
      let lists;
      try {
        lists = parse(reader.result);
      } catch {
        return say(button, "Import refused: that file is not a checklist progress export. Nothing was changed.");
      }
      const ok = Object.entries(lists).every(([id, ticks]) => {
        // Merged with what is here: an import adds ticks and never removes one.
        const done = read(id);
        ticks.forEach((x) => {
          if (!done.includes(x)) done.push(x);
        });
        return write(id, done);
      });
      render();
      say(button, ok ? "Progress imported for " + Object.keys(lists).length + " checklists." : "This browser did not let us save the progress.");
    };
    reader.readAsText(file);
  };

  document.addEventListener("change", (event) => {
    const box = event.target;
    if (box.matches("[data-ep-file]")) {
      if (box.files[0]) importFile(box, box.files[0]);
      box.value = ""; // the same file can be chosen again
      return;
    }
    const list = box.closest && box.closest("[data-checklist]");
    if (!list || !box.matches(".ep-checklist__box")) return;
    const done = $$("[data-item]", list).filter((li) => {
      const input = li.querySelector("input");
      return input && input.checked;
    });
    if (!write(list.dataset.checklist, done.map((li) => li.dataset.item))) {
      say(list.querySelector(".ep-tools") || list, "This browser did not let us save your ticks.");
    }
    render();
  });

  document.addEventListener("click", (event) => {
    const button = event.target.closest && event.target.closest("[data-ep]");
    if (!button) return;
    const action = button.dataset.ep;
    const list = button.closest("[data-checklist]");
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
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", render);
  else render();
})();
