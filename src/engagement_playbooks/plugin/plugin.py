"""The `playbooks` MkDocs plugin: events only. The work is done by the engine's modules and the adapters
beside this file; each event says why it runs when it does (its priority).

Event order in a build: on_config, on_files, on_nav, on_env, then for every page on_page_markdown and
on_page_content, then for every page on_page_context and on_post_page, and at the end on_post_build.
"""

from __future__ import annotations

import logging
import os
import time
from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from engagement_playbooks.edition import edition_from_environment
from engagement_playbooks.macros import reviews
from engagement_playbooks.plugin import (
    abbreviations,
    assets,
    blog,
    editions,
    editor,
    feed,
    git_dates,
    leak_guard,
    macros_config,
    offline,
    print_site,
    search,
    web_app,
)
from engagement_playbooks.plugin import preview as preview_pages
from engagement_playbooks.plugin.config import PlaybooksConfig
from engagement_playbooks.preview import Plan, PreviewState, data_fingerprints
from engagement_playbooks.rendering.deferred_scripts import defer_scripts
from engagement_playbooks.rendering.page_parts import page_parts
from engagement_playbooks.rendering.template_cache import MemoryBytecodeCache
from engagement_playbooks.site import Site
from engagement_playbooks.validation.problems import ProblemsError

log = logging.getLogger("mkdocs.plugins.playbooks")


