"""The indicator catalogue (`curated/indicators`): one id per indicator across agencies and years.

Names in `indicator_values` are clustered by :mod:`normalizers.identity`; ids are stable between runs:

* a name already in the previous catalogue keeps its id, and two existing ids are never merged by the
  machine (only by a reviewer's decision);
* a new name accepted into an existing cluster gets that cluster's id;
* a new cluster gets ``indicator_id(canonical name)`` (a suffix if that id is taken), never a number.

Reviewer decisions (`review/decisions.csv`: name_a, name_b, decision same|different, reviewer,
decided_at, note) beat the machine both ways. Pairs in the review band go to `reports/review_queue.*`
unless evidence a person would use lifts them: both names in one document under the same sasaran, the
sasaran of one naming the other's acronym, or the same values; never when both are rows of one table.
"""

from __future__ import annotations

import csv
import hashlib
import io
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import pandas as pd

from normalizers.identity import Name, classify, match, normalize
from normalizers.text import indicator_id, indicator_key

from .decisions import COLUMNS, read_decisions

CATALOGUE_COLUMNS = ["indicator_id", "canonical_name", "unit", "aliases", "agencies", "first_seen"]
DECISION_COLUMNS = COLUMNS
REVIEW_COLUMNS = ["name_a", "name_b", "score", "reason", "id_a", "id_b", "files_a", "files_b", "unit_a", "unit_b", "values_a", "values_b", "decision_line"]


def _blank(v) -> bool:
    if isinstance(v, str):  # the common cases first: this runs for every cell of every value row
        return not v.strip()
    if v is None or isinstance(v, float):
        return v is None or v != v
    return (pd.api.types.is_scalar(v) and pd.isna(v)) or str(v).strip() == ""


def _names(v) -> list[str]:
    """A list cell as read back from parquet (numpy array), a list, one string, or nothing."""
    if v is None or (pd.api.types.is_scalar(v) and pd.isna(v)):
        return []
    return [v] if isinstance(v, str) else [str(x) for x in v]


@dataclass
class _NameInfo:
    """What the values say about one printed name."""

    rows: int = 0
    files: set = field(default_factory=set)
    agencies: set = field(default_factory=set)
    units: list = field(default_factory=list)
    raw_ids: set = field(default_factory=set)
    tables: set = field(default_factory=set)  # (file, table)
    sasaran: set = field(default_factory=set)  # (file, sasaran key)
    sasaran_tokens: dict = field(default_factory=dict)  # file -> set of sasaran tokens
    values: set = field(default_factory=set)  # (year, period, measure, value)
    samples: list = field(default_factory=list)

    @property
    def unit(self):
        return _mode([u for u in self.units if not _blank(u)])


def _mode(values: list):
    """The most common value, the smallest of a tie (pandas' `mode().iloc[0]` without building a Series)."""
    counts = Counter(values)
    return min(counts, key=lambda v: (-counts[v], v)) if counts else None


def _name_infos(values: pd.DataFrame) -> dict[str, _NameInfo]:
    infos: dict[str, _NameInfo] = defaultdict(_NameInfo)
    sasaran_norm: dict[str, Name] = {}
    cols = set(values.columns)
    for r in values.to_dict("records"):
        name = r["indicator_name"]
        info = infos[name]
        info.rows += 1
        f = r.get("source_file")
        info.files.add(f)
        if not _blank(r.get("agency")):
            info.agencies.add(r["agency"])
        info.units.append(r.get("unit"))
        if not _blank(r.get("indicator_id")):
            info.raw_ids.add(r["indicator_id"])
        if "table" in cols and not _blank(r.get("table")):
            info.tables.add((f, r["table"]))
        s = r.get("sasaran")
        if not _blank(s):
            if (n := sasaran_norm.get(s)) is None:
                n = sasaran_norm[s] = normalize(s)
            info.sasaran.add((f, n.key))
            info.sasaran_tokens.setdefault(f, set()).update(n.tokens)
        v = r.get("value")
        if not _blank(v):
            info.values.add((r.get("year"), None if _blank(r.get("period")) else r.get("period"), r.get("measure"), float(v)))
            if len(info.samples) < 4:
                info.samples.append(f"{r.get('measure')} {r.get('year')}: {r.get('value_text', v)}")
    return infos


