"""The department's own GitHub sign-in server for the editor (Decap CMS), as a WSGI app. Standard library only.

Decap's GitHub backend signs in through an OAuth "authorizer": it opens a popup at
`<backend.base_url>/<backend.auth_endpoint>?provider=github&site_id=<host>&scope=repo`, and waits for
the popup to post it the token (decap-cms-lib-auth's netlify-auth.js). This app is that authorizer,
so no third-party service sits between the department's trainers and GitHub:

    GET /auth      checks the request, signs a short-lived `state` (also kept in a cookie), and
                   redirects to GitHub's authorize page.
    GET /callback  GitHub comes back here with `code` and `state`. The state is checked (signature,
                   age, cookie, single use); the code is exchanged for a token at GitHub's token
                   endpoint with the client secret, server to server; the answer is a page whose
                   script hands the token to the editor window that opened the popup: it posts
                   `authorizing:github` to its opener, and once the opener echoes it, posts
                   `authorization:github:success:{"token": ..., "provider": "github"}` (or
                   `authorization:github:error:{"message": ...}`) to that opener's origin, and only
                   if that origin is one of the allowed ones. Never to "*".
    GET /          "ok", for a load balancer's health check.

Settings come from the environment (`settings_from_environment`; `playbooks oauth-server --help`):

    PLAYBOOKS_OAUTH_CLIENT_ID        the GitHub OAuth app's client id
    PLAYBOOKS_OAUTH_CLIENT_SECRET    its client secret (or PLAYBOOKS_OAUTH_CLIENT_SECRET_FILE: a file holding it)
    PLAYBOOKS_OAUTH_PUBLIC_URL       this server's address as browsers see it, such as https://auth.example.gov
    PLAYBOOKS_OAUTH_ALLOWED_ORIGINS  the editor page's origin(s), such as https://playbooks.example.gov
                                     (several: separated by commas or spaces)
    PLAYBOOKS_OAUTH_GITHUB_URL       optional: GitHub Enterprise Server's address (default https://github.com)

The client secret goes only to GitHub's token endpoint: it is never logged, never put in a page, and
never part of an error message. Every page is built from escaped text and JSON (`_page`), and is
served with a Content-Security-Policy that allows only its own script and style, and `no-store`.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import html
import http.client
import json
import logging
import os
import secrets
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from http.cookies import CookieError, SimpleCookie
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from wsgiref.types import StartResponse, WSGIEnvironment

LOG = logging.getLogger(__name__)

ENV = "PLAYBOOKS_OAUTH_"
PROVIDER = "github"
# The scopes Decap asks for: `repo`, or `public_repo` with open authoring. Anything else is refused, so
# a crafted link cannot ask trainers to grant more (admin:org, delete_repo) in the department's name.
SCOPES = frozenset({"repo", "public_repo"})
STATE_SECONDS = 600  # time for a trainer to sign in to GitHub (and type a 2FA code) before the state expires
TOKEN_TIMEOUT_SECONDS = 10.0
HANDSHAKE_WAIT_MS = 10_000  # how long the popup waits for its opener's echo before saying it was not the editor
# Decap sends this site_id when the editor runs on localhost (AuthenticationPage.js, netlify-auth.js).
DECAP_LOCALHOST_SITE_ID = "demo.decapcms.org"
LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})
ADMIN_HELP = "Close this window and try again. If it keeps happening, tell your site's admin: "


class SettingsError(ValueError):
    """The environment does not describe a usable server; `problems` lists every mistake at once."""

    def __init__(self, problems: Sequence[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = tuple(problems)


@dataclass(frozen=True)
class Settings:
    client_id: str
    client_secret: str = field(repr=False)  # repr=False: a settings object printed in a traceback shows no secret
    public_url: str = ""  # no trailing slash: https://auth.example.gov or https://example.gov/oauth
    allowed_origins: tuple[str, ...] = ()  # normalized as browsers write MessageEvent.origin
    github_url: str = "https://github.com"  # no trailing slash

    @property
    def redirect_uri(self) -> str:
        return f"{self.public_url}/callback"

    @property
    def authorize_url(self) -> str:
        return f"{self.github_url}/login/oauth/authorize"

    @property
    def token_url(self) -> str:
        return f"{self.github_url}/login/oauth/access_token"

    @property
    def base_path(self) -> str:
        """The public URL's path ("" at the root of its host): the routes live under it."""
        return urllib.parse.urlsplit(self.public_url).path.rstrip("/")

    @property
    def secure(self) -> bool:
        return self.public_url.startswith("https://")


