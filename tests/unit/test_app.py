"""The worker's small pure helpers (no broker): the --enricher loader."""

from __future__ import annotations

import pytest

from workers.app import default_enricher, load_enricher_factory


def test_enricher_factory_is_loaded_from_an_import_path() -> None:
    assert load_enricher_factory("workers.app:default_enricher") is default_enricher


@pytest.mark.parametrize("spec", ["workers.app", "workers.app:", ":default_enricher",
                                  "workers.app:PUBLISH_RETRY_MAX_S"])
def test_bad_enricher_specs_are_refused(spec: str) -> None:
    with pytest.raises(ValueError):
        load_enricher_factory(spec)
