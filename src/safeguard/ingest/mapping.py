"""Declarative mappings: which source table and column becomes which record field.

A mapping is a YAML file (data, not code): ``mappings/*.yaml`` in the
package, plus any ``*.yaml`` in the case's ``mappings/`` folder or in
``SAFEGUARD_MAPPINGS_DIR``. See docs/mappings.md for the format. In short::

    name: phpbb3
    readers: [mysqldump]
    detect: {tables: [users, posts, privmsgs], prefixes: [phpbb_]}
    time_source: unix_epoch
    records:
      posts:
        from: {table: posts, as: p}
        key: "{p.post_id}"
        fields:
          account_id: "{p.poster_id}"          # a reference: becomes the account's id
          posted_at: "sg_epoch({p.post_time})"
          ip: "sg_ip_text({p.poster_ip})"

Field expressions are DuckDB SQL over ``{alias.column}`` placeholders. A
field may list alternatives; those naming a column or table the evidence
lacks are dropped and the rest are coalesced, so one mapping covers several
versions of a software. Forum values only ever flow through these
expressions as data, never into SQL text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from safeguard.exceptions import MappingError
from safeguard.model.schema import load_schema

PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\.([A-Za-z0-9_$ -]+)\}")

#: record table -> (id column, id kind); the id derives from the mapping's ``key``
ID_COLUMNS = {
    "accounts": ("account_id", "acc"),
    "posts": ("post_id", "post"),
    "private_messages": ("message_id", "pm"),
    "mail_messages": ("mail_id", "mail"),
}
#: (record table, column) -> id kind: the mapping gives the source key, the id is derived
REFERENCES = {
    ("posts", "account_id"): "acc",
    ("private_messages", "sender_account_id"): "acc",
    ("message_recipients", "account_id"): "acc",
    ("message_recipients", "message_id"): "pm",
    ("login_events", "account_id"): "acc",
    ("mail_recipients", "mail_id"): "mail",
    ("mail_messages", "from_account_id"): "acc",
}


@dataclass(frozen=True, slots=True)
class Join:
    table: str
    alias: str
    on: str
    first_per: str | None = None  # set: keep the first matching row per source row


@dataclass(frozen=True, slots=True)
class Unnest:
    expr: str
    alias: str
    fields: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class RecordSpec:
    """How one record table is filled from one source table."""

    record: str
    table: str
    alias: str
    fields: dict[str, list[str]]
    key: list[str] = field(default_factory=list)
    joins: tuple[Join, ...] = ()
    where: tuple[str, ...] = ()
    unnest: Unnest | None = None


@dataclass(frozen=True, slots=True)
class Mapping:
    """A whole mapping file."""

    name: str
    title: str
    readers: tuple[str, ...]
    detect_tables: tuple[str, ...]
    prefixes: tuple[str, ...]
    time_source: str
    specs: tuple[RecordSpec, ...]
    source: str

    def tables_used(self) -> set[str]:
        used = {s.table for s in self.specs}
        used |= {j.table for s in self.specs for j in s.joins}
        return used


def _alts(value: Any) -> list[str]:
    if value is None:
        return ["NULL"]
    return [str(v) for v in value] if isinstance(value, list) else [str(value)]


def _spec(record: str, data: dict[str, Any], where_from: str) -> RecordSpec:
    schema = load_schema()
    if record not in schema.tables:
        raise MappingError(f"{where_from}: unknown record table {record!r}")
    columns = set(schema.tables[record].column_names)
    fields = {k: _alts(v) for k, v in (data.get("fields") or {}).items()}
    bad = set(fields) - columns
    if bad:
        raise MappingError(f"{where_from}: {record} has no column(s) {sorted(bad)}")
    src = data.get("from") or {}
    # YAML 1.1 reads a bare `on:` key as boolean True; accept both spellings
    joins = tuple(
        Join(j["table"], j["as"], j["on"] if "on" in j else j[True], j.get("first_per"))
        for j in data.get("joins") or []
    )
    un = data.get("unnest")
    unnest = Unnest(un["expr"], un["as"], tuple(un["fields"])) if un else None
    if record in ID_COLUMNS and "key" not in data:
        raise MappingError(f"{where_from}: {record} needs a `key` (the source's own id)")
    return RecordSpec(
        record,
        src["table"],
        src["as"],
        fields,
        _alts(data.get("key")) if "key" in data else [],
        joins,
        tuple(_alts(data.get("where") or []) if data.get("where") else ()),
        unnest,
    )


def parse_mapping(text: str, where_from: str) -> Mapping:
    """Parse and validate a mapping file's text."""
    try:
        data = yaml.safe_load(text)
        records = data["records"]
        specs: list[RecordSpec] = []
        for record, spec in records.items():
            for one in spec if isinstance(spec, list) else [spec]:
                specs.append(_spec(record, one, where_from))
        detect = data.get("detect") or {}
        return Mapping(
            name=str(data["name"]),
            title=str(data.get("title", data["name"])),
            readers=tuple(data.get("readers") or ()),
            detect_tables=tuple(detect.get("tables") or ()),
            prefixes=tuple(detect.get("prefixes") or ()),
            time_source=str(data.get("time_source", "unknown")),
            specs=tuple(specs),
            source=where_from,
        )
    except MappingError:
        raise
    except (yaml.YAMLError, KeyError, TypeError, AttributeError) as exc:
        raise MappingError(f"{where_from}: not a valid mapping ({exc!r})") from exc


def load_mappings(extra_dirs: list[Path] | None = None) -> dict[str, Mapping]:
    """Shipped mappings plus any in ``extra_dirs`` (later ones win by name)."""
    found: dict[str, Mapping] = {}
    pkg = resources.files("safeguard.ingest").joinpath("mappings")
    for entry in sorted(pkg.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".yaml"):
            m = parse_mapping(entry.read_text("utf-8"), f"mappings/{entry.name}")
            found[m.name] = m
    for folder in extra_dirs or []:
        for path in sorted(folder.glob("*.yaml")) if folder.is_dir() else []:
            m = parse_mapping(path.read_text("utf-8"), str(path))
            found[m.name] = m
    return found


def load_mapping_file(path: Path) -> Mapping:
    """One user-written mapping file (for ``--format path/to/mapping.yaml``)."""
    if not path.is_file():
        raise MappingError(f"{path}: mapping file not found")
    return parse_mapping(path.read_text("utf-8"), str(path))
