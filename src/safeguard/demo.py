"""``make demo``: a synthetic seized forum through the whole pipeline, end to end.

Generates a small forum (``safeguard.synth``), makes a case, registers every
generated file as evidence, runs every stage, and prints what was found and
where the results are. Everything is synthetic.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from rich.console import Console

from safeguard import output, pipeline, synth
from safeguard.case import init_case
from safeguard.evidence import register
from safeguard.query import run_query, stats

MEMBERS = 2000
SEED = 20110316  # Operation Rescue was announced on 16 March 2011


def main(folder: Path) -> None:
    console = Console(soft_wrap=True)
    if folder.exists():
        shutil.rmtree(folder)
    seized = folder / "seized"
    console.print(
        f"1. generating a synthetic seized forum ({MEMBERS} members) in {seized}", markup=False
    )
    synth.generate(seized, members=MEMBERS, seed=SEED, software="phpbb3")
    case = init_case(folder / "case")
    console.print(f"2. case {case.case_id} created in {case.root}", markup=False)
    files = sorted(p for p in seized.rglob("*") if p.is_file() and p.name != "truth.json")
    for f in files:
        item = register.add(case, f, acquired_by="demo analyst", source="synthetic server image")
        console.print(
            f"   registered {item.evidence_id} {f.relative_to(folder)} sha256={item.sha256[:16]}…",
            markup=False,
        )
    console.print(
        "3. running the pipeline: " + " → ".join(s.name for s in pipeline.STAGES), markup=False
    )
    results = pipeline.run(case)
    ingest = results["ingest"]
    for stage in pipeline.STAGES:
        if stage.report and stage.name in results:
            console.print("   " + stage.report(results[stage.name]), markup=False)
    for ev, why in ingest.failed.items():
        console.print(f"   FAILED {ev}: {output.terminal_safe(why)}", markup=False)
    s = stats(case)
    output.write_table(
        console,
        ["record table", "rows"],
        list(s["records"].items()),
        title="What the seized data holds",
    )
    top = run_query(
        case,
        "SELECT a.username, a.role, count(p.post_id) AS posts, "
        "a.registration_ip FROM accounts a LEFT JOIN posts p USING (account_id) "
        "GROUP BY ALL ORDER BY posts DESC LIMIT 5",
    )
    output.write_table(console, top.columns, top.rows, title="Most active accounts")
    countries = run_query(
        case,
        "WITH j AS (SELECT CASE WHEN status = 'attributed' THEN country ELSE 'XX' END AS acting, "
        "confidence FROM jurisdictions), "
        "r AS (SELECT acting_country, count(*) AS n FROM provider_requests GROUP BY 1) "
        "SELECT j.acting AS country, count(*) AS persons, "
        "round(avg(j.confidence), 3) AS mean_confidence, any_value(r.n) AS provider_requests "
        "FROM j LEFT JOIN r ON r.acting_country = j.acting GROUP BY 1 "
        "ORDER BY persons DESC LIMIT 10",
    )
    output.write_table(
        console,
        countries.columns,
        countries.rows,
        title="Who can act: persons per country (XX: contested or unknown, for review)",
    )
    console.print(
        f"\nResults: analysis store {case.analysis_path}\n"  # noqa: S608 - a message
        f"Try:     .venv/bin/safeguard stats {case.root}\n"
        f"         .venv/bin/safeguard query {case.root} "
        '"SELECT * FROM ingest_problems"\n'
        f"Provider requests per country (CSV, JSON): {case.root / 'exports' / 'requests'}\n"
        f"Ground truth of the synthetic forum: {seized / 'truth.json'}",
        markup=False,
    )
    if ingest.failed:
        sys.exit(1)


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "demo"))
