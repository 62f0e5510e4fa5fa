"""The development database (SQLite) under concurrent counters: writers wait for the lock instead of failing."""

import copy
import threading

import pytest
from django.db import connection, connections, transaction


@pytest.fixture
def sqlite_file(tmp_path, django_db_blocker):
    """A connection alias onto an SQLite file, configured exactly as the project's own connections are.

    The test database lives in memory with a shared cache, where locking works otherwise; the site runs on a file.
    """
    if connection.vendor != "sqlite":
        pytest.skip("the project runs on PostgreSQL here")
    alias = "sqlite_file"
    connections.settings[alias] = {**copy.deepcopy(connection.settings_dict), "NAME": str(tmp_path / "db.sqlite3")}
    with django_db_blocker.unblock():
        yield alias
        connections[alias].close()
    del connections[alias]
    del connections.settings[alias]


def test_sqlite_writers_wait_for_the_lock_instead_of_failing(sqlite_file):
    """Two writers at once: the second waits for the first to commit, and no one gets "database is locked".

    The counters (and every ORM save) read before they write inside a transaction. Under SQLite's default deferred
    transactions such a writer, meeting another one, is refused at once (its snapshot would be stale, so SQLite
    skips the busy timeout); the project's connections open every transaction with BEGIN IMMEDIATE, which takes the
    write lock first and waits for it.
    """
    with connections[sqlite_file].cursor() as cursor:
        cursor.execute("CREATE TABLE tally (n integer)")
        cursor.execute("PRAGMA journal_mode")
        assert cursor.fetchone()[0] == "wal"  # readers go on while someone writes
    holding, release, errors = threading.Event(), threading.Event(), []

    def first_writer():
        try:
            with transaction.atomic(using=sqlite_file):
                connections[sqlite_file].cursor().execute("INSERT INTO tally VALUES (1)")
                holding.set()
                release.wait(10)
        except Exception as error:  # collected and asserted below
            errors.append(error)
        finally:
            connections[sqlite_file].close()

    thread = threading.Thread(target=first_writer)
    thread.start()
    assert holding.wait(10)
    threading.Timer(0.3, release.set).start()  # the first writer commits while the second waits
    with transaction.atomic(using=sqlite_file), connections[sqlite_file].cursor() as cursor:
        cursor.execute("SELECT count(*) FROM tally")
        seen = cursor.fetchone()[0]
        cursor.execute("INSERT INTO tally VALUES (2)")
    thread.join()
    assert errors == []
    assert seen == 1  # it waited for the first writer's commit, then read it
    with connections[sqlite_file].cursor() as cursor:
        cursor.execute("SELECT n FROM tally ORDER BY n")
        assert [row[0] for row in cursor.fetchall()] == [1, 2]
