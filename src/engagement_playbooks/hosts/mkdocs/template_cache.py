"""Compiled theme templates kept in memory between the preview's rebuilds.

MkDocs makes a new Jinja environment for every build, so each save would compile Material's templates
again (about 0.9 s here). Jinja's bytecode cache is keyed by template name and source checksum, so a
changed template is compiled afresh.
"""

from __future__ import annotations

import jinja2


class MemoryBytecodeCache(jinja2.BytecodeCache):
    def __init__(self) -> None:
        self.store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.store:
            bucket.bytecode_from_string(self.store[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.store[bucket.key] = bucket.bytecode_to_string()
