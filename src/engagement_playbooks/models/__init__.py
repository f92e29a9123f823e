"""Data models: the shape of every YAML file in data/, with the rules trainers must follow."""
