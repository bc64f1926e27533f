"""Jurisdiction attribution: which country can act on each account and person."""
