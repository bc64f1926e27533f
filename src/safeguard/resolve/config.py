"""Settings of identity resolution (environment variables ``SAFEGUARD_RESOLVE_*``).

Every number that decides whether two accounts become one person lives here,
with its reason; docs/resolution.md explains each. The resolved values are
stored with every run (``resolve_runs.settings``).
"""

from __future__ import annotations

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class ResolveSettings(BaseSettings):
    """Resolved configuration of the stage ``resolve``."""

    model_config = SettingsConfigDict(env_prefix="SAFEGUARD_RESOLVE_", extra="ignore")

    common_selector_accounts: int = Field(
        default=8,
        ge=2,
        description="A selector value (IP, e-mail, handle, password hash, user agent) used by "
        "more than this many accounts is common: it never blocks, never adds weight and never "
        "hard-links (a café IP, a throwaway address, a university NAT).",
    )
    rare_ip_accounts: int = Field(
        default=3, ge=2, description="An IP used by at most this many accounts counts as rare."
    )
    busy_net_min_accounts: int = Field(
        default=12,
        ge=2,
        description="An IPv4 /24 (IPv6 /64) used by more accounts than this and than "
        "busy_net_factor times the case's mean per block is shared infrastructure (VPN, Tor, "
        "hosting, campus): its IPs are not evidence.",
    )
    busy_net_factor: float = Field(default=4.0, ge=1.0, description="See busy_net_min_accounts.")
    hard_link_max_accounts: int = Field(
        default=4,
        ge=2,
        description="Deterministic links: the same normalised e-mail or contact selector "
        "shared by at least 2 and at most this many accounts joins them outright.",
    )
    threshold: float = Field(
        default=0.997,
        gt=0.0,
        lt=1.0,
        description="Match probability at or above which the model merges two accounts. "
        "0.997 keeps pair precision above 0.99 with a margin at 70,000 members, where "
        "namesakes are many (measured: 0.9949 at 0.997, 0.9919 at 0.995, 0.9874 at 0.99; "
        "docs/resolution.md). Lower it for recall (0.86 at 0.997, 0.88 at 0.995).",
    )
    review_floor: float = Field(
        default=0.5,
        ge=0.0,
        lt=1.0,
        description="Scored pairs at or above this probability are kept in person_links "
        "for review even when they do not merge.",
    )
    duplicate_share: float = Field(
        default=0.2,
        gt=0.0,
        lt=1.0,
        description="Prior: expected matching pairs per account (sets Splink's "
        "probability that two random accounts match). 5-15% of people hold several "
        "accounts, some three or four (6 pairs), and mailbox identities add pairs: ~0.2.",
    )
    memory_limit: str = Field(
        default="2GB",
        description="Memory the linkage engine (Splink's private DuckDB) may use before "
        "spilling to the case folder (runs/resolve-spill).",
    )
    u_max_pairs: float = Field(
        default=5e5, ge=1e3, description="Random pairs sampled to estimate u probabilities."
    )
    em_max_pairs: float = Field(
        default=1e6,
        ge=1e3,
        description="Most blocked pairs one EM session trains on (Splink's deterministic "
        "hash-based record filter keeps the run bounded at any scale).",
    )
    train_m: str = Field(
        default="em",
        pattern="^(em|prior)$",
        description="How m probabilities are set: 'em' (expectation maximisation on the "
        "case's own data, falling back to the documented priors per level) or 'prior' only.",
    )
    m_floor: float = Field(
        default=0.005,
        ge=0.0,
        lt=0.1,
        description="No trained level's m (share of true matches at that level) stays "
        "below this. EM on name blocks drove m(different place) to 6e-10 (-30 bits: a "
        "traveller's accounts could never merge, whatever else they share); measured on "
        "ground truth the rarest levels hold 0.1-0.3% of true pairs (docs/resolution.md).",
    )
    seed: int = Field(default=42, description="Seed of every random sample (same data, same run).")
    username_block_max: int = Field(
        default=400,
        ge=2,
        description="A normalised username shared by more accounts than this is not used "
        "alone as a blocking key (it still blocks together with the e-mail local part).",
    )
    text_sample_chars: int = Field(
        default=4000, ge=0, description="Characters of an account's posts used for its style."
    )
    min_activity_events: int = Field(
        default=8, ge=1, description="Timestamps needed before an activity-hour profile counts."
    )
    min_text_chars: int = Field(
        default=300, ge=1, description="Characters needed before a style profile counts."
    )


def get_resolve_settings() -> ResolveSettings:
    """Settings from the environment (fresh each call so tests can change them)."""
    return ResolveSettings()
