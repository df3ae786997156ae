"""Decoding and validation of raw items: every input ends as an item or a reasoned rejection."""

from __future__ import annotations

import base64
import hashlib
import string

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workers.codec import DLQ_MAX_ORIGINAL_BYTES, NewsItem, RawMessage, Rejection, clean_body, dead_letter, decode_item
from workers.schemas import validator

LIMIT = 1 << 20


def _decode(value: bytes | None) -> NewsItem | Rejection:
    return decode_item(value, max_message_bytes=LIMIT)


def _json(doc: object) -> bytes:
    return orjson.dumps(doc)


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        (None, "not_an_object"),
        (b"not json", "invalid_json"),
        (b"\xff\xfe{}", "invalid_utf8"),
        (b"[1, 2]", "not_an_object"),
        (b'"a string"', "not_an_object"),
        (b"{}", "schema_invalid"),
        (_json({"id": "x"}), "schema_invalid"),
        (_json({"id": "x", "body": ""}), "schema_invalid"),
        (_json({"id": "", "body": "text"}), "schema_invalid"),
        (_json({"id": 7, "body": "text"}), "schema_invalid"),
        (_json({"id": "x", "body": ["text"]}), "schema_invalid"),
        (_json({"id": "x", "body": "text", "published_at": 20190326}), "schema_invalid"),
        (_json({"id": "x", "body": "text", "schema_version": 2}), "unsupported_schema_version"),
        (_json({"id": "x", "body": "   \n\t  "}), "empty_body"),
        (_json({"id": "x", "body": "<div><p> </p><br/></div>"}), "empty_body"),
        (b"[" * 5000 + b"]" * 5000, "invalid_json"),
        (b'{"id": "x", "body": "\\ud800"}', "invalid_json"),
        (b"x" * (LIMIT + 1), "too_large"),
    ],
)
def test_bad_input_is_rejected_with_its_reason(value: bytes | None, reason: str) -> None:
    result = _decode(value)
    assert isinstance(result, Rejection), result
    assert result.reason == reason
    assert result.detail


def test_valid_item_keeps_extra_fields_and_gets_its_id() -> None:
    result = _decode(_json({"id": "a-1", "body": "Text.", "published_at": None, "feed": "x"}))
    assert isinstance(result, NewsItem)
    assert result.item_id == "a-1"
    assert result.fields["feed"] == "x"


def test_rejection_carries_item_id_when_known() -> None:
    result = _decode(_json({"id": "known", "body": 3}))
    assert isinstance(result, Rejection)
    assert result.item_id == "known"
    assert result.detail.startswith("body:")


def test_control_characters_are_blanked_and_offsets_kept() -> None:
    body = "Agents\x00 detained\x07 migrants."
    assert clean_body(body) == "Agents  detained  migrants."
    assert len(clean_body(body)) == len(body)


def test_html_body_is_reduced_to_text() -> None:
    assert clean_body("<p>Border <b>wall</b></p>").split() == ["Border", "wall"]


def test_plain_text_with_a_less_than_sign_is_left_alone() -> None:
    assert clean_body("fewer than 5 < 10 people") == "fewer than 5 < 10 people"


def _message(value: bytes | None, key: bytes | None = b"k") -> RawMessage:
    return RawMessage("news.raw.v1", 3, 42, 1_700_000_000_000, key, value)


def test_dead_letter_keeps_original_bytes_and_validates() -> None:
    value = b'{"id": "x", "body": '
    record = dead_letter(_message(value), Rejection("invalid_json", "truncated"))
    validator("news.dlq.v1").validate(record)
    assert base64.b64decode(record["original"]["value_b64"]) == value
    assert base64.b64decode(record["original"]["key_b64"]) == b"k"
    assert record["original"]["value_sha256"] == hashlib.sha256(value).hexdigest()
    assert (record["original"]["partition"], record["original"]["offset"]) == (3, 42)
    assert record["original"]["value_truncated"] is False


def test_dead_letter_of_oversized_message_keeps_prefix_hash_and_size() -> None:
    value = b"y" * (DLQ_MAX_ORIGINAL_BYTES * 3)
    record = dead_letter(_message(value), Rejection("too_large", "big"))
    original = record["original"]
    assert original["value_truncated"] is True
    assert original["value_bytes"] == len(value)
    assert base64.b64decode(original["value_b64"]) == value[:DLQ_MAX_ORIGINAL_BYTES]
    assert original["value_sha256"] == hashlib.sha256(value).hexdigest()


def test_dead_letter_of_tombstone_with_null_key() -> None:
    record = dead_letter(_message(None, key=None), Rejection("not_an_object", "null"))
    validator("news.dlq.v1").validate(record)
    assert record["original"]["value_b64"] is None
    assert record["original"]["key_b64"] is None


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**63), 2**63 - 1) | st.floats(allow_nan=False) | st.text(),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=20,
)
item_like = st.fixed_dictionaries(
    {"id": st.one_of(st.text(max_size=5), st.integers(-(2**63), 2**63 - 1), st.none())},
    optional={"body": st.one_of(st.text(alphabet=string.printable + "<>é\x00", max_size=40), st.integers(0, 9),
                                st.none()),
              "published_at": json_values, "schema_version": st.integers(0, 3)},
)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=300))
def test_random_bytes_never_raise(value: bytes) -> None:
    assert isinstance(_decode(value), NewsItem | Rejection)


@settings(max_examples=300, deadline=None)
@given(st.one_of(json_values, item_like))
def test_random_json_never_raises_and_valid_items_validate(doc: object) -> None:
    result = _decode(orjson.dumps(doc))
    if isinstance(result, NewsItem):
        validator("news.raw.v1").validate(result.fields)
        assert result.fields["body"].strip()
    else:
        record = dead_letter(_message(orjson.dumps(doc)), result)
        validator("news.dlq.v1").validate(record)
