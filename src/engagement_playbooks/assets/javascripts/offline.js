// The installable app: registers the service worker (sw.js, written by the build), runs the home page's
// "Save for offline use" button, and says when a new build is ready. Loaded only where the build allows
// offline storage (hosts/mkdocs/web_app.py). Nothing leaves this site.
(function () {
  "use strict";
  var sw = navigator.serviceWorker;
  if (!sw) return;
  var root = new URL("../../../", document.currentScript.src); // this file is assets/playbooks/javascripts/offline.js
  var mb = function (bytes) { return (bytes / 1e6).toFixed(1) + " MB"; };
  var $ = function (s) { return document.querySelector(s); };
  var reloading = false;
  // After the load event: installing the worker (it precaches the theme) must not slow the first visit.
  function register() { sw.register(new URL("sw.js", root).href, { scope: root.href }).then(watch); }
  if (document.readyState === "complete") register(); else window.addEventListener("load", register);

  // Home page: the button, its progress bar and a status line read out by screen readers.
  function wire() {
    var box = $("[data-ep-offline]");
    if (!box) return;
    box.hidden = false;
    $("[data-ep-save]").addEventListener("click", function () {
      this.disabled = true;
      $("[data-ep-status]").textContent = "Saving…";
      sw.ready.then(function (reg) { reg.active.postMessage({ type: "EP_SAVE" }); });
    });
    sw.ready.then(function (reg) { reg.active.postMessage({ type: "EP_STATUS" }); });
  }
  // Material's bundle is deferred too and runs after this file: look for document$ once the page is parsed.
  function start() { if (window.document$) window.document$.subscribe(wire); else wire(); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start); else start();

  sw.addEventListener("message", function (event) {
    var m = event.data || {}, status = $("[data-ep-status]"), bar = $("[data-ep-progress]"), button = $("[data-ep-save]");
    if (!status) return;
    if (m.type === "EP_STATUS") {
      status.textContent = m.saved ? "Saved on this device (" + mb(m.totalBytes) + "). The playbooks work without a signal."
        : "Saves every page, the partner directory and search: about " + mb(m.totalBytes) + ".";
    } else if (m.type === "EP_PROGRESS") {
      bar.hidden = false; bar.max = m.total; bar.value = m.done;
      bar.textContent = status.textContent = "Saving: " + m.done + " of " + m.total + " files (" + mb(m.bytes) + " of " + mb(m.totalBytes) + ")";
    } else if (m.type === "EP_SAVED") {
      bar.hidden = true; button.disabled = false;
      status.textContent = "Done. Saved on this device (" + mb(m.totalBytes) + "). The playbooks work without a signal.";
    } else if (m.type === "EP_FAILED") {
      bar.hidden = true; button.disabled = false;
      status.textContent = "Not everything was saved. Check your signal and try again.";
    }
  });

  // A new build installs in the background; the officer chooses when to switch to it.
  function watch(reg) {
    if (reg.waiting && sw.controller) notice(reg.waiting);
    reg.addEventListener("updatefound", function () {
      var next = reg.installing;
      next.addEventListener("statechange", function () { if (next.state === "installed" && sw.controller) notice(next); });
    });
  }
  function notice(worker) {
    if ($(".ep-update")) return;
    var box = document.createElement("div"), text = document.createElement("p"), button = document.createElement("button");
    box.className = "ep-update md-dialog md-dialog--active";
    box.setAttribute("role", "status");
    text.textContent = "New playbooks are ready.";
    button.type = "button";
    button.className = "md-button md-button--primary";
    button.textContent = "Load the new playbooks";
    button.addEventListener("click", function () { reloading = true; worker.postMessage({ type: "EP_SKIP_WAITING" }); });
    box.append(text, button);
    document.body.append(box);
  }
  sw.addEventListener("controllerchange", function () { if (reloading) location.reload(); });
})();
