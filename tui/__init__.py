"""briefing: a terminal reader for briefings of meetings. Layers, each importing only those
before it: `core` (data), `store` (disk), `output` (text), `reader` (the Textual app); `cli`
ties them together and `bench` measures them."""

__version__ = "0.1.0"
