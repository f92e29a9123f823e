"""`playbooks edit`: edit the site in the browser, saving straight into this folder's files (no sign-in).

    playbooks edit [--config-file mkdocs.yml] [--port 0] [--no-open]

It builds the site once, then serves the editor at http://127.0.0.1:PORT/admin/ and the site itself at
http://127.0.0.1:PORT/, on this computer only. Each save rebuilds the site in the background. Saves are
ordinary changes to the files in docs/ and data/: review them with git before you publish.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
import tempfile
import webbrowser
from pathlib import Path

from engagement_playbooks.cli.building import strict_build
from engagement_playbooks.editor.server import EditServer
from engagement_playbooks.hosts.mkdocs.site_config import load_site_config

READY = (
    "Editing {folder}. Open {url}/admin/ in your browser (the site itself is at {url}/). "
    "Saves go straight into this folder's files; review them with git before you publish. Press Ctrl+C to stop."
)
HAS_ERRORS = "The site has errors, so the editor cannot start. Run `playbooks check` to see them, fix them, then try again."


def folders(config_file: Path) -> tuple[str, str]:
    """The pages and data folders, relative to the site's folder, as the build reads them from mkdocs.yml."""
    site = load_site_config(config_file)
    docs, data, root = site.docs_dir, site.data_dir, site.root
    return (docs.relative_to(root).as_posix() if docs.is_relative_to(root) else str(docs)), data.relative_to(root).as_posix()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="playbooks edit", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--config-file", "-f", default="mkdocs.yml", type=Path, help="the site's mkdocs.yml (default: mkdocs.yml)")
    parser.add_argument("--port", type=int, default=0, help="the port to use (default: a free one)")
    parser.add_argument("--no-open", action="store_true", help="do not open the editor in a web browser")
    args = parser.parse_args(argv)
    config_file: Path = args.config_file.resolve()
    if not config_file.is_file():
        print(f"There is no {args.config_file} here: run playbooks edit in the site's folder.", file=sys.stderr)
        return 1
    try:
        docs_dir, data_dir = folders(config_file)
    except Exception as error:  # MkDocs' own message says what is wrong with mkdocs.yml
        print(f"{HAS_ERRORS}\n({error})", file=sys.stderr)
        return 1
    try:
        return _edit(config_file, docs_dir, data_dir, args.port, open_browser=not args.no_open)
    except KeyboardInterrupt:
        print("\nStopped.")
        return 0


def _edit(config_file: Path, docs_dir: str, data_dir: str, port: int, *, open_browser: bool) -> int:
    with tempfile.TemporaryDirectory(prefix="playbooks-edit-") as temporary:
        site_dir = Path(temporary) / "site"
        api = ""

        def build(target: Path) -> int:
            return strict_build(config_file, target, editor_api=api, print="false")

        try:
            # Bound before the build: the build writes the API's address (with its port) into admin/config.yml.
            server = EditServer(config_file.parent, site_dir, build, port, docs_dir=docs_dir, data_dir=data_dir)
        except OSError as error:
            print(f"Port {port} cannot be used ({error.strerror}); try another with --port, or leave it out.", file=sys.stderr)
            return 1
        api = server.api_url
        try:
            if build(site_dir) != 0:
                print(HAS_ERRORS, file=sys.stderr)
                return 1
            server.start()
            print(READY.format(folder=config_file.parent, url=server.url), flush=True)
            if open_browser:
                with contextlib.suppress(Exception):  # no browser here (a server, a container): the address is printed
                    webbrowser.open(server.admin_url)
            server.wait()
        finally:
            server.stop()
    return 0