def decap_backend(settings: Settings) -> dict[str, str]:
    """The `backend` keys the editor's Decap config needs to sign in here.

    Decap compares the popup's MessageEvent.origin with base_url as written, so base_url must be the bare
    origin (no path, no trailing slash, no default port); a path prefix goes into auth_endpoint."""
    return {"base_url": _origin_of(settings.public_url), "auth_endpoint": f"{settings.base_path}/auth".lstrip("/")}


# Settings ------------------------------------------------------------------------------------------------


def settings_from_environment(environ: Mapping[str, str] | None = None) -> Settings:
    """Settings from PLAYBOOKS_OAUTH_* variables; raises SettingsError naming every variable that is wrong."""
    env = os.environ if environ is None else environ
    problems: list[str] = []
    client_id = env.get(f"{ENV}CLIENT_ID", "").strip()
    if not client_id:
        problems.append(f"{ENV}CLIENT_ID is not set (the GitHub OAuth app's client id)")
    secret = _client_secret(env, problems)
    public_url = env.get(f"{ENV}PUBLIC_URL", "").strip()
    if not public_url:
        problems.append(f"{ENV}PUBLIC_URL is not set (this server's address as browsers see it, such as https://auth.example.gov)")
    public_url = public_url and _checked(problems, f"{ENV}PUBLIC_URL", public_url, _base_url)
    github_url = _checked(problems, f"{ENV}GITHUB_URL", env.get(f"{ENV}GITHUB_URL") or "https://github.com", _base_url)
    origins = _allowed_origins(env.get(f"{ENV}ALLOWED_ORIGINS", ""), problems)
    if problems:
        raise SettingsError(problems)
    return Settings(client_id, secret, public_url, origins, github_url)


def _client_secret(env: Mapping[str, str], problems: list[str]) -> str:
    """The secret from its variable, or from the file named by ..._FILE (Docker and systemd credentials)."""
    secret = env.get(f"{ENV}CLIENT_SECRET", "").strip()
    path = env.get(f"{ENV}CLIENT_SECRET_FILE", "").strip()
    if not secret and path:
        try:
            with open(path, encoding="utf-8") as file:
                secret = file.read().strip()
        except OSError as error:
            problems.append(f"{ENV}CLIENT_SECRET_FILE: cannot read {path} ({error.strerror})")
            return ""
    if not secret:
        problems.append(f"{ENV}CLIENT_SECRET (or {ENV}CLIENT_SECRET_FILE) is not set (the GitHub OAuth app's client secret)")
    return secret


def _checked(problems: list[str], name: str, value: str, check: Callable[[str], str]) -> str:
    try:
        return check(value.strip())
    except ValueError as error:
        problems.append(f"{name}: {error}")
        return ""


def _allowed_origins(value: str, problems: list[str]) -> tuple[str, ...]:
    found: list[str] = []
    for item in value.replace(",", " ").split():
        origin = _checked(problems, f"{ENV}ALLOWED_ORIGINS", item, normalize_origin)
        if origin and origin not in found:
            found.append(origin)
    if not value.strip():
        problems.append(f"{ENV}ALLOWED_ORIGINS is not set (the editor page's origin, such as https://playbooks.example.gov)")
    return tuple(found)


def _base_url(value: str) -> str:
    """An http(s) address without query or fragment, trailing slash removed; https unless on this machine."""
    parts = urllib.parse.urlsplit(value)
    _check_server(parts, value)
    if parts.query or parts.fragment:
        raise ValueError(f"{value!r} must not have a query or fragment")
    return _origin_of(value) + parts.path.rstrip("/")


