#!/usr/bin/env python3
"""Write ``kg extract`` predictions for the scorer: ``predict.py INPUT... -o PRED.jsonl``.

A stand-in for the ``kg extract`` command with exactly its calls (``kg.read.read``,
``kg.extract.extract``, ``kg.extract.as_record``), so that the scores in the
extraction issue can be reproduced on a branch without the CLI.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from kg.extract import as_record, extract
from kg.read import read


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("inputs", nargs="+", type=Path)
    parser.add_argument("-o", "--output", type=Path, required=True)
    args = parser.parse_args()
    with args.output.open("w", encoding="utf-8") as out:
        for found in extract(read(args.inputs)):
            out.write(json.dumps(as_record(found), ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
