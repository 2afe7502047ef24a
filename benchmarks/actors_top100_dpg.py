"""How many of the 100 most mentioned actors of the DPG 2019 corpus are right, judged by
hand in ``tests/data/dpg_top100_audit.csv`` (the same count ``tests/test_actors_dpg_audit.py``
asserts).

    python benchmarks/actors_top100_dpg.py --tables DIR   # a `kroniek extract` output folder
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))


def main() -> None:
    import pandas as pd

    from test_actors_dpg_audit import _judgements, score

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--tables", type=Path, required=True)
    args = parser.parse_args()
    actors = pd.read_csv(args.tables / "actors.csv", keep_default_na=False)
    right, misses = score(actors, _judgements())
    for line in misses:
        print("x", line)
    print(f"top-100 actors right: {right}/100")


if __name__ == "__main__":
    main()
