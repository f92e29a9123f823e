"""Close-match hints for mistyped ids and filter values."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def unknown(kind: str, value: object, known: Iterable[str]) -> str:
    options = sorted(known)
    close = difflib.get_close_matches(str(value), options, n=3)
    hint = f"did you mean {' or '.join(repr(c) for c in close)}? " if close else ""
    return f"unknown {kind} {value!r}; {hint}known: {', '.join(options)}"
