"""A site's mkdocs.yml as the commands need it, read by the host's own loader (INHERIT, !ENV, plugin options),
never matched as text: the folders, the address, and the checked snapshot a build would see."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from engagement_playbooks.domain.editions import edition_from_environment
from engagement_playbooks.domain.snapshot import Snapshot

PLUGIN = "playbooks"


@dataclass(frozen=True)
class SiteConfig:
    root: Path  # the folder of mkdocs.yml
    docs_dir: Path
    data_dir: Path
    site_url: str  # "" when unset
    use_directory_urls: bool
    conf: Any  # the host's own config object (a department's macros see it as env.conf)

    @property
    def base_path(self) -> str:
        """The path the site lives under, from site_url: /engagement-playbooks/ (pages use it in absolute links)."""
        path = urlsplit(self.site_url).path or "/"
        return path if path.endswith("/") else path + "/"


def load_site_config(config_file: Path) -> SiteConfig:
    from mkdocs.config import load_config  # only the commands read a config this way; a build gets it from MkDocs

    config_file = config_file.resolve()
    conf = load_config(config_file=str(config_file))
    plugin = conf.plugins.get(PLUGIN)
    data_dir = plugin.config.data_dir if plugin is not None else "data"
    root = config_file.parent
    docs_dir = Path(conf.docs_dir).resolve()
    return SiteConfig(root, docs_dir, root / data_dir, str(conf.site_url or ""), bool(conf.use_directory_urls), conf)


def load_snapshot(config_file: Path) -> tuple[Snapshot, SiteConfig]:
    """The checked snapshot a build of this config would see, for this edition (PLAYBOOKS_EDITION)."""
    site = load_site_config(config_file)
    return Snapshot.load(site.root, site.docs_dir, edition_from_environment(), site.data_dir), site
