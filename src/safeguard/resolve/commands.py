"""CLI commands of identity resolution: ``explain`` and ``review``.

The lead engineer mounts them with ``register(app)`` in safeguard.cli. Like
every command, an expected failure prints one line and exits 2.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, TypeVar

import typer

from safeguard.exceptions import SafeguardError
from safeguard.output import terminal_safe

CaseArg = Annotated[Path, typer.Argument(help="Case folder.")]
Reason = Annotated[str, typer.Option("--reason", help="Why (kept in the decisions store).")]
T = TypeVar("T")


def _guard(fn: Callable[[], T]) -> T:
    try:
        return fn()
    except SafeguardError as exc:
        sys.stderr.write(f"error: {terminal_safe(exc)}\n")
        raise typer.Exit(2) from exc


def explain_cmd(
    case: CaseArg, person_id: Annotated[str, typer.Argument(help="Person id (pe-…).")]
) -> None:
    """Explain a person: its accounts, links, match weights and each comparison's share."""
    from safeguard.case import open_case
    from safeguard.resolve.explain import explain

    sys.stdout.write(_guard(lambda: explain(open_case(case), person_id)))


def confirm_cmd(
    case: CaseArg,
    account_a: Annotated[str, typer.Argument(help="First account id.")],
    account_b: Annotated[str, typer.Argument(help="Second account id.")],
    reason: Reason,
) -> None:
    """Confirm that two accounts are one person (always merged from now on)."""
    from safeguard.case import open_case
    from safeguard.resolve import judgements

    j = _guard(lambda: judgements.confirm(open_case(case), account_a, account_b, reason))
    typer.echo(f"{j.judgement_id}: confirmed {j.account_a} = {j.account_b}; re-run resolve")


def reject_cmd(
    case: CaseArg,
    account_a: Annotated[str, typer.Argument(help="First account id.")],
    account_b: Annotated[str, typer.Argument(help="Second account id.")],
    reason: Reason,
) -> None:
    """Reject a link: the two accounts are never in one person again, even through others."""
    from safeguard.case import open_case
    from safeguard.resolve import judgements

    j = _guard(lambda: judgements.reject(open_case(case), account_a, account_b, reason))
    typer.echo(f"{j.judgement_id}: rejected {j.account_a} ≠ {j.account_b}; re-run resolve")


def split_cmd(
    case: CaseArg,
    person_id: Annotated[str, typer.Argument(help="Person to split.")],
    accounts: Annotated[list[str], typer.Argument(help="Accounts that are someone else.")],
    reason: Reason,
) -> None:
    """Split a person: the named accounts are never again together with the rest."""
    from safeguard.case import open_case
    from safeguard.resolve import judgements

    j = _guard(lambda: judgements.split(open_case(case), person_id, accounts, reason))
    typer.echo(f"{j.judgement_id}: split {len(j.accounts)} account(s) off {person_id}; "
               "re-run resolve")  # fmt: skip


def register(app: typer.Typer) -> None:
    """Add ``explain CASE PERSON_ID`` and ``review confirm|reject|split`` to ``app``."""
    app.command("explain")(explain_cmd)
    review = typer.Typer(no_args_is_help=True, help="Analysts' judgements on identity links.")
    review.command("confirm")(confirm_cmd)
    review.command("reject")(reject_cmd)
    review.command("split")(split_cmd)
    app.add_typer(review, name="review")
