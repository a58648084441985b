"""The rule language compiled to SQL text, for running a whole register at once elsewhere.

No database is imported here: the result is text (DuckDB's dialect) that desktop/screen runs and
renders for other engines. See query.py for the shape of the query, expr.py for how each operator
keeps the language's meaning, and freedom.py for where three-valued SQL is known to be exact.
"""

from desktop.engine.sql.expr import NotCompilable
from desktop.engine.sql.literals import encode_list
from desktop.engine.sql.query import OUTCOME_SUFFIXES, CompiledPack, compile_pack

__all__ = ["OUTCOME_SUFFIXES", "CompiledPack", "NotCompilable", "compile_pack", "encode_list"]
