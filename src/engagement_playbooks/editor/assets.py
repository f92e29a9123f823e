"""The editor page's scripts, stylesheets and Content-Security-Policy (the page is admin/index.html).

Paths are relative to the site's assets/playbooks/ (hosts/mkdocs/assets.py copies the engine's assets/ there).
"""

from __future__ import annotations

# In load order: the libraries, then Decap (manual-init.js first: Decap must not start on its own),
# then ours, main.js last (it starts Decap once everything is registered).
SCRIPTS: tuple[str, ...] = (
    "vendor/yaml/yaml.js",
    "vendor/marked/marked.umd.js",
    "vendor/dompurify/purify.min.js",
    "vendor/libphonenumber-js/libphonenumber-max.js",
    "javascripts/editor/manual-init.js",
    "vendor/decap-cms/decap-cms.js",
    "javascripts/editor/rules.js",
    "javascripts/editor/formats.js",
    "javascripts/editor/widgets.js",
    "javascripts/editor/pickers.js",
    "javascripts/editor/preview.js",
    "javascripts/editor/main.js",
)

# The page's and the preview pane's stylesheet (main.js also loads it into the preview).
STYLES: tuple[str, ...] = ("stylesheets/editor.css",)

# {git_host}: the git host's API origin(s) the editor talks to, such as https://api.github.com (empty for
# `playbooks edit`, which serves the page and the proxy API on one origin).
# 'unsafe-eval' for scripts: Decap checks its config with ajv, which compiles the schema with new Function().
# 'unsafe-inline' for styles: Decap styles its UI with emotion, which writes <style> elements at run time.
POLICY = (
    "default-src 'self'; "
    "script-src 'self' 'unsafe-eval'; "
    "style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob: {git_host}; "
    "connect-src 'self' {git_host}; "
    "font-src 'self' data:; "
    "frame-src 'self' blob:; "
    "object-src 'none'; "
    "base-uri 'self'; "
    "form-action 'self'"
)
