"""Search that understands officers: expansions (abbreviations, synonyms), per-page weights and keywords.

Pure Python over plain data: the build hands in the glossary, the synonyms and the pages; these modules
return the term map and the enriched search index. The browser side is assets/javascripts/workers/
playbooks-search.js, which reads the term map from the index and rewrites each query.
"""
