"""Create the contract topics (kafka-python admin)."""

from __future__ import annotations

import logging

from kafka import KafkaAdminClient
from kafka.admin import NewTopic
from kafka.errors import TopicAlreadyExistsError

from workers.kafka_config import kafka_python_kwargs
from workers.settings import Settings

log = logging.getLogger(__name__)


def create_topics(settings: Settings, topics: tuple[str, ...] | None = None) -> list[str]:
    """Create the topics that do not exist yet; return the names created. Idempotent."""
    admin = KafkaAdminClient(client_id="borderlines-admin", **kafka_python_kwargs(settings))
    try:
        existing = set(admin.list_topics())
        wanted = [name for name in (topics or settings.topics) if name not in existing]
        config = {"max.message.bytes": str(settings.topic_max_message_bytes)}
        new = [NewTopic(name, settings.topic_partitions, settings.topic_replication, topic_configs=config)
               for name in wanted]
        if new:
            try:
                admin.create_topics(new)
            except TopicAlreadyExistsError:
                log.info("topics created concurrently by someone else")
        return wanted
    finally:
        admin.close()
