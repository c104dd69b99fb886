"""JWT verification of the EHR's calls (CDS Hooks 2.0 "Trusting CDS Clients"): off by default, and when
CDS_JWT_JWKS is set, every call needs a fresh, asymmetrically signed token for the URL it calls."""
from __future__ import annotations

import json
import time
import uuid

import jwt
import pytest
import requests
from cryptography.hazmat.primitives.asymmetric import ec
from jwt.algorithms import ECAlgorithm

from bot.cds.auth import AuthError, JwtVerifier
from tests.conftest import start_stack

AUD = "http://127.0.0.1:5005/webhooks/cds/cds-services"
ISS = "https://ehr.example.org/"


@pytest.fixture(scope="module")
def key():
    private = ec.generate_private_key(ec.SECP384R1())
    jwk = json.loads(ECAlgorithm.to_jwk(private.public_key()))
    return private, {"keys": [{**jwk, "kid": "ehr-1", "use": "sig", "alg": "ES384"}]}


def token(private, aud: str = AUD, **overrides) -> str:
    now = int(time.time())
    claims = {"iss": ISS, "aud": aud, "iat": now, "exp": now + 300, "jti": str(uuid.uuid4()), **overrides}
    return "Bearer " + jwt.encode(claims, private, algorithm="ES384", headers={"kid": "ehr-1", "typ": "JWT"})


def test_off_by_default():
    assert JwtVerifier.from_environment({}) is None


def test_valid_token_accepted_once(key):
    private, jwks = key
    verifier = JwtVerifier(jwks, (ISS,))
    bearer = token(private)
    assert verifier.verify(bearer, AUD)["iss"] == ISS
    with pytest.raises(AuthError, match="replayed"):
        verifier.verify(bearer, AUD)


@pytest.mark.parametrize("make, word", [
    (lambda p: None, "requires"),
    (lambda p: token(p, aud=AUD + "/other"), "rejected"),
    (lambda p: token(p, exp=int(time.time()) - 10), "rejected"),
    (lambda p: token(p, iss="https://evil.example/"), "not trusted"),
    (lambda p: "Bearer " + jwt.encode({"iss": ISS, "aud": AUD}, "a-shared-secret-of-at-least-32-bytes!", algorithm="HS256",
                                      headers={"kid": "ehr-1"}), "asymmetric"),
    (lambda p: "Bearer " + jwt.encode({"iss": ISS, "aud": AUD, "exp": int(time.time()) + 60, "iat": 1, "jti": "j"},
                                      ec.generate_private_key(ec.SECP384R1()), algorithm="ES384",
                                      headers={"kid": "ehr-1"}), "rejected"),
    (lambda p: "Bearer " + jwt.encode({"iss": ISS}, p, algorithm="ES384", headers={"kid": "other"}), "key id"),
])
def test_bad_tokens_rejected(key, make, word):
    private, jwks = key
    with pytest.raises(AuthError, match=word):
        JwtVerifier(jwks, (ISS,)).verify(make(private), AUD)


def test_running_service_requires_the_token_when_configured(key, tmp_path):
    private, jwks = key
    (tmp_path / "jwks.json").write_text(json.dumps(jwks))
    stack = start_stack(tmp_path, env={"CDS_JWT_JWKS": str(tmp_path / "jwks.json"), "CDS_JWT_ISSUERS": ISS},
                        with_actions=False)
    try:
        url = stack.base_url + "/webhooks/cds/cds-services"
        assert requests.get(url, timeout=30).status_code == 401
        assert requests.get(url, headers={"Authorization": token(private, aud=url + "/x")}, timeout=30).status_code == 401
        r = requests.get(url, headers={"Authorization": token(private, aud=url)}, timeout=30)
        assert r.status_code == 200 and r.json()["services"]
    finally:
        stack.stop()
