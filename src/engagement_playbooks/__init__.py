"""Engagement Playbooks: a docs-as-code site generator for community-engagement playbooks.

The engine's parts, one folder each: data (reading files), models (pydantic), validation (problems),
rendering (templates), macros (what pages call), plugin (MkDocs adapters), cli (the `playbooks` command).
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("engagement-playbooks")
except PackageNotFoundError:  # running from a source tree that was not installed
    __version__ = "0+unknown"
