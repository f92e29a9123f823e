// The installable app: registers the service worker (sw.js, written by the build), runs the home page's
// "Save for offline use" button, and says when a new build is ready. Loaded only where the build allows
// offline storage (hosts/mkdocs/web_app.py). Nothing leaves this site. The build puts self.__EP_APP above:
// the names this file shares with sw.js (outputs/web_app.py APP_NAMES).
"use strict";
(() => {
  const sw = navigator.serviceWorker;
  if (!sw) return;
  const { worker: WORKER, messages: MESSAGES } = self.__EP_APP;
  const root = new URL("../../../", document.currentScript.src); // this file is assets/playbooks/javascripts/offline.js
  const mb = (bytes) => (bytes / 1e6).toFixed(1) + " MB";
  const $ = (selector) => document.querySelector(selector);
  // The saved copy is named by its edition, so an officer can tell which one the phone holds.
  const saved = (m) => "Saved on this device (" + mb(m.totalBytes) + "): " + m.label + ". The playbooks work without a signal.";
  let reloading = false;

  // A new build installs in the background; the officer chooses when to switch to it.
  const notice = (worker) => {
    if ($(".ep-update")) return;
    const box = document.createElement("div");
    const text = document.createElement("p");
    const button = document.createElement("button");
    box.className = "ep-update md-dialog md-dialog--active";
    box.setAttribute("role", "status");
    text.textContent = "New playbooks are ready.";
    button.type = "button";
    button.className = "md-button md-button--primary";
    button.textContent = "Load the new playbooks";
    button.addEventListener("click", () => {
      reloading = true;
      worker.postMessage({ type: MESSAGES.skip_waiting });
    });
    box.append(text, button);
    document.body.append(box);
    worker.postMessage({ type: MESSAGES.edition }); // the reply names the new edition (below)
  };
  const watch = (reg) => {
    if (reg.waiting && sw.controller) notice(reg.waiting);
    reg.addEventListener("updatefound", () => {
      const next = reg.installing;
      next.addEventListener("statechange", () => {
        if (next.state === "installed" && sw.controller) notice(next);
      });
    });
  };
  // After the load event: installing the worker (it precaches the theme) must not slow the first visit.
  const register = () => sw.register(new URL(WORKER, root).href, { scope: root.href }).then(watch);
  if (document.readyState === "complete") register();
  else window.addEventListener("load", register);

  // Home page: the button, its progress bar and a status line read out by screen readers.
  const wire = () => {
    const box = $("[data-ep-offline]");
    if (!box) return;
    box.hidden = false;
    $("[data-ep-save]").addEventListener("click", (event) => {
      event.currentTarget.disabled = true;
      $("[data-ep-status]").textContent = "Saving…";
      sw.ready.then((reg) => reg.active.postMessage({ type: MESSAGES.save }));
    });
    sw.ready.then((reg) => reg.active.postMessage({ type: MESSAGES.status }));
  };
  // Material's bundle is deferred too and runs after this file: look for document$ once the page is parsed.
  const start = () => (window.document$ ? window.document$.subscribe(wire) : wire());
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();

  sw.addEventListener("message", (event) => {
    const m = event.data || {};
    if (m.type === MESSAGES.edition) {
      const ready = $(".ep-update p");
      if (ready) ready.textContent = "New playbooks are ready: " + m.label + ".";
      return;
    }
    const status = $("[data-ep-status]");
    const bar = $("[data-ep-progress]");
    const button = $("[data-ep-save]");
    if (!status) return;
    if (m.type === MESSAGES.status) {
      status.textContent = m.saved ? saved(m) : "Saves every page, the partner directory and search: about " + mb(m.totalBytes) + ".";
    } else if (m.type === MESSAGES.progress) {
      bar.hidden = false;
      bar.max = m.total;
      bar.value = m.done;
      bar.textContent = status.textContent = "Saving: " + m.done + " of " + m.total + " files (" + mb(m.bytes) + " of " + mb(m.totalBytes) + ")";
    } else if (m.type === MESSAGES.saved) {
      bar.hidden = true;
      button.disabled = false;
      status.textContent = "Done. " + saved(m);
    } else if (m.type === MESSAGES.failed) {
      bar.hidden = true;
      button.disabled = false;
      status.textContent = "Not everything was saved. Check your signal and try again.";
    }
  });
  sw.addEventListener("controllerchange", () => {
    if (reloading) location.reload();
  });
})();
