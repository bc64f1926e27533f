"""The ``safeguard`` command: a thin layer over the library (no logic lives only here)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    DownloadColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeRemainingColumn,
    TransferSpeedColumn,
)
from rich.text import Text

from safeguard import output
from safeguard.case import init_case, open_case
from safeguard.exceptions import SafeguardError

app = typer.Typer(
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    help="Safeguard: from a seized forum to identified, attributed suspects.",
)
case_app = typer.Typer(no_args_is_help=True, help="Create and inspect case folders.")
evidence_app = typer.Typer(no_args_is_help=True, help="The evidence register.")
audit_app = typer.Typer(no_args_is_help=True, help="The audit trail.")
app.add_typer(case_app, name="case")
app.add_typer(evidence_app, name="evidence")
app.add_typer(audit_app, name="audit")

console = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)
CaseArg = Annotated[Path, typer.Argument(help="Case folder.")]


class _RowsColumn(ProgressColumn):
    """Rows read so far and rows per second."""

    def render(self, task: Task) -> Text:
        rows = int(task.fields.get("rows", 0))
        rate = rows / task.elapsed if task.elapsed else 0.0
        return Text(f"{rows:,} rows {rate:,.0f}/s")


def _progress_factory(
    progress: Progress,
) -> Callable[[str, int | None], Callable[[int, int], None]]:
    def factory(label: str, total: int | None) -> Callable[[int, int], None]:
        task = progress.add_task(output.terminal_safe(label)[:40], total=total, rows=0)
        count = [0]

        def tick(nbytes: int, rows: int) -> None:
            count[0] += rows
            progress.update(task, advance=nbytes, rows=count[0])

        return tick

    return factory


def _progress() -> Progress:
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        DownloadColumn(),
        TransferSpeedColumn(),
        _RowsColumn(),
        TimeRemainingColumn(),
        console=err,
        disable=not err.is_terminal,
        transient=False,
    )


@case_app.command("init")
def case_init(case: CaseArg) -> None:
    """Create a new case folder."""
    c = init_case(case)
    console.print(f"case {c.case_id} created in {c.root}", markup=False)


@evidence_app.command("add")
def evidence_add(
    case: CaseArg,
    files: Annotated[list[Path], typer.Argument(help="Evidence files (read-only).")],
    acquired_by: Annotated[str, typer.Option(help="Who acquired the evidence.")],
    source: Annotated[str, typer.Option(help="Where it came from (server, warrant ref).")],
) -> None:
    """Register evidence: SHA-256, size, who, where from. The file is never modified."""
    from safeguard.evidence import register

    c = open_case(case)
    for f in files:
        item = register.add(c, f, acquired_by=acquired_by, source=source)
        console.print(
            f"{item.evidence_id}  {item.sha256}  {item.size_bytes} bytes  "
            f"{output.terminal_safe(item.original_name)}",
            markup=False,
        )


@evidence_app.command("verify")
def evidence_verify(case: CaseArg) -> None:
    """Re-hash every registered item; exit 1 if any changed or is missing."""
    from safeguard.evidence import register

    results = register.verify(open_case(case))
    for r in results:
        (console if r.ok else err).print(output.terminal_safe(r.message), markup=False)
    if not all(r.ok for r in results):
        raise typer.Exit(1)


@evidence_app.command("list")
def evidence_list(case: CaseArg) -> None:
    """List registered evidence."""
    _print_query(
        case,
        "SELECT evidence_id, sha256, size_bytes, original_name, container, "
        "format, ingest_status FROM evidence ORDER BY registered_at",
        "table",
        None,
    )


@app.command()
def ingest(
    case: CaseArg,
    format: Annotated[
        str | None,
        typer.Option("--format", help="Mapping name (phpbb3, smf2, …) or a mapping YAML file."),
    ] = None,
) -> None:
    """Read every registered item not yet ingested. Idempotent and resumable."""
    from safeguard.ingest.runner import ingest as run_ingest

    c = open_case(case)
    with _progress() as progress:
        summary = run_ingest(c, forced_format=format, progress=_progress_factory(progress))
    _print_ingest(summary)
    if summary.failed or summary.unreadable:
        raise typer.Exit(1)


def _print_ingest(summary: object) -> None:
    from safeguard.ingest.runner import IngestSummary

    assert isinstance(summary, IngestSummary)
    for ev in summary.ingested:
        console.print(f"ingested {ev}", markup=False)
    for ev in summary.skipped:
        console.print(f"already ingested {ev} (skipped)", markup=False)
    for ev in summary.unreadable:
        err.print(
            f"UNREADABLE {ev}: nothing in it could be read; see "  # noqa: S608 - a message
            '`safeguard query CASE "SELECT * FROM ingest_problems"`',
            markup=False,
        )
    for ev, why in summary.failed.items():
        err.print(f"FAILED {ev}: {output.terminal_safe(why)}", markup=False)
    if summary.records:
        console.print(
            "records: " + ", ".join(f"{k} {v}" for k, v in summary.records.items()), markup=False
        )
    if summary.problems:
        console.print(
            f"{summary.problems} problems recorded: see the ingest_problems table "
            "(safeguard stats)",
            markup=False,
        )


@app.command()
def run(case: CaseArg) -> None:
    """Run every pipeline stage in order (each skips work already done)."""
    from safeguard import pipeline

    c = open_case(case)
    with _progress() as progress:
        results = pipeline.run(c, _progress_factory(progress))
    _print_ingest(results["ingest"])
    for stage in pipeline.STAGES:
        if stage.report and stage.name in results:
            console.print(stage.report(results[stage.name]), markup=False)


@app.command()
def stats(case: CaseArg) -> None:
    """Counts per record type and per evidence item, and ingest problems."""
    from safeguard.query import stats as get_stats

    s = get_stats(open_case(case))
    output.write_table(
        console, ["record table", "rows"], list(s["records"].items()), title="records"
    )
    rows = [
        [e["evidence_id"], e["name"], e["format"], e["status"], sum(e["records"].values())]
        for e in s["evidence"]
    ]
    output.write_table(
        console, ["evidence", "file", "format", "status", "records"], rows, title="evidence"
    )
    output.write_table(
        console, ["severity", "count"], list(s["problems"].items()), title="ingest problems"
    )


def _print_query(case: Path, sql: str, fmt: str, limit: int | None) -> None:
    from safeguard.query import run_query

    result = run_query(open_case(case), sql, limit)
    if fmt == "csv":
        output.write_csv(sys.stdout, result.columns, result.rows)
    elif fmt == "json":
        output.write_json(sys.stdout, result.columns, result.rows)
    else:
        output.write_table(console, result.columns, result.rows)
    if result.truncated:
        err.print(f"(first {len(result.rows)} rows; use --limit for more)", markup=False)


@app.command()
def query(
    case: CaseArg,
    sql: Annotated[str, typer.Argument(help="Read-only SQL over the analysis store.")],
    format: Annotated[str, typer.Option("--format", help="table, csv or json.")] = "table",
    limit: Annotated[int | None, typer.Option(help="Most rows to print.")] = None,
) -> None:
    """Run read-only SQL on the analysis store (docs/schema.md lists the tables)."""
    if format not in ("table", "csv", "json"):
        raise typer.BadParameter("--format must be table, csv or json")
    _print_query(case, sql, format, limit)


@app.command()
def schema(markdown: Annotated[bool, typer.Option(help="Print docs/schema.md.")] = False) -> None:
    """Print the analysis store's tables (the SQL contract)."""
    from safeguard.model.schema import ddl
    from safeguard.model.schema import markdown as md

    sys.stdout.write(md() if markdown else ";\n\n".join(ddl()) + ";\n")


