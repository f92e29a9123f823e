"""Command-line helpers run from the repository root, as `python -m scripts.<name>`."""
