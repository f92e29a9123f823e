"""A stand-in for the `gh` command, for tests: it keeps issues and labels in a JSON file and logs every call.

Tests copy it into a folder as `gh` (made executable, run by this Python) and put that folder first on
the PATH. FAKE_GH_STATE names the state file ({"issues": [...], "labels": [...]}), FAKE_GH_LOG the
log (one JSON list of arguments per line, with the text read from standard input when `--body-file -`).
It knows only the calls macros/review_issues.py makes; anything else fails loudly.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any


def option(args: list[str], name: str) -> str | None:
    return args[args.index(name) + 1] if name in args else None


def main(args: list[str]) -> int:
    state_file = Path(os.environ["FAKE_GH_STATE"])
    state: dict[str, Any] = json.loads(state_file.read_text()) if state_file.exists() else {"issues": [], "labels": []}
    stdin = sys.stdin.read() if option(args, "--body-file") == "-" else None
    with Path(os.environ["FAKE_GH_LOG"]).open("a") as log:
        log.write(json.dumps({"args": args, "stdin": stdin}) + "\n")
    issues: list[dict[str, Any]] = state["issues"]
    match args[:2]:
        case ["issue", "list"]:
            wanted_label, wanted_state = option(args, "--label"), option(args, "--state") or "open"
            fields = (option(args, "--json") or "").split(",")
            found = [i for i in issues if i["state"] == wanted_state and (wanted_label is None or wanted_label in i["labels"])]
            print(json.dumps([{field: issue[field] for field in fields} for issue in found]))
        case ["label", "create"]:
            if args[2] not in state["labels"]:
                state["labels"].append(args[2])
        case ["issue", "create"]:
            label = option(args, "--label")
            if label not in state["labels"]:
                print(f"could not add label: '{label}' not found", file=sys.stderr)
                return 1
            number = max((i["number"] for i in issues), default=0) + 1
            issues.append({"number": number, "title": option(args, "--title"), "body": stdin, "labels": [label], "state": "open"})
            print(f"https://github.com/example/site/issues/{number}")
        case ["issue", "edit"]:
            issue = next(i for i in issues if i["number"] == int(args[2]))
            issue["title"] = option(args, "--title") or issue["title"]
            issue["body"] = stdin if stdin is not None else issue["body"]
        case ["issue", "close"]:
            issue = next(i for i in issues if i["number"] == int(args[2]))
            issue["state"] = "closed"
        case _:
            print(f"fake gh does not know: {args}", file=sys.stderr)
            return 2
    state_file.write_text(json.dumps(state))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
