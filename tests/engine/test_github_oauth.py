"""The editor's GitHub sign-in server (editor/github_oauth.py, `playbooks oauth-server`).

Unit tests call the WSGI app directly with a fake token exchange; one Chromium test runs the real
handshake of Decap's netlify-auth.js against the CLI's server and a stand-in GitHub, all on 127.0.0.1.
Nothing here talks to github.com.
"""

from __future__ import annotations

import base64
import hashlib
import html
import http.server
import json
import logging
import re
import socket
import threading
import urllib.parse
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from wsgiref.util import setup_testing_defaults

import pytest

from engagement_playbooks.cli import main as cli_main
from engagement_playbooks.cli import oauth_server
from engagement_playbooks.editor import github_oauth as oauth
from engagement_playbooks.editor.github_oauth import OAuthApp, Settings, SettingsError, StateError, States

SECRET = "s3cret-client-secret-value"
EDITOR = "https://playbooks.example.gov"
PUBLIC = "https://auth.example.gov"
ENV = {
    "PLAYBOOKS_OAUTH_CLIENT_ID": "Iv1.client",
    "PLAYBOOKS_OAUTH_CLIENT_SECRET": SECRET,
    "PLAYBOOKS_OAUTH_PUBLIC_URL": PUBLIC,
    "PLAYBOOKS_OAUTH_ALLOWED_ORIGINS": EDITOR,
}
SITE = {"provider": "github", "site_id": "playbooks.example.gov", "scope": "repo"}


def settings(**changes: str) -> Settings:
    return oauth.settings_from_environment({**ENV, **changes})


# Settings ------------------------------------------------------------------------------------------------


def test_every_missing_variable_is_named_at_once() -> None:
    with pytest.raises(SettingsError) as caught:
        oauth.settings_from_environment({})
    problems = caught.value.problems
    assert len(problems) == 4
    for name in ("CLIENT_ID", "CLIENT_SECRET", "PUBLIC_URL", "ALLOWED_ORIGINS"):
        assert sum(f"PLAYBOOKS_OAUTH_{name} " in problem for problem in problems) == 1, (name, problems)


@pytest.mark.parametrize("name", ["PLAYBOOKS_OAUTH_PUBLIC_URL", "PLAYBOOKS_OAUTH_ALLOWED_ORIGINS", "PLAYBOOKS_OAUTH_GITHUB_URL"])
def test_plain_http_only_on_this_machine(name: str) -> None:
    with pytest.raises(SettingsError) as caught:
        settings(**{name: "http://example.gov"})
    assert caught.value.problems == (f"{name}: 'http://example.gov' must use https:// (http:// is only for 127.0.0.1 and localhost)",)
    for loopback in ("http://127.0.0.1:8787", "http://localhost:8000", "http://[::1]:9000"):
        settings(**{name: loopback})


def test_secret_from_a_file_and_never_in_repr(tmp_path: Path) -> None:
    file = tmp_path / "secret"
    file.write_text(f"  {SECRET}\n")
    env = {key: value for key, value in ENV.items() if key != "PLAYBOOKS_OAUTH_CLIENT_SECRET"}
    found = oauth.settings_from_environment({**env, "PLAYBOOKS_OAUTH_CLIENT_SECRET_FILE": str(file)})
    assert found.client_secret == SECRET
    assert SECRET not in repr(found)
    with pytest.raises(SettingsError) as caught:
        oauth.settings_from_environment({**env, "PLAYBOOKS_OAUTH_CLIENT_SECRET_FILE": str(tmp_path / "missing")})
    assert caught.value.problems == (f"PLAYBOOKS_OAUTH_CLIENT_SECRET_FILE: cannot read {tmp_path / 'missing'} (No such file or directory)",)


def test_origins_are_normalised_as_browsers_write_them() -> None:
    found = settings(
        PLAYBOOKS_OAUTH_ALLOWED_ORIGINS="https://Playbooks.Example.GOV:443/, http://127.0.0.1:8000  https://playbooks.example.gov"
    )
    assert found.allowed_origins == ("https://playbooks.example.gov", "http://127.0.0.1:8000")


