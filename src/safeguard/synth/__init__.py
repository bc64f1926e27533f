"""Seeded synthetic seized forum with ground truth (synthetic people only).

``generate(out, members=..., seed=...)`` writes into ``out``:

- ``forum.sql``: the forum in the software's real schema, as that software's
  database dumps it (mysqldump; pg_dump plain format for Discourse);
- ``access.log``: the web server's combined-format log for the same period;
- ``mail.mbox``: mail between members who moved their contact to e-mail;
- ``other/mailbox.mbox``: a mailbox from another investigation sharing persons;
- ``truth.json``: accounts → persons, persons' countries, risk and identities,
  and every planted selector with its record.

The same seed gives byte-identical files. See docs/synthetic-data.md.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from types import ModuleType

from safeguard.synth import accesslog, activity, mail, people, truth
from safeguard.synth.stats import summary

# software name -> writer module in this package (write(), ID_OFFSET, PATHS, BOARD_IDS)
_WRITER_MODULES = {
    "phpbb3": "phpbb3",
    "smf2": "smf21",
    "mybb18": "mybb18",
    "xenforo2": "xenforo2",
    "vbulletin4": "vbulletin4",
    "discourse": "discourse",
}
SOFTWARES: tuple[str, ...] = tuple(_WRITER_MODULES)


def _writer(software: str) -> ModuleType:
    return importlib.import_module(f"safeguard.synth.{_WRITER_MODULES[software]}")


__all__ = ["SOFTWARES", "generate", "summary"]


def generate(
    out: Path,
    *,
    members: int,
    seed: int,
    software: str = "phpbb3",
    posting_share: float | None = None,
) -> Path:
    """Write the synthetic seized forum into folder ``out``; return the path of truth.json.

    ``posting_share`` F: only a share F of accounts ever post or PM, the rest are
    dormant registrations (a big forum's mostly idle membership); None (default)
    keeps the standard membership and its exact bytes.
    Raises ValueError for an unknown software, fewer than 10 members or F outside (0, 1].
    """
    if software not in SOFTWARES:
        raise ValueError(f"software must be one of {', '.join(SOFTWARES)}, not {software!r}")
    if members < 10:
        raise ValueError("members must be at least 10")
    folk = people.build(seed, members, posting_share)
    out.mkdir(parents=True, exist_ok=True)
    act = activity.build(folk)
    writer = _writer(software)
    rows, found = writer.write(out / "forum.sql", folk, act)
    lines = accesslog.write(out / "access.log", folk, act, writer.PATHS, writer.BOARD_IDS)
    for stale in (out / "mail.mbox", out / "other" / "mailbox.mbox"):
        stale.unlink(missing_ok=True)  # mailbox.mbox appends to an existing file
    mails = mail.write_members(out / "mail.mbox", folk)
    other = mail.write_other(out / "other", folk)
    meta: dict[str, object] = {
        "seed": seed,
        "members": members,
        "software": software,
        "period": [people.START, people.END],
        "rows": rows,
        "access_log_lines": lines,
        "format": 1,
        "id_offset": writer.ID_OFFSET,
        "posts": len(act.post_time),
        "private_messages": len(act.pm_time),
    }
    if posting_share is not None:  # absent by default, so default bytes stay the same
        meta["posting_share"] = posting_share
    truth.write(out / "truth.json", folk, meta, found, other, mails, writer.ID_OFFSET)
    return out / "truth.json"
