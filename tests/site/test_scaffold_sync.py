"""What `playbooks new-site` writes stays in step with the reference site: the workflows, CI entry point and
audit settings are the same files, and a new site lists the same plugins and Markdown extensions."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import ROOT

BASE = ROOT / "src/engagement_playbooks/scaffold/base"
SAME = [
    (".github/workflows/site.yml", "dot-github/workflows/site.yml"),
    (".github/workflows/reviews.yml", "dot-github/workflows/reviews.yml"),
    (".ci/run", "dot-ci/run"),
    ("zizmor.yml", "zizmor.yml"),
]


@pytest.mark.parametrize(("root", "scaffold"), SAME, ids=[root for root, _ in SAME])
def test_scaffold_copy_is_the_reference_file(root: str, scaffold: str) -> None:
    assert (BASE / scaffold).read_text(encoding="utf-8") == (ROOT / root).read_text(encoding="utf-8"), f"copy {root} to {scaffold}"


def _names(path: Path, key: str) -> list[str]:
    from mkdocs.utils import yaml_load  # MkDocs' own reader: !ENV and !!python/name tags included

    with path.open(encoding="utf-8") as file:
        config = yaml_load(file)
    return [next(iter(item)) if isinstance(item, dict) else str(item) for item in config[key]]


@pytest.mark.parametrize("key", ["plugins", "markdown_extensions"])
def test_a_new_site_lists_what_the_reference_site_lists(key: str) -> None:
    assert _names(BASE / "mkdocs.yml", key) == _names(ROOT / "mkdocs.yml", key)
