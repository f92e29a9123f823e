"""Search that understands officers: expansions (abbreviations, synonyms), per-page weights and keywords.

Pure Python over plain data: the build hands in the glossary, the synonyms and the pages; these modules
return the term map and enrich Material's index entries. The browser side is assets/javascripts/workers/
playbooks-search.js, which reads the term map the build writes at its top and rewrites each query.
"""
