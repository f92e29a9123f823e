"""HTML from autoescaping templates, inline Markdown from data, and links between pages."""
