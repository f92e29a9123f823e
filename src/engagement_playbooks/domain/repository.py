"""Where the site's repository lives (GitHub, GitLab or another host): the one place that tells them apart.

From `repo_url` (mkdocs.yml) or a git remote (`https://github.com/o/r.git`, `git@gitlab.example.gov:g/s/r.git`),
it gives the addresses the site links to (a file's history, a new issue) and the editor's backend.
GitLab is any host with "gitlab" in its name (gitlab.com or a department's own server).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal
from urllib.parse import urlsplit

Kind = Literal["github", "gitlab"]

# git@host:owner/name(.git) and ssh://git@host(:port)/owner/name(.git)
_SCP = re.compile(r"^[\w.-]+@(?P<host>[\w.-]+):(?P<path>[^/].*)$")

ISSUE_PATHS: dict[Kind, str] = {
    "github": "/issues/new?title={title}&body={body}",
    "gitlab": "/-/issues/new?issue[title]={title}&issue[description]={body}",
}
HISTORY_PATHS: dict[Kind, str] = {"github": "/commits/{branch}/{path}", "gitlab": "/-/commits/{branch}/{path}"}
EDIT_PATHS: dict[Kind, str] = {"github": "edit/{branch}/docs/", "gitlab": "-/edit/{branch}/docs/"}


@dataclass(frozen=True)
class Repository:
    """A repository on a known host: its kind, its web address and its path there (owner/name, or group/subgroup/name)."""

    kind: Kind
    host: str  # such as github.com or gitlab.example.gov
    path: str
    branch: str = "main"

    @property
    def web_url(self) -> str:
        return f"https://{self.host}/{self.path}"

    @property
    def self_hosted(self) -> bool:
        return self.host not in ("github.com", "gitlab.com")

    def history_url(self, docs_path: str) -> str:
        return self.web_url + HISTORY_PATHS[self.kind].format(branch=self.branch, path=docs_path)

    def issue_template(self) -> str:
        """The new-issue address, with {title} and {body} where the prefilled text goes."""
        return self.web_url + ISSUE_PATHS[self.kind]

    def edit_uri(self) -> str:
        return EDIT_PATHS[self.kind].format(branch=self.branch)


def kind_of(host: str) -> Kind | None:
    host = host.lower()
    if host == "github.com":
        return "github"
    if "gitlab" in host:
        return "gitlab"
    return None


def repository(url: str | None, edit_uri: str | None = None) -> Repository | None:
    """The repository at `url` (a web address or a git remote), on the branch that `edit_uri` names; None if unknown."""
    if not url:
        return None
    url = url.strip()
    scp = _SCP.match(url)
    if scp and "://" not in url:
        host, path = scp["host"], scp["path"]
    else:
        parts = urlsplit(url)
        if parts.scheme not in ("https", "http", "ssh", "git"):
            return None
        host, path = parts.hostname or "", parts.path
    path = path.strip("/").removesuffix(".git").rstrip("/")
    kind = kind_of(host)
    if kind is None or path.count("/") < 1:
        return None
    return Repository(kind, host.lower(), path, branch_of(edit_uri))


def branch_of(edit_uri: str | None) -> str:
    """The branch in edit_uri (edit/main/docs/, blob/main/docs/, -/edit/main/docs/), else main."""
    parts = [part for part in (edit_uri or "").split("/") if part and part != "-"]
    return parts[1] if len(parts) >= 2 and parts[0] in {"edit", "blob", "tree"} else "main"


def history_url(repo_url: str | None, edit_uri: str | None, docs_path: str, configured: object = None) -> str | None:
    """Where the host shows a file's full history: extra.history_url (with {path}) or GitHub/GitLab from repo_url."""
    if configured is False:
        return None
    if isinstance(configured, str) and configured:
        return configured.replace("{path}", docs_path)
    found = repository(repo_url, edit_uri)
    return found.history_url(docs_path) if found else None
