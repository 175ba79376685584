"""Alembic's environment: migrate the connection handed over, or the ``-x db=URL`` given.

``till-server migrate`` passes its own connection (holding the migration lock, see
``server.migrations``); the ``alembic`` command line (new revisions, ``heads``) opens one.
Batch mode is on so that SQLite, which cannot alter constraints, copies tables instead.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, create_engine
from sqlalchemy.pool import NullPool

from server.schema import metadata


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=True,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = context.config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:
    url = context.get_x_argument(as_dictionary=True).get("db") or "sqlite:///loyalty.db"
    engine = create_engine(url, poolclass=NullPool)
    with engine.connect() as conn:
        _run(conn)
        conn.commit()
    engine.dispose()
