"""Quote provenance in the store: every quote of a latest analysis given its wording, and
each wording its group (the rule is in store/quote_similarity.py; docs/quotes.md).

Grouping catches up with the analyses saved since it last ran: the quotes of analyses that
are no longer latest leave, new quotes join, and only the groups either touches are worked
out again, over all their wordings at once. Groups are connected components of a rule that
depends on nothing but two wordings, so catching up and grouping from nothing give the
same groups (a group's id, its smallest wording id, may differ).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice

from sqlalchemy import Connection, and_, bindparam, delete, exists, func, insert, select, update

from presslens.store.quote_similarity import MIN_WORDS, Words, group_wordings, relate, shingles, text_key, words_of
from presslens.store.schema import analyses, quote_appearances, quote_shingles, quote_wordings, quotes

_CHUNK = 500


@dataclass
class GroupingRun:
    """What one run of grouping did."""

    added: int  # quotes of latest analyses grouped now
    removed: int  # quotes of analyses no longer latest taken out (those of deleted analyses went with them)
    regrouped: int  # wordings whose group was worked out again
    quotes: int  # quotes of latest analyses grouped in all (short ones included)
    groups: int  # groups of two or more wordings, or of one wording quoted in two or more places


def _chunks(items: Iterable, size: int = _CHUNK) -> Iterator[list]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def catch_up(conn: Connection) -> GroupingRun:
    """Groups the quotes saved since the last run and takes out those superseded."""
    latest = select(analyses.c.id).where(analyses.c.latest.is_(True))
    # The quotes of deleted analyses have gone with them (a foreign key); those of analyses no longer latest go now.
    removed = conn.execute(delete(quote_appearances).where(quote_appearances.c.analysis_id.not_in(latest))).rowcount
    grouped = exists().where(and_(quote_appearances.c.analysis_id == quotes.c.analysis_id,
                                  quote_appearances.c.quote_idx == quotes.c.idx))
    new_quotes = conn.execute(
        select(quotes.c.analysis_id, quotes.c.idx, quotes.c.text)
        .join(analyses, analyses.c.id == quotes.c.analysis_id)
        .where(and_(analyses.c.latest.is_(True), ~grouped))
    ).all()
    words_by_key: dict[str, Words] = {}
    rows = []
    for analysis_id, idx, text in new_quotes:
        words = words_of(text)
        key = text_key(words) if len(words) >= MIN_WORDS else None
        if key:
            words_by_key[key] = words
        rows.append((analysis_id, idx, key))
    stored_before = conn.execute(select(func.count()).select_from(quote_wordings)).scalar_one()
    ids, added_keys = _wording_ids(conn, words_by_key)
    new_wordings = {ids[key]: words_by_key[key] for key in added_keys}
    if rows:
        conn.execute(insert(quote_appearances), [
            {"analysis_id": a, "quote_idx": i, "wording_id": ids[k] if k else None} for a, i, k in rows])
    # After the new quotes are in, so that an article analysed again keeps the wordings it still quotes.
    touched = _drop_unquoted(conn)
    if stored_before:
        touched |= _groups_related_to(conn, new_wordings)
    regrouped = _regroup(conn, touched, new_wordings)
    return GroupingRun(added=len(rows), removed=removed, regrouped=regrouped, **_totals(conn))


def _wording_ids(conn: Connection, words_by_key: dict[str, Words]) -> tuple[dict[str, int], list[str]]:
    """The id of each wording, adding those not stored yet (each its own group for now, with
    its shingles), and the keys of those added."""
    ids: dict[str, int] = {}
    for chunk in _chunks(sorted(words_by_key)):
        ids.update(conn.execute(select(quote_wordings.c.text_key, quote_wordings.c.id)
                                .where(quote_wordings.c.text_key.in_(chunk))).all())
    missing = [key for key in sorted(words_by_key) if key not in ids]
    for chunk in _chunks(missing):
        added = conn.execute(
            insert(quote_wordings).returning(quote_wordings.c.text_key, quote_wordings.c.id),
            [{"text_key": key, "words": " ".join(words_by_key[key]), "group_id": 0} for key in chunk],
        ).all()
        ids.update(dict(added))
    new_ids = [ids[key] for key in missing]
    if new_ids:
        conn.execute(update(quote_wordings).where(quote_wordings.c.id.in_(new_ids))
                     .values(group_id=quote_wordings.c.id))
        shingle_rows = [{"shingle": s, "wording_id": ids[key]} for key in missing for s in shingles(words_by_key[key])]
        for chunk in _chunks(shingle_rows, 5000):
            conn.execute(insert(quote_shingles), chunk)
    return ids, missing


def _drop_unquoted(conn: Connection) -> set[int]:
    """Deletes the wordings no quote has any more; returns the groups they were in."""
    quoted = exists().where(quote_appearances.c.wording_id == quote_wordings.c.id)
    gone = conn.execute(select(quote_wordings.c.id, quote_wordings.c.group_id).where(~quoted)).all()
    for chunk in _chunks(gone):
        gone_ids = [wording for wording, _ in chunk]
        conn.execute(delete(quote_shingles).where(quote_shingles.c.wording_id.in_(gone_ids)))
        conn.execute(delete(quote_wordings).where(quote_wordings.c.id.in_(gone_ids)))
    return {group for _, group in gone}


def _groups_related_to(conn: Connection, new_wordings: dict[int, Words]) -> set[int]:
    """The groups of stored wordings that a new wording is one quote with."""
    if not new_wordings:
        return set()
    by_shingle: dict[int, list[int]] = {}
    for wording_id, words in new_wordings.items():
        for s in shingles(words):
            by_shingle.setdefault(s, []).append(wording_id)
    pairs: set[tuple[int, int]] = set()
    for chunk in _chunks(sorted(by_shingle)):
        found = conn.execute(select(quote_shingles.c.shingle, quote_shingles.c.wording_id)
                             .where(quote_shingles.c.shingle.in_(chunk))).all()
        pairs.update((new, old) for s, old in found if old not in new_wordings for new in by_shingle[s])
    olds = _words_and_groups(conn, {old for _, old in pairs})
    return {olds[old][1] for new, old in pairs if relate(new_wordings[new], olds[old][0])}


def _words_and_groups(conn: Connection, wording_ids: set[int]) -> dict[int, tuple[Words, int]]:
    found = {}
    for chunk in _chunks(sorted(wording_ids)):
        for wording_id, words, group in conn.execute(
                select(quote_wordings.c.id, quote_wordings.c.words, quote_wordings.c.group_id)
                .where(quote_wordings.c.id.in_(chunk))):
            found[wording_id] = (tuple(words.split()), group)
    return found


def _regroup(conn: Connection, groups: set[int], new_wordings: dict[int, Words]) -> int:
    """Works out again the groups of every wording in `groups` and of the new wordings, and
    stores each wording's group; returns how many wordings that covered."""
    members: dict[int, Words] = dict(new_wordings)
    for chunk in _chunks(sorted(groups)):
        for wording_id, words in conn.execute(select(quote_wordings.c.id, quote_wordings.c.words)
                                              .where(quote_wordings.c.group_id.in_(chunk))):
            members[wording_id] = tuple(words.split())
    if not members:
        return 0
    group_of = group_wordings(members).group_of
    stored = _words_and_groups(conn, set(members))
    changed = [{"b_id": w, "b_group": g} for w, g in group_of.items() if stored[w][1] != g]
    for chunk in _chunks(changed, 5000):
        conn.execute(update(quote_wordings).where(quote_wordings.c.id == bindparam("b_id"))
                     .values(group_id=bindparam("b_group")), chunk)
    return len(members)


def _totals(conn: Connection) -> dict[str, int]:
    quoted = conn.execute(select(func.count()).select_from(quote_appearances)).scalar_one()
    per_group = (select(quote_wordings.c.group_id, func.count().label("n"))
                 .select_from(quote_appearances.join(quote_wordings,
                                                     quote_wordings.c.id == quote_appearances.c.wording_id))
                 .group_by(quote_wordings.c.group_id).having(func.count() > 1).subquery())
    groups = conn.execute(select(func.count()).select_from(per_group)).scalar_one()
    return {"quotes": quoted, "groups": groups}


def rebuild(conn: Connection) -> GroupingRun:
    """Groups every quote of the latest analyses from nothing."""
    conn.execute(delete(quote_appearances))
    conn.execute(delete(quote_shingles))
    conn.execute(delete(quote_wordings))
    return catch_up(conn)
