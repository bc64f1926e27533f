"""Account-level signals: language, activity and profile time zone, declared location."""

from __future__ import annotations

import json
from pathlib import Path

from safeguard.case import Case, init_case
from safeguard.enrich import signals
from tests.support.synth_case import query as _q


def test_every_signal_kind_is_present(pipeline_case: Case) -> None:
    kinds = {r[0] for r in _q(pipeline_case, "SELECT DISTINCT signal FROM account_signals")}
    assert kinds == {"language", "activity_timezone", "profile_timezone", "declared_location"}


def test_language_mostly_matches_the_persons_languages(pipeline_case: Case) -> None:
    truth = json.loads((pipeline_case.root.parent / "forum" / "truth.json").read_text("utf-8"))
    persons = {p["person"]: p for p in truth["persons"]}
    langs = {str(a["user_id"]): persons[a["person"]]["languages"] for a in truth["accounts"]}
    rows = _q(
        pipeline_case,
        "SELECT a.source_user_id, s.value FROM account_signals s JOIN accounts a "
        "USING (account_id) WHERE s.signal = 'language' AND a.platform = 'phpbb3'",
    )
    hits = [value in langs[uid] for uid, value in rows if uid in langs]
    assert len(hits) > 50
    assert sum(hits) / len(hits) >= 0.6  # the generator's members also write in others' languages


def test_declared_locations_name_the_true_country(pipeline_case: Case) -> None:
    truth = json.loads((pipeline_case.root.parent / "forum" / "truth.json").read_text("utf-8"))
    persons = {p["person"]: p for p in truth["persons"]}
    home = {str(a["user_id"]): persons[a["person"]]["country"] for a in truth["accounts"]}
    rows = _q(
        pipeline_case,
        "SELECT a.source_user_id, s.country FROM account_signals s JOIN accounts a "
        "USING (account_id) WHERE s.signal = 'declared_location'",
    )
    assert rows
    right = sum(home.get(uid) == country for uid, country in rows)
    assert right / len(rows) >= 0.9


def test_the_board_default_time_zone_is_not_a_signal(tmp_path: Path) -> None:
    case = init_case(tmp_path / "c")
    with case.engine() as eng:
        for i in range(10):
            zone = "Europe/Berlin" if i < 2 else "0.00"
            eng.execute(
                "INSERT INTO accounts (account_id, evidence_id, timezone) VALUES (?, 'ev-1', ?)",
                [f"acc_{i}", zone],
            )
        assert signals.run(eng) == 2
        rows = eng.fetchall("SELECT account_id, value, country FROM account_signals ORDER BY 1")
        assert rows == [("acc_0", "Europe/Berlin", "DE"), ("acc_1", "Europe/Berlin", "DE")]
        assert signals.run(eng) is None  # nothing changed: not recomputed
