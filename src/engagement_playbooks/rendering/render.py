"""HTML from autoescaping Jinja templates in macros/templates/."""

from __future__ import annotations

from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined

from .inline import inline_markdown

_templates = Environment(
    loader=PackageLoader("macros", "templates"),
    autoescape=True,  # every data value is escaped unless it went through inline_markdown
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)
_templates.filters["inline"] = inline_markdown

SIGN_OFF = {"fto": "FTO", "supervisor": "Supervisor", "trainer": "Trainer", "self": "You"}
_templates.globals["sign_off_names"] = SIGN_OFF


def render(template: str, **values: Any) -> str:
    """Render a template as one compact HTML block that Markdown passes through untouched."""
    html = _templates.get_template(template).render(**values)
    return "\n".join(line.strip() for line in html.splitlines() if line.strip())