def normalize_origin(value: str) -> str:
    """An origin as browsers write MessageEvent.origin: lower case, no default port, no path.

    "*" and "null" are refused: a token posted to either would reach any page."""
    if value in ("*", "null"):
        raise ValueError(f"{value!r} is refused: a token posted there would reach any page; list the editor's origins")
    parts = urllib.parse.urlsplit(value)
    _check_server(parts, value)
    if parts.path not in ("", "/") or parts.query or parts.fragment:
        raise ValueError(f"{value!r} is not an origin: write only scheme://host[:port], such as https://playbooks.example.gov")
    return _origin_of(value)


def _check_server(parts: urllib.parse.SplitResult, value: str) -> None:
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.username or parts.password:
        raise ValueError(f"{value!r} is not an http(s) address such as https://playbooks.example.gov")
    try:
        parts.port  # noqa: B018 (urllib checks the port only when asked)
    except ValueError as error:
        raise ValueError(f"{value!r} has a bad port") from error
    # Tokens and codes must not cross the network in the clear; plain http only for trying it on one machine.
    if parts.scheme == "http" and parts.hostname not in LOOPBACK:
        raise ValueError(f"{value!r} must use https:// (http:// is only for 127.0.0.1 and localhost)")


def _origin_of(url: str) -> str:
    parts = urllib.parse.urlsplit(url)
    host = parts.hostname or ""
    host = f"[{host}]" if ":" in host else host
    port = parts.port
    default = {"http": 80, "https": 443}[parts.scheme]
    return f"{parts.scheme}://{host}" + (f":{port}" if port and port != default else "")


def origins_for_site(allowed: Sequence[str], site_id: str) -> tuple[str, ...]:
    """The allowed origins on the host Decap names in site_id: its page's host name without the port (or
    backend.site_domain when the Decap config sets one), and demo.decapcms.org for a page on localhost."""
    host = "localhost" if site_id == DECAP_LOCALHOST_SITE_ID else site_id.lower()
    return tuple(origin for origin in allowed if urllib.parse.urlsplit(origin).hostname == host)


# State ---------------------------------------------------------------------------------------------------


class StateError(Exception):
    """The state GitHub brought back cannot be trusted; the message says why, for the admin."""


@dataclass(frozen=True)
class Pending:
    """What /auth bound to a sign-in, read back from its state at /callback."""

    nonce: str
    origins: tuple[str, ...]  # where the token may be posted


class States:
    """Signed, short-lived, single-use states.

    A state is base64url(JSON).base64url(HMAC-SHA256). Signed rather than stored, so several worker
    processes (or a restart) accept each other's states; its nonce is also set in a cookie on the
    trainer's browser, so a state only completes the sign-in it started, in the browser that started it
    (no login CSRF), and the cookie is cleared when it is used. The nonces used are also remembered by
    this process until they expire, so a state cannot be replayed here even with its cookie."""

    def __init__(self, key: bytes, seconds: int = STATE_SECONDS, clock: Callable[[], float] = time.time) -> None:
        self._key = key
        self._seconds = seconds
        self._clock = clock
        self._used: dict[str, float] = {}  # nonce -> when it expires
        self._lock = threading.Lock()

    def issue(self, origins: Sequence[str]) -> tuple[str, str]:
        """A new state and its nonce (for the cookie)."""
        nonce = secrets.token_urlsafe(24)
        payload = {"n": nonce, "e": int(self._clock()) + self._seconds, "o": list(origins)}
        body = _b64(json.dumps(payload, separators=(",", ":")).encode())
        return f"{body}.{self._sign(body)}", nonce

    def redeem(self, state: str | None, cookie_nonce: str | None) -> Pending:
        """The sign-in this state started; raises StateError if it is missing, forged, old, used or not this browser's."""
        if not state:
            raise StateError("GitHub's answer had no state")
        pending, expires = _pending(self._verified(state))
        if self._clock() > expires:
            raise StateError(f"the sign-in took longer than {self._seconds // 60} minutes")
        if cookie_nonce is None or not _same(pending.nonce, cookie_nonce):
            raise StateError("the sign-in was started in another browser or window (its cookie does not match)")
        self._use(pending.nonce, expires)
        return pending

    def _verified(self, state: str) -> dict[str, object]:
        body, _, signature = state.partition(".")
        if not _same(self._sign(body), signature):
            raise StateError("the state's signature does not match (it was changed, or made by another server)")
        try:
            payload = json.loads(_unb64(body))
        except ValueError as error:
            raise StateError("the state is malformed") from error
        if not isinstance(payload, dict):
            raise StateError("the state is malformed")
        return payload

    def _use(self, nonce: str, expires: int) -> None:
        with self._lock:
            now = self._clock()
            self._used = {n: e for n, e in self._used.items() if e >= now}  # forget what has expired anyway
            if nonce in self._used:
                raise StateError("this sign-in was already used")
            self._used[nonce] = expires

    def _sign(self, body: str) -> str:
        return _b64(hmac.new(self._key, body.encode(), hashlib.sha256).digest())


