"""schemas/asyncapi.yaml is a valid AsyncAPI 3.0.0 document that describes exactly our topics."""

from __future__ import annotations

from pathlib import Path

import orjson
import yaml
from jsonschema import Draft7Validator

from workers.schemas import SCHEMA_DIR, SCHEMA_FILES
from workers.settings import Settings

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "asyncapi"


def _document() -> dict:
    return yaml.safe_load((SCHEMA_DIR / "asyncapi.yaml").read_text())


def test_document_validates_against_the_asyncapi_3_schema() -> None:
    schema = orjson.loads((FIXTURES / "asyncapi-3.0.0.schema.json").read_bytes())
    errors = sorted(Draft7Validator(schema).iter_errors(_document()), key=lambda e: list(e.absolute_path))
    assert errors == [], [f"{list(e.absolute_path)}: {e.message}" for e in errors[:5]]


def test_the_validator_rejects_a_broken_document() -> None:
    schema = orjson.loads((FIXTURES / "asyncapi-3.0.0.schema.json").read_bytes())
    broken = _document()
    broken["operations"]["consumeNews"]["action"] = "listen"
    assert not Draft7Validator(schema).is_valid(broken)


def test_channels_are_the_contract_topics_and_payloads_our_schemas() -> None:
    doc = _document()
    addresses = {channel["address"] for channel in doc["channels"].values()}
    assert addresses == set(Settings().topics)
    refs = {m["payload"]["schema"]["$ref"] for m in doc["components"]["messages"].values()}
    assert {ref.removeprefix("./") for ref in refs} == set(SCHEMA_FILES.values())
    for ref in refs:
        assert (SCHEMA_DIR / ref.removeprefix("./")).is_file()
