"""Client configuration derived from Settings, for kafka-python (tools) and aiokafka/faust (worker).

Secrets flow from Settings into client objects only; nothing here logs them.
"""

from __future__ import annotations

import ssl
from typing import Any

from workers.settings import Settings


def ssl_context(settings: Settings) -> ssl.SSLContext | None:
    if "SSL" not in settings.kafka_security_protocol:
        return None
    context = ssl.create_default_context(cafile=settings.kafka_ssl_cafile or None)
    return context


def kafka_python_kwargs(settings: Settings) -> dict[str, Any]:
    """Connection kwargs for kafka-python's KafkaProducer/KafkaConsumer/KafkaAdminClient."""
    kwargs: dict[str, Any] = {
        "bootstrap_servers": settings.kafka_bootstrap.split(","),
        "security_protocol": settings.kafka_security_protocol,
    }
    if "SSL" in settings.kafka_security_protocol:
        kwargs["ssl_context"] = ssl_context(settings)
    if settings.kafka_security_protocol.startswith("SASL"):
        kwargs["sasl_mechanism"] = settings.kafka_sasl_mechanism
        kwargs["sasl_plain_username"] = settings.kafka_sasl_username
        kwargs["sasl_plain_password"] = settings.kafka_sasl_password
    return kwargs