def _pending(payload: dict[str, object]) -> tuple[Pending, int]:
    """A verified payload's sign-in and expiry. Only this server signs payloads, so a wrong shape is a bug
    or an old format, refused all the same."""
    nonce, expires, origins = (payload.get(key) for key in ("n", "e", "o"))
    if not (isinstance(nonce, str) and isinstance(expires, int) and isinstance(origins, list)):
        raise StateError("the state is malformed")
    if not all(isinstance(origin, str) for origin in origins):
        raise StateError("the state is malformed")
    return Pending(nonce, tuple(origins)), expires


def _same(known: str, given: str) -> bool:
    """Constant-time comparison; as bytes, since compare_digest refuses str with non-ASCII characters."""
    return hmac.compare_digest(known.encode(), given.encode())


def state_key(client_secret: str) -> bytes:
    """The signing key, derived from the client secret: every process of one deployment agrees on it, and
    a new secret (after a leak) also voids every state signed with the old one."""
    return hmac.new(client_secret.encode(), b"engagement-playbooks github oauth state v1", hashlib.sha256).digest()


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


# The token exchange --------------------------------------------------------------------------------------


class TokenError(Exception):
    """GitHub gave no token for the code; the message is for the admin and never holds the secret."""


def exchange_code(settings: Settings, code: str, timeout: float = TOKEN_TIMEOUT_SECONDS) -> str:
    """The access token GitHub gives for `code` (POST to its token endpoint, asking for JSON)."""
    form = {"client_id": settings.client_id, "client_secret": settings.client_secret, "code": code, "redirect_uri": settings.redirect_uri}
    headers = {
        "Accept": "application/json",  # else GitHub answers form-encoded
        "Content-Type": "application/x-www-form-urlencoded",
        "User-Agent": "engagement-playbooks-oauth",
    }
    request = urllib.request.Request(settings.token_url, data=urllib.parse.urlencode(form).encode(), headers=headers, method="POST")
    return _token_of(_post(request, timeout))


def _post(request: urllib.request.Request, timeout: float) -> object:
    # Messages name the endpoint and what went wrong, never the request body (it holds the secret).
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            answer: object = json.loads(response.read(65536))
            return answer
    except urllib.error.HTTPError as error:
        raise TokenError(f"GitHub's token endpoint {request.full_url} answered HTTP {error.code}") from None
    except (OSError, http.client.HTTPException) as error:  # URLError is an OSError
        reason = getattr(error, "reason", error)
        raise TokenError(f"could not reach GitHub's token endpoint {request.full_url} ({reason})") from None
    except ValueError:
        raise TokenError(f"GitHub's token endpoint {request.full_url} did not answer JSON") from None


def _token_of(payload: object) -> str:
    if not isinstance(payload, dict):
        raise TokenError("GitHub's token endpoint answered something other than a JSON object")
    if "error" in payload:
        # bad_verification_code (expired or used code), incorrect_client_credentials, redirect_uri_mismatch...
        description = payload.get("error_description") or ""
        raise TokenError(f"GitHub refused the sign-in: {payload['error']}" + (f" ({description})" if description else ""))
    token = payload.get("access_token")
    if not isinstance(token, str) or not token:
        raise TokenError("GitHub's token endpoint answered without an access_token")
    return token


# Pages ---------------------------------------------------------------------------------------------------

