import json

import pytest
from sqlalchemy import text

from safeguard.store.audit import AuditStore


@pytest.fixture
def store(tmp_path):
    s = AuditStore(f"sqlite:///{tmp_path / 'd.sqlite'}")
    for i in range(5):
        s.record("analyst", "evidence.add", f"ev-{i}", n=i)
    yield s
    s.close()


def test_intact_chain_verifies(store):
    assert store.verify() == []
    assert [e["seq"] for e in store.events()] == [1, 2, 3, 4, 5]


@pytest.mark.parametrize(
    "tamper",
    [
        "UPDATE audit_events SET actor = 'someone else' WHERE seq = 3",  # edit
        "DELETE FROM audit_events WHERE seq = 2",  # deletion
        "UPDATE audit_events SET seq = 99 WHERE seq = 5",  # reordering
        "INSERT INTO audit_events SELECT 6, at, actor, action, target, outcome, detail, "
        "hash, hash FROM audit_events WHERE seq = 5",  # forged insertion
    ],
)
def test_every_kind_of_tampering_is_detected(store, tamper):
    with store.engine.begin() as conn:
        conn.execute(text(tamper))
    assert store.verify() != []


def test_hostile_actor_cannot_forge_a_line(tmp_path):
    s = AuditStore(f"sqlite:///{tmp_path / 'd.sqlite'}")
    s.record("x\n2026-01-01 admin login OK", "login", "t", note="\x1b[31mred")
    event = s.events()[0]
    assert event["actor"] == "x\n2026-01-01 admin login OK"
    assert "\x1b" not in event["detail"]
    assert json.loads(event["detail"])["note"] == "\x1b[31mred"
    assert s.verify() == []
    s.close()
