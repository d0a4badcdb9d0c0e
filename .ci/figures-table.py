#!/usr/bin/env python3
"""The table in docs/guarantees.md ("What is guaranteed"), from what the fault tests measured.

Each fault test writes its figures, counted by event id, to target/figures/<scenario>.json (and prints them as a
`FIGURES {json}` line). This script turns one run's files into the table and either writes it into
docs/guarantees.md between its markers, or checks that the page's table still says what the run measured:

    python3 .ci/figures-table.py --write    # after `mvn verify`: regenerate the page's table from this run
    python3 .ci/figures-table.py --check    # CI: fail if the page's table drifted from what the tests measure
    python3 .ci/figures-table.py --check PAGE.md DIR    # another page, or another run's figures

--check compares what does not vary from run to run: the scenarios, the events produced, and the guarantees
(lost, and duplicated where the test guarantees none). Counts that depend on timing (how many were read before a
SIGKILL, how many failed while a broker was away, and, in the scenarios listed in VARIES, how many were sent before
a signal) are the run's own and are not compared.
"""
import json
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
START = "<!-- figures-table: written by .ci/figures-table.py --write from a run's target/figures; do not edit by hand -->"
END = "<!-- /figures-table -->"
# The table's order; a scenario the tests measure but the table lacks (or the reverse) fails --check.
ORDER = ["poison pills", "broker restart", "broker lost", "consumer killed (auto commit)",
         "consumer killed (manual commit)", "three brokers, producer", "three brokers, group of three",
         "producer outage", "producer stopped (SIGINT)", "producer stopped (SIGTERM)",
         "transactions", "transactions stopped (SIGINT)", "producer transactions outage",
         "producer transactions outage past delivery timeout", "processor killed", "processor, three brokers",
         "processor outage", "processor stopped in an outage"]
# The scenarios whose tests assert that nothing is read twice; elsewhere duplicates are allowed (at-least-once).
NO_DUPLICATES = {"poison pills", "broker restart", "broker lost", "three brokers, producer",
                 "producer outage", "producer stopped (SIGINT)", "producer stopped (SIGTERM)",
                 "transactions", "transactions stopped (SIGINT)", "producer transactions outage",
                 "producer transactions outage past delivery timeout", "processor killed", "processor, three brokers",
                 "processor outage", "processor stopped in an outage"}
# The scenarios whose "produced" is the run's own, so --check does not compare it ("lost" is compared everywhere):
VARIES = {
    # The producer runs without --max-messages until the signal: how many it sent by then depends on timing.
    "producer stopped (SIGINT)": {"produced"},
    "producer stopped (SIGTERM)": {"produced"},
    "transactions stopped (SIGINT)": {"produced"},
    "producer transactions outage": {"produced"},
    "producer transactions outage past delivery timeout": {"produced"},
}
assert all("lost" not in columns for columns in VARIES.values()), "lost is compared in every scenario"
HEADER = ["scenario", "in this run", "produced", "acknowledged", "consumed (distinct)", "lost", "duplicated"]


def n(value):
    return f"{value:,}"


def row(f):
    acknowledged = n(f["acknowledged"]) + (f" ({n(f['failed'])} failed, each reported)" if f["failed"] else "")
    return [f["scenario"], f["detail"], n(f["produced"]), acknowledged,
            f"{n(f['consumed'])} ({n(f['distinct'])})", n(f["lost"]), n(f["duplicated"])]


def load(directory):
    figures = {}
    for path in sorted(directory.glob("*.json")):
        f = json.loads(path.read_text(encoding="utf-8"))
        figures[f["scenario"]] = f
    return figures


def table(figures):
    names = [s for s in ORDER if s in figures] + sorted(s for s in figures if s not in ORDER)
    lines = ["| " + " | ".join(HEADER) + " |", "|" + "---|" * len(HEADER)]
    lines += ["| " + " | ".join(cell.replace("|", "\\|") for cell in row(figures[s])) + " |" for s in names]
    return "\n".join(lines)


def documented_rows(text):
    body = text[text.index(START) + len(START):text.index(END)]
    rows = {}
    for line in body.strip().splitlines()[2:]:
        cells = [c.strip() for c in re.split(r"(?<!\\)\|", line.strip())[1:-1]]
        rows[cells[0]] = dict(zip(HEADER, cells))
    return rows


def main(argv):
    mode = argv[1] if len(argv) > 1 else "--check"
    page = pathlib.Path(argv[2]) if len(argv) > 2 else ROOT / "docs" / "guarantees.md"
    directory = pathlib.Path(argv[3]) if len(argv) > 3 else ROOT / "target" / "figures"
    figures = load(directory)
    if not figures:
        print(f"figures-table: no figures in {directory}: run the fault tests first (mvn verify)", file=sys.stderr)
        return 1
    text = page.read_text(encoding="utf-8")
    if START not in text or END not in text:
        print(f"figures-table: {page} has no {START} ... {END} block", file=sys.stderr)
        return 1
    if mode == "--write":
        before, rest = text.split(START, 1)
        after = rest.split(END, 1)[1]
        page.write_text(before + START + "\n" + table(figures) + "\n" + END + after, encoding="utf-8")
        print(f"figures-table: wrote {len(figures)} scenarios into {page}")
        return 0
    if mode != "--check":
        print("usage: figures-table.py [--check|--write] [docs/guarantees.md] [target/figures]", file=sys.stderr)
        return 2
    problems = []
    documented = documented_rows(text)
    for scenario in sorted(set(documented) | set(figures)):
        if scenario not in figures:
            problems.append(f"{scenario}: in {page.name}, but no test measured it in this run")
            continue
        if scenario not in documented:
            problems.append(f"{scenario}: measured, but not in {page.name}'s table (run --write)")
            continue
        measured = dict(zip(HEADER, row(figures[scenario])))
        for column in ("produced", "lost"):
            if column in VARIES.get(scenario, ()):
                continue
            if measured[column] != documented[scenario][column]:
                problems.append(f"{scenario}: {page.name} says {column} {documented[scenario][column]}, "
                                f"the run measured {measured[column]}")
        if scenario in NO_DUPLICATES and measured["duplicated"] != documented[scenario]["duplicated"]:
            problems.append(f"{scenario}: {page.name} says duplicated {documented[scenario]['duplicated']}, "
                            f"the run measured {measured['duplicated']}")
    for problem in problems:
        print("figures-table: " + problem, file=sys.stderr)
    if not problems:
        print(f"figures-table: {page.name}'s table matches this run ({len(figures)} scenarios)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
