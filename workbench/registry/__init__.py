"""The randomization registry: trials, concealed allocation, an append-only hash-chained log.

The public entry point is :class:`workbench.registry.api.Registry` (``wb.Registry``). Nothing is
imported here so that ``import workbench`` stays cheap; SQLAlchemy loads on first use.
"""
