"""Under CI=true a missing broker must fail the integration tests, never skip them.

Runs pytest on one integration test in a subprocess with a broken broker cache (the jar
directory is marked complete but empty, so the JVM cannot find Kafka): no network needed.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from workers.localbroker import jars_dir

REPO = Path(__file__).resolve().parents[2]
ONE_INTEGRATION_TEST = "tests/integration/test_tools.py::test_topics_create_is_idempotent_and_sets_partitions"


def _run_without_broker(tmp_path: Path, ci: str | None) -> subprocess.CompletedProcess[str]:
    libs = jars_dir(tmp_path)
    libs.mkdir(parents=True)
    (libs / ".complete").touch()
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    env["BORDERLINES_CACHE_DIR"] = str(tmp_path)
    if ci is not None:
        env["CI"] = ci
    return subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", ONE_INTEGRATION_TEST],
                          cwd=REPO, env=env, capture_output=True, text=True, timeout=180)


@pytest.mark.slow
def test_missing_broker_fails_under_ci(tmp_path: Path) -> None:
    run = _run_without_broker(tmp_path, "true")
    assert run.returncode == 1, run.stdout[-2000:]
    assert "CI=true and the Kafka broker could not start" in run.stdout


@pytest.mark.slow
def test_missing_broker_skips_outside_ci(tmp_path: Path) -> None:
    run = _run_without_broker(tmp_path, None)
    assert run.returncode == 0, run.stdout[-2000:]
    assert "1 skipped" in run.stdout
