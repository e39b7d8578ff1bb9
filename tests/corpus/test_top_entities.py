"""Top entities count one person once: the names the store links to one person across the
corpus (store/people.py) are one row under the person's name, on SQLite and PostgreSQL
(the stories: tests/support/linked_names.py)."""

from __future__ import annotations

from presslens.corpus import Filters, top_entities
from presslens.store import open_store
from support.linked_names import store_linked_names


def test_one_person_is_one_row_under_the_best_name(store_url):
    with open_store(store_linked_names(store_url)) as store:
        rows = [(e.name, e.type, e.mentions, e.articles, e.person_id is not None)
                for e in top_entities(store, Filters(), limit=20)]
    assert rows == [
        ("Rosa P. Lindqvist", "PERSON", 5, 3, True),  # three spellings, one person, the longest full name
        ("Harbor Authority", "ORG", 2, 2, True),  # with and without "the"
        # two Brandts with full names: the bare surname could be either, so it stays apart
        ("Brandt", "PERSON", 1, 1, False),
        ("Ida Brandt", "PERSON", 1, 1, True),
        ("Nordvik", "GPE", 1, 1, False),
        ("Oskar Brandt", "PERSON", 1, 1, True),
    ]
