"""The editor page's files, in the order it loads them (paths under a built site's assets/playbooks/), and its
Content-Security-Policy. Officer pages load none of them."""

from __future__ import annotations

FOLDER = "javascripts/editor/"  # the engine's own editor scripts
SCRIPTS = (
    "javascripts/editor/manual-init.js",  # before Decap: it must not start on its own (CMS_MANUAL_INIT)
    "vendor/decap-cms/decap-cms.js",
    "javascripts/editor/main.js",
)
STYLES = ("stylesheets/editor.css",)
# {git_host}: the origins of the repository host's API and sign-in server (none for `playbooks edit`).
POLICY = (
    "default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob: {git_host}; connect-src 'self' {git_host}; frame-src 'self'; object-src 'none'; base-uri 'self'"
)
