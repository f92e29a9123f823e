"""Reading trainers' files: data YAML with line numbers, page front matter, and the checked catalog."""
