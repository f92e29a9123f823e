"""The `playbooks` plugin's options (mkdocs.yml `plugins: - playbooks: {...}`). Every option is optional.

Switches that differ between builds of the same site are environment variables, read by every command:
- PLAYBOOKS_EDITION=public|internal (default public): which edition to build.
- PLAYBOOKS_OFFLINE=true: the offline edition, a folder that works opened from disk.
- PLAYBOOKS_TODAY=YYYY-MM-DD: pin "today" for review dates (tests, reproducible builds).
"""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class PlaybooksConfig(Config):  # type: ignore[no-untyped-call]  # MkDocs types its options, not this hook
    enabled = c.Type(bool, default=True)
    """Switch the whole engine off (a plain Material build of the same pages; macros calls then fail)."""

    data_dir = c.Type(str, default="data")
    """The folder of data files (department.yml, partners.yml, checklists/, glossary.yml), relative to mkdocs.yml.
    Keep it outside docs/, so raw YAML is never published."""

    internal_label = c.Type(str, default="staff edition")
    """Added to site_name in the internal edition, as "Engagement Playbooks (staff edition)"."""

    feed = c.Type(bool, default=True)
    """Write feed.xml, an Atom feed of the blog's posts, when Material's blog plugin is listed."""
