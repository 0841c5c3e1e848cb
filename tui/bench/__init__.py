"""The benchmark (`python -m tui.bench`) and the synthetic briefings it and the scale tests use.
Imports any layer; nothing the user runs imports it."""
