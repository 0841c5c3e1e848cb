"""Plain counts to check the catalog's faceted counts against."""

from __future__ import annotations


def plain_counts(catalog, rows) -> tuple[dict[str, int], dict[str, int]]:
    """How many of the rows at indices `rows` each speaker and each topic has (a topic named
    twice by one quote counts once), counted one row at a time."""
    speakers: dict[str, int] = {}
    topics: dict[str, int] = {}
    for index in rows:
        quote = catalog.rows[index].quote
        speakers[quote.speaker.id] = speakers.get(quote.speaker.id, 0) + 1
        for topic_id in {topic.id for topic in quote.topics}:
            topics[topic_id] = topics.get(topic_id, 0) + 1
    return speakers, topics
