"""The compiled SQL (DuckDB's dialect) rendered for another engine with sqlglot: SQLite for the
second engine the tests run, PostgreSQL and Spark for an agency's own warehouse."""

from __future__ import annotations


def render(sql: str, dialect: str, pretty: bool = False) -> str:
    import sqlglot

    return ";\n".join(sqlglot.transpile(sql, read="duckdb", write=dialect, pretty=pretty))
