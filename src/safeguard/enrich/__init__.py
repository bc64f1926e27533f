"""Offline enrichment: what selectors and account behaviour imply (stage ``enrich``)."""