@pytest.mark.parametrize("origin", ["*", "null", "https://playbooks.example.gov/admin/", "ftp://playbooks.example.gov"])
def test_origins_that_are_not_one_origin_are_refused(origin: str) -> None:
    with pytest.raises(SettingsError) as caught:
        settings(PLAYBOOKS_OAUTH_ALLOWED_ORIGINS=f"{EDITOR} {origin}")
    assert [problem.split(":")[0] for problem in caught.value.problems] == ["PLAYBOOKS_OAUTH_ALLOWED_ORIGINS"]
    if origin == "*":
        assert "would reach any page" in caught.value.problems[0]


def test_decap_backend_is_the_bare_origin_and_the_path() -> None:
    assert oauth.decap_backend(settings()) == {"base_url": PUBLIC, "auth_endpoint": "auth"}
    behind = settings(PLAYBOOKS_OAUTH_PUBLIC_URL="https://Example.gov:443/oauth/")
    assert oauth.decap_backend(behind) == {"base_url": "https://example.gov", "auth_endpoint": "oauth/auth"}
    assert behind.redirect_uri == "https://example.gov/oauth/callback"


# States --------------------------------------------------------------------------------------------------


class Clock:
    def __init__(self) -> None:
        self.now = 1_700_000_000.0

    def __call__(self) -> float:
        return self.now


def test_a_state_completes_once_in_the_browser_that_started_it() -> None:
    states = States(b"key", clock=Clock())
    state, nonce = states.issue([EDITOR])
    assert states.redeem(state, nonce).origins == (EDITOR,)
    with pytest.raises(StateError, match="already used"):
        states.redeem(state, nonce)


def test_a_state_from_another_browser_is_refused() -> None:
    states = States(b"key", clock=Clock())
    state, _ = states.issue([EDITOR])
    _, other = states.issue([EDITOR])
    for cookie in (other, None, "é"):
        with pytest.raises(StateError, match="another browser"):
            states.redeem(state, cookie)


def test_a_forged_state_is_refused() -> None:
    states = States(b"key", clock=Clock())
    state, nonce = states.issue([EDITOR])
    body, signature = state.split(".")
    payload = json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
    payload["o"] = ["https://evil.example"]
    forged = base64.urlsafe_b64encode(json.dumps(payload).encode()).rstrip(b"=").decode() + "." + signature
    other_server = States(b"another key", clock=Clock()).issue([EDITOR])[0]
    for bad in (forged, other_server, "nonsense", f"{body}.é", ""):
        with pytest.raises(StateError):
            states.redeem(bad, nonce)


def test_a_state_expires() -> None:
    clock = Clock()
    states = States(b"key", clock=clock)
    state, nonce = states.issue([EDITOR])
    clock.now += oauth.STATE_SECONDS + 1
    with pytest.raises(StateError, match="longer than 10 minutes"):
        states.redeem(state, nonce)


# The app -------------------------------------------------------------------------------------------------


@dataclass
class Answer:
    status: str
    headers: list[tuple[str, str]]
    body: str

    def header(self, name: str) -> str | None:
        found = [value for key, value in self.headers if key.lower() == name.lower()]
        assert len(found) <= 1, found
        return found[0] if found else None

    @property
    def code(self) -> int:
        return int(self.status.split()[0])


def call(app: OAuthApp, path: str, query: dict[str, str] | None = None, cookie: str | None = None, method: str = "GET") -> Answer:
    environ: dict[str, Any] = {"PATH_INFO": path, "QUERY_STRING": urllib.parse.urlencode(query or {}), "REQUEST_METHOD": method}
    if cookie is not None:
        environ["HTTP_COOKIE"] = cookie
    setup_testing_defaults(environ)
    started: list[Any] = []
    body = b"".join(app(environ, lambda status, headers, exc_info=None: started.append((status, headers))))  # type: ignore[arg-type]
    return Answer(started[0][0], started[0][1], body.decode())


class FakeExchange:
    def __init__(self, token: str = "gho_test", error: str | None = None) -> None:
        self.token, self.error = token, error
        self.codes: list[str] = []

    def __call__(self, settings: Settings, code: str) -> str:
        self.codes.append(code)
        if self.error:
            raise oauth.TokenError(self.error)
        return self.token