# The popup's side of Decap's handshake. It announces itself to its opener at each origin the sign-in may
# go to (postMessage drops a message whose target origin is not the opener's), and posts the outcome
# only to the opener, only at an allowed origin, and only once that opener has echoed the announcement,
# which Decap does when the announcement came from its base_url. Static, so the CSP allows it by hash.
_SCRIPT = """
(function () {
  "use strict";
  var block = document.getElementById("outcome");
  var data = JSON.parse(block.textContent);
  block.parentNode.removeChild(block);
  var opener = window.opener;
  var announce = "authorizing:" + data.provider;
  function stranded() {
    var note = document.getElementById("stranded");
    if (!note) { return; }
    document.getElementById("working").hidden = true;
    note.hidden = false;
  }
  if (!opener || opener.closed) { stranded(); return; }
  var waiting = setTimeout(stranded, data.wait);
  function answer(event) {
    if (event.source !== opener || data.origins.indexOf(event.origin) === -1 || event.data !== announce) { return; }
    window.removeEventListener("message", answer);
    clearTimeout(waiting);
    opener.postMessage(data.message, event.origin);
  }
  window.addEventListener("message", answer);
  data.origins.forEach(function (origin) { opener.postMessage(announce, origin); });
})();
"""
_STYLE = "body{font:1.1rem/1.5 system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;color:#1b1b1b}h1{font-size:1.4rem}"


def _csp_hash(source: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode()).digest()).decode() + "'"


