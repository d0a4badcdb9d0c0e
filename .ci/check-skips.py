#!/usr/bin/env python3
"""Fails when any test in Maven's reports was skipped, unless it is on the allow-list given.

usage: check-skips.py RUN-NAME REPORT-DIR... [--allow CLASS[#METHOD]]...

A skipped test is not a passed test: a broken assumption (a missing tool, an unset variable) must not turn a
CI run green. Reads every TEST-*.xml under the report directories (surefire and failsafe). A class whose
tests were all skipped before they started (an assumption in @BeforeAll) shows as tests="0" and counts as a
skip of the whole class. Also fails when the directories hold no report at all.
"""
import pathlib
import sys
import xml.etree.ElementTree as ET


def main(argv):
    run, args = argv[1], argv[2:]
    dirs, allowed = [], set()
    while args:
        arg = args.pop(0)
        if arg == "--allow":
            allowed.add(args.pop(0))
        else:
            dirs.append(pathlib.Path(arg))
    reports = [p for d in dirs for p in sorted(d.glob("TEST-*.xml"))]
    if not reports:
        print(f"CI ({run}): no test reports in {' '.join(map(str, dirs))}", file=sys.stderr)
        return 1
    skipped, used, total = [], set(), 0
    for report in reports:
        suite = ET.parse(report).getroot()
        cls = suite.get("name")
        cases = suite.findall("testcase")
        total += len(cases)
        found = [f"{cls}#{c.get('name')}" for c in cases if c.find("skipped") is not None]
        if not cases:
            found = [cls]
        for name in found:
            simple = name.rsplit(".", 1)[-1]  # Class or Class#method, without the package
            rule = next((a for a in allowed if simple == a or simple.split("#")[0] == a), None)
            if rule:
                used.add(rule)
            else:
                skipped.append(simple)
    for name in skipped:
        print(f"CI ({run}): {name} was skipped; a skipped test is not a passed test "
              f"(fix its precondition, or allow-list it in .ci/run with the reason)", file=sys.stderr)
    for rule in sorted(allowed - used):
        print(f"CI ({run}): note: allowed skip {rule} did not happen (is the allow-list stale?)", file=sys.stderr)
    print(f"CI ({run}): {total} tests in {len(reports)} reports, {len(skipped)} unexpected skips, "
          f"{len(used)} allowed")
    return 1 if skipped else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