def sign_in(app: OAuthApp, **query: str) -> tuple[Answer, dict[str, str], str]:
    """/auth's answer, the query of its redirect to GitHub, and the cookie it set (as a browser sends it)."""
    answer = call(app, "/auth", {**SITE, **query})
    location = urllib.parse.urlsplit(answer.header("Location") or "")
    cookie = (answer.header("Set-Cookie") or "").split(";")[0]
    return answer, dict(urllib.parse.parse_qsl(location.query)), cookie


def outcome_of(page: str) -> dict[str, Any]:
    found = re.search(r'<script type="application/json" id="outcome">(.*?)</script>', page, re.S)
    assert found, page
    data: dict[str, Any] = json.loads(found.group(1))
    return data


def test_auth_redirects_to_github_with_a_state_bound_to_a_cookie() -> None:
    app = OAuthApp(settings(), exchange=FakeExchange())
    answer, query, cookie = sign_in(app)
    assert answer.code == 302
    assert (answer.header("Location") or "").startswith("https://github.com/login/oauth/authorize?")
    assert query["client_id"] == "Iv1.client"
    assert query["redirect_uri"] == "https://auth.example.gov/callback"
    assert query["scope"] == "repo"
    set_cookie = answer.header("Set-Cookie") or ""
    assert set_cookie.startswith("__Host-playbooks-oauth=")
    for attribute in ("Path=/", "HttpOnly", "SameSite=Lax", "Secure", f"Max-Age={oauth.STATE_SECONDS}"):
        assert attribute in set_cookie
    assert app.states.redeem(query["state"], cookie.split("=", 1)[1]).origins == (EDITOR,)
    assert sign_in(app, scope="public_repo")[1]["scope"] == "public_repo"


def test_auth_from_localhost_uses_decaps_site_id() -> None:
    app = OAuthApp(settings(PLAYBOOKS_OAUTH_ALLOWED_ORIGINS=f"{EDITOR} http://localhost:8000"), exchange=FakeExchange())
    answer, query, cookie = sign_in(app, site_id="demo.decapcms.org")
    assert answer.code == 302
    assert app.states.redeem(query["state"], cookie.split("=", 1)[1]).origins == ("http://localhost:8000",)


@pytest.mark.parametrize(
    ("query", "code", "says"),
    [
        ({"provider": "gitlab"}, 400, "signs in to GitHub only"),
        ({"scope": "repo,admin:org"}, 400, "asked for more than it needs"),
        ({"scope": "delete_repo"}, 400, "asked for more than it needs"),
        ({"site_id": "evil.example"}, 403, "not on the sign-in server"),
        ({"site_id": ""}, 403, "not on the sign-in server"),
    ],
)
def test_auth_refuses_what_decap_would_not_ask(query: dict[str, str], code: int, says: str) -> None:
    answer = call(OAuthApp(settings(), exchange=FakeExchange()), "/auth", {**SITE, **query})
    assert answer.code == code
    assert answer.header("Location") is None and answer.header("Set-Cookie") is None
    assert says in answer.body
    assert outcome_of(answer.body)["message"].startswith("authorization:github:error:")


def test_callback_hands_over_the_token_only_in_its_script_data() -> None:
    token = 'gho_</script><b>"&'
    exchange = FakeExchange(token)
    app = OAuthApp(settings(), exchange=exchange)
    _, query, cookie = sign_in(app)
    answer = call(app, "/callback", {"code": "the-code", "state": query["state"]}, cookie)
    assert answer.code == 200
    assert exchange.codes == ["the-code"]
    data = outcome_of(answer.body)
    assert data["message"] == "authorization:github:success:" + json.dumps({"token": token, "provider": "github"})
    assert data["origins"] == [EDITOR]
    assert token not in answer.body  # escaped in the JSON: it cannot close the script element
    outside = re.sub(r'<script type="application/json" id="outcome">.*?</script>', "", answer.body, flags=re.S)
    assert "gho_" not in outside
    assert (answer.header("Set-Cookie") or "").startswith("__Host-playbooks-oauth=; Max-Age=0")
    replay = call(app, "/callback", {"code": "the-code", "state": query["state"]}, cookie)
    assert replay.code == 400 and "already used" in replay.body
    assert exchange.codes == ["the-code"]


