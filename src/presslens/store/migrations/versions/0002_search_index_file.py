"""SQLite: the full-text index moves out of the database into its own file.

Revision 0001 kept an external-content FTS5 table inside the database, filled by
triggers. Indexing then ran in the same write transaction as the inserts; in its own
file (`store/search_index.py`) it runs beside them. The new index is created and filled
from the articles when the store is next opened. PostgreSQL is unchanged.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

_TRIGGERS = ("articles_fts_insert", "articles_fts_delete", "articles_fts_update")


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for trigger in _TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute("DROP TABLE IF EXISTS main.articles_fts")


def downgrade() -> None:
    """Restores revision 0001's in-database index and its triggers, filled from the articles.

    Names inside a trigger body stay unqualified: SQLite resolves them in the trigger's
    own database (main), and refuses schema-qualified ones there."""
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute(
        "CREATE VIRTUAL TABLE main.articles_fts USING fts5(title, text, content='articles', "
        "content_rowid='seq', tokenize='porter unicode61 remove_diacritics 2')"
    )
    op.execute(
        "CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN "
        "INSERT INTO articles_fts(rowid, title, text) VALUES (new.seq, new.title, new.text); END"
    )
    op.execute(
        "CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN "
        "INSERT INTO articles_fts(articles_fts, rowid, title, text) "
        "VALUES ('delete', old.seq, old.title, old.text); END"
    )
    op.execute(
        "CREATE TRIGGER articles_fts_update AFTER UPDATE ON articles BEGIN "
        "INSERT INTO articles_fts(articles_fts, rowid, title, text) "
        "VALUES ('delete', old.seq, old.title, old.text); "
        "INSERT INTO articles_fts(rowid, title, text) VALUES (new.seq, new.title, new.text); END"
    )
    op.execute("INSERT INTO main.articles_fts(articles_fts) VALUES ('rebuild')")
