"""ladder room."""