def test_callback_refuses_a_state_without_its_cookie() -> None:
    exchange = FakeExchange()
    app = OAuthApp(settings(), exchange=exchange)
    _, query, _ = sign_in(app)
    _, _, other_cookie = sign_in(app)
    for cookie in (None, other_cookie):
        answer = call(app, "/callback", {"code": "c", "state": query["state"]}, cookie)
        assert answer.code == 400 and "another browser" in answer.body
    assert exchange.codes == []


def test_callback_when_the_trainer_cancels_on_github() -> None:
    app = OAuthApp(settings(), exchange=FakeExchange())
    _, query, cookie = sign_in(app)
    answer = call(app, "/callback", {"error": "access_denied", "state": query["state"]}, cookie)
    assert answer.code == 400
    message = outcome_of(answer.body)["message"]
    assert message.startswith("authorization:github:error:")
    assert "did not allow" in json.loads(message.removeprefix("authorization:github:error:"))["message"]


def test_a_token_error_is_a_502_page_without_the_secret() -> None:
    app = OAuthApp(settings(), exchange=FakeExchange(error="GitHub refused the sign-in: incorrect_client_credentials"))
    _, query, cookie = sign_in(app)
    answer = call(app, "/callback", {"code": "c", "state": query["state"]}, cookie)
    assert answer.code == 502
    assert "incorrect_client_credentials" in html.unescape(answer.body)
    assert SECRET not in answer.body


def test_the_real_exchange_names_no_secret_when_github_cannot_be_reached() -> None:
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    nowhere = settings(PLAYBOOKS_OAUTH_GITHUB_URL=f"http://127.0.0.1:{port}")
    with pytest.raises(oauth.TokenError) as caught:
        oauth.exchange_code(nowhere, "code", timeout=2)
    assert "could not reach GitHub's token endpoint" in str(caught.value)
    assert SECRET not in str(caught.value) and caught.value.__cause__ is None


