"""The public keys whose signatures Jiwon trusts, and the maintainer's key files.

The app and the command line carry the rules maintainer's public key here. The private key never
enters the repository: the maintainer keeps it offline (see README, "Rule packs"). To replace a
key, add the new public key under a new id, ship an app release with both, sign new packs with
the new key, and remove the old id in a later release.
"""

from __future__ import annotations

import os

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
    """The private seed as hex, readable by the owner only from its first byte (made with mode
    0600, never through a file others could read first). An existing file is never replaced."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as out:
        out.write(key.encode(encoder=HexEncoder) + b"\n")
        out.flush()
        os.fsync(out.fileno())


def read_signing_key(path: Path) -> SigningKey:
    raw = path.read_bytes().strip()
    return SigningKey(raw, encoder=HexEncoder)