@app.command()
def synth(
    out: Annotated[Path, typer.Argument(help="Folder to write the synthetic seized forum into.")],
    members: Annotated[int, typer.Option(help="Forum members (accounts).")] = 2000,
    seed: Annotated[int, typer.Option(help="Seed: the same seed gives identical bytes.")] = 1,
    software: Annotated[str, typer.Option(help="Forum software to write.")] = "phpbb3",
    posting_share: Annotated[
        float | None,
        typer.Option(
            help="Share of accounts that ever post or PM (the rest are dormant "
            "registrations). Default: 45% post and every account may PM."
        ),
    ] = None,
    show_stats: Annotated[
        bool,
        typer.Option(
            "--stats",
            help="Print summary statistics of the forum in OUT (generate it first "
            "if OUT does not exist).",
        ),
    ] = False,
) -> None:
    """Generate a synthetic seized forum with ground truth (synthetic people only)."""
    import json

    from safeguard import synth as generator

    if software not in generator.SOFTWARES:
        raise typer.BadParameter(f"--software must be one of {', '.join(generator.SOFTWARES)}")
    if not (show_stats and out.exists()):
        truth = generator.generate(
            out, members=members, seed=seed, software=software, posting_share=posting_share
        )
        console.print(f"wrote {out} (ground truth: {truth})", markup=False)
    if show_stats:
        sys.stdout.write(json.dumps(generator.summary(out), indent=1, default=str) + "\n")


@app.command()
def settings(
    markdown: Annotated[bool, typer.Option(help="Print docs/settings.md.")] = False,
) -> None:
    """Print every setting with its environment variable, default and current value."""
    from safeguard.settings import get_settings, settings_markdown

    if markdown:
        sys.stdout.write(settings_markdown())
        return
    current = get_settings().model_dump()
    output.write_table(console, ["setting", "value"], sorted(current.items()))


@audit_app.command("verify")
def audit_verify(case: CaseArg) -> None:
    """Check the audit trail's hash chain; exit 1 if it was tampered with."""
    c = open_case(case)
    with c.audit() as audit:
        problems = audit.verify()
        n = len(audit.events())
    for p in problems:
        err.print(p, markup=False)
    if problems:
        raise typer.Exit(1)
    console.print(f"audit trail intact: {n} events", markup=False)


def _register_stage_commands() -> None:
    from safeguard.resolve.commands import register

    register(app)  # explain, review confirm|reject|split


_register_stage_commands()


def main() -> None:
    """Entry point: expected failures print one clear line and exit 2, never a traceback."""
    try:
        app()
    except SafeguardError as exc:
        err.print(f"error: {output.terminal_safe(exc)}", markup=False)
        sys.exit(2)


if __name__ == "__main__":
    main()
