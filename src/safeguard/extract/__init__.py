"""Selector extraction from free text (``finder.find``) and the type registry."""

from safeguard.extract.finder import find
from safeguard.extract.types.base import Match, SelectorType
from safeguard.extract.types.registry import all_types

__all__ = ["Match", "SelectorType", "all_types", "find"]
