"""`kinerja bench matching`: pair precision and recall of the indicator matcher on hand-labelled pairs.

A pair counts as merged only when the matcher accepts it; pairs in the review band count as not merged
for precision and recall, and are reported on their own (how much a person would have to look at).
Pairs are split in two halves by a hash of their names ("tune" / "holdout"), so a rule fitted to the
pairs one looked at shows up as a gap between the halves.
"""

from __future__ import annotations

import zlib
from pathlib import Path

import pandas as pd

from normalizers.identity import match_pairs

DEFAULT_PAIRS = Path(__file__).resolve().parents[3] / "tests" / "data" / "indicator_pairs.csv"


def _split(a: str, b: str) -> str:
    return "tune" if zlib.crc32(f"{a}\t{b}".encode()) % 2 == 0 else "holdout"


def _figures(df: pd.DataFrame) -> dict:
    merged = df["decision"] == "accept"
    same = df["same"] == 1
    tp = int((merged & same).sum())
    fp = int((merged & ~same).sum())
    fn = int((~merged & same).sum())
    return {
        "pairs": len(df),
        "same": int(same.sum()),
        "accepted": int(merged.sum()),
        "false_merges": fp,
        "precision": tp / (tp + fp) if tp + fp else 1.0,
        "recall": tp / (tp + fn) if tp + fn else 1.0,
        "review": int((df["decision"] == "review").sum()),
        "review_same": int(((df["decision"] == "review") & same).sum()),
    }


def score_pairs(pairs: pd.DataFrame) -> pd.DataFrame:
    """The pairs with the matcher's score, decision, reason and split."""
    out = pairs.reset_index(drop=True).copy()
    verdicts = match_pairs(out["name_a"].astype(str).tolist(), out["name_b"].astype(str).tolist())
    out[["score", "decision", "reason"]] = verdicts[["score", "decision", "reason"]]
    out["split"] = [_split(a, b) for a, b in zip(out["name_a"], out["name_b"])]
    return out


def matching_report(pairs_csv: Path = DEFAULT_PAIRS) -> tuple[pd.DataFrame, str]:
    """Figures per split and in total (a DataFrame) and the same as printable text, with the errors listed."""
    scored = score_pairs(pd.read_csv(pairs_csv))
    rows = [{"split": "all", **_figures(scored)}]
    rows += [{"split": s, **_figures(g)} for s, g in sorted(scored.groupby("split"), reverse=True)]
    figures = pd.DataFrame(rows)
    lines = [f"matching bench over {pairs_csv} ({len(scored)} labelled pairs)", ""]
    lines.append(f"{'split':8} {'pairs':>6} {'same':>5} {'precision':>9} {'recall':>7} {'false merges':>12} {'review':>6} {'of which same':>13}")
    for r in figures.itertuples():
        lines.append(f"{r.split:8} {r.pairs:>6} {r.same:>5} {r.precision:>9.3f} {r.recall:>7.3f} {r.false_merges:>12} {r.review:>6} {r.review_same:>13}")
    lines.append("")
    lines.append("review band by kind: " + ", ".join(f"{k} {n}" for k, n in scored[scored["decision"] == "review"]["kind"].value_counts().items()))
    wrong = scored[((scored["same"] == 1) & (scored["decision"] == "reject")) | ((scored["same"] == 0) & (scored["decision"] == "accept"))]
    if len(wrong):
        lines += ["", "wrong (a false merge, or a same pair rejected):"]
        lines += [f"  same={r.same} {r.decision:6} {r.score:5.1f} {r.name_a!r} ~ {r.name_b!r} ({r.reason})" for r in wrong.itertuples()]
    return figures, "\n".join(lines)
