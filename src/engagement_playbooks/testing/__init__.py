"""Helpers for a site's tests and benchmarks: a static server for built sites."""
