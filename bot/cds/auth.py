"""Verify the JWT a CDS Client (the EHR) sends with every call, as CDS Hooks 2.0 "Trusting CDS Clients" asks.

Off by default (local use, bound to 127.0.0.1). Set CDS_JWT_JWKS to a JWK Set file holding the public keys of the
EHRs you trust (the specification lets the set be exchanged out of band; no key is ever downloaded) and,
optionally, CDS_JWT_ISSUERS to a comma-separated allowlist of `iss` values. Then every call must carry
`Authorization: Bearer <JWT>` signed with an asymmetric algorithm (never `none`, never HMAC), whose header names a
`kid` of the set, whose `aud` is the URL being called, and which has `iss`, `exp`, `iat` and a `jti` not seen before.
"""

from __future__ import annotations

import json
import os
import threading
import time
from collections.abc import Mapping
from pathlib import Path

import jwt

ASYMMETRIC = ("RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512")


class AuthError(Exception):
    """The call is not from a trusted CDS Client; the message says why (answered with 401)."""


class JwtVerifier:
    def __init__(self, jwks: Mapping[str, object], issuers: tuple[str, ...] = ()):
        self.keys = {k.key_id: k for k in jwt.PyJWKSet.from_dict(dict(jwks)).keys if k.key_id}
        self.issuers = issuers
        self._seen: dict[str, float] = {}
        self._lock = threading.Lock()

    @classmethod
    def from_environment(cls, env: Mapping[str, str] = os.environ) -> JwtVerifier | None:
        """The verifier CDS_JWT_JWKS configures, or None (verification off) when it is unset."""
        path = env.get("CDS_JWT_JWKS")
        if not path:
            return None
        issuers = tuple(i.strip() for i in env.get("CDS_JWT_ISSUERS", "").split(",") if i.strip())
        return cls(json.loads(Path(path).read_text()), issuers)

    def verify(self, authorization: str | None, audience: str) -> dict:
        """The token's claims, or AuthError."""
        if not authorization or not authorization.startswith("Bearer "):
            raise AuthError("this CDS service requires 'Authorization: Bearer <JWT>'")
        token = authorization[len("Bearer ") :].strip()
        try:
            header = jwt.get_unverified_header(token)
        except jwt.PyJWTError as err:
            raise AuthError(f"unreadable JWT: {err}") from None
        alg, kid = header.get("alg"), header.get("kid")
        if alg not in ASYMMETRIC:
            raise AuthError(f"JWT algorithm {alg!r} is not accepted (asymmetric signatures only)")
        if kid not in self.keys:
            raise AuthError(f"JWT key id {kid!r} is not in the configured JWK Set")
        try:
            claims = jwt.decode(
                token,
                self.keys[kid].key,
                algorithms=[alg],
                audience=audience,
                options={"require": ["iss", "aud", "exp", "iat", "jti"]},
            )
        except jwt.PyJWTError as err:
            raise AuthError(f"JWT rejected: {err}") from None
        if self.issuers and claims["iss"] not in self.issuers:
            raise AuthError(f"JWT issuer {claims['iss']!r} is not trusted")
        self._remember(str(claims["jti"]), float(claims["exp"]))
        return claims

    def _remember(self, jti: str, expires: float) -> None:
        now = time.time()
        with self._lock:
            self._seen = {k: v for k, v in self._seen.items() if v > now}
            if jti in self._seen:
                raise AuthError("JWT already used (jti replayed)")
            self._seen[jti] = expires
