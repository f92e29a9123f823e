"""Paths and addresses from the host's own objects, never rebuilt by string: the project's folder, a page's
source file as the repository names it, and every page's URL (after plugins such as the blog have set them)."""

from __future__ import annotations

import posixpath
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files


def project_root(config: MkDocsConfig) -> Path:
    """The folder of mkdocs.yml, absolute (a host may keep the config's path as it was given, relative)."""
    return Path(config.config_file_path).resolve().parent


def source_path(file: File, config: MkDocsConfig) -> str:
    """The page's file relative to the project, such as docs/forums/plan-a-forum.md (a generated page: where it would be)."""
    root = project_root(config)
    if file.abs_src_path:
        path = Path(file.abs_src_path).resolve()
        if path.is_relative_to(root):
            return path.relative_to(root).as_posix()
    docs = Path(config.docs_dir).resolve()
    return posixpath.join(docs.relative_to(root).as_posix() if docs.is_relative_to(root) else docs.name, file.src_uri)


def page_urls(files: Files) -> dict[str, str]:
    """Every built page's site-relative URL by docs path (a blog post's is its dated address, not its source path)."""
    return {file.src_uri: file.url for file in files.documentation_pages()}
