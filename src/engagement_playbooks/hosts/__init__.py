"""Host adapters: everything that knows the site generator the engine runs in. Only this package imports
one (import-linter's `forbidden` contract in pyproject.toml); `mkdocs` serves MkDocs and ProperDocs alike."""
