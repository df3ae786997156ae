"""Kafka security settings -> client configuration (kafka-python kwargs, faust/aiokafka credentials),
and secrets kept out of anything printed."""

from __future__ import annotations

import logging
import ssl

import certifi
import pytest
from faust.transport.drivers.aiokafka import credentials_to_aiokafka_auth

from workers.app import _credentials
from workers.kafka_config import kafka_python_kwargs, ssl_context
from workers.settings import Settings

SECRET = "pa55-w0rd-not-for-logs"


def _sasl_ssl(**extra: str) -> Settings:
    env = {"BORDERLINES_KAFKA_BOOTSTRAP": "k1:9093,k2:9093", "BORDERLINES_KAFKA_SECURITY_PROTOCOL": "SASL_SSL",
           "BORDERLINES_KAFKA_SASL_MECHANISM": "SCRAM-SHA-512", "BORDERLINES_KAFKA_SASL_USERNAME": "borderlines",
           "BORDERLINES_KAFKA_SASL_PASSWORD": SECRET, "BORDERLINES_KAFKA_SSL_CAFILE": certifi.where(), **extra}
    return Settings.from_env(env)


def test_plaintext_has_no_security_kwargs_and_no_credentials() -> None:
    s = Settings.from_env({})
    assert kafka_python_kwargs(s) == {"bootstrap_servers": ["127.0.0.1:9092"], "security_protocol": "PLAINTEXT"}
    assert ssl_context(s) is None
    assert _credentials(s) is None


def test_sasl_ssl_scram_kwargs_for_the_tools() -> None:
    kwargs = kafka_python_kwargs(_sasl_ssl())
    assert kwargs["bootstrap_servers"] == ["k1:9093", "k2:9093"]
    assert kwargs["security_protocol"] == "SASL_SSL"
    assert kwargs["sasl_mechanism"] == "SCRAM-SHA-512"
    assert (kwargs["sasl_plain_username"], kwargs["sasl_plain_password"]) == ("borderlines", SECRET)
    context = kwargs["ssl_context"]
    assert isinstance(context, ssl.SSLContext)
    assert context.verify_mode == ssl.CERT_REQUIRED and context.check_hostname
    assert context.get_ca_certs(), "the CA file is loaded"


def test_sasl_ssl_scram_credentials_for_the_worker() -> None:
    credentials = _credentials(_sasl_ssl(BORDERLINES_KAFKA_SASL_MECHANISM="SCRAM-SHA-256"))
    auth = credentials_to_aiokafka_auth(credentials)  # what faust hands to aiokafka
    assert auth["security_protocol"] == "SASL_SSL"
    assert auth["sasl_mechanism"] == "SCRAM-SHA-256"
    assert (auth["sasl_plain_username"], auth["sasl_plain_password"]) == ("borderlines", SECRET)
    assert isinstance(auth["ssl_context"], ssl.SSLContext) and auth["ssl_context"].get_ca_certs()
    assert SECRET not in repr(credentials)


def test_sasl_plaintext_has_no_tls() -> None:
    s = _sasl_ssl(BORDERLINES_KAFKA_SECURITY_PROTOCOL="SASL_PLAINTEXT", BORDERLINES_KAFKA_SASL_MECHANISM="PLAIN")
    assert "ssl_context" not in kafka_python_kwargs(s)
    auth = credentials_to_aiokafka_auth(_credentials(s))
    assert (auth["security_protocol"], auth["sasl_mechanism"], auth["ssl_context"]) == ("SASL_PLAINTEXT", "PLAIN",
                                                                                         None)


def test_ssl_only_uses_the_ca_file() -> None:
    s = Settings.from_env({"BORDERLINES_KAFKA_SECURITY_PROTOCOL": "SSL",
                           "BORDERLINES_KAFKA_SSL_CAFILE": certifi.where()})
    kwargs = kafka_python_kwargs(s)
    assert kwargs["security_protocol"] == "SSL" and "sasl_mechanism" not in kwargs
    auth = credentials_to_aiokafka_auth(_credentials(s))
    assert auth["security_protocol"] == "SSL" and auth["ssl_context"].get_ca_certs()


def test_missing_ca_file_fails_loudly() -> None:
    s = Settings.from_env({"BORDERLINES_KAFKA_SECURITY_PROTOCOL": "SSL",
                           "BORDERLINES_KAFKA_SSL_CAFILE": "/nonexistent/ca.pem"})
    with pytest.raises(FileNotFoundError):
        ssl_context(s)


def test_secret_is_not_in_repr_str_or_the_logged_settings(caplog: pytest.LogCaptureFixture) -> None:
    s = _sasl_ssl()
    assert SECRET not in repr(s) and SECRET not in str(s)
    with caplog.at_level(logging.INFO):
        logging.getLogger("borderlines.worker").info("worker settings: %s", s.redacted())
    assert SECRET not in caplog.text
    assert "'kafka_sasl_password': '***'" in caplog.text
