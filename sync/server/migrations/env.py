"""Alembic environment for the central server's database (SQLite or PostgreSQL).

`sync.server.migrate.upgrade()` runs this with a connection that is already inside a
transaction (and, on PostgreSQL, holding an advisory lock), so several server processes
starting at once upgrade the schema exactly once. The `alembic` command line works too:
`alembic -x url=sqlite:///chain.sqlite upgrade head` from `sync/server/migrations`'s parent
configuration in `sync/server/alembic.ini`.
"""

from __future__ import annotations

from alembic import context

from sync.server.schema import metadata

config = context.config
connection = config.attributes.get("connection")

if connection is None:
    from sync.server.db import make_engine

    url = context.get_x_argument(as_dictionary=True).get("url") or config.get_main_option("sqlalchemy.url")
    if not url:
        raise SystemExit("give the database: alembic -x url=postgresql+psycopg://... upgrade head")
    with make_engine(url).begin() as conn:
        context.configure(connection=conn, target_metadata=metadata, render_as_batch=True)
        context.run_migrations()
else:
    context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()
