window.CMS_MANUAL_INIT = true; // Decap waits for main.js, which registers the forms first
