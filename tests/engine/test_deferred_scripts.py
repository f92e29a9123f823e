"""Material's bundle and the extra scripts after it are deferred, so they do not hold up the first paint."""

from __future__ import annotations

from engagement_playbooks.hosts.mkdocs.deferred_scripts import defer_scripts

HEAD = '<html><head><script src="polyfill.js"></script><script>__md_scope=1</script></head><body><main>text</main>'
CONFIG = '<script id="__config" type="application/json">{"base": "."}</script>'


def page(scripts: str) -> str:
    return HEAD + CONFIG + scripts + "</body></html>"


def test_bundle_and_extra_scripts_get_defer_in_order() -> None:
    html = defer_scripts(page('<script src="bundle.js"></script>\n<script src="checklists.js"></script>'))
    assert html == page('<script src="bundle.js" defer></script>\n<script src="checklists.js" defer></script>')


def test_scripts_before_the_config_stay_as_they_are() -> None:
    html = defer_scripts(page('<script src="bundle.js"></script>'))
    assert html.startswith(HEAD + CONFIG)


def test_async_deferred_and_module_scripts_are_left_alone() -> None:
    scripts = '<script src="a.js" async></script><script src="d.js" defer></script><script src="m.js" type="module"></script>'
    assert defer_scripts(page('<script src="bundle.js"></script>' + scripts)) == page('<script src="bundle.js" defer></script>' + scripts)


def test_nothing_is_deferred_when_an_inline_script_follows() -> None:
    # A site's inline code there may call document$ at once, which needs the bundle to have run.
    original = page('<script src="bundle.js"></script><script>document$.subscribe(function () {})</script>')
    assert defer_scripts(original) == original


def test_a_page_without_material_config_is_unchanged() -> None:
    original = '<html><body><script src="x.js"></script></body></html>'
    assert defer_scripts(original) == original
