"""`playbooks oauth-server`: the GitHub sign-in server for the editor (run by the department's admin).

    playbooks oauth-server [--host 127.0.0.1] [--port 8787]

The editor (Decap CMS) signs trainers in to GitHub through this server, so no outside service is
needed. Create a GitHub OAuth App first (GitHub: Settings, Developer settings, OAuth Apps), with the
callback URL <PLAYBOOKS_OAUTH_PUBLIC_URL>/callback. Then set:

    PLAYBOOKS_OAUTH_CLIENT_ID        the OAuth App's client id
    PLAYBOOKS_OAUTH_CLIENT_SECRET    its client secret, or
    PLAYBOOKS_OAUTH_CLIENT_SECRET_FILE  a file holding it (such as a systemd credential)
    PLAYBOOKS_OAUTH_PUBLIC_URL       this server's address as browsers see it: https://auth.example.gov
    PLAYBOOKS_OAUTH_ALLOWED_ORIGINS  the site's origin, where trainers open /admin/: https://playbooks.example.gov
                                     (several: separated by commas or spaces)
    PLAYBOOKS_OAUTH_GITHUB_URL       optional: a GitHub Enterprise Server's address (default https://github.com)

It listens on 127.0.0.1 by default: put it behind the department's HTTPS reverse proxy, which
forwards PLAYBOOKS_OAUTH_PUBLIC_URL to it. Then tell the site where it is, in mkdocs.yml:

    plugins:
      - playbooks:
          editor:
            base_url: https://auth.example.gov
            auth_endpoint: auth

(the server prints these two lines for its own address when it starts).
"""

from __future__ import annotations

import argparse
import logging
import socketserver
import sys
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from engagement_playbooks.editor.github_oauth import OAuthApp, Settings, SettingsError, decap_backend, settings_from_environment


class ThreadingWSGIServer(socketserver.ThreadingMixIn, WSGIServer):
    """One thread per request: a slow call to GitHub's token endpoint does not hold up other trainers."""

    daemon_threads = True


class RequestHandler(WSGIRequestHandler):
    """Logs each request without its query string: /callback's holds a sign-in code and state."""

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        method, _, rest = self.requestline.partition(" ")
        target, _, version = rest.partition(" ")
        self.log_message('"%s %s %s" %s %s', method, target.split("?")[0], version, str(code), str(size))


def serve(settings: Settings, host: str, port: int) -> WSGIServer:
    """The server, bound but not yet serving (call serve_forever)."""
    return make_server(host, port, OAuthApp(settings), server_class=ThreadingWSGIServer, handler_class=RequestHandler)


def mkdocs_lines(settings: Settings) -> str:
    backend = decap_backend(settings)
    return (
        "plugins:\n"
        "  - playbooks:\n"
        "      editor:\n"
        f"        base_url: {backend['base_url']}\n"
        f"        auth_endpoint: {backend['auth_endpoint']}\n"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="playbooks oauth-server", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--host", default="127.0.0.1", help="the address to listen on (default 127.0.0.1: behind a reverse proxy)")
    parser.add_argument("--port", type=int, default=8787, help="the port to listen on (default 8787)")
    args = parser.parse_args(argv)
    try:
        settings = settings_from_environment()
    except SettingsError as error:
        print("playbooks oauth-server: the settings are not complete:", file=sys.stderr)
        for problem in error.problems:
            print(f"  {problem}", file=sys.stderr)
        print("See playbooks oauth-server --help.", file=sys.stderr)
        return 2
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    server = serve(settings, args.host, args.port)
    print(f"GitHub sign-in server for {settings.public_url}, listening on http://{args.host}:{server.server_port}")
    print(f"Trainers' editors may sign in from: {', '.join(settings.allowed_origins)}")
    print("In the site's mkdocs.yml:\n")
    print(mkdocs_lines(settings), flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0
