"""Comparisons across municipalities: panels from open statistics, pooled evidence cards."""
