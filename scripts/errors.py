#!/usr/bin/env python3
"""List extraction errors by category: ``errors.py GOLD PRED [--type T] [--kind fp|fn|type|intro]``.

Compares per paper as the scorer does (normalised name sets) and prints, for each
category, the names with their paper id: false positives (name not in gold),
false negatives (gold name not predicted), type confusions (name right, type
wrong, as "gold->pred") and introduced-role errors ("+" missing, "-" extra).
Counts per category come first, so the biggest general failure shows at the top.
"""

from __future__ import annotations

import argparse
import importlib.util
from collections import Counter
from pathlib import Path
from types import ModuleType


def _scorer(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("score", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("gold", type=Path)
    parser.add_argument("pred", type=Path)
    default_scorer = Path(__file__).resolve().parents[1] / "tests" / "data" / "score.py"
    parser.add_argument("--scorer", type=Path, default=default_scorer)
    parser.add_argument("--type", help="only names of this (gold or predicted) type")
    parser.add_argument("--kind", choices=["fp", "fn", "type", "intro"])
    args = parser.parse_args()
    scorer = _scorer(args.scorer)
    gold, pred = scorer.load(args.gold), scorer.load(args.pred)
    rows: list[tuple[str, str, str]] = []
    for doc_id, gents in gold.items():
        g = {scorer.norm(e["text"]): e for e in gents}
        p = {scorer.norm(e["text"]): e for e in pred.get(doc_id, [])}
        for name in p.keys() - g.keys():
            rows.append(("fp", p[name]["type"], f"{doc_id}  {name}"))
        for name in g.keys() - p.keys():
            rows.append(("fn", g[name]["type"], f"{doc_id}  {name}"))
        for name in g.keys() & p.keys():
            gt, pt = g[name]["type"], p[name]["type"]
            if gt != pt:
                rows.append(("type", f"{gt}->{pt}", f"{doc_id}  {name}"))
            gi, pi = g[name].get("role") == "introduced", p[name].get("role") == "introduced"
            if gi != pi:
                rows.append(("intro", ("+" if gi else "-") + pt, f"{doc_id}  {name}"))
        for name in g.keys() - p.keys():
            if g[name].get("role") == "introduced":
                rows.append(("intro", "+missing", f"{doc_id}  {name}"))
    rows = [r for r in rows if (not args.kind or r[0] == args.kind) and (not args.type or args.type in r[1])]
    for (kind, label), n in Counter((k, t) for k, t, _ in rows).most_common():
        print(f"{n:4d}  {kind:5s} {label}")
    for kind, label, where in sorted(rows):
        print(f"{kind:5s} {label:20s} {where}")


if __name__ == "__main__":
    main()