class PlaybooksPlugin(BasePlugin[PlaybooksConfig]):  # type: ignore[no-untyped-call]  # as in Material's own plugins
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.site: Site | None = None
        self.edition = "public"
        self.internal_urls: set[str] = set()  # site-relative URLs of internal pages, public edition only
        self.material_worker: str | None = None  # Material's search worker, as the pages name it
        # Quick preview (`mkdocs serve --dirty`): what the last build knew, and what this one rebuilds.
        self.preview: PreviewState | None = None
        self.plan: Plan | None = None
        self.kept: dict[str, preview_pages.Kept] = {}
        self.rendered: set[str] = set()
        self.build_started = 0.0
        self.templates = MemoryBytecodeCache()
        self.serving = False  # `mkdocs serve`: the preview stores nothing on devices (plugin/web_app.py)
        self.icons: web_app.Icons | None = None  # the web app's icons, made in on_config (kept while the logo is unchanged)
        self.with_editor = False  # admin/: on unless switched off or the offline edition (no one edits from a zip)

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Defining this keeps one instance across `mkdocs serve` rebuilds (mkdocs/plugins.py), so a dirty
        preview can compare each save with the last build."""
        self.serving = command == "serve"
        if self.config.enabled and command == "serve" and dirty:
            self.preview = PreviewState()

    @event_priority(100)  # before the plugins it configures (macros, offline, print-site, git dates) read their settings
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if not self.config.enabled:
            return config
        root = Path(config.config_file_path).parent
        try:
            self.edition = edition_from_environment()
        except ProblemsError as error:
            raise PluginError(str(error)) from error
        internal = self.edition == "internal"
        is_offline = offline.switch(config)
        default_site_dir = str(root / "site")
        if internal:
            config.site_name = f"{config.site_name} ({self.config.internal_label})"
        if config.site_dir == default_site_dir:  # never overwrite the public site/ with another edition by accident
            config.site_dir = default_site_dir + ("-internal" if internal else "") + ("-offline" if is_offline else "")
        config.extra["edition"] = self.edition
        assets.add_to_config(config)
        macros_config.configure(config)
        git_dates.switch_off_without_history(config)
        print_site.use_engine_cover(config)
        print_site.speed_up(config)
        search.add_keywords_field(config)
        try:
            previous = self.preview.site if self.preview is not None else None
            self.site = Site.load(root, Path(config.docs_dir), self.edition, config.use_directory_urls, self.config.data_dir, previous)
        except ProblemsError as error:
            raise PluginError(str(error)) from error
        self.with_editor = self.config.editor.enabled and not is_offline
        self.icons = web_app.configure(config, self.site, file_edition=is_offline, serving=self.serving, last=self.icons)
        abbreviations.configure(config, self.site.catalog.glossary.abbreviations())
        self.internal_urls = set()
        self.build_started, self.rendered = time.time(), set()
        if self.preview is not None:
            stamp = os.stat(config.config_file_path)
            self.plan = self.preview.plan(self.site, data_fingerprints(root / self.config.data_dir), (stamp.st_mtime_ns, stamp.st_size))
            log.info(f"Preview: {'full rebuild' if self.plan.full else 'rebuilding only what changed'} ({self.plan.reason})")
            config.extra["playbooks_preview"] = True  # the theme says the preview is partial (partials/preview.html)
        return config

    @event_priority(100)  # before the blog, tags, search and git-dates plugins see the files
    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        if not self.config.enabled or self.site is None:
            return files
        if not self.site.internal:
            self.internal_urls = editions.exclude_internal(files, self.site.pages)
        assets.add_files(files, config, leave_out=lambda path: not self.with_editor and editor.is_editor_asset(path))
        git_dates.seed_dates(files, config, self.site.git_log)
        if self.preview is not None and self.plan is not None:
            preview_pages.mark_for_rebuild(files, config, None if self.plan.full else self.plan.pages)
        return files

    @event_priority(-100)  # after print-site has taken the navigation
    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        if self.config.enabled:
            print_site.drop_empty_sections(config)
        return nav

    @event_priority(100)  # before any page is built: unread pages get back what they held (dirty preview only)
    def on_env(self, env: Environment, config: MkDocsConfig, files: Files) -> Environment:
        if not self.config.enabled:
            return env
        if self.preview is not None:
            preview_pages.restore_and_keep(files, self.kept)
            env.bytecode_cache = self.templates  # MkDocs makes a new environment per build: keep the compiled templates
        internal = self.edition == "internal"
        # Called while templates render, when the blog has collected its posts and every title is known;
        # looked up once per build, not once per page.
        latest: list[blog.Post | None] = []

        def latest_post() -> blog.Post | None:
            if not latest:
                latest.append(next(iter(blog.posts(config, internal)), None))
            return latest[0]

        env.globals["playbooks_latest_post"] = latest_post
        env.globals["playbooks_feed_url"] = feed.FEED_FILE if self.config.feed and blog.blog_url(config) is not None else ""
        print_site.share_environment(config, env)
        return env

    @event_priority(10)  # before mkdocs-macros renders the page (0): macros report problems against this page
    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        if self.config.enabled and self.site is not None:
            self.site.current_page = page.file.src_uri
            self.rendered.add(page.file.src_uri)
            self.site.reads[page.file.src_uri] = set()  # the macros below note what this page reads
            # The theme's review line (partials/review.html) reads page.meta.review: computed here, in Python,
            # because Jinja cannot do calendar arithmetic.
            review = reviews.review_of(self.site, page.file.src_uri)
            if review is not None:
                page.meta["review"] = review
            # Report links and a play's recent changes (theme/partials/report.html, history.html).
            page.meta.update(page_parts(self.site, config, page.file.src_uri, page.url, page.title))
        return markdown

    @event_priority(50)  # first: the macros' HTML goes in before link notes, print-site and search read the page
    def _on_page_content_slots(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        if not self.config.enabled or self.site is None:
            return html
        filled, ids = self.site.slots.fill(html)
        if ids and page.present_anchor_ids is not None:
            page.present_anchor_ids |= ids  # links to a checklist item or partner card are checked by MkDocs
        return filled

    @event_priority(0)  # with print-site's own (0); the print copy is handed over at -100, below
    def _on_page_content_links(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        if self.config.enabled and self.internal_urls:
            return editions.neutralise_links(html, page.url, self.internal_urls)
        return html

    @event_priority(-100)  # after print-site (0) and the link notes above: print-site gets the finished HTML
    def _on_page_content_print(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        if self.config.enabled:
            print_site.hand_finished_html(html, page, config)
        return html

    on_page_content = CombinedEvent(_on_page_content_slots, _on_page_content_links, _on_page_content_print)

    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        if not self.config.enabled:
            return output
        output, material = search.use_playbooks_worker(output)
        self.material_worker = material or self.material_worker
        return defer_scripts(output if print_site.is_print_page(page, config) else print_site.strip_print_assets(output, config))

    def on_template_context(self, context: Any, template_name: str, config: MkDocsConfig) -> Any:
        return web_app.offline_page_context(context, template_name, config) if self.config.enabled else context

    def on_post_template(self, output_content: str, template_name: str, config: MkDocsConfig) -> str:
        """The 404 page is a template, not a page."""
        if not self.config.enabled:
            return output_content
        output, material = search.use_playbooks_worker(output_content)
        self.material_worker = material or self.material_worker
        return defer_scripts(print_site.strip_print_assets(output, config))

    @event_priority(50)  # before the search plugin writes its index (0): its entries get boosts and keywords
    def _on_post_build_search(self, config: MkDocsConfig) -> None:
        if not self.config.enabled or self.site is None:
            return
        if self.site.problems:
            raise PluginError(str(ProblemsError(self.site.problems, "macro problem")))
        search.enrich_entries(config, self.site)
        search.write_worker_header(Path(config.site_dir), self.material_worker, self.site)

    @event_priority(-200)  # last: the worker's lists and the leak guard read what every other plugin wrote
    def _on_post_build_files(self, config: MkDocsConfig) -> None:
        if not self.config.enabled or self.site is None or self.icons is None:
            return
        if self.config.feed:
            feed.write_feed(config, self.site.internal)
        if self.with_editor:
            editor.write_files(config, self.site, self.config.editor)
        web_app.write_files(config, self.site, self.icons)  # after every other file: the service worker's lists hash them all
        if self.preview is not None:
            self.preview.record({path: self.site.reads.get(path, set()) for path in self.rendered})
        if not self.site.internal:
            # A dirty preview rewrote only some files: scan those (a full build scans everything).
            since = self.build_started - 1 if self.preview is not None and not (self.plan and self.plan.full) else None
            leaks = leak_guard.find_leaks(
                Path(config.site_dir), config.site_url or "", self.internal_urls, self.site.internal_details, since=since
            )
            if leaks:
                raise PluginError("Internal pages or contacts leaked into the public build:\n  " + "\n  ".join(leaks))

    def on_build_error(self, error: Exception) -> None:
        """After a failed build the preview cannot know what is up to date: the next save rebuilds everything."""
        if self.config.enabled and self.preview is not None:
            self.preview = PreviewState()
            self.kept = {}

    on_post_build = CombinedEvent(_on_post_build_search, _on_post_build_files)

    def on_serve(self, server: Any, config: MkDocsConfig, builder: Any) -> Any:
        if self.config.enabled:
            server.watch(str(Path(config.config_file_path).parent / self.config.data_dir))  # data files feed the pages
        return server