def _evidence(a: str, b: str, reason: str, infos: dict[str, _NameInfo]) -> str | None:
    """Why a reviewer would call a review-band pair the same, or None."""
    ia, ib = infos.get(a), infos.get(b)
    if ia is None or ib is None or ia.tables & ib.tables:
        return None  # two rows of one table are two indicators
    if ia.sasaran & ib.sasaran:
        return "same document and sasaran"
    if reason.startswith("acronym differs:"):
        acr_a, acr_b = reason.split(":", 1)[1].strip().split(" vs ")
        for f in ia.files & ib.files:
            ta, tb = ia.sasaran_tokens.get(f, set()), ib.sasaran_tokens.get(f, set())
            if (acr_b in ta and acr_a not in ta) or (acr_a in tb and acr_b not in tb):
                return "same document, and the sasaran names the other acronym"
    common = ia.values & ib.values
    numbers = {v[3] for v in common} - {0.0, 100.0}
    if len(numbers) >= 2:  # two different numbers agree in year and measure; 0, 100 and a repeated 50 prove little
        return f"same values ({len(common)})"
    return None


class _Clusters:
    """Union-find over names that refuses merges a decision, a stable id or a hard reject forbids."""

    def __init__(self, names):
        self.parent = {n: n for n in names}
        self.members = {n: {n} for n in names}

    def find(self, n):
        while self.parent[n] != n:
            self.parent[n] = self.parent[self.parent[n]]
            n = self.parent[n]
        return n

    def union(self, a, b):
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return
        if len(self.members[ra]) < len(self.members[rb]):
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.members[ra] |= self.members.pop(rb)


