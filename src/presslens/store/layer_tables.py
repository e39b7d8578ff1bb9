"""How a layer of an Analysis is stored: one description per table, from which both the
table's columns and the mapping between rows and dataclasses follow.

A row per item, keyed by the analysis and the item's position (`idx`), so a layer reads
back in the order it was saved. The columns are the item's fields in order, typed from the
dataclass's type hints: str, int and float as Text, Integer and Float (nullable when
`X | None`), a Literal of strings as Text, a list or dict as JSON. A nested optional
dataclass is flattened into columns of its own (see `flattened`), and a list stored in a
child table keeps its length in a column after the others (see `children`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, fields, is_dataclass
from functools import cached_property
from typing import Any, Literal, get_args, get_origin

from sqlalchemy import JSON, Column, Float, Index, Integer, Text
from sqlalchemy.types import TypeEngine

from presslens.analysis import optional_type, read_plain, type_hints

_SCALAR_COLUMNS: dict[type, type[TypeEngine]] = {str: Text, int: Integer, float: Float}


@dataclass(frozen=True)
class LayerTable:
    """The table of one layer: `name`, the dataclass of one row (`item`) and how its fields map to columns."""

    name: str
    item: type
    # The columns that key a row after `analysis_id`; a child table's first one is its parent's idx.
    keys: tuple[str, ...] = ("idx",)
    # field -> column name, where the field's own name would not do.
    renamed: Mapping[str, str] = field(default_factory=dict)
    # An optional nested dataclass field -> its field stored under the field's own name (the one
    # that says whether it is there); its other fields go to "<field>_<nested field>" columns.
    flattened: Mapping[str, str] = field(default_factory=dict)
    # A list field -> the table holding one row per element; this table keeps only the count.
    children: Mapping[str, LayerTable] = field(default_factory=dict)
    # Columns with an index of their own, named ix_<table>_<column>.
    indexed: tuple[str, ...] = ()

    def columns(self) -> list[Column]:
        """The columns after `analysis_id`: keys, then fields in order, then child counts."""
        hints = type_hints(self.item)
        flattened = {name: pairs for name, _, pairs in self._flattened_fields}
        keys = [Column(key, Integer, primary_key=True) for key in self.keys]
        values, counts = [], []
        for f in fields(self.item):
            if f.name in self.children:
                counts.append(Column(f.name, Integer, nullable=False))
            elif f.name in flattened:
                # Every column of a flattened field is null when the field is None.
                nested = type_hints(_nested_dataclass(hints[f.name], f.name))
                values.extend(Column(column, column_type(_stored(nested[part])[0]), nullable=True)
                              for column, part in flattened[f.name])
            else:
                stored, nullable = _stored(hints[f.name])
                values.append(Column(self.renamed.get(f.name, f.name), column_type(stored), nullable=nullable))
        return keys + values + counts

    def indexes(self) -> list[Index]:
        return [Index(f"ix_{self.name}_{column}", column) for column in self.indexed]

    @cached_property
    def _plain_fields(self) -> list[tuple[str, str, Any]]:
        """(field, column, type) of each field stored in a column of its own; the type only
        where the value is converted (JSON), None where the column holds it as it is."""
        hints = type_hints(self.item)
        return [(f.name, self.renamed.get(f.name, f.name), hints[f.name] if _is_json(hints[f.name]) else None)
                for f in fields(self.item) if f.name not in self.flattened and f.name not in self.children]

    @cached_property
    def _flattened_fields(self) -> list[tuple[str, type, list[tuple[str, str]]]]:
        """(field, its dataclass, (column, nested field) pairs) of each flattened field; the
        first pair is the nested field that says whether the field is there."""
        hints = type_hints(self.item)
        found = []
        for name, present in self.flattened.items():
            nested = _nested_dataclass(hints[name], name)
            others = [(f"{name}_{f.name}", f.name) for f in fields(nested) if f.name != present]
            found.append((name, nested, [(name, present), *others]))
        return found

    def values(self, item: Any) -> dict[str, Any]:
        """The column values of one item (keys and child rows aside)."""
        row = {column: getattr(item, name) if hint is None else _plain(getattr(item, name))
               for name, column, hint in self._plain_fields}
        for name, _, pairs in self._flattened_fields:
            value = getattr(item, name)
            row.update({column: None if value is None else getattr(value, part) for column, part in pairs})
        for name in self.children:
            row[name] = len(getattr(item, name))
        return row

    def item_from_row(self, row: Any, children: Mapping[str, list[Any]]) -> Any:
        """The item a row stores, with the child items already read back from their tables."""
        values = row._mapping
        kwargs = {name: values[column] if hint is None else read_plain(hint, values[column])
                  for name, column, hint in self._plain_fields}
        for name, nested, pairs in self._flattened_fields:
            present = values[pairs[0][0]] is not None
            kwargs[name] = nested(**{part: values[column] for column, part in pairs}) if present else None
        return self.item(**kwargs, **children)

    def rows(self, items: list[Any], key: dict[str, int]) -> dict[str, list[dict[str, Any]]]:
        """Rows of this table and of its child tables, by table name, in layer order.

        `key` holds the key columns above an item's own position (analysis_id, a parent's idx)."""
        rows: dict[str, list[dict[str, Any]]] = {self.name: [], **{c.name: [] for c in self.children.values()}}
        own = self.keys[-1]
        for position, item in enumerate(items):
            rows[self.name].append({**key, own: position, **self.values(item)})
            for field_name, child in self.children.items():
                child_key = {"analysis_id": key["analysis_id"], child.keys[0]: position}
                for table, child_rows in child.rows(getattr(item, field_name), child_key).items():
                    rows[table].extend(child_rows)
        return rows

    def items(self, rows_by_table: Mapping[str, list[Any]]) -> list[Any]:
        """The items stored in this table's rows and its children's (each list in key order), by table name."""
        children: dict[str, dict[int, list[Any]]] = {}
        for field_name, child in self.children.items():
            by_parent = children.setdefault(field_name, {})
            for row in rows_by_table[child.name]:
                by_parent.setdefault(row._mapping[child.keys[0]], []).append(child.item_from_row(row, {}))
        own = self.keys[-1]
        return [
            self.item_from_row(
                row, {name: by_parent.get(row._mapping[own], []) for name, by_parent in children.items()},
            )
            for row in rows_by_table[self.name]
        ]


def column_type(hint: Any) -> type[TypeEngine]:
    """The column type of a field's type; a type the store cannot hold is an error at import."""
    if hint in _SCALAR_COLUMNS:
        return _SCALAR_COLUMNS[hint]
    if get_origin(hint) is Literal and all(isinstance(arg, str) for arg in get_args(hint)):
        return Text
    if _is_json(hint):
        return JSON
    raise TypeError(f"no column type for {hint!r}: add it to presslens.store.layer_tables or flatten the field")


def _is_json(hint: Any) -> bool:
    return get_origin(_stored(hint)[0]) in (list, dict)


def _stored(hint: Any) -> tuple[Any, bool]:
    """The type a column holds for a field's type, and whether it may be null (`X | None`)."""
    inner = optional_type(hint)
    return (hint, False) if inner is None else (inner, True)


def _nested_dataclass(hint: Any, field_name: str) -> type:
    nested = optional_type(hint)
    if not is_dataclass(nested):
        raise TypeError(f"{field_name}: only an optional dataclass field (X | None) can be flattened, not {hint!r}")
    return nested


def _plain(value: Any) -> Any:
    """A list or dict field's value as its JSON column holds it."""
    if is_dataclass(value):
        return asdict(value)
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return dict(value)
    return value
