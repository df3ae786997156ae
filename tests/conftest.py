"""Shared test helpers (no network here)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

FIXTURES = Path(__file__).parent / "fixtures"


def news_item(item_id: str, body: str, **extra: Any) -> dict[str, Any]:
    return {"id": item_id, "url": f"https://example.test/{item_id}", "source": "test", "title": None,
            "body": body, "published_at": "2019-03-26T20:00:00Z", **extra}


@pytest.fixture(scope="session")
def seed_gold() -> dict[str, Any]:
    return json.loads((FIXTURES / "seed-gold.json").read_text())


@pytest.fixture(scope="session")
def seed_item(seed_gold: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in seed_gold.items() if k not in ("gold", "notes")}
