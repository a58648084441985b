"""The embedded engine stays offline: DuckDB never installs nor loads an extension on its own."""

import pytest

pytest.importorskip("duckdb")
from desktop.screen import duck  # noqa: E402


def test_extension_auto_install_and_auto_load_are_off():
    con = duck.connect(memory_limit="256MB", threads=1)
    settings = dict(
        con.execute(
            "SELECT name, value FROM duckdb_settings() WHERE name IN "
            "('autoinstall_known_extensions', 'autoload_known_extensions', 'memory_limit')"
        ).fetchall()
    )
    assert settings["autoinstall_known_extensions"] == "false"
    assert settings["autoload_known_extensions"] == "false"
    assert settings["memory_limit"] == "244.1 MiB"  # 256 MB, as DuckDB reports it


def test_a_feature_that_needs_an_extension_fails_at_once_instead_of_downloading_it():
    import duckdb

    con = duck.connect(memory_limit="256MB", threads=1)
    with pytest.raises(duckdb.Error) as err:
        con.execute("SELECT * FROM read_csv('https://example.invalid/register.csv')")
    assert "httpfs" in str(err.value).lower() or "extension" in str(err.value).lower()
