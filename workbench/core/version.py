"""The package version, kept where every room may read it (the package face re-exports it)."""

__version__ = "0.1.0"