CSP = (
    f"default-src 'none'; script-src {_csp_hash(_SCRIPT)}; style-src {_csp_hash(_STYLE)}; "
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS = (
    ("Content-Security-Policy", CSP),
    ("Cache-Control", "no-store"),  # the token page must never be kept by a browser or a proxy
    ("Referrer-Policy", "no-referrer"),  # the callback's address holds the code
    ("X-Content-Type-Options", "nosniff"),
)


def script_json(value: object) -> str:
    """JSON safe inside <script>: <, > and & escaped, so no value can close the element or open a comment."""
    text = json.dumps(value, ensure_ascii=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


@dataclass(frozen=True)
class Outcome:
    """What the popup tells its opener: a token, or an error in a trainer's words (with a hint for the admin)."""

    token: str | None = None
    reason: str = ""  # "the address was changed." completes "Sign-in did not finish: ..."
    admin: str = ""  # what the admin needs to know to fix it

    def message(self) -> str:
        """The string Decap's authorizeCallback parses: authorization:github:(success|error):JSON."""
        if self.token is not None:
            return f"authorization:{PROVIDER}:success:" + json.dumps({"token": self.token, "provider": PROVIDER})
        text = f"Sign-in did not finish: {self.reason} Try again. If it keeps happening, tell your site's admin: {self.admin}"
        return f"authorization:{PROVIDER}:error:" + json.dumps({"message": text})


def handshake_page(outcome: Outcome, origins: Sequence[str], wait_ms: int = HANDSHAKE_WAIT_MS) -> bytes:
    """The /callback page (and /auth's refusals): what the trainer reads, and the script that tells the editor."""
    data = {"provider": PROVIDER, "origins": list(origins), "message": outcome.message(), "wait": wait_ms}
    if outcome.token is None:  # the error stays on screen whoever opened the window
        title, body = "Sign-in did not finish", f'<div id="working">{_paragraphs(_error_lines(outcome.reason, outcome.admin))}</div>'
    else:  # shown until the editor closes the window, replaced if no editor answers
        stranded = _error_lines(
            "this window was not opened by your site's editor, or the editor was closed.",
            "the editor's address must be one of PLAYBOOKS_OAUTH_ALLOWED_ORIGINS (" + ", ".join(origins) + ").",
        )
        title = "Signed in"
        body = f'<div id="working">{_paragraphs(["You are signed in to GitHub. This window closes by itself."])}</div>'
        body += f'<div id="stranded" hidden>{_paragraphs(stranded)}</div>'
    body += f'<script type="application/json" id="outcome">{script_json(data)}</script><script>{_SCRIPT}</script>'
    return _page(title, body)


def error_page(reason: str, admin: str) -> bytes:
    """A page without script, for what no editor waits on (an unknown address)."""
    return _page("Sign-in did not finish", _paragraphs(_error_lines(reason, admin)))


def _error_lines(reason: str, admin: str) -> list[str]:
    return [f"Sign-in did not finish: {reason}", ADMIN_HELP + admin]


def _paragraphs(lines: Iterable[str]) -> str:
    return "".join(f"<p>{html.escape(line)}</p>" for line in lines)


def _page(title: str, body_html: str) -> bytes:
    """The one HTML shell; its callers pass only escaped text (_paragraphs) and script_json."""
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">'
        f"<title>{html.escape(title)}</title><style>{_STYLE}</style></head>"
        f"<body><h1>{html.escape(title)}</h1>{body_html}</body></html>"
    ).encode()


# The app -------------------------------------------------------------------------------------------------


@dataclass
class Reply:
    status: str
    body: bytes = b""
    headers: list[tuple[str, str]] = field(default_factory=list)


def _html(status: str, body: bytes, *extra: tuple[str, str]) -> Reply:
    return Reply(status, body, [("Content-Type", "text/html; charset=utf-8"), *SECURITY_HEADERS, *extra])


Exchange = Callable[[Settings, str], str]


class OAuthApp:
    """The WSGI app. `exchange` and `clock` are there for tests; `wait_ms` is how long the popup waits for its opener."""

    def __init__(
        self,
        settings: Settings,
        exchange: Exchange = exchange_code,
        clock: Callable[[], float] = time.time,
        wait_ms: int = HANDSHAKE_WAIT_MS,
    ) -> None:
        self.settings = settings
        self.states = States(state_key(settings.client_secret), clock=clock)
        self._exchange = exchange
        self._wait_ms = wait_ms
        # __Host- makes browsers refuse the cookie unless it is Secure, for / and this host only.
        self.cookie_name = "__Host-playbooks-oauth" if settings.secure else "playbooks-oauth"

    def __call__(self, environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        reply = self.reply(environ)
        headers = [*reply.headers, ("Content-Length", str(len(reply.body)))]
        start_response(reply.status, headers)
        return [b""] if environ.get("REQUEST_METHOD") == "HEAD" else [reply.body]

    def reply(self, environ: WSGIEnvironment) -> Reply:
        if environ.get("REQUEST_METHOD", "GET") not in ("GET", "HEAD"):
            return Reply("405 Method Not Allowed", b"", [("Allow", "GET, HEAD"), *SECURITY_HEADERS])
        query = urllib.parse.parse_qs(environ.get("QUERY_STRING", ""), keep_blank_values=True)
        route = self._route(environ.get("PATH_INFO", ""))
        if route == "/auth":
            return self.start(query)
        if route == "/callback":
            return self.finish(query, _cookie(environ, self.cookie_name))
        if route == "/":
            return Reply("200 OK", b"ok\n", [("Content-Type", "text/plain; charset=utf-8"), *SECURITY_HEADERS])
        page = error_page("this address is not part of the sign-in server.", f"no page at {route}; the editor uses /auth.")
        return _html("404 Not Found", page)

    def _route(self, path: str) -> str:
        """The path under the public URL's path, whether or not a reverse proxy strips that prefix."""
        prefix = self.settings.base_path
        if prefix and (path == prefix or path.startswith(prefix + "/")):
            path = path[len(prefix) :]
        return path.rstrip("/") or "/"

    def start(self, query: Mapping[str, list[str]]) -> Reply:
        """/auth: send the trainer to GitHub, with a state bound to this browser and to the editor's origins."""
        provider, site_id = _one(query, "provider"), _one(query, "site_id")
        scope = _one(query, "scope") or "repo"
        if provider != PROVIDER:
            return self._refuse("this sign-in server signs in to GitHub only.", f"the editor asked for provider {provider!r}.")
        if scope not in SCOPES:
            return self._refuse("the editor asked for more than it needs.", f"scope {scope!r} is not one of {', '.join(sorted(SCOPES))}.")
        origins = origins_for_site(self.settings.allowed_origins, site_id or "")
        if not origins:
            admin = f"site {site_id!r} is not the host of any of PLAYBOOKS_OAUTH_ALLOWED_ORIGINS."
            return self._refuse("this editor's address is not on the sign-in server's list.", admin, status="403 Forbidden")
        state, nonce = self.states.issue(origins)
        params = {"client_id": self.settings.client_id, "redirect_uri": self.settings.redirect_uri, "scope": scope, "state": state}
        params["allow_signup"] = "false"  # trainers sign in with the accounts the department gave them
        location = f"{self.settings.authorize_url}?{urllib.parse.urlencode(params)}"
        cookie = self._cookie(nonce, STATE_SECONDS)
        return Reply("302 Found", b"", [("Location", location), ("Set-Cookie", cookie), *SECURITY_HEADERS])

    def finish(self, query: Mapping[str, list[str]], cookie_nonce: str | None) -> Reply:
        """/callback: check the state, trade the code for a token, and answer the page that hands it over."""
        clear = ("Set-Cookie", self._cookie("", 0))
        try:
            pending = self.states.redeem(_one(query, "state"), cookie_nonce)
        except StateError as error:
            return self._refuse("the answer from GitHub could not be checked.", f"{error}.", clear)
        github_error = _one(query, "error")
        if github_error is not None:
            return self._denied(github_error, _one(query, "error_description"), pending, clear)
        code = _one(query, "code")
        if not code:
            return self._refuse("GitHub did not send a sign-in code.", "GitHub's answer had no code.", clear, origins=pending.origins)
        try:
            token = self._exchange(self.settings, code)
        except TokenError as error:
            reason = "GitHub did not accept the sign-in."
            return self._refuse(reason, f"{error}.", clear, origins=pending.origins, status="502 Bad Gateway")
        LOG.info("sign-in for %s", ", ".join(pending.origins))
        return _html("200 OK", handshake_page(Outcome(token=token), pending.origins, self._wait_ms), clear)

    def _denied(self, error: str, description: str | None, pending: Pending, clear: tuple[str, str]) -> Reply:
        if error == "access_denied":  # the trainer chose Cancel on GitHub's page
            reason, admin = "you did not allow the editor to use your GitHub account.", "the trainer cancelled on GitHub."
        else:
            reason, admin = "GitHub stopped the sign-in.", f"GitHub answered {error}" + (f" ({description})." if description else ".")
        return self._refuse(reason, admin, clear, origins=pending.origins)

    def _refuse(
        self,
        reason: str,
        admin: str,
        *extra: tuple[str, str],
        origins: Sequence[str] | None = None,
        status: str = "400 Bad Request",
    ) -> Reply:
        """An error page that also tells the editor (so Decap shows it). Without a checked state, the error
        may go to any allowed origin: it says nothing an attacker could use."""
        LOG.warning("sign-in refused: %s", _printable(admin))
        page = handshake_page(Outcome(reason=reason, admin=admin), origins or self.settings.allowed_origins, self._wait_ms)
        return _html(status, page, *extra)

    def _cookie(self, value: str, max_age: int) -> str:
        # SameSite=Lax: sent on GitHub's top-level redirect back to /callback, not on cross-site subrequests.
        secure = "; Secure" if self.settings.secure else ""
        return f"{self.cookie_name}={value}; Max-Age={max_age}; Path=/; HttpOnly; SameSite=Lax{secure}"


def _printable(text: str) -> str:
    """Text from the request, fit for one log line (no forged lines from a crafted address)."""
    return "".join(char if char.isprintable() else "?" for char in text)


def _one(query: Mapping[str, list[str]], name: str) -> str | None:
    """The parameter's value, or None if it is missing or repeated (a repeated one is ambiguous: refuse it)."""
    values = query.get(name, [])
    return values[0] if len(values) == 1 else None


def _cookie(environ: WSGIEnvironment, name: str) -> str | None:
    try:
        morsel = SimpleCookie(environ.get("HTTP_COOKIE", "")).get(name)
    except CookieError:
        return None
    return morsel.value if morsel is not None and morsel.value else None


def app_from_environment(environ: Mapping[str, str] | None = None) -> OAuthApp:
    """The app configured from PLAYBOOKS_OAUTH_* variables, for WSGI servers:
    `gunicorn 'engagement_playbooks.editor.github_oauth:app_from_environment()'`."""
    return OAuthApp(settings_from_environment(environ))
