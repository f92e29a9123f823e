"""Reports for page owners: reviews due and stale partner entries, and the issues that remind them."""
