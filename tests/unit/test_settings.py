from __future__ import annotations

import pytest

from workers.settings import Settings, SettingsError


def test_defaults_are_the_contract_topic_names() -> None:
    s = Settings.from_env({})
    assert s.topics == ("news.raw.v1", "news.enriched.v1", "migration.policy-events.v1", "news.dlq.v1")


def test_environment_is_read_and_typed() -> None:
    s = Settings.from_env({"BORDERLINES_BATCH_SIZE": "8", "BORDERLINES_BATCH_WINDOW_S": "0.25",
                           "BORDERLINES_KAFKA_BOOTSTRAP": "k1:9092,k2:9092", "BORDERLINES_MODEL": "en_core_web_lg"})
    assert (s.batch_size, s.batch_window_s, s.model) == (8, 0.25, "en_core_web_lg")
    assert s.kafka_bootstrap == "k1:9092,k2:9092"


def test_explicit_overrides_win_over_environment() -> None:
    assert Settings.from_env({"BORDERLINES_BATCH_SIZE": "8"}, batch_size=4).batch_size == 4


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"BORDERLINES_BATCH_SIZE": "lots"}, "BATCH_SIZE"),
        ({"BORDERLINES_BATCH_SIZE": "0"}, "BATCH_SIZE"),
        ({"BORDERLINES_BATCH_SIZE": "1000"}, "MAX_BATCH_SIZE"),
        ({"BORDERLINES_MAX_BODY_CHARS": "5"}, "MAX_BODY_CHARS"),
        ({"BORDERLINES_KAFKA_SECURITY_PROTOCOL": "TLS"}, "KAFKA_SECURITY_PROTOCOL"),
    ],
)
def test_bad_values_are_refused_with_the_variable_name(env: dict[str, str], message: str) -> None:
    with pytest.raises(SettingsError, match=message):
        Settings.from_env(env)


def test_password_is_never_in_repr_or_redacted_view() -> None:
    s = Settings.from_env({"BORDERLINES_KAFKA_SASL_PASSWORD": "hunter2-secret",
                           "BORDERLINES_KAFKA_SECURITY_PROTOCOL": "SASL_SSL"})
    assert s.kafka_sasl_password == "hunter2-secret"
    assert "hunter2-secret" not in repr(s)
    assert "hunter2-secret" not in str(s.redacted())


def test_session_timeout_is_bounded() -> None:
    assert Settings.from_env({"BORDERLINES_KAFKA_SESSION_TIMEOUT_S": "6"}).kafka_session_timeout_s == 6.0
    with pytest.raises(SettingsError, match="KAFKA_SESSION_TIMEOUT_S"):
        Settings.from_env({"BORDERLINES_KAFKA_SESSION_TIMEOUT_S": "2"})


def test_commit_interval_is_bounded() -> None:
    assert Settings.from_env({}).commit_interval_s == 1.0
    with pytest.raises(SettingsError, match="COMMIT_INTERVAL_S"):
        Settings.from_env({"BORDERLINES_COMMIT_INTERVAL_S": "0"})


def test_to_env_round_trips_through_from_env() -> None:
    s = Settings.from_env({"BORDERLINES_BATCH_SIZE": "8", "BORDERLINES_PREFILTER": "false",
                           "BORDERLINES_BATCH_WINDOW_S": "0.25", "BORDERLINES_KAFKA_SASL_PASSWORD": "x"})
    assert Settings.from_env(s.to_env()) == s
