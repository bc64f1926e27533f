"""The analysis store's schema, read from ``tables.yaml`` (the data model is data).

:func:`load_schema` gives the tables; :func:`ddl` the ``CREATE TABLE``
statements; :func:`markdown` the text of ``docs/schema.md``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml


@dataclass(frozen=True, slots=True)
class Column:
    """One column: name, SQL type, meaning."""

    name: str
    type: str
    doc: str


@dataclass(frozen=True, slots=True)
class Table:
    """One table of the analysis store."""

    name: str
    doc: str
    columns: tuple[Column, ...]
    has_provenance: bool

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)


@dataclass(frozen=True, slots=True)
class Schema:
    """All tables, and the version of the contract."""

    version: int
    tables: dict[str, Table]
    provenance: tuple[Column, ...]


def _columns(rows: list[list[str]]) -> tuple[Column, ...]:
    return tuple(Column(name, typ, doc) for name, typ, doc in rows)


@cache
def load_schema() -> Schema:
    """Read ``tables.yaml`` from the package."""
    data = _read("tables.yaml")
    prov = _columns(data["provenance"])
    specs = dict(data["tables"])
    for part in data.get("include", []):
        for name, spec in _read(part)["tables"].items():
            if name in specs:
                raise ValueError(f"table {name} defined twice in the model ({part})")
            specs[name] = spec
    tables: dict[str, Table] = {}
    for name, spec in specs.items():
        own = _columns(spec["columns"])
        with_prov = bool(spec.get("provenance", True))
        cols = own + prov if with_prov else own
        tables[name] = Table(name, spec["doc"], cols, with_prov)
    return Schema(int(data["version"]), tables, prov)


def _read(name: str) -> dict[str, Any]:
    text = resources.files("safeguard.model").joinpath(name).read_text("utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return data


def ddl() -> list[str]:
    """``CREATE TABLE IF NOT EXISTS`` statements for every table."""
    out = []
    for table in load_schema().tables.values():
        cols = ",\n  ".join(f'"{c.name}" {c.type}' for c in table.columns)
        out.append(f'CREATE TABLE IF NOT EXISTS "{table.name}" (\n  {cols}\n)')
    return out


def markdown() -> str:
    """The text of docs/schema.md."""
    schema = load_schema()
    lines = [
        "# Analysis store schema",
        "",
        f"Contract version **{schema.version}**. Generated from "
        "`src/safeguard/model/tables*.yaml` by `safeguard schema --markdown`; "
        "a test fails when this file and the model disagree.",
        "",
        'Query it read-only with `safeguard query CASE "SQL"`. Times are UTC '
        "`TIMESTAMP`s; IPs are normalised text; ids are stable across re-runs.",
        "",
        "Tables marked *with provenance* also carry these columns:",
        "",
        "| column | type | meaning |",
        "|---|---|---|",
    ]
    lines += [f"| `{c.name}` | {c.type} | {c.doc} |" for c in schema.provenance]
    for table in schema.tables.values():
        lines += ["", f"## `{table.name}`", "", table.doc]
        if table.has_provenance:
            lines[-1] += " *With provenance.*"
        lines += ["", "| column | type | meaning |", "|---|---|---|"]
        own = [c for c in table.columns if c not in schema.provenance]
        lines += [f"| `{c.name}` | {c.type} | {c.doc} |" for c in own]
    return "\n".join(lines) + "\n"
