"""The `.jiwonpack` format, written down once for `build` and `read`.

A zip file holding:
    manifest.json   {"format": 1, "version": "2026.12.01", "rules_version": content hash,
                     "created": "YYYY-MM-DD", "min_app_version": "0.1.0",
                     "changes": {"ko": [line, ...], "en": [line, ...]},
                     "key": key id, "files": {"rules/...": sha256 hex, "seeds/...": sha256 hex}}
    signature       the Ed25519 signature (hex) of manifest.json's exact bytes
    rules/..., seeds/...   the files listed in the manifest, nothing else

The signature covers the manifest, and the manifest the hash of every file, so changing,
adding or removing any byte is found.
"""

from __future__ import annotations

import re

FORMAT = 1
SUFFIX = ".jiwonpack"
MANIFEST = "manifest.json"
SIGNATURE = "signature"
FOLDERS = ("rules", "seeds")
MAX_FILES = 2_000
MAX_TOTAL_BYTES = 50_000_000  # unpacked; the real rules are well under 2 MB
_VERSION = re.compile(r"^[0-9]+(\.[0-9]+){0,3}$")


def version_key(text: str) -> tuple[int, ...]:
    """'2026.12.01' -> (2026, 12, 1); raises ValueError for anything else."""
    if not isinstance(text, str) or not _VERSION.match(text):
        raise ValueError(f"'{text}' is not a version like 2026.12.01")
    return tuple(int(x) for x in text.split("."))


def safe_member(name: str) -> bool:
    """A relative path under rules/ or seeds/, with no '..', no absolute part, no backslash."""
    if not name or name.startswith("/") or "\\" in name or "\x00" in name:
        return False
    parts = name.split("/")
    return parts[0] in FOLDERS and len(parts) >= 2 and all(p not in ("", ".", "..") for p in parts)
