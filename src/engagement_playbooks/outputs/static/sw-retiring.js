// Engagement Playbooks: offline storage is off for this edition (the build puts self.__EP_APP above).
// A device that saved it before gets this worker, which deletes the saved copy and steps aside.
"use strict";
self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const mine = Object.values(self.__EP_APP.caches).map((name) => name + " " + self.registration.scope);
      for (const name of await caches.keys()) if (mine.includes(name)) await caches.delete(name);
      await self.registration.unregister();
    })(),
  );
});
