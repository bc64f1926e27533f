"""Selector types: one small class per kind of selector, listed in ``registry``."""