def _pair_key(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a <= b else (b, a)


def apply_catalogue(rows: pd.DataFrame, id_map: pd.DataFrame) -> pd.DataFrame:
    """Point each row's indicator_id at its catalogue entry (rows not in the map keep their own id)."""
    if not len(rows):
        return rows
    mapped = rows.merge(id_map, on=["indicator_id", "indicator_name"], how="left")
    mapped["indicator_id"] = mapped.pop("catalogue_id").fillna(mapped["indicator_id"]).astype(rows["indicator_id"].dtype)
    return mapped[list(rows.columns)]


def load_decisions(path: Path | str) -> pd.DataFrame:
    """The reviewer decisions CSV (DECISION_COLUMNS and each decision's `line`); an empty frame when the
    default file is absent. A file that cannot be used raises a RunError naming it and the line
    (`pipeline.decisions`; planning checks it before anything is read)."""
    return pd.DataFrame(read_decisions(Path(path)), columns=[*DECISION_COLUMNS, "line"])


def _new_id(canonical: str, taken: set[str]) -> str:
    iid = indicator_id(canonical)
    n = 2
    while iid in taken:  # a split-off cluster whose name key already names another id
        iid = "ind_" + hashlib.sha1(f"{indicator_key(canonical)}#{n}".encode()).hexdigest()[:12]
        n += 1
    return iid


def build_catalogue(
    values: pd.DataFrame,
    previous: pd.DataFrame | None = None,
    decisions: pd.DataFrame | None = None,
    now: datetime | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Cluster the indicator names of ``values`` into the catalogue.

    Returns ``(catalogue, id_map, review_pairs)``: the `indicators` table (CATALOGUE_COLUMNS), a map
    (indicator_id, indicator_name) -> catalogue_id for every name in ``values``, and the review-band
    pairs still undecided (REVIEW_COLUMNS).
    """
    now = pd.Timestamp(now if now is not None else datetime.now(timezone.utc))
    now = now.tz_localize("UTC") if now.tzinfo is None else now.tz_convert("UTC")
    infos = _name_infos(values) if len(values) else {}
    previous = previous if previous is not None and len(previous) else pd.DataFrame(columns=CATALOGUE_COLUMNS)
    decisions = decisions if decisions is not None and len(decisions) else pd.DataFrame(columns=DECISION_COLUMNS)

    same, different = set(), set()
    for r in decisions.to_dict("records"):
        (same if str(r["decision"]).strip().lower() == "same" else different).add(_pair_key(r["name_a"], r["name_b"]))

    prev_of: dict[str, str] = {}  # alias -> previous id
    prev_row = {r["indicator_id"]: r for r in previous.to_dict("records")}
    for iid, r in prev_row.items():
        for alias in _names(r["aliases"]) + [r["canonical_name"]]:
            prev_of.setdefault(alias, iid)
    # an alias a reviewer has since separated from its cluster's canonical name leaves the cluster
    for a, b in different:
        for x, y in ((a, b), (b, a)):
            if prev_of.get(x) and prev_of.get(x) == prev_of.get(y) and prev_row[prev_of[x]]["canonical_name"] == y:
                prev_of.pop(x)

    names = sorted(set(infos) | set(prev_of) | {n for p in same for n in p})
    units = {n: (infos[n].unit if n in infos else (prev_row[prev_of[n]]["unit"] if n in prev_of else None)) for n in names}
    norms = {n: normalize(n, units[n]) for n in names}
    cl = _Clusters(names)

    def forbidden(ra: str, rb: str) -> bool:
        ma, mb = cl.members[ra], cl.members[rb]
        return any(_pair_key(x, y) in different for x in ma for y in mb)

    def ids(root: str) -> set[str]:
        return {prev_of[m] for m in cl.members[root] if m in prev_of}

    first_alias: dict[str, str] = {}
    for n, iid in prev_of.items():  # previous clusters stay together
        first = first_alias.setdefault(iid, n)
        if not forbidden(cl.find(first), cl.find(n)):
            cl.union(first, n)
    for a, b in sorted(same):  # reviewer says same: always, unless another decision says different
        if not forbidden(cl.find(a), cl.find(b)):
            cl.union(a, b)

    pairs = match(names, [units[n] for n in names])
    verdict = {_pair_key(r.name_a, r.name_b): (r.decision, r.score, r.reason) for r in pairs.itertuples()}

    def machine(x: str, y: str):
        k = _pair_key(x, y)
        if k not in verdict:
            v = classify(norms[x], norms[y])
            verdict[k] = (v.decision, v.score, v.reason)
        return verdict[k]

    review = []
    pairs = pairs.sort_values(["score", "name_a", "name_b"], ascending=[False, True, True])
    for r in pairs.itertuples():
        k = _pair_key(r.name_a, r.name_b)
        if k in same or k in different or r.decision == "reject":
            continue
        decision, why = r.decision, r.reason
        if decision == "review":
            ev = _evidence(r.name_a, r.name_b, r.reason, infos)
            if ev is None:
                review.append((r.name_a, r.name_b, r.score, r.reason))
                continue
            why = f"{r.reason}; {ev}"
        ra, rb = cl.find(r.name_a), cl.find(r.name_b)
        if ra == rb or forbidden(ra, rb):
            continue
        if len(ids(ra)) and len(ids(rb)) and ids(ra) != ids(rb):
            review.append((r.name_a, r.name_b, r.score, f"{why}; would merge two catalogue ids"))
            continue
        # no chains: every name of one side must not be a hard "different" to any of the other, unless the
        # two names differ in print only (same key), which cannot change what the clusters mean
        identical = norms[r.name_a].key == norms[r.name_b].key or r.reason.startswith("same letters")
        if identical:
            clash = next(((x, y) for x in cl.members[ra] for y in cl.members[rb] if norms[x].unit and norms[y].unit and norms[x].unit != norms[y].unit), None)
        else:
            clash = next(((x, y) for x in cl.members[ra] for y in cl.members[rb] if machine(x, y)[0] == "reject"), None)
        if clash:
            review.append((r.name_a, r.name_b, r.score, f"{why}; but {clash[0]!r} vs {clash[1]!r}: {machine(*clash)[2]}"))
            continue
        cl.union(r.name_a, r.name_b)

    # ids: kept from the previous catalogue, else made from the canonical name
    rows, id_of_root, taken, kept = [], {}, set(prev_row), set()

    def holds_canonical(root: str) -> bool:
        return any(prev_row[i]["canonical_name"] in cl.members[root] for i in ids(root))

    # a cluster split by a decision: the part with the canonical name keeps the id, the rest get new ones
    roots = sorted({cl.find(n) for n in names}, key=lambda r: (not ids(r), not holds_canonical(r), min(cl.members[r])))
    for root in roots:
        members = cl.members[root]
        old = sorted(ids(root) - kept, key=lambda i: (pd.Timestamp(prev_row[i]["first_seen"]), i))
        kept |= set(old)
        live = [m for m in members if m in infos]
        if old:
            iid, p = old[0], prev_row[old[0]]
            canonical, first_seen = p["canonical_name"], pd.Timestamp(p["first_seen"])
            agencies = set(_names(p["agencies"]))
            unit = p["unit"] if not _blank(p["unit"]) else None
        else:
            canonical = sorted(live or members, key=lambda m: (-infos[m].rows if m in infos else 0, -len(infos[m].files) if m in infos else 0, m))[0]
            iid, first_seen, agencies, unit = _new_id(canonical, taken), now, set(), None
            taken.add(iid)
        for m in live:
            agencies |= infos[m].agencies
        if unit is None:
            unit = _mode([infos[m].unit for m in live if infos[m].unit])
        aliases = sorted(members | {canonical})
        for o in old[1:]:  # ids a reviewer merged into this one stay out of the catalogue; their names map here
            aliases = sorted(set(aliases) | set(_names(prev_row[o]["aliases"])))
        id_of_root[root] = iid
        rows.append({"indicator_id": iid, "canonical_name": canonical, "unit": unit, "aliases": aliases, "agencies": sorted(agencies), "first_seen": first_seen})

    catalogue = pd.DataFrame(rows, columns=CATALOGUE_COLUMNS).sort_values("indicator_id").reset_index(drop=True)
    catalogue["first_seen"] = pd.to_datetime(catalogue["first_seen"], utc=True).astype("datetime64[us, UTC]")

    if len(values):
        id_map = values[["indicator_id", "indicator_name"]].drop_duplicates().reset_index(drop=True)
        id_map["catalogue_id"] = [id_of_root[cl.find(n)] for n in id_map["indicator_name"]]
    else:
        id_map = pd.DataFrame(columns=["indicator_id", "indicator_name", "catalogue_id"])

    queue = []
    seen = set()
    for a, b, s, reason in review:
        k = _pair_key(a, b)
        if k in seen or cl.find(a) == cl.find(b):
            continue
        seen.add(k)
        ia, ib = infos.get(a, _NameInfo()), infos.get(b, _NameInfo())
        queue.append({
            "name_a": a, "name_b": b, "score": round(float(s), 1), "reason": reason,
            "id_a": id_of_root[cl.find(a)], "id_b": id_of_root[cl.find(b)],
            "files_a": "; ".join(sorted(map(str, ia.files))), "files_b": "; ".join(sorted(map(str, ib.files))),
            "unit_a": units.get(a), "unit_b": units.get(b),
            "values_a": "; ".join(ia.samples), "values_b": "; ".join(ib.samples),
            "decision_line": decision_line(a, b),
        })
    review_pairs = pd.DataFrame(queue, columns=REVIEW_COLUMNS).sort_values(["score", "name_a"], ascending=[False, True]).reset_index(drop=True)
    return catalogue, id_map, review_pairs


def decision_line(name_a: str, name_b: str, decision: str = "same") -> str:
    """The line to add to review/decisions.csv (decision, reviewer and date to fill in)."""
    buf = io.StringIO()
    csv.writer(buf, lineterminator="").writerow([name_a, name_b, decision, "<reviewer>", "<YYYY-MM-DD>", ""])
    return buf.getvalue()


def catalogue_summary(values: pd.DataFrame, catalogue: pd.DataFrame, id_map: pd.DataFrame, review_pairs: pd.DataFrame) -> dict:
    """Figures for a run: documents, printed names, raw ids, catalogue ids, names merged as aliases, pairs in review."""
    used = id_map["catalogue_id"].nunique() if len(id_map) else 0
    return {
        "documents": int(values["source_file"].nunique()) if len(values) else 0,
        "printed_names": int(values["indicator_name"].nunique()) if len(values) else 0,
        "raw_ids": int(values["indicator_id"].nunique()) if len(values) else 0,
        "indicators": int(used),
        "catalogue_rows": len(catalogue),
        "merged_aliases": int(id_map["indicator_name"].nunique() - used) if len(id_map) else 0,
        "review_pairs": len(review_pairs),
    }
