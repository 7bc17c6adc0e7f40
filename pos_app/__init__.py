"""Omni POS: the till."""

__version__ = "0.1.0"
