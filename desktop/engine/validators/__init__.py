"""Schema validators generated ahead of time from rules/schema/*.schema.json by fastjsonschema.

`python -m desktop.tools.build_validators` (run by scripts/setup.sh and the bundle build) writes one
module per schema here, with the SHA-256 of the schema file it was made from. Almost every file a
loader reads is valid, so the generated check runs first; jsonschema only runs, to explain, when
it says no. A module that is missing, or was made from another version of its schema, is not used:
the loader then asks jsonschema directly (the same verdicts, only slower).
"""

from __future__ import annotations

import hashlib
import importlib
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable

from desktop import paths


def module_name(schema: str) -> str:
    return schema.replace("-", "_")


def schema_file(schema: str, folder: Path | None = None) -> Path:
    return (folder or paths.rules_dir() / "schema") / f"{schema}.schema.json"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@lru_cache(maxsize=None)
def fast_validator(schema: str) -> Callable[[Any], Any] | None:
    """The generated `validate(data)` for `schema` (raises on invalid data), or None when there is
    no up-to-date generated module."""
    try:
        module = importlib.import_module(f"{__name__}.{module_name(schema)}")
        current = digest(schema_file(schema))
    except (ImportError, OSError):
        return None
    if getattr(module, "SCHEMA_SHA256", None) != current:
        return None
    return module.validate
