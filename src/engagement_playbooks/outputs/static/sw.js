// Engagement Playbooks service worker (the build puts self.__EP, this build's precache lists, and
// self.__EP_APP, the names it shares with offline.js and outputs/web_app.py, above).
// Workbox does the storing; this file only wires it up. See outputs/web_app.py.
const NAMES = self.__EP_APP;
const MESSAGES = NAMES.messages;
importScripts(NAMES.workbox + "workbox-sw.js");
// Local modules only: workbox-sw would load them from Google's CDN.
workbox.setConfig({ modulePathPrefix: new URL(NAMES.workbox, self.location).href, debug: false });
// A worker may import scripts only while it first runs: load every module now.
const { PrecacheController, PrecacheRoute } = workbox.precaching;
const { registerRoute, setCatchHandler } = workbox.routing;

const EP = self.__EP;
const scope = self.registration.scope;
// Several sites can share one origin (GitHub Pages): cache names carry the site's address.
const shell = new PrecacheController({ cacheName: NAMES.caches.shell + " " + scope });
const edition = new PrecacheController({ cacheName: NAMES.caches.edition + " " + scope });
const STATE = NAMES.caches.state + " " + scope; // "saved": the officer asked for the whole edition
shell.addToCacheList(EP.shell);
edition.addToCacheList(EP.edition);

const isSaved = async () => Boolean(await (await caches.open(STATE)).match("saved"));

// Store every edition file not stored yet. Workbox checks each one against this build's hash.
async function saveEdition(event, report) {
  const queue = EP.edition.slice();
  const total = queue.length;
  const totalBytes = queue.reduce((sum, e) => sum + e.size, 0);
  let done = 0;
  let bytes = 0;
  const next = async () => {
    for (let e = queue.shift(); e; e = queue.shift()) {
      const url = new URL(e.url, self.location).href;
      const request = new Request(url, { credentials: "same-origin", integrity: e.integrity, cache: "reload" });
      await edition.strategy.handle({ request, event, params: { cacheKey: edition.getCacheKeyForURL(url), integrity: e.integrity } });
      done += 1;
      bytes += e.size;
      report({ type: MESSAGES.progress, done, total, bytes, totalBytes });
    }
  };
  await Promise.all([next(), next(), next(), next()]);
  await (await caches.open(STATE)).put("saved", new Response(EP.version));
}

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    await shell.install(event);
    // A device that saved the playbooks gets the new build whole before it switches.
    if (await isSaved()) await saveEdition(event, () => {});
  })());
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    // Drops files whose hash is not in this build: nothing from an older build stays.
    await shell.activate(event);
    await edition.activate(event);
    await self.clients.claim();
  })());
});

self.addEventListener("message", (event) => {
  const type = event.data && event.data.type;
  const reply = (message) => event.source && event.source.postMessage(message);
  const totalBytes = [...EP.shell, ...EP.edition].reduce((sum, e) => sum + e.size, 0);
  if (type === MESSAGES.skip_waiting) self.skipWaiting();
  // EP_EDITION is asked of a worker still waiting: the page names the edition it would load.
  if (type === MESSAGES.edition) reply({ type: MESSAGES.edition, label: EP.label });
  if (type === MESSAGES.status) {
    event.waitUntil(isSaved().then((saved) => reply({ type: MESSAGES.status, saved, totalBytes, label: EP.label })));
  }
  if (type === MESSAGES.save) {
    event.waitUntil(
      saveEdition(event, reply).then(
        () => reply({ type: MESSAGES.saved, totalBytes, label: EP.label }),
        () => reply({ type: MESSAGES.failed }),
      ),
    );
  }
});

// Any query string (search highlights ?h=, utm_) names the same stored file.
const options = { ignoreURLParametersMatching: [/.*/] };
registerRoute(new PrecacheRoute(shell, options));
registerRoute(new PrecacheRoute(edition, options));

const offlinePage = () => shell.matchPrecache(NAMES.offline);
// Pages outside the lists (the print page, a mistyped address): the network, else the offline page.
registerRoute(
  ({ request }) => request.mode === "navigate",
  async ({ request }) => {
    try {
      return await fetch(request);
    } catch {
      return (await offlinePage()) || Response.error();
    }
  },
);
// A stored file's fetch fails when the network is off, or when the server already has a newer build
// (its hash no longer matches): then the network copy is shown but not stored.
setCatchHandler(async ({ request }) => {
  try {
    return await fetch(request);
  } catch {
    return (request.mode === "navigate" && (await offlinePage())) || Response.error();
  }
});
