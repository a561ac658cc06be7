"""The schema machinery: fields, tables, the validator that names file, line and field, and the writer of
``data/datapackage.json`` (Frictionless Data Package / Table Schema)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

import pandas as pd

from analysis.common.errors import DataError

PRECISIONS = ["day", "month", "year", "decade", "unknown"]
ISO3 = r"^[A-Z]{3}$"
DATE_TRUNC = r"^\d{4}(-\d{2}(-\d{2})?)?$"
#: President ids come from data/administrations.csv (a foreign key where a table names only presidents);
#: event tables may also say "background" (before the first coded administration).
PRESIDENT_ID = r"^[a-z][a-z0-9_]*$"


@dataclass(frozen=True)
class Field:
    name: str
    type: str  # string, integer, number, boolean
    description: str
    required: bool = False
    enum: tuple[str, ...] | None = None
    pattern: str | None = None
    minimum: float | None = None
    maximum: float | None = None

    def descriptor(self) -> dict:
        d: dict = {"name": self.name, "type": self.type, "description": self.description}
        c: dict = {}
        if self.required:
            c["required"] = True
        if self.enum:
            c["enum"] = list(self.enum)
        if self.pattern:
            c["pattern"] = self.pattern
        if self.minimum is not None:
            c["minimum"] = self.minimum
        if self.maximum is not None:
            c["maximum"] = self.maximum
        if c:
            d["constraints"] = c
        if self.type == "boolean":
            d["trueValues"], d["falseValues"] = ["true", "True"], ["false", "False"]
        return d


@dataclass(frozen=True)
class Table:
    name: str
    path: str
    title: str
    description: str
    fields: tuple[Field, ...]
    primary_key: tuple[str, ...] = ()
    foreign_keys: tuple[tuple[str, str, str], ...] = ()  # (field, resource, field)
    kind: str = "derived"  # derived, curated
    sources: tuple[dict, ...] = field(default_factory=tuple)

    def descriptor(self) -> dict:
        schema: dict = {"fields": [f.descriptor() for f in self.fields], "missingValues": [""]}
        if self.primary_key:
            schema["primaryKey"] = list(self.primary_key)
        if self.foreign_keys:
            schema["foreignKeys"] = [
                {"fields": f, "reference": {"resource": r, "fields": rf}} for f, r, rf in self.foreign_keys
            ]
        d = {
            "name": self.name,
            "path": self.path,
            "profile": "tabular-data-resource",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "title": self.title,
            "description": self.description,
            "schema": schema,
        }
        if self.sources:
            d["sources"] = list(self.sources)
        return d


def F(name, type_, description, **kw) -> Field:
    return Field(name, type_, description, **kw)


def table_from_frame(
    name: str,
    path: str,
    title: str,
    description: str,
    df: pd.DataFrame,
    descriptions: dict[str, str],
    primary_key: tuple[str, ...] = (),
    sources: tuple[dict, ...] = (),
) -> Table:
    """A schema for a table whose columns another module documents (UN and SIPRI tables)."""
    fields = []
    for col in df.columns:
        dt = df[col].dtype
        if pd.api.types.is_bool_dtype(dt):
            t = "boolean"
        elif pd.api.types.is_integer_dtype(dt):
            t = "integer"
        elif pd.api.types.is_float_dtype(dt):
            t = "number"
        else:
            t = "string"
        fields.append(Field(col, t, descriptions.get(col, col.replace("_", " "))))
    return Table(name, path, title, description, tuple(fields), primary_key, sources=sources)


_INT = re.compile(r"^-?\d+$")
_NUM = re.compile(r"^-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$|^(nan|NaN)$")


def validate(table: Table, csv_text: str, label: str | None = None) -> None:
    """Check CSV text against its schema; the first problem is a DataError naming file, line and field."""
    import csv
    import io

    label = label or f"data/{table.path}"
    reader = csv.reader(io.StringIO(csv_text))
    header = next(reader, [])
    names = [f.name for f in table.fields]
    if header != names:
        missing = [n for n in names if n not in header]
        extra = [h for h in header if h not in names]
        raise DataError(f"columns differ from the schema (missing {missing}, unexpected {extra})", label, 1)
    keys: dict[tuple, int] = {}
    for line, values in enumerate(reader, start=2):
        if len(values) != len(names):
            raise DataError(f"{len(values)} fields where the schema has {len(names)}", label, line)
        for f, v in zip(table.fields, values, strict=True):
            if v == "":
                if f.required:
                    raise DataError("required value is empty", label, line, f.name)
                continue
            if f.type == "integer" and not _INT.match(v):
                raise DataError(f"not an integer: {v!r}", label, line, f.name)
            if f.type == "number" and not _NUM.match(v):
                raise DataError(f"not a number: {v!r}", label, line, f.name)
            if f.type == "boolean" and v not in ("true", "false", "True", "False"):
                raise DataError(f"not a boolean: {v!r}", label, line, f.name)
            if f.enum and v not in f.enum:
                raise DataError(f"{v!r} is not one of {', '.join(f.enum)}", label, line, f.name)
            if f.pattern and not re.match(f.pattern, v):
                raise DataError(f"{v!r} does not match {f.pattern}", label, line, f.name)
            if f.type in ("integer", "number") and v not in ("nan", "NaN"):
                x = float(v)
                if (f.minimum is not None and x < f.minimum) or (f.maximum is not None and x > f.maximum):
                    raise DataError(f"{v} outside {f.minimum}..{f.maximum}", label, line, f.name)
        if table.primary_key:
            key = tuple(values[names.index(k)] for k in table.primary_key)
            if key in keys:
                raise DataError(
                    f"duplicate primary key {key} (first on line {keys[key]})",
                    label,
                    line,
                    ",".join(table.primary_key),
                )
            keys[key] = line


def check_foreign_keys(tables: dict[str, pd.DataFrame], schemas: dict[str, Table]) -> None:
    for name, t in schemas.items():
        for fld, ref, ref_fld in t.foreign_keys:
            missing = set(tables[name][fld]) - set(tables[ref][ref_fld])
            if missing:
                raise DataError(
                    f"{fld} values not in {ref}.{ref_fld}: {sorted(missing)[:3]}", f"data/{t.path}", None, fld
                )


def datapackage(tables: list[Table], external: list[dict]) -> str:
    """The data package descriptor as deterministic JSON text."""
    pkg = {
        "profile": "tabular-data-package",
        "name": "ecuador-israel-alignment",
        "title": "Ecuador's stance toward Israel: events, stance per administration, external measures",
        "description": "Events extracted from news articles with sentence-level provenance, reconciled, "
        "corrected by analysts and coded per Ecuadorian administration; beside them, UN General "
        "Assembly votes and the SIPRI arms register. Generated by `alignment build`.",
        "licenses": [{"name": "CC-BY-4.0", "title": "Derived tables: Creative Commons Attribution 4.0"}],
        "resources": [t.descriptor() for t in tables] + external,
    }
    return json.dumps(pkg, indent=2, ensure_ascii=False, sort_keys=False) + "\n"
