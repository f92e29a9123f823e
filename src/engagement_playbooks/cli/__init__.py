"""The `playbooks` command."""
