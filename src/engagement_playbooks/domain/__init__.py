"""Facts about the site worked out from its data and its git repository: no rendering, no macros, no host."""
