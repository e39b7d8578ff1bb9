"""Claims get a claimant (the speaker of the quote a claim is in, flattened like a quote's
speaker) and a kind (historical, statistical, prediction, other).

Existing claim rows, if any, keep a null claimant (the outlet's own voice) and the kind
"other" until their articles are analysed again.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_CLAIMANT_COLUMNS = (
    ("claimant", sa.Text()), ("claimant_entity", sa.Text()),
    ("claimant_start", sa.Integer()), ("claimant_end", sa.Integer()),
)


def upgrade() -> None:
    # One batch: SQLite cannot add a NOT NULL column or an index inside ALTER TABLE alone.
    with op.batch_alter_table("claims") as claims:
        for name, type_ in _CLAIMANT_COLUMNS:
            claims.add_column(sa.Column(name, type_, nullable=True))
        claims.add_column(sa.Column("kind", sa.Text(), nullable=False, server_default="other"))
    op.create_index("ix_claims_claimant", "claims", ["claimant"])


def downgrade() -> None:
    op.drop_index("ix_claims_claimant", table_name="claims")
    with op.batch_alter_table("claims") as claims:
        for name in ("kind", *(name for name, _ in reversed(_CLAIMANT_COLUMNS))):
            claims.drop_column(name)
