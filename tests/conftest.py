"""Shared test helpers (no network here)."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

FIXTURES = Path(__file__).parent / "fixtures"


def load_script(path: Path, name: str) -> ModuleType:
    """A script outside the package (bench/*.py) as a module, for tests of its pure functions."""
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def news_item(item_id: str, body: str, **extra: Any) -> dict[str, Any]:
    return {"id": item_id, "url": f"https://example.test/{item_id}", "source": "test", "title": None,
            "body": body, "published_at": "2019-03-26T20:00:00Z", **extra}


@pytest.fixture(scope="session")
def seed_gold() -> dict[str, Any]:
    return json.loads((FIXTURES / "seed-gold.json").read_text())


@pytest.fixture(scope="session")
def seed_item(seed_gold: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in seed_gold.items() if k not in ("gold", "notes")}
