"""HTML from autoescaping Jinja templates in rendering/templates/."""

from __future__ import annotations

from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, pass_context
from jinja2.runtime import Context
from markupsafe import Markup

from engagement_playbooks.rendering.inline import InlineMarkdown


class Renderer:
    """The templates of one build. Data text goes through `| inline` (safe inline Markdown, page links resolved)."""

    def __init__(self) -> None:
        self.inline = InlineMarkdown()
        self._templates = Environment(
            loader=PackageLoader("engagement_playbooks.rendering", "templates"),
            autoescape=True,  # every data value is escaped unless it went through `inline`
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            auto_reload=False,  # the engine's own templates: no file check on each of a build's thousand uses
        )
        self._templates.filters["inline"] = self._inline_filter

    @pass_context
    def _inline_filter(self, context: Context, text: str) -> Markup:
        return self.inline(text, context.get("page_path", ""), context.get("resolve_link"))

    def render(self, template: str, **values: Any) -> str:
        """Render a template as one compact HTML block that Markdown passes through untouched."""
        html = self._templates.get_template(template).render(**values)
        return "\n".join(line.strip() for line in html.splitlines() if line.strip())
