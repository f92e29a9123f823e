"""The `playbooks` plugin's options (mkdocs.yml `plugins: - playbooks: {...}`). Every option is optional.

Switches that differ between builds of the same site are environment variables, read by every command:
- PLAYBOOKS_EDITION=public|internal (default public): which edition to build.
- PLAYBOOKS_OFFLINE=true: the offline edition, a folder that works opened from disk.
- PLAYBOOKS_TODAY=YYYY-MM-DD: pin "today" for review dates (tests, reproducible builds).
- PLAYBOOKS_EDITOR_API=http://127.0.0.1:PORT/api/v1: the editor saves to that local server instead of the
  repository's host (set by `playbooks edit`, which serves it; never set it for a published build).
"""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class EditorConfig(Config):  # type: ignore[no-untyped-call]
    """`editor:` — the form editor at /admin/ (Decap CMS). Where it saves is found from the site's git remote
    (`origin`), else from repo_url; set `backend` and `repo` to choose. Every change is a pull request
    (merge request) for review unless `decap: {publish_mode: simple}` says otherwise."""

    enabled = c.Type(bool, default=True)
    """Write the editor into the site (admin/). Off: no admin/ and none of its files."""

    backend = c.Optional(c.Choice(("github", "gitlab")))
    """The repository's host: github (github.com or GitHub Enterprise) or gitlab (gitlab.com or your own)."""

    repo = c.Optional(c.Type(str))
    """owner/name on that host (GitLab: group/subgroup/name)."""

    branch = c.Optional(c.Type(str))
    """The branch the site is published from (default: the one in edit_uri, else main)."""

    base_url = c.Optional(c.Type(str))
    """GitHub: the address of the department's sign-in server (`playbooks oauth-server`). GitLab: its own server's address."""

    auth_endpoint = c.Optional(c.Type(str))
    """The sign-in path on base_url (Decap's default: auth; GitLab: oauth/authorize)."""

    app_id = c.Optional(c.Type(str))
    """GitLab: the Application ID of the OAuth application (sign-in with PKCE, no server needed)."""

    api_root = c.Optional(c.Type(str))
    """The host's API when it is the department's own server (such as https://gitlab.example.gov/api/v4)."""

    decap = c.Type(dict, default={})
    """Other Decap CMS settings, written into admin/config.yml as they are (such as `publish_mode: simple`)."""


class PlaybooksConfig(Config):  # type: ignore[no-untyped-call]  # MkDocs types its options, not this hook
    enabled = c.Type(bool, default=True)
    """Switch the whole engine off (a plain Material build of the same pages; macros calls then fail)."""

    data_dir = c.Type(str, default="data")
    """The folder of data files (department.yml, partners.yml, checklists/, glossary.yml), relative to mkdocs.yml.
    Keep it outside docs/, so raw YAML is never published."""

    internal_label = c.Type(str, default="staff edition")
    """Added to site_name in the internal edition, as "Engagement Playbooks (staff edition)"."""

    feed = c.Type(bool, default=True)
    """Write feed.xml, an Atom feed of the blog's posts, when Material's blog plugin is listed."""

    editor = c.SubConfig(EditorConfig)
    """The form editor for trainers at /admin/ (see EditorConfig)."""
