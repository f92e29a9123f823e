"""Engagement Playbooks: a docs-as-code site generator for community-engagement playbooks.

The engine's layers, lowest first (pyproject.toml's import-linter contract keeps them): readers (one per kind
of file); models and validation; domain (the frozen build snapshot and its facts); rendering, macros, outputs
and search; hosts (the MkDocs/ProperDocs adapter, the only part that knows the host); cli (`playbooks`).
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("engagement-playbooks")
except PackageNotFoundError:  # running from a source tree that was not installed
    __version__ = "0+unknown"
