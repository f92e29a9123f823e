"""Material's bundle and the extra scripts after it, loaded with `defer`: they no longer hold up the first paint.

Material's base.html puts them at the end of <body> as parser-blocking scripts, which Lighthouse counts as
render-blocking on a phone. `defer` keeps their order and still runs them before DOMContentLoaded, the event
Material's `document$` waits for, so scripts that call `document$.subscribe` keep working.
Pure function over the page's HTML: no MkDocs here (the plugin calls it for every page).
"""

from __future__ import annotations

import re

# Material's config block comes right before its scripts block (bundle, then extra_javascript).
_CONFIG = '<script id="__config" type="application/json">'
_TAG = re.compile(r"<script\b([^>]*)>(.*?)</script>", re.DOTALL | re.IGNORECASE)
_SRC = re.compile(r"\ssrc=")
_KEEP = re.compile(r"\s(?:defer|async)\b|type=[\"']?module", re.IGNORECASE)


def defer_scripts(html: str) -> str:
    """The page with `defer` on each classic script after Material's config; unchanged if an inline script
    follows it (a site's own code there may expect the bundle to have run, so nothing is deferred)."""
    start = html.find(_CONFIG)
    if start < 0:
        return html
    end = html.find("</script>", start) + len("</script>")
    tail = html[end:]
    tags = list(_TAG.finditer(tail))
    if any(not _SRC.search(tag.group(1)) and "application/json" not in tag.group(1) for tag in tags):
        return html

    def defer(tag: re.Match[str]) -> str:
        attributes = tag.group(1)
        if _KEEP.search(attributes):
            return tag.group(0)
        return f"<script{attributes} defer>{tag.group(2)}</script>"

    return html[:end] + _TAG.sub(defer, tail)
