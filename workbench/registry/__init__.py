"""registry room."""
