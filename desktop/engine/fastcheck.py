"""A quick yes/no "does this data fit the schema?" for the few schema keywords Jiwon's schemas use.

jsonschema gives the good error messages but is slow on a whole rule pack. Almost every file is
valid, so this check runs first: when it says yes, the file is valid; when it says no (or meets a
keyword it does not know), jsonschema runs and explains. It may only ever say yes when jsonschema
would too (a test compares the two on every rule file and the hostile corpus).
"""

from __future__ import annotations

import re
from typing import Any

_ANNOTATIONS = frozenset(("title", "description", "$schema", "$id", "$comment", "default", "examples"))


class _Unsure(Exception):
    pass


def _is_type(value: Any, kind: str) -> bool:
    t = type(value)
    if kind == "string":
        return t is str
    if kind == "object":
        return t is dict
    if kind == "array":
        return t is list
    if kind == "boolean":
        return t is bool
    if kind == "integer":
        return t is int or (t is float and value.is_integer())
    if kind == "number":
        return t is int or t is float
    if kind == "null":
        return value is None
    raise _Unsure


def _fits(schema: Any, value: Any) -> bool:
    if schema is True:
        return True
    if schema is False or not isinstance(schema, dict):
        return False if schema is False else _raise()
    for key, want in schema.items():
        if key in _ANNOTATIONS:
            continue
        if key == "type":
            kinds = want if isinstance(want, list) else [want]
            if not any(_is_type(value, k) for k in kinds):
                return False
        elif key == "properties":
            if type(value) is dict:
                for name, sub in want.items():
                    if name in value and not _fits(sub, value[name]):
                        return False
        elif key == "additionalProperties":
            if type(value) is dict:
                known = schema.get("properties", {})
                if "patternProperties" in schema:
                    raise _Unsure
                for name, item in value.items():
                    if name not in known and not _fits(want, item):
                        return False
        elif key == "required":
            if type(value) is dict and any(name not in value for name in want):
                return False
        elif key == "items":
            if type(value) is list and not all(_fits(want, item) for item in value):
                return False
        elif key == "enum":
            if not any(type(value) is type(option) and value == option for option in want):
                return False
        elif key == "pattern":
            if type(value) is str and re.search(want, value) is None:
                return False
        elif key == "minLength":
            if type(value) is str and len(value) < want:
                return False
        elif key == "minItems":
            if type(value) is list and len(value) < want:
                return False
        elif key == "minProperties":
            if type(value) is dict and len(value) < want:
                return False
        elif key == "uniqueItems":
            if want and type(value) is list:
                if not all(type(v) is str for v in value) or len(set(value)) != len(value):
                    return False
        elif key == "minimum":
            if type(value) in (int, float) and value < want:
                return False
        elif key == "maximum":
            if type(value) in (int, float) and value > want:
                return False
        elif key == "propertyNames":
            if type(value) is dict and not all(_fits(want, name) for name in value):
                return False
        else:
            raise _Unsure
    return True


def _raise() -> bool:
    raise _Unsure


def surely_valid(schema: dict, data: Any) -> bool:
    """True only when `data` certainly fits `schema` (refs already inlined)."""
    try:
        return _fits(schema, data)
    except (_Unsure, RecursionError):
        return False
