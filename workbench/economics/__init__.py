"""economics room."""
