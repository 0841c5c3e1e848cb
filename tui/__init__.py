"""briefing: a terminal reader for briefings of meetings."""

__version__ = "0.1.0"
