"""The benchmark's ratio arithmetic (bench/bench.py): pure functions, no broker, no model."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest

from tests.conftest import load_script

_BENCH = Path(__file__).resolve().parents[2] / "bench" / "bench.py"


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    return load_script(_BENCH, "borderlines_bench")


def _run(rate: float) -> dict[str, float]:
    return {"items_per_s": rate}


def test_round_ratio_divides_by_the_mean_of_the_bracketing_bare_runs(bench: ModuleType) -> None:
    ratios = bench.round_ratios(_run(3.6), _run(6.3), [_run(4.0), _run(4.4)])
    assert ratios["e2e_vs_bare"] == pytest.approx(3.6 / 4.2)
    assert ratios["prefilter_vs_full"] == pytest.approx(6.3 / 3.6)
    assert ratios["bare_items_per_s"] == [4.0, 4.4]


def test_median_run_is_the_middle_rate_and_the_lower_middle_for_an_even_count(bench: ModuleType) -> None:
    assert bench.median_run([_run(3.8), _run(3.4), _run(3.7)])["items_per_s"] == 3.7
    assert bench.median_run([_run(3.8), _run(3.4), _run(3.7), _run(3.5)])["items_per_s"] == 3.5
    assert bench.median_run([_run(2.0)])["items_per_s"] == 2.0
