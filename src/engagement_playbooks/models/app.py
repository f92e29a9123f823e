"""`app:` in data/department.yml: the installable web app and offline storage."""

from __future__ import annotations

from pydantic import Field

from .common import Colour, Strict


class App(Strict):
    logo: str | None = Field(
        None,
        description="A square PNG or JPEG logo, at least 512 px wide, as a path from the repository root, such as "
        "`data/logo.png`. The build makes the app icons (192 and 512 px) from it. Leave it out to use the engine's book icon.",
        title="Logo",
    )
    theme_color: Colour = Field("#3f51b5", description="The colour of the app's title bar, such as `#3f51b5`.", title="App colour")
    offline_internal: bool = Field(
        False,
        description="`true` lets officers save the staff edition on their phones to use offline. Off by default: "
        "keeping staff-only pages on a device that can be lost is a policy decision for the department. "
        "The public edition can always be saved.",
        title="Let officers save the staff edition offline",
    )
