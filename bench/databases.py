"""The benchmarks' databases: an empty one made for a run, named by its DATABASE_URL."""

from pathlib import Path
from urllib.parse import urlsplit

POSTGRES_SERVER = "postgres://postgres@127.0.0.1:5432"


def fresh_database(url):
    """Empties the database ``url`` names: a SQLite file (with its journal) is removed, a PostgreSQL database is
    dropped and created again on its server."""
    parts = urlsplit(url)
    if parts.scheme == "sqlite":
        path = Path(parts.path)
        for suffix in ("", "-journal", "-wal", "-shm"):
            path.with_name(path.name + suffix).unlink(missing_ok=True)
        return
    import psycopg

    name = parts.path.lstrip("/")
    server = parts._replace(path="/postgres").geturl()
    with psycopg.connect(server, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')
