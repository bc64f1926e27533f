"""Safeguard: from a seized forum to identified, attributed, prioritised suspects."""

__version__ = "0.1.0"
