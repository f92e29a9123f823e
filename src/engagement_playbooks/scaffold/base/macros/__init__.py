"""This department's own macros, beside the engine's (mkdocs.yml: `macros: module_name: macros`).

This is the place for a macro only this department needs. Keep it small: anything every department
could use belongs in the engine. Return HTML only through an escaping step (markupsafe), so a value
from data can never inject markup.
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup


def define_env(env: Any) -> None:
    @env.macro  # type: ignore[untyped-decorator]
    def non_emergency_line() -> Markup:
        """`{{ non_emergency_line() }}`: the department's non-emergency number as a link that dials."""
        phone = env.variables["department"].non_emergency_phone
        return Markup('<a href="{}">{}</a>').format(phone.tel, phone.national)
