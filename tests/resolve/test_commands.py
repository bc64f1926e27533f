import typer
from typer.testing import CliRunner

from safeguard.resolve import stage
from safeguard.resolve.commands import register
from safeguard.store.judgements import JudgementStore
from tests.resolve.helpers import account, fast_settings, insert, new_case, persons_of


def _app():
    app = typer.Typer()
    register(app)
    return app


def test_review_and_explain_commands(tmp_path, monkeypatch):
    monkeypatch.setenv("SAFEGUARD_ACTOR", "analyst7")
    case = new_case(tmp_path)
    insert(case, "accounts", [account("a1", "nightowl", "n@web.de"),
                              account("a2", "dayfalcon", "d@web.de")])  # fmt: skip
    stage.run(case, cfg=fast_settings())
    runner = CliRunner()
    res = runner.invoke(
        _app(), ["review", "confirm", str(case.root), "a1", "a2", "--reason", "same phone"]
    )
    assert res.exit_code == 0, res.output
    assert "confirmed a1 = a2" in res.output
    store = JudgementStore(case.decisions_url())
    try:
        [j] = store.list(case.case_id)
    finally:
        store.close()
    assert (j.kind, j.account_a, j.account_b, j.actor, j.reason) == (
        "confirm",
        "a1",
        "a2",
        "analyst7",
        "same phone",
    )
    stage.run(case, cfg=fast_settings())
    pid = persons_of(case)["a1"]
    res = runner.invoke(_app(), ["explain", str(case.root), pid])
    assert res.exit_code == 0
    assert "confirmed" in res.output
    assert j.judgement_id in res.output


def test_errors_are_one_line_exit_2(tmp_path):
    case = new_case(tmp_path)
    insert(case, "accounts", [account("a1", "nightowl", "n@web.de")])
    runner = CliRunner()
    cases = [
        ["review", "reject", str(case.root), "a1", "zz", "--reason", "x"],
        ["review", "reject", str(case.root), "a1", "a1", "--reason", "x"],
        ["review", "confirm", str(case.root), "a1", "a1", "--reason", " "],
        ["review", "split", str(case.root), "pe-000000000000", "a1", "--reason", "x"],
        ["explain", str(case.root), "pe-000000000000"],
    ]
    for args in cases:
        res = runner.invoke(_app(), args)
        assert res.exit_code == 2, (args, res.output)
        assert res.output.count("\n") == 1
        assert res.output.startswith("error: ")
