"""MkDocs adapters: the `playbooks` plugin and the adapters for other plugins' internals."""
