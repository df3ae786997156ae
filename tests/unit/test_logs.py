from __future__ import annotations

import logging
import logging.config

import orjson
import pytest

from workers.logs import JsonFormatter, logging_config


def _record(**extra: object) -> logging.LogRecord:
    record = logging.LogRecord("borderlines.worker", logging.INFO, __file__, 1, "batch done: %d items", (3,), None)
    for key, value in extra.items():
        setattr(record, key, value)
    return record


def test_json_lines_carry_message_level_and_extras() -> None:
    line = JsonFormatter().format(_record(item_ids=["a", "b"], dead_lettered=1))
    doc = orjson.loads(line)
    assert doc["message"] == "batch done: 3 items"
    assert doc["level"] == "info" and doc["logger"] == "borderlines.worker"
    assert doc["item_ids"] == ["a", "b"] and doc["dead_lettered"] == 1
    assert "\n" not in line


def test_exceptions_are_one_json_field() -> None:
    try:
        raise ValueError("boom")
    except ValueError:
        import sys

        record = _record()
        record.exc_info = sys.exc_info()
    doc = orjson.loads(JsonFormatter().format(record))
    assert "ValueError: boom" in doc["exception"]


@pytest.mark.parametrize("log_format", ["json", "text"])
def test_logging_config_is_accepted_by_dictconfig(log_format: str) -> None:
    root, kafka = logging.getLogger(), logging.getLogger("kafka")
    saved = (root.handlers[:], root.level, kafka.level)
    try:
        logging.config.dictConfig(logging_config(log_format, "info"))
        assert root.level == logging.INFO
        assert kafka.level == logging.WARNING
    finally:
        root.handlers[:] = saved[0]
        root.setLevel(saved[1])
        kafka.setLevel(saved[2])
