"""Reading trainers' files, one reader per kind of file: data YAML with line numbers, page front matter,
the pages under docs/, awesome-nav's .nav.yml, the git log and remote. The lowest layer: it imports no
other part of the engine, and its `Problem` is the type every check reports with."""
