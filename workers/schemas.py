"""JSON Schemas of the topics, loaded from the repository's `schemas/` folder."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import orjson
from jsonschema import Draft202012Validator
from referencing import Registry, Resource

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schemas"
SCHEMA_FILES = {
    "news.raw.v1": "news.raw.v1.json",
    "news.enriched.v1": "news.enriched.v1.json",
    "migration.policy-events.v1": "migration.policy-events.v1.json",
    "news.dlq.v1": "news.dlq.v1.json",
}


@cache
def _registry() -> Registry:
    resources = []
    for name in SCHEMA_FILES.values():
        doc = orjson.loads((SCHEMA_DIR / name).read_bytes())
        resource = Resource.from_contents(doc)
        # Register under the $id and the bare file name, so relative $refs resolve.
        resources += [(doc["$id"], resource), (name, resource)]
    return Registry().with_resources(resources)


@cache
def validator(schema_name: str) -> Draft202012Validator:
    """A compiled validator for one topic's schema (by contract name, e.g. "news.raw.v1")."""
    doc: dict[str, Any] = orjson.loads((SCHEMA_DIR / SCHEMA_FILES[schema_name]).read_bytes())
    return Draft202012Validator(doc, registry=_registry())
