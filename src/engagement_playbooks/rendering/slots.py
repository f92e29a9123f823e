"""Macro HTML kept out of Markdown: a macro's page gets a short token, and the HTML goes in after conversion.

Markdown (with md_in_html) would otherwise parse every checklist, partner card and table the macros emit,
only to pass it through unchanged: about a fifth of a build's Markdown time on the real plays. Markdown
the macros write on purpose (partner_directory's headings, for the table of contents and search) stays
Markdown: only template output (PageContext.render, rendering/context.py) becomes a token.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass, field

_ID = re.compile(r'\sid="([^"]+)"')


@dataclass
class Slots:
    nonce: str = field(default_factory=lambda: secrets.token_hex(6))
    html: dict[str, str] = field(default_factory=dict)

    def hold(self, html: str) -> str:
        """A token that Markdown leaves alone (letters and digits), standing for `html`."""
        token = f"epslot{self.nonce}n{len(self.html)}z"
        self.html[token] = html
        return token

    def fill(self, page_html: str) -> tuple[str, set[str]]:
        """The page with every token replaced by its HTML (a token alone in a paragraph replaces the
        paragraph), and the element ids that HTML brings (MkDocs checks links to them)."""
        if f"epslot{self.nonce}" not in page_html:
            return page_html, set()
        ids: set[str] = set()

        def swap(match: re.Match[str]) -> str:
            token = match.group(1) or match.group(2)
            html = self.html.pop(token, None)
            if html is None:
                return match.group(0)
            ids.update(_ID.findall(html))
            return html

        pattern = re.compile(rf"<p>(epslot{self.nonce}n\d+z)</p>|(?<!\w)(epslot{self.nonce}n\d+z)")
        return pattern.sub(swap, page_html), ids
