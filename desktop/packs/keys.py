"""The public keys whose signatures Jiwon trusts, and the maintainer's key files.

The app and the command line carry the rules maintainer's public key here. The private key never
enters the repository: the maintainer keeps it offline (see README, "Rule packs"). To replace a
key, add the new public key under a new id, ship an app release with both, sign new packs with
the new key, and remove the old id in a later release.
"""

from __future__ import annotations

from pathlib import Path

from nacl.encoding import HexEncoder
from nacl.signing import SigningKey, VerifyKey

# key id -> Ed25519 public key (hex). The id is written into every pack's manifest.
TRUSTED_KEYS: dict[str, str] = {
    "jiwon-rules-2026": "8c924223ee6c5919238baa52c8e7e2d9958053c93d5366fbda316fd4ad9e247a",
}


def trusted_keys() -> dict[str, VerifyKey]:
    return {kid: VerifyKey(hexkey.encode("ascii"), encoder=HexEncoder) for kid, hexkey in TRUSTED_KEYS.items()}


def new_signing_key() -> SigningKey:
    return SigningKey.generate()


def public_hex(key: SigningKey) -> str:
    return key.verify_key.encode(encoder=HexEncoder).decode("ascii")


def write_signing_key(key: SigningKey, path: Path) -> None:
    """The private seed as hex, readable by the owner only."""
    path.write_bytes(key.encode(encoder=HexEncoder) + b"\n")
    path.chmod(0o600)


def read_signing_key(path: Path) -> SigningKey:
    raw = path.read_bytes().strip()
    return SigningKey(raw, encoder=HexEncoder)
