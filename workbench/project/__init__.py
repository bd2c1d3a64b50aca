"""project room."""
