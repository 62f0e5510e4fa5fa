"""The database part of a backup: pg_dump's custom format on PostgreSQL, SQLite's online backup API otherwise.

Both read one consistent snapshot while the site keeps running. Restoring goes into an empty database (no
tables); ``drop_tables`` empties one first when the operator forces it.
"""

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

DUMP_NAMES = {"postgresql": "database.dump", "sqlite": "database.sqlite3"}


class DatabaseToolError(Exception):
    """pg_dump or pg_restore is missing or failed; the message is theirs."""


def dump_name(vendor: str) -> str:
    return DUMP_NAMES[vendor]


def is_supported(vendor: str) -> bool:
    return vendor in DUMP_NAMES


def table_names(connection) -> list[str]:
    with connection.cursor() as cursor:
        return connection.introspection.table_names(cursor)


def dump(connection, target: Path) -> None:
    if connection.vendor == "postgresql":
        _run("pg_dump", ["--format=custom", "--no-password", f"--file={target}"], connection)
    else:
        connection.ensure_connection()
        with sqlite3.connect(target) as copy:
            connection.connection.backup(copy)
        copy.close()


def restore(connection, source: Path, *, replace: bool = False) -> None:
    """Load a dump into the database; ``replace`` first drops what is there (SQLite's copy replaces it anyway)."""
    if connection.vendor == "postgresql":
        arguments = ["--no-owner", "--single-transaction", "--exit-on-error", "--no-password"]
        if replace:
            # Tables the dump does not hold (a newer migration's) go first; --clean then drops the dump's own
            # objects that are there (tables, the search trigger's function, text search configuration).
            _drop_tables(connection)
            arguments += ["--clean", "--if-exists"]
        connection.close()  # pg_restore works on a connection of its own
        _run("pg_restore", [*arguments, str(source)], connection)
    else:
        connection.ensure_connection()
        with sqlite3.connect(source) as original:
            original.backup(connection.connection)
        original.close()
    connection.close()  # the next query opens a connection that sees the restored tables


def _drop_tables(connection) -> None:
    """Drop every table of a PostgreSQL database in one statement (``restore --force``)."""
    if names := table_names(connection):
        quote = connection.ops.quote_name
        with connection.cursor() as cursor:
            cursor.execute("DROP TABLE IF EXISTS {} CASCADE".format(", ".join(quote(n) for n in names)))


def _run(program: str, arguments: list[str], connection) -> None:
    executable = shutil.which(program)
    if executable is None:
        raise DatabaseToolError(f"{program}: not found on PATH")
    result = subprocess.run(  # noqa: S603 (fixed program, arguments built here)
        [executable, *arguments, f"--dbname={connection.settings_dict['NAME']}"],
        env=_libpq_environment(connection.settings_dict),
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise DatabaseToolError(result.stderr.strip() or f"{program} exited with {result.returncode}")


def _libpq_environment(settings_dict: dict) -> dict[str, str]:
    """Connection settings as libpq variables: the password stays off the command line (and out of `ps`)."""
    environment = dict(os.environ)
    for key, variable in (("USER", "PGUSER"), ("PASSWORD", "PGPASSWORD"), ("HOST", "PGHOST"), ("PORT", "PGPORT")):
        if settings_dict.get(key):
            environment[variable] = str(settings_dict[key])
    if sslmode := (settings_dict.get("OPTIONS") or {}).get("sslmode"):
        environment["PGSSLMODE"] = sslmode
    return environment
