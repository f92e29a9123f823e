// Before Decap loads: it must wait for main.js, which registers our formats and widgets, then starts it.
// A file rather than an inline script, so the page's Content-Security-Policy needs no 'unsafe-inline' for scripts.
window.CMS_MANUAL_INIT = true;
