"""The MkDocs (and ProperDocs) adapter: the `playbooks` plugin's events, the mkdocs-macros binding, the page
parts, and one adapter per other plugin's internals (each checked by tests/site/test_engine_contracts.py)."""