def test_the_secret_is_in_no_answer_and_no_log_record(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    answers: list[Answer] = []
    for exchange in (FakeExchange(), FakeExchange(error="GitHub's token endpoint answered HTTP 401")):
        app = OAuthApp(settings(), exchange=exchange)
        answer, query, cookie = sign_in(app)
        answers += [answer, call(app, "/callback", {"code": "c", "state": query["state"]}, cookie)]
        answers += [call(app, "/callback", {"code": "c", "state": query["state"] + "x"}, cookie), call(app, "/", method="POST")]
        answers += [call(app, "/auth", {**SITE, "provider": "x"}), call(app, "/"), call(app, "/nowhere")]
    assert {answer.code for answer in answers} == {200, 302, 400, 404, 405, 502}
    for answer in answers:
        assert SECRET not in answer.body + repr(answer.headers)
    assert caplog.records and SECRET not in caplog.text
    assert all(SECRET not in str(record.args) for record in caplog.records)


def test_the_csp_allows_exactly_the_inline_script_and_style() -> None:
    app = OAuthApp(settings(), exchange=FakeExchange())
    _, query, cookie = sign_in(app)
    for answer in (call(app, "/callback", {"code": "c", "state": query["state"]}, cookie), call(app, "/auth", {**SITE, "scope": "x"})):
        csp = answer.header("Content-Security-Policy") or ""
        scripts = re.findall(r"<script>(.*?)</script>", answer.body, re.S)
        styles = re.findall(r"<style>(.*?)</style>", answer.body, re.S)
        assert len(scripts) == 1 and len(styles) == 1
        digest = {
            name: "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"
            for name, text in (("script", scripts[0]), ("style", styles[0]))
        }
        assert f"script-src {digest['script']};" in csp
        assert f"style-src {digest['style']};" in csp
        assert csp.startswith("default-src 'none';") and "frame-ancestors 'none'" in csp
        assert answer.header("Cache-Control") == "no-store"
        assert answer.header("Referrer-Policy") == "no-referrer"


def test_routes_under_the_public_urls_path() -> None:
    app = OAuthApp(settings(PLAYBOOKS_OAUTH_PUBLIC_URL="https://example.gov/oauth"), exchange=FakeExchange())
    assert call(app, "/oauth/auth", SITE).code == 302  # a proxy that passes the prefix on
    assert call(app, "/auth", SITE).code == 302  # one that strips it


# The command ---------------------------------------------------------------------------------------------


def test_the_command_lists_every_settings_problem_and_exits_2(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    for name in [*ENV, "PLAYBOOKS_OAUTH_CLIENT_SECRET_FILE", "PLAYBOOKS_OAUTH_GITHUB_URL"]:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("PLAYBOOKS_OAUTH_PUBLIC_URL", "http://auth.example.gov")
    assert cli_main.main(["oauth-server"]) == 2
    lines = capsys.readouterr().err.splitlines()
    assert [line.strip().split(" ")[0].rstrip(":") for line in lines[1:-1]] == [
        "PLAYBOOKS_OAUTH_CLIENT_ID",
        "PLAYBOOKS_OAUTH_CLIENT_SECRET",
        "PLAYBOOKS_OAUTH_PUBLIC_URL",
        "PLAYBOOKS_OAUTH_ALLOWED_ORIGINS",
    ]


def test_the_commands_help_names_the_variables_and_the_mkdocs_lines(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        oauth_server.main(["--help"])
    assert caught.value.code == 0
    shown = capsys.readouterr().out
    for name in (*ENV, "PLAYBOOKS_OAUTH_CLIENT_SECRET_FILE", "PLAYBOOKS_OAUTH_GITHUB_URL", "--host", "--port", "/callback"):
        assert name in shown
    assert "editor:\n            base_url: https://auth.example.gov\n            auth_endpoint: auth" in shown
    assert "oauth-server" in cli_main.__doc__  # type: ignore[operator]
    assert oauth_server.mkdocs_lines(settings()) == (
        "plugins:\n  - playbooks:\n      editor:\n        base_url: https://auth.example.gov\n        auth_endpoint: auth\n"
    )


# The real handshake, in Chromium -------------------------------------------------------------------------

# What Decap's netlify-auth.js does (Authenticator.authenticate, handshakeCallback, authorizeCallback),
# plus a record of every message the page receives.
EDITOR_PAGE = """<!doctype html><html><head><meta charset="utf-8"><title>editor</title></head><body>
<button id="login">Login with GitHub</button>
<script>
window.received = [];
window.outcome = null;
window.addEventListener("message", function (e) { window.received.push([e.origin, String(e.data)]); });
var baseUrl = BASE_URL, authEndpoint = AUTH_ENDPOINT, authWindow;
function authorizeCallback(e) {
  if (e.origin !== baseUrl) { return; }
  var success = e.data.match(/^authorization:github:success:(.+)$/);
  var error = e.data.match(/^authorization:github:error:(.+)$/);
  if (success || error) {
    window.removeEventListener("message", authorizeCallback, false);
    authWindow.close();
    window.outcome = success ? JSON.parse(success[1]) : {error: JSON.parse(error[1])};
  }
}
function handshakeCallback(e) {
  if (e.data === "authorizing:github" && e.origin === baseUrl) {
    window.removeEventListener("message", handshakeCallback, false);
    window.addEventListener("message", authorizeCallback, false);
    authWindow.postMessage(e.data, e.origin);
  }
}
document.getElementById("login").addEventListener("click", function () {
  var host = document.location.host.split(":")[0];
  var siteID = host === "localhost" ? "demo.decapcms.org" : host;
  window.addEventListener("message", handshakeCallback, false);
  authWindow = window.open(baseUrl + "/" + authEndpoint + "?provider=github&site_id=" + siteID + "&scope=repo",
    "Netlify Authorization", "width=960, height=600, top=0, left=0");
  authWindow.focus();
});
</script></body></html>"""


@contextmanager
def http_server(handler: type[http.server.BaseHTTPRequestHandler]) -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()


class Quiet(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args: Any) -> None:
        pass


def fake_github(calls: list[dict[str, str]]) -> type[http.server.BaseHTTPRequestHandler]:
    """GitHub's authorize page (signs in at once) and token endpoint (answers gho_test for the one code)."""

    class FakeGitHub(Quiet):
        def do_GET(self) -> None:
            path, _, query = self.path.partition("?")
            params = dict(urllib.parse.parse_qsl(query))
            calls.append({"path": path, **params})
            assert path == "/login/oauth/authorize"
            back = params["redirect_uri"] + "?" + urllib.parse.urlencode({"code": "the-code", "state": params["state"]})
            self.send_response(302)
            self.send_header("Location", back)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def do_POST(self) -> None:
            form = dict(urllib.parse.parse_qsl(self.rfile.read(int(self.headers["Content-Length"])).decode()))
            calls.append({"path": self.path, "accept": self.headers["Accept"], **form})
            good = self.path == "/login/oauth/access_token" and form.get("client_secret") == SECRET and form.get("code") == "the-code"
            body = json.dumps({"access_token": "gho_test", "token_type": "bearer"} if good else {"error": "bad_verification_code"})
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body.encode())

    return FakeGitHub


def editor_pages(page_html: Callable[[], str]) -> type[http.server.BaseHTTPRequestHandler]:
    class Editor(Quiet):
        def do_GET(self) -> None:
            body = page_html().encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    return Editor


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.mark.browser
def test_decaps_handshake_in_chromium(page: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[dict[str, str]] = []
    backend: dict[str, str] = {}

    def editor_html() -> str:
        return EDITOR_PAGE.replace("BASE_URL", json.dumps(backend["base_url"])).replace(
            "AUTH_ENDPOINT", json.dumps(backend["auth_endpoint"])
        )

    with (
        http_server(fake_github(calls)) as github,
        http_server(editor_pages(editor_html)) as editor,
        http_server(editor_pages(editor_html)) as stranger,
    ):
        port = free_port()
        env = {
            **ENV,
            "PLAYBOOKS_OAUTH_PUBLIC_URL": f"http://127.0.0.1:{port}",
            "PLAYBOOKS_OAUTH_ALLOWED_ORIGINS": editor,
            "PLAYBOOKS_OAUTH_GITHUB_URL": github,
        }
        found = oauth.settings_from_environment(env)
        backend.update(oauth.decap_backend(found))
        server = oauth_server.serve(found, "127.0.0.1", port)
        monkeypatch.setattr(server.RequestHandlerClass, "log_message", lambda *args: None)
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            page.goto(editor + "/admin/")
            with page.expect_popup() as popup_info:
                page.click("#login")
            popup = popup_info.value
            page.wait_for_function("window.outcome !== null", timeout=10_000)
            assert page.evaluate("window.outcome") == {"token": "gho_test", "provider": "github"}
            for _ in range(50):  # Decap closes the popup once it has the token
                if popup.is_closed():
                    break
                page.wait_for_timeout(100)
            assert popup.is_closed()
            origin = f"http://127.0.0.1:{port}"
            assert page.evaluate("window.received") == [
                [origin, "authorizing:github"],
                [origin, 'authorization:github:success:{"token": "gho_test", "provider": "github"}'],
            ]
            authorize, token = calls
            assert authorize["path"] == "/login/oauth/authorize" and authorize["client_id"] == "Iv1.client" and authorize["scope"] == "repo"
            assert authorize["redirect_uri"] == f"{origin}/callback"
            assert (
                token["path"] == "/login/oauth/access_token" and token["accept"] == "application/json" and token["client_secret"] == SECRET
            )

            # The same page on an origin that is not allowed: the sign-in goes through, the token does not.
            other = page.context.new_page()
            other.goto(stranger + "/admin/")
            with other.expect_popup() as popup_info:
                other.click("#login")
            popup = popup_info.value
            popup.wait_for_url(re.compile(r"/callback\?"), timeout=10_000)
            popup.wait_for_function("document.getElementById('outcome') === null", timeout=5_000)  # its script ran
            other.wait_for_timeout(500)
            assert other.evaluate("window.received") == []
            assert other.evaluate("window.outcome") is None
            assert not popup.is_closed()
            assert len(calls) == 4  # it did get a token: only the editor's origin may be handed it
        finally:
            server.shutdown()
            server.server_close()
