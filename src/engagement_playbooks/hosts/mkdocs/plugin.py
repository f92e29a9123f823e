"""The `playbooks` MkDocs plugin: events only. The work is done by the engine's modules and the adapters
beside this file; each event checks `enabled` and says why it runs when it does (its priority).

Event order in a build: on_config, on_files, on_nav, then for every page on_page_markdown and
on_page_content, then on_env, then for every page on_page_context and on_post_page, and at the end on_post_build.
Events without a priority run at MkDocs' default (0): their order among plugins does not matter.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from engagement_playbooks.domain.editions import edition_from_environment, site_folder
from engagement_playbooks.domain.preview import Plan, PreviewState, data_fingerprints
from engagement_playbooks.domain.snapshot import Snapshot
from engagement_playbooks.hosts.mkdocs import (
    abbreviations,
    assets,
    blog,
    editions,
    editor,
    feed,
    git_dates,
    macros_config,
    offline,
    print_site,
    releases,
    search,
    web_app,
)
from engagement_playbooks.hosts.mkdocs import preview as preview_pages
from engagement_playbooks.hosts.mkdocs.build_state import BuildState
from engagement_playbooks.hosts.mkdocs.config import PlaybooksConfig
from engagement_playbooks.hosts.mkdocs.deferred_scripts import defer_scripts
from engagement_playbooks.hosts.mkdocs.macros_binding import MacroBinding
from engagement_playbooks.hosts.mkdocs.page_parts import page_parts
from engagement_playbooks.hosts.mkdocs.pages import page_urls, project_root, source_path
from engagement_playbooks.hosts.mkdocs.template_cache import MemoryBytecodeCache
from engagement_playbooks.outputs import leak_guard, link_check
from engagement_playbooks.readers.problems import ProblemsError
from engagement_playbooks.rendering.context import SiteRender
from engagement_playbooks.rendering.links import SiteLinks
from engagement_playbooks.rendering.render import Renderer

log = logging.getLogger("mkdocs.plugins.playbooks")


class PlaybooksPlugin(BasePlugin[PlaybooksConfig]):  # type: ignore[no-untyped-call]  # as in Material's own plugins
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.build: BuildState | None = None  # this build's state, made in on_config
        # Kept across the builds of `mkdocs serve`:
        self.preview: PreviewState | None = None  # quick preview (`--dirty`): what the last build knew
        self.plan: Plan | None = None  # and what this one rebuilds
        self.kept: dict[str, preview_pages.Kept] = {}
        self.templates = MemoryBytecodeCache()
        self.serving = False  # `mkdocs serve`: the preview stores nothing on devices (web_app.py)
        self.icons: web_app.Icons | None = None  # the web app's icons, made in on_config (kept while the logo is unchanged)
        self.with_editor = False  # admin/: on unless switched off, an offline or an archived edition
        self.restore_print_site: Callable[[], None] = lambda: None  # puts print-site's module back after the build

    @property
    def snapshot(self) -> Snapshot | None:
        return self.build.snapshot if self.build is not None else None

    def bind_macros(self, env: Any) -> None:
        """Called by the pluglet (engagement_playbooks.macros.define_env) in mkdocs-macros' on_config, after ours."""
        if self.build is None:
            raise PluginError("the playbooks plugin is switched off or has not checked the site: the engine's macros need it")
        self.build.binding.install(env)

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Defining this keeps one instance across `mkdocs serve` rebuilds (mkdocs/plugins.py), so a dirty
        preview can compare each save with the last build. At the default priority: it only notes the command."""
        if not self.config.enabled:
            return
        self.serving = command == "serve"
        if command == "serve" and dirty:
            self.preview = PreviewState()

    @event_priority(100)  # before the plugins it configures (macros, offline, print-site, git dates) read their settings
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.build = None
        if not self.config.enabled:
            return config
        root = project_root(config)
        try:
            edition = edition_from_environment()
        except ProblemsError as error:
            raise PluginError(str(error)) from error
        internal = edition == "internal"
        is_offline = offline.switch(config)
        if internal:
            config.site_name = f"{config.site_name} ({self.config.internal_label})"
        if Path(config.site_dir).resolve() == root / "site":  # never overwrite the public site/ with another edition by accident
            config.site_dir = str(root / site_folder(edition, "offline" if is_offline else ""))
        config.extra["edition"] = edition
        assets.add_to_config(config)
        macros_config.configure(config)
        git_dates.switch_off_without_history(config)
        print_site.use_engine_cover(config)
        search.add_keywords_field(config)
        try:
            previous = self.preview.snapshot if self.preview is not None else None
            snapshot = Snapshot.load(root, Path(config.docs_dir).resolve(), edition, self.config.data_dir, previous)
        except ProblemsError as error:
            raise PluginError(str(error)) from error
        self.build = BuildState(snapshot, MacroBinding(snapshot.variables()), time.time(), releases.configure(config, snapshot, is_offline))
        self.restore_print_site = print_site.speed_up(config)
        # No editor in the offline edition (no one edits from a zip) nor in an archived edition (kept as issued).
        self.with_editor = self.config.editor.enabled and not is_offline and not (snapshot.shelf and snapshot.shelf.here)
        self.icons = web_app.configure(config, snapshot, file_edition=is_offline, serving=self.serving, last=self.icons)
        abbreviations.configure(config, snapshot.catalog.glossary.abbreviations())
        if self.preview is not None:
            stamp = os.stat(config.config_file_path)
            self.plan = self.preview.plan(snapshot, data_fingerprints(snapshot.data_dir), (stamp.st_mtime_ns, stamp.st_size))
            log.info(f"Preview: {'full rebuild' if self.plan.full else 'rebuilding only what changed'} ({self.plan.reason})")
            config.extra["playbooks_preview"] = True  # the theme says the preview is partial (partials/preview.html)
        return config

    @event_priority(100)  # before the blog, tags, search and git-dates plugins see the files
    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        if not self.config.enabled or self.build is None:
            return files
        snapshot = self.build.snapshot
        if not snapshot.internal:
            self.build.internal_urls = editions.exclude_internal(files, snapshot.pages)
        assets.add_files(files, config, leave_out=lambda path: not self.with_editor and editor.is_editor_asset(path))
        git_dates.leave_undated(config, releases.add_pages(files, config, self.build.editions))
        git_dates.seed_dates(files, config, snapshot.git_log)
        if self.preview is not None and self.plan is not None:
            preview_pages.mark_for_rebuild(files, config, None if self.plan.full else self.plan.pages)
        return files

    @event_priority(-100)  # after print-site has taken the navigation, and the blog (-50) has given its posts their URLs
    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        if not self.config.enabled or self.build is None:
            return nav
        print_site.drop_empty_sections(config)
        snapshot = self.build.snapshot
        # Links between pages use the host's own URLs, so a blog post is linked at its address, not its source path.
        links = SiteLinks(snapshot.pages, config.use_directory_urls, snapshot.internal, page_urls(files))
        self.build.site = SiteRender(snapshot, links, Renderer())
        return nav

    @event_priority(100)  # before any page's template renders: unread pages get back what they held (dirty preview only)
    def on_env(self, env: Environment, config: MkDocsConfig, files: Files) -> Environment:
        if not self.config.enabled or self.build is None:
            return env
        snapshot = self.build.snapshot
        if self.preview is not None:
            preview_pages.restore_and_keep(files, self.kept)
            env.bytecode_cache = self.templates  # MkDocs makes a new environment per build: keep the compiled templates
        # Called while templates render, when the blog has collected its posts and every title is known;
        # looked up once per build, not once per page.
        latest: list[blog.Post | None] = []

        def latest_post() -> blog.Post | None:
            if not latest:
                latest.append(next(iter(blog.posts(config, snapshot.internal)), None))
            return latest[0]

        env.globals["playbooks_latest_post"] = latest_post
        env.globals["playbooks_feed_url"] = feed.FEED_FILE if self.config.feed and blog.blog_url(config) is not None else ""
        print_site.share_environment(config, env)
        return env

    @event_priority(10)  # before mkdocs-macros renders the page (0): its macros render in this page's context
    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        if not self.config.enabled or self.build is None or self.build.site is None:
            return markdown
        path = page.file.src_uri
        context = self.build.pages[path] = self.build.site.page(path)
        self.build.binding.page = context
        # The review line, report links and a play's recent changes (theme/partials/review.html, report.html, history.html).
        page.meta.update(page_parts(self.build.snapshot, config, path, source_path(page.file, config), page.url, page.title))
        page.meta["edition"] = self.build.editions.for_page(path, page.url)
        return markdown

    @event_priority(50)  # first: the macros' HTML goes in before link notes, print-site and search read the page
    def _on_page_content_slots(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        context = self.build.pages.get(page.file.src_uri) if self.config.enabled and self.build is not None else None
        if context is None:
            return html
        filled, ids = context.slots.fill(html)
        if ids and page.present_anchor_ids is not None:
            page.present_anchor_ids |= ids  # links to a checklist item or partner card are checked by MkDocs
        return filled

    @event_priority(0)  # with print-site's own (0); the print copy is handed over at -100, below
    def _on_page_content_links(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        if self.config.enabled and self.build is not None and self.build.internal_urls:
            return editions.neutralise_links(html, page.url, self.build.internal_urls)
        return html

    @event_priority(-100)  # after print-site (0) and the link notes above: print-site gets the finished HTML
    def _on_page_content_print(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        if self.config.enabled:
            print_site.hand_finished_html(html, page, config)
        return html

    on_page_content = CombinedEvent(_on_page_content_slots, _on_page_content_links, _on_page_content_print)

    def _finish_html(self, output: str, config: MkDocsConfig, print_page: bool = False) -> str:
        """Every written page and template: our search worker instead of Material's, print-site's assets only on
        its own page, and the scripts deferred."""
        output, material = search.use_playbooks_worker(output)
        if self.build is not None:
            self.build.material_worker = material or self.build.material_worker
        return defer_scripts(output if print_page else print_site.strip_print_assets(output, config))

    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        """At the default priority: it rewrites the finished page, after whatever other plugins did to it."""
        if not self.config.enabled:
            return output
        return self._finish_html(output, config, print_site.is_print_page(page, config))

    def on_template_context(self, context: Any, template_name: str, config: MkDocsConfig) -> Any:
        """At the default priority: it only sets the offline page's base URL."""
        return web_app.offline_page_context(context, template_name, config) if self.config.enabled else context

    def on_post_template(self, output_content: str, template_name: str, config: MkDocsConfig) -> str:
        """The 404 page is a template, not a page. At the default priority, like on_post_page."""
        return self._finish_html(output_content, config) if self.config.enabled else output_content

    @event_priority(50)  # before the search plugin writes its index (0): its entries get boosts and keywords
    def _on_post_build_search(self, config: MkDocsConfig) -> None:
        if not self.config.enabled or self.build is None or self.build.site is None:
            return
        if self.build.problems:
            raise PluginError(str(ProblemsError(self.build.problems, "macro problem")))
        search.enrich_entries(config, self.build.snapshot, self.build.site.links)
        search.write_worker_header(Path(config.site_dir), self.build.material_worker, self.build.snapshot)

    @event_priority(-200)  # last: the worker's lists and the leak guard read what every other plugin wrote
    def _on_post_build_files(self, config: MkDocsConfig) -> None:
        self.restore_print_site()  # print-site rendered its page in its on_post_build (0)
        build = self.build
        if not self.config.enabled or build is None or build.site is None or self.icons is None:
            return
        snapshot = build.snapshot
        print_site.finish_print_page(config)
        if self.config.feed:
            feed.write_feed(config, snapshot.internal)
        if self.with_editor:
            editor.write_files(config, snapshot, self.config.editor, build.site.renderer)
        releases.take_in_archives(config, build.editions)  # before the worker's lists, the link check and the leak guard
        web_app.write_files(
            config, snapshot, self.icons, build.editions.state.label, lambda path: releases.is_archive_file(path, build.editions)
        )  # after every other file: the service worker's lists hash them all
        if self.preview is not None:
            self.preview.record(build.reads())
        if self.preview is None or (self.plan is not None and self.plan.full):  # a dirty preview wrote only some pages
            broken = link_check.broken_links(Path(config.site_dir))
            if broken:
                raise PluginError(
                    "Broken links in the built pages (from a page, a data file's link: or a macro):\n  " + "\n  ".join(broken)
                )
        if not snapshot.internal:
            # A dirty preview rewrote only some files: scan those (a full build scans everything).
            since = build.started - 1 if self.preview is not None and not (self.plan and self.plan.full) else None
            leaks = leak_guard.find_leaks(
                Path(config.site_dir), config.site_url or "", build.internal_urls, snapshot.internal_details, since=since
            )
            if leaks:
                raise PluginError("Internal pages or contacts leaked into the public build:\n  " + "\n  ".join(leaks))

    on_post_build = CombinedEvent(_on_post_build_search, _on_post_build_files)

    def on_build_error(self, error: Exception) -> None:
        """After a failed build print-site gets its own module back, and the preview cannot know what is up to date:
        the next save rebuilds everything. At the default priority: it only resets the engine's own state."""
        if not self.config.enabled:
            return
        self.restore_print_site()
        if self.preview is not None:
            self.preview = PreviewState()
            self.kept = {}

    def on_serve(self, server: Any, config: MkDocsConfig, builder: Any) -> Any:
        """At the default priority: it only adds a folder to watch."""
        if self.config.enabled:
            server.watch(str(project_root(config) / self.config.data_dir))  # data files feed the pages
        return server
