"""Contracts with other plugins' internals. The engine reads or sets a few attributes that these plugins do not
document; each is used in exactly one adapter (src/engagement_playbooks/hosts/mkdocs/). These tests fail loudly when an
upgrade changes them, naming the adapter to fix."""

from __future__ import annotations

import datetime as dt
import inspect
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from support import ROOT

from engagement_playbooks.hosts.mkdocs import blog, editor, git_dates, print_site, search


@pytest.fixture(scope="module")
def built_config(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """The reference site built in this process, so the plugins' objects can be inspected afterwards."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    config = load_config(config_file=str(ROOT / "mkdocs.yml"), site_dir=str(tmp_path_factory.mktemp("contracts") / "site"))
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
        yield config
    finally:
        config.plugins.on_shutdown()


def test_print_site_internals(built_config: Any) -> None:
    """hosts/mkdocs/print_site.py: renderer.items, page.html, exclude(), its asset names, cover_page_template and print_page."""
    from mkdocs_print_site_plugin.exclude import exclude  # type: ignore[import-untyped]

    plugin = built_config.plugins[print_site.NAME]
    assert isinstance(plugin.renderer.items, list) and plugin.renderer.items
    assert list(inspect.signature(exclude).parameters)[:2] == ["path", "exclude_patterns"]
    assert plugin.config["cover_page_template"] == str(print_site.COVER)
    pages = [item for item in plugin.renderer.items if hasattr(item, "html")]
    sections = [item for item in plugin.renderer.items if hasattr(item, "children")]
    assert pages or sections
    assert "css/print-site.css" in built_config.extra_css and "js/print-site.js" in [str(s) for s in built_config.extra_javascript]
    printed = (Path(built_config.site_dir) / "print_page" / "index.html").read_text(encoding="utf-8")
    assert 'class="ep-print-index"' in printed, "print-site no longer prints page.html as the engine hands it over"
    assert "ep-announce" in printed, "print-site no longer renders with config.theme.get_env() (the build's environment)"
    written = Path(plugin.print_page.file.abs_dest_path)
    assert written == Path(built_config.site_dir) / "print_page" / "index.html", "print-site writes its page elsewhere"


def _fresh_print_site_urls() -> Any:
    """print-site's urls module as shipped (the build replaced update_anchor_ids in the imported one)."""
    import importlib.util

    spec = importlib.util.find_spec("mkdocs_print_site_plugin.urls")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_print_site_anchor_ids_are_prefixed_as_print_site_does(built_config: Any) -> None:
    """plugin/print_site.py replaces urls.update_anchor_ids, which urls.fix_internal_links calls by name."""
    shipped = _fresh_print_site_urls()
    assert "update_anchor_ids(page_html, page_key)" in inspect.getsource(shipped.fix_internal_links)
    tricky = [
        '<h2 id="a">A</h2>\n<H3 ID="b" class="x">B</H3>\n<li id="fn:1">note</li><sup id="fnref:1">1</sup>',
        '<span>x</span><h2 id="c">C</h2> <p id="p">no</p>\n<h2 id="a">again</h2>\n\n<h4 class="z"\nid="d">D</h4>',
        "no ids at all\n" * 3,
    ]
    site = Path(built_config.site_dir)
    pages = [path.read_text(encoding="utf-8") for path in sorted(site.rglob("index.html"))]
    assert len(pages) > 20
    for html in tricky + pages:
        assert print_site.update_anchor_ids(html, "key") == shipped.update_anchor_ids(html, "key")


def test_material_search_internals(built_config: Any) -> None:
    """plugin/search.py: the search plugin's search_index.entries, the dicts it writes as the index's docs."""
    entries = built_config.plugins[search.NAME].search_index.entries
    assert isinstance(entries, list) and entries and all(isinstance(entry, dict) and "location" in entry for entry in entries)
    written = json.loads((Path(built_config.site_dir) / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert written["docs"] == entries, "Material no longer writes search_index.entries as the index's docs"
    assert any("keywords" in entry for entry in entries) and written["config"]["fields"]["keywords"] == {"boost": 500.0}


def test_git_dates_internals(built_config: Any) -> None:
    """plugin/git_dates.py: last_revision_commits, cached_source_paths, util.ignored_commits and `exclude`."""
    plugin = built_config.plugins[git_dates.NAME]
    assert "editions/index.md" in plugin.config["exclude"]  # the generated Editions page is left undated
    assert list(inspect.signature(type(plugin).on_page_markdown).parameters)[:3] == ["self", "markdown", "page"]
    assert "exclude(page.file.src_path" in inspect.getsource(type(plugin).on_page_markdown)
    assert isinstance(plugin.last_revision_commits, dict)
    assert isinstance(plugin.cached_source_paths, dict)
    assert isinstance(plugin.util.ignored_commits, list | set | tuple | dict)
    if git_dates.history_problem(ROOT) is None:  # a clone with history: the one walk filled the cache
        key = str((ROOT / "docs/forums/plan-a-forum.md").absolute())
        sha, stamp = plugin.last_revision_commits[key]
        assert len(sha) == 40 and stamp.isdigit()


def test_blog_internals(built_config: Any) -> None:
    """plugin/blog.py: plugin.blog, blog.url and each post's url, title, meta, content, authors, categories, dates."""
    found = blog.posts(built_config, internal_edition=False)
    assert found, "the blog adapter found no posts"
    assert blog.blog_url(built_config) == "updates/"
    for post in found:
        assert post.url.startswith("updates/") and post.title
        assert isinstance(post.created, dt.datetime) and post.created.tzinfo is not None
        assert all(isinstance(name, str) and name for name in post.authors)
        assert post.content
    assert found == sorted(found, key=lambda post: post.created, reverse=True)


def test_blog_settings_the_editor_reads(built_config: Any) -> None:
    """plugin/editor.py: the blog's blog_dir, authors_file (read as the blog reads it) and categories_allowed."""
    plugin = built_config.plugins[blog.NAME]
    playbooks = built_config.plugins["playbooks"]
    found = editor.editor_site(built_config, playbooks.snapshot, playbooks.config.editor)
    assert found.blog_dir == plugin.config.blog_dir
    assert dict(found.authors) == {key: author.name for key, author in plugin.authors.items()} != {}
    assert list(found.categories) == list(plugin.config.categories_allowed)


def test_print_site_gets_its_own_module_back_after_the_build(built_config: Any) -> None:
    """plugin/print_site.py patches urls.update_anchor_ids for the build only: afterwards, print-site's own is back."""
    from mkdocs_print_site_plugin import urls

    assert urls.update_anchor_ids is not print_site.update_anchor_ids
    assert inspect.getsource(urls.update_anchor_ids) == inspect.getsource(_fresh_print_site_urls().update_anchor_ids)


def test_mkdocs_page_internals_the_preview_restores() -> None:
    """hosts/mkdocs/preview.py gives unread pages back `_title_from_render` (Page.title reads it) and `present_anchor_ids`."""
    from mkdocs.structure.pages import Page

    source = inspect.getsource(Page)
    assert "if self._title_from_render:\n            return self._title_from_render" in source  # Page.title reads it
    assert "self._title_from_render = " in inspect.getsource(Page.render)
    assert "self.present_anchor_ids = " in inspect.getsource(Page.render)


def test_material_search_keeps_the_last_index_as_search_index_prev() -> None:
    """hosts/mkdocs/preview.py empties `search_index_prev`, which Material's search merges into a dirty build's index."""
    from material.plugins.search.plugin import SearchPlugin

    source = inspect.getsource(SearchPlugin)
    assert "self.search_index_prev = self.search_index" in source
    assert "if self.search_index_prev:" in source or "self.search_index_prev" in inspect.getsource(SearchPlugin.on_post_build)


def _material_worker_sources() -> dict[str, str]:
    """Material's search worker: its minified file and the sources its map holds (lunr, and the worker's TypeScript)."""
    import material

    folder = Path(material.__file__).parent / "templates" / "assets" / "javascripts" / "workers"
    (bundle,) = folder.glob("search.*.min.js")
    mapped = json.loads(bundle.with_name(bundle.name + ".map").read_text(encoding="utf-8"))
    return {"bundle": bundle.read_text(encoding="utf-8"), **dict(zip(mapped["sources"], mapped["sourcesContent"], strict=True))}


def test_material_search_worker_answers_with_message_type_3() -> None:
    """assets/javascripts/workers/playbooks-search.js rewrites Material's result message, `type === 3`, whose
    `data.items` are groups of results with `location` and `terms`."""
    sources = _material_worker_sources()
    worker = next(text for name, text in sources.items() if name.endswith("search/worker/main/index.ts"))
    assert "type: SearchMessageType.RESULT,\n          data: index.search(query)" in worker
    assert "{type:3,data:" in sources["bundle"], "Material's result message is no longer type 3"
    search = next(text for name, text in sources.items() if name.endswith("integrations/search/_/index.ts"))
    assert "items" in search and "terms" in search and "location" in search and "this.index.search(" in search
    ours = (ROOT / "src/engagement_playbooks/assets/javascripts/workers/playbooks-search.js").read_text(encoding="utf-8")
    assert "message.type === 3" in ours and "message.data.items" in ours


def test_lunr_as_material_bundles_it_has_what_the_search_worker_patches() -> None:
    """playbooks-search.js wraps lunr.Builder.prototype.build and replaces each index's search, using these parts of lunr."""
    lunr = next(text for name, text in _material_worker_sources().items() if name.endswith("lunr/lunr.js"))
    used = (
        "lunr.Builder.prototype.build = function",
        "lunr.Index.prototype.search = function",
        "lunr.Index.prototype.query = function",
        "lunr.stopWordFilter =",
        "lunr.Query.wildcard.NONE",
        "lunr.Query.wildcard.TRAILING",
        "lunr.TokenSet.fromFuzzyString = function",
        "lunr.TokenSet.prototype.intersect = function",
        "lunr.TokenSet.prototype.toArray = function",
        "lunr.tokenizer.separator =",
        "this.invertedIndex =",
        "this.tokenSet =",
        "matchData",  # each result's matchData.metadata: the words it matched
        "this.metadata =",
    )
    assert [part for part in used if part not in lunr] == []


def test_source_paths_come_from_the_hosts_files(monkeypatch: pytest.MonkeyPatch) -> None:
    """A host that keeps mkdocs.yml's path as given (ProperDocs: relative) still names docs/… in reports and history."""
    from mkdocs.config import load_config
    from mkdocs.structure.files import get_files

    from engagement_playbooks.hosts.mkdocs.pages import source_path

    monkeypatch.chdir(ROOT)
    config = load_config(config_file="mkdocs.yml")
    config.config_file_path = "mkdocs.yml"  # as ProperDocs 1.6.7 keeps it
    plugin = config.plugins["playbooks"]
    try:
        plugin.on_config(config)
    finally:
        plugin.restore_print_site()
    assert plugin.snapshot.pages["directory/index.md"].shown == "docs/directory/index.md"
    page = get_files(config).get_file_from_path("forums/plan-a-forum.md")
    assert page is not None and source_path(page, config) == "docs/forums/plan-a-forum.md"
