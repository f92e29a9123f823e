"""`playbooks`: the engine's command line. Each command has its own --help.

    playbooks check          check data, front matter and macro calls (seconds, no build)
    playbooks reviews        what each owning team has to review or check, by team
    playbooks review-issues  open, update or close one GitHub issue per team with that list (uses `gh`)
    playbooks new-site DIR   start a new department's site
    playbooks new-play       start a new play from the play template
    playbooks edit           edit the site in the browser, saving to this folder (no sign-in)
    playbooks release V      issue edition V (such as 2027.1) as a dated git tag
    playbooks editions       build the site with every issued edition readable under archive/
    playbooks pdf            the print edition as a PDF
    playbooks offline        the offline edition as a zip
    playbooks readability    reading grade of every play
    playbooks browser        make sure a Chromium is there for browser tests and PDFs
    playbooks oauth-server   the GitHub sign-in server for the editor (run by the department's admin)

The edition is PLAYBOOKS_EDITION=public|internal for every command (public when unset).
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable

from engagement_playbooks import __version__

COMMANDS = {
    "check": "engagement_playbooks.cli.check",
    "new-site": "engagement_playbooks.cli.new_site",
    "new-play": "engagement_playbooks.cli.new_play",
    "edit": "engagement_playbooks.cli.edit",
    "release": "engagement_playbooks.cli.release",
    "editions": "engagement_playbooks.cli.editions",
    "pdf": "engagement_playbooks.cli.pdf",
    "offline": "engagement_playbooks.cli.offline",
    "readability": "engagement_playbooks.quality.readability",
    "browser": "engagement_playbooks.cli.browser",
    "reviews": "engagement_playbooks.cli.reviews",
    "review-issues": "engagement_playbooks.cli.review_issues",
    "oauth-server": "engagement_playbooks.cli.oauth_server",
}


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if not args or args[0] in ("-h", "--help", "help"):
        print(__doc__)
        return 0 if args else 2
    if args[0] in ("-V", "--version", "version"):
        print(f"playbooks (engagement-playbooks) {__version__}")
        return 0
    module = COMMANDS.get(args[0])
    if module is None:
        print(f"playbooks: unknown command {args[0]!r}; commands: {', '.join(COMMANDS)}", file=sys.stderr)
        return 2
    command: Callable[[list[str]], int] = importlib.import_module(module).main
    return command(args[1:])


if __name__ == "__main__":
    sys.exit(main())
