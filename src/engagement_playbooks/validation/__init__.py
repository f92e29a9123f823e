"""Problems in trainers' files, found all at once and reported with file, line, field and value."""
