"""A small but real OpenID Connect provider for the single sign-on tests, served from a thread on 127.0.0.1.

It speaks the authorization code flow with PKCE: discovery, authorization (straight back with code and state, as
if the person had logged in), token (an RS256-signed ID token), userinfo and JWKS. Like Entra ID, it puts the
groups in the ID token only, and names and e-mail in the userinfo answer.
"""

import base64
import hashlib
import json
import secrets
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlencode, urlparse

import jwt
from cryptography.hazmat.primitives.asymmetric import rsa

CLIENT_ID = "kvalitetsportalen"
CLIENT_SECRET = "hemmelig-klientnoegle"
KEY_ID = "nøgle-1"
PROFILE_CLAIMS = ("name", "given_name", "family_name", "email")


def new_key():
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


class FakeProvider:
    def __init__(self):
        self.key = new_key()
        self.signing_key = self.key  # a test may sign with a stranger's key
        self.person = {}  # the claims of whoever logs in next
        self.id_token_changes = {}  # a test may spoil the ID token (expired, another audience)
        self.codes = {}
        self.access_tokens = {}
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    @property
    def url(self):
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def stop(self):
        self.server.shutdown()
        self.server.server_close()

    def discovery(self):
        return {
            "issuer": self.url,
            "authorization_endpoint": f"{self.url}/authorize",
            "token_endpoint": f"{self.url}/token",
            "userinfo_endpoint": f"{self.url}/userinfo",
            "jwks_uri": f"{self.url}/jwks",
            "end_session_endpoint": f"{self.url}/logout",
        }

    def authorize(self, query):
        if query.get("client_id") != CLIENT_ID or query.get("response_type") != "code":
            return 400, {"error": "invalid_request"}
        code = secrets.token_urlsafe(16)
        self.codes[code] = query
        back = f"{query['redirect_uri']}?{urlencode({'code': code, 'state': query['state']})}"
        return 302, back

    def token(self, form):
        request = self.codes.pop(form.get("code"), None)
        if (
            request is None
            or (form.get("client_id"), form.get("client_secret")) != (CLIENT_ID, CLIENT_SECRET)
            or form.get("redirect_uri") != request["redirect_uri"]
            or pkce_challenge(form.get("code_verifier", "")) != request.get("code_challenge")
        ):
            return 400, {"error": "invalid_grant"}
        now = int(time.time())
        claims = {key: value for key, value in self.person.items() if key not in PROFILE_CLAIMS}
        claims.update(iss=self.url, aud=CLIENT_ID, iat=now, exp=now + 300, nonce=request.get("nonce"))
        claims.update(self.id_token_changes)
        id_token = jwt.encode(claims, self.signing_key, algorithm="RS256", headers={"kid": KEY_ID})
        access_token = secrets.token_urlsafe(16)
        self.access_tokens[access_token] = dict(self.person)
        return 200, {"access_token": access_token, "token_type": "Bearer", "id_token": id_token, "expires_in": 300}

    def userinfo(self, authorization):
        person = self.access_tokens.get(authorization.removeprefix("Bearer "))
        if person is None:
            return 401, {"error": "invalid_token"}
        return 200, {key: value for key, value in person.items() if key in ("sub", *PROFILE_CLAIMS)}

    def jwks(self):
        jwk = jwt.algorithms.RSAAlgorithm.to_jwk(self.key.public_key(), as_dict=True)
        return {"keys": [{**jwk, "kid": KEY_ID, "alg": "RS256", "use": "sig"}]}

    def _handler(self):
        provider = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                url = urlparse(self.path)
                query = {key: values[0] for key, values in parse_qs(url.query).items()}
                routes = {
                    "/.well-known/openid-configuration": lambda: (200, provider.discovery()),
                    "/authorize": lambda: provider.authorize(query),
                    "/userinfo": lambda: provider.userinfo(self.headers.get("Authorization", "")),
                    "/jwks": lambda: (200, provider.jwks()),
                }
                self._answer(*routes.get(url.path, lambda: (404, {"error": "not_found"}))())

            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", 0))).decode()
                form = {key: values[0] for key, values in parse_qs(body).items()}
                self._answer(*(provider.token(form) if self.path == "/token" else (404, {"error": "not_found"})))

            def _answer(self, status, body):
                self.send_response(status)
                if status == 302:
                    self.send_header("Location", body)
                    self.end_headers()
                    return
                content = json.dumps(body).encode()
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(content)))
                self.end_headers()
                self.wfile.write(content)

            def log_message(self, *args):
                pass

        return Handler


def pkce_challenge(verifier):
    return base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
