"""Files a build writes beside the pages: contact cards and lists, the web app manifest, icons and service worker."""
