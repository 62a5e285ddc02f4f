"""The documents, built from the seed content: LKIP, the two IKI families and the pohon kinerja.

Each builder takes the document's options (`Opts`): with rng=None it draws the canonical sample,
with a random.Random it draws a varied corpus document from the same family.
"""
from __future__ import annotations

import random
import re
from dataclasses import dataclass

from .content import (CAPAIAN, IKU_RPD, LAMPUNG, NARROW, NSPK, PK, PK2, PK_BUDGET, POHON, PPKS,
                      PROBOLINGGO, PROGRAMS, QUARTER_SHARE, RENSTRA, RPD, SUBKEG, SUBKEG_BUDGET, TEXT,
                      TUJUAN, TW3)
from .formatting import _NUM, _dots, _fmt_like, _number, _pct, _rp, cell_value
from .layout import BOLD, FONT, ITALIC, SHY, Cell, Doc, H, Table, _val, numbering, wrap

SAMPLE_NAMES = ("bekasi_lkip_2025.pdf", "lampung_barat_iki_2023_2026.pdf",
                "probolinggo_iki_eselon_iii_iv.pdf", "dinsos_pohon_kinerja_2024.pdf")


# ---------------------------------------------------------------- options (samples vs corpus)

@dataclass
class Opts:
    """Everything a document varies on. rng=None draws the canonical sample exactly."""
    region: str = "Kota Bekasi"
    year: int = 2025
    rng: random.Random | None = None
    size: float = 7.5
    numbering: str = "minus"
    shade: bool = True
    landscape: bool = True
    borderless: str = "ppks"
    repeat_head: bool = True
    long_rows: int = 99
    jabatan: int = 99

    def v(self, text: str) -> str:
        """The value text, varied (same print style) in corpus mode."""
        m = _NUM.match(text)
        if self.rng is None or not m or (m["num"] == "100" and self.rng.random() < 0.7):
            return text
        x = float(_number(m["num"])) * self.rng.uniform(0.8, 1.2)
        return _fmt_like(round(x) if "," not in m["num"] and "." not in m["num"] else x, text)

    def vs(self, texts) -> tuple[str, ...]:
        if len(set(texts)) == 1:   # a constant target row stays constant
            return (self.v(texts[0]),) * len(texts)
        return tuple(self.v(t) for t in texts)

    def trc(self, t: str, r: str, cap: str) -> tuple[str, str, str]:
        """target, realisasi, capaian; capaian recomputed when the others were varied."""
        if self.rng is None:
            return t, r, cap
        t2, r2 = self.v(t), self.v(r)
        mt, mr, mc = _NUM.match(t2), _NUM.match(r2), _NUM.match(cap)
        if mt and mr and mc and float(_number(mt["num"])):
            cap = _fmt_like(float(_number(mr["num"])) / float(_number(mt["num"])) * 100, cap)
        return t2, r2, cap

    def pick(self, seq, kmin: int = 1) -> list:
        seq = list(seq)
        if self.rng is None or len(seq) <= kmin:
            return seq
        keep = sorted(self.rng.sample(range(len(seq)), self.rng.randint(kmin, len(seq))))
        return [seq[i] for i in keep]



# ---------------------------------------------------------------- LKIP (seed 001)

def _groups(o: Opts, groups):
    """Drop indicators (corpus mode) but keep every group non-empty."""
    out = []
    for g in o.pick(groups):
        *lead, items = g
        out.append((*lead, o.pick(items)))
    return out


def _lkip_tables(o: Opts) -> dict[str, Table]:
    y, sz, ns = o.year, o.size, o.numbering
    rpd_years = (y - 1, y, y + 1)
    t: dict[str, Table] = {}

    body = []
    for sasaran, inds in _groups(o, RPD):
        for k, (no, ind, sat, awal, *vals) in enumerate(inds):
            ctx = {"sasaran": sasaran, "indicator": ind}
            awal, *vals = o.vs((awal, *vals)) if o.rng else (awal, *vals)
            row = [Cell(sasaran, rs=len(inds))] if k == 0 else []
            row += [Cell(no, al="C"), Cell(ind), Cell(sat, al="C"),
                    _val(awal, ctx, "baseline", y - 4)]
            row += [_val(v, ctx, "target", yy) for v, yy in zip(vals, rpd_years)]
            body.append(row + [_val(vals[3], ctx, "target", rpd_years[-1])])
    t["rpd"] = Table("IKU/Renstra RPD targets (multi-row header, merged sasaran)",
                     [112, 14, 122, 36, 50, 40, 40, 40, 46],
                     [[H("SASARAN RANCANGAN RPD", rs=2), H("INDIKATOR KINERJA", cs=2, rs=2),
                       H("SATUAN", rs=2), H(f"KONDISI AWAL ({y - 4})", rs=2),
                       H("TARGET KINERJA", cs=3), H("KONDISI AKHIR", rs=2)],
                      [H(str(x)) for x in rpd_years]], body, size=sz, shade=o.shade)

    def grouped(groups, measures, years, periods):
        rows = []
        for no, sasaran, inds in _groups(o, groups):
            for k, (ind, *rest) in enumerate(inds):
                vals, sat = rest[-1], rest[0] if len(rest) == 2 else None
                ctx = {"sasaran": sasaran, "indicator": ind}
                if len(vals) == 3 and measures[1] == "realisasi":
                    vals = o.trc(*vals)
                elif o.rng:
                    vals = o.vs(vals)
                row = [Cell(no, rs=len(inds), al="C"), Cell(sasaran, rs=len(inds))] if k == 0 else []
                row += [Cell(ind)] + ([Cell(sat, al="C")] if sat else [])
                row += [_val(v, ctx, m, yy, p) for v, m, yy, p in zip(vals, measures, years, periods)]
                rows.append(row)
        return rows

    t["iku"] = Table("IKU 2024-2026 (numbering row, BB)", [24, 170, 170, 45, 45, 45],
                     [[H("NO.", rs=2), H("SASARAN", rs=2), H("INDIKATOR TUJUAN/SASARAN", rs=2),
                       H("TARGET KINERJA SASARAN PADA TAHUN", cs=3)],
                      [H(str(x)) for x in rpd_years], numbering((1, 5, 6, 7, 8, 9), ns)],
                     grouped(IKU_RPD, ("target",) * 3, rpd_years, ("",) * 3), size=sz,
                     shade=o.shade)
    t["pk"] = Table("Perjanjian Kinerja (single year, year from title)", [26, 190, 190, 70],
                    [[H("No"), H("Sasaran Strategis"), H("Indikator Kinerja"), H("Target")],
                     numbering((1, 2, 3, 4), "paren")],
                    grouped(PK, ("target",), (y,), ("",)), size=sz + 0.5, shade=o.shade)

    t["pk2"] = Table("Perjanjian Kinerja perubahan", [26, 190, 190, 70],
                     [[H("No"), H("Sasaran Strategis"), H("Indikator Kinerja"), H("Target")],
                      numbering((1, 2, 3, 4), "paren")],
                     grouped(PK2, ("target",), (y,), ("",)), size=sz + 0.5, shade=o.shade)
    scale = 1.0 if o.rng is None else o.rng.uniform(0.4, 1.8)
    rows = []
    for i, (name, p) in enumerate(PK_BUDGET, 1):
        p = round(p * scale)
        rec = ("budget", {"year": y, "code": "", "name": name, "pagu": _rp(p, "dot"),
                          "realisasi": "", "pct": ""})
        rows.append([Cell(f"{i}. {name}", rec=rec), Cell(_rp(p, "dot"), fit=True), Cell("APBD", al="C")])
    total = sum(round(p * scale) for _, p in PK_BUDGET)
    rows.append([Cell("Total", bold=True, rec=("budget", {"year": y, "code": "", "name": "Total",
                                                          "pagu": _rp(total, "dot"),
                                                          "realisasi": "", "pct": ""})),
                 Cell(_rp(total, "dot"), bold=True, fit=True), Cell("")])
    t["pk_budget"] = Table("Anggaran Perjanjian Kinerja (Rp)", [260, 100, 90],
                           [[H("Program"), H("Anggaran"), H("Ket (Sumber Dana)")]], rows,
                           size=sz + 0.5, shade=o.shade)

    rows = []
    for k, (sasaran, ind, vals) in enumerate(o.pick(RENSTRA)):
        ctx = {"sasaran": sasaran, "indicator": ind}
        vals = o.vs(vals) if o.rng else vals
        row = [Cell("1", rs=99, al="C"), Cell(NSPK, rs=99), Cell(TUJUAN, rs=99)] if k == 0 else []
        row += [Cell(sasaran), Cell(ind)]
        row += [_val(v, ctx, "target", y + i) for i, v in enumerate(vals)] + [Cell("")]
        rows.append(row)
    for c in rows[0][:3]:
        c.rs = len(rows)
    t["renstra"] = Table("Renstra 2025-2029 targets (landscape)", [24, 120, 120, 135, 150] + [36] * 5
                         + [40], [[H("NO", rs=2), H("NSPK DAN SASARAN RPJMD YANG RELEVAN", rs=2),
                                   H("TUJUAN", rs=2), H("SASARAN", rs=2), H("INDIKATOR", rs=2),
                                   H("TARGET TAHUN", cs=5), H("KET", rs=2)],
                                  [H(str(y + i)) for i in range(5)], numbering(range(1, 12), ns)],
                         rows, size=sz + (0.5 if o.landscape else -1), shade=o.shade)

    t["tw3"] = Table("Capaian TW III (period TW3)", [24, 150, 150, 48, 56, 70],
                     [[H("NO."), H("SASARAN"), H("INDIKATOR TUJUAN/SASARAN"), H("TARGET"),
                       H("REALISASI"), H(f"CAPAIAN KINERJA TW III {y} (%)")],
                      numbering((1, 5, 6, 7, 8, 9), ns)],
                     grouped(TW3, ("target", "realisasi", "capaian"), (y,) * 3, ("TW3",) * 3),
                     size=sz, shade=o.shade)
    t["annual"] = Table("Annual capaian (year in the header)", [24, 140, 140, 40, 50, 56, 50],
                        [[H("NO.", rs=2), H("SASARAN", rs=2), H("INDIKATOR SASARAN", rs=2),
                          H("SATUAN", rs=2), H(f"CAPAIAN KINERJA TAHUN {y}", cs=3)],
                         [H("TARGET"), H("REALISASI"), H("CAPAIAN")],
                         numbering((1, 2, 3, 4, 7, 8, 9), ns)],
                        grouped(CAPAIAN, ("target", "realisasi", "capaian"), (y,) * 3, ("",) * 3),
                        size=sz, shade=o.shade)

    rows = []
    subs = SUBKEG if o.rng is None else o.pick(SUBKEG, min(o.long_rows, len(SUBKEG)))
    for i, (sub, ind, sat, target, real) in enumerate(subs, 1):
        if o.rng:
            target = max(4, round(target * o.rng.uniform(0.6, 1.6)))
            real = min(target, round(target * o.rng.uniform(0.75, 1.0)))
        qs = [round(real * s) for s in QUARTER_SHARE]
        qs.append(real - sum(qs))
        ctx = {"indicator": ind}
        rows.append([Cell(str(i), al="C"), Cell(sub), Cell(ind), Cell(sat, al="C"),
                     _val(_dots(target), ctx, "target", y)]
                    + [_val(_dots(q), ctx, "realisasi", y, f"TW{k}") for k, q in enumerate(qs, 1)]
                    + [_val(_pct(real, target), ctx, "capaian", y)])
    t["long"] = Table("Quarterly realisasi, Triwulan I-IV (long, continues)",
                      [18, 110, 150, 38, 36, 30, 30, 30, 30, 42],
                      [[H("NO", rs=3), H("SUB KEGIATAN", rs=3), H("INDIKATOR KINERJA", rs=3),
                        H("SATUAN", rs=3), H(f"TARGET {y}", rs=3), H(f"REALISASI {y}", cs=4),
                        H("CAPAIAN (%)", rs=3)], [H("Triwulan", cs=4)],
                       [H("I"), H("II"), H("III"), H("IV")]], rows, size=sz,
                      repeat_head=o.repeat_head, shade=o.shade)

    rows = []
    for i, (ind, sat, base, tg, re_, cap) in enumerate(o.pick(NARROW), 1):
        ctx = {"indicator": ind.replace(SHY, "")}
        tg, re_, cap = o.trc(tg, re_, cap)
        rows.append([Cell(str(i), al="C"), Cell(ind), Cell(sat, al="C"),
                     _val(o.v(base), ctx, "baseline", y - 1), _val(tg, ctx, "target", y),
                     _val(re_, ctx, "realisasi", y), _val(cap, ctx, "capaian", y)])
    t["narrow"] = Table("Narrow columns splitting words (baseline)", [16, 38, 40, 44, 40, 40, 40],
                        [[H("NO"), H("INDIKATOR"), H("SATUAN"), H(f"BASELINE ({y - 1})"),
                          H(f"TARGET {y}"), H(f"REALISASI {y}"), H("CAPAIAN (%)")]],
                        rows, size=7, head_size=8.5, center=False, shade=o.shade)

    rows = []
    for i, (ppks, tg, re_, cap) in enumerate(o.pick(PPKS), 1):
        ctx = {"indicator": ppks}
        tg, re_, cap = o.trc(tg, re_, cap)
        rows.append([Cell(str(i), al="C"), Cell(ppks), _val(tg, ctx, "target", y),
                     _val(re_, ctx, "realisasi", y), _val(cap, ctx, "capaian", y), Cell("")])
    t["ppks"] = Table("Borderless (no ruling lines)", [28, 190, 64, 64, 60, 60],
                      [[H("NO"), H("PPKS"), H("TARGET"), H("REALISASI"), H("CAPAIAN"), H("KET")]],
                      rows, size=sz + 1)

    progs = [(c, n, round(p * scale), round(r * scale)) for c, n, p, r in PROGRAMS]
    tot_p, tot_r = sum(p for *_, p, _ in progs), sum(r for *_, r in progs)
    rows = []
    for i, (code, name, p, r) in enumerate(progs, 1):
        rec = ("budget", {"year": y, "code": code, "name": name, "pagu": _rp(p, "dot"),
                          "realisasi": _rp(r, "space"), "pct": _pct(r, p)})
        rows.append([Cell(str(i), al="C"), Cell(code, rec=rec), Cell(name),
                     Cell(_rp(p, "dot"), al="R", fit=True), Cell(_rp(r, "space"), al="R", fit=True),
                     Cell(_pct(r, p), al="C", fit=True)])
    rec = ("budget", {"year": y, "code": "", "name": "JUMLAH", "pagu": _rp(tot_p, "dot"),
                      "realisasi": _rp(tot_r, "tight"), "pct": _pct(tot_r, tot_p)})
    rows.append([Cell(""), Cell("", rec=rec), Cell("JUMLAH", bold=True, al="C"),
                 Cell(_rp(tot_p, "dot"), al="R", bold=True, fit=True),
                 Cell(_rp(tot_r, "tight"), al="R", bold=True, fit=True),
                 Cell(_pct(tot_r, tot_p), al="C", bold=True, fit=True)])
    t["budget"] = Table("Budget per program (Rp, codes)", [22, 44, 190, 82, 82, 40],
                        [[H("NO"), H("KODE"), H("PROGRAM"), H("PAGU"), H("REALISASI"), H("%")]],
                        rows, size=sz + 0.5, shade=o.shade)

    rows, tp, tr = [], 0, 0
    for suffix, name, p, r in SUBKEG_BUDGET:
        p, r = round(p * scale), round(r * scale)
        code, lvl = f"1.06.01.01-{suffix}", suffix.count(".")
        if lvl == 0:
            tp, tr = tp + p, tr + r
        rec = ("budget", {"year": y, "code": code, "name": name, "pagu": _dots(p),
                          "realisasi": _dots(r), "pct": _pct(r, p)})
        rows.append([Cell(code, rec=rec, bold=lvl == 0), Cell(name, bold=lvl == 0),
                     Cell(_dots(p), al="R", fit=True), Cell(_dots(r), al="R", fit=True),
                     Cell(_pct(r, p), al="C", fit=True)])
    rec = ("budget", {"year": y, "code": "", "name": "JUMLAH", "pagu": _dots(tp),
                      "realisasi": _dots(tr), "pct": _pct(tr, tp)})
    rows.append([Cell("JUMLAH", cs=2, al="C", bold=True, rec=rec),
                 Cell(_dots(tp), al="R", bold=True, fit=True),
                 Cell(_dots(tr), al="R", bold=True, fit=True),
                 Cell(_pct(tr, tp), al="C", bold=True, fit=True)])
    t["budget_sub"] = Table("Budget per sub kegiatan (codes 1.06.01.01-04.2.01)",
                            [88, 226, 66, 66, 36],
                            [[H("KODE"), H("URAIAN"), H("PAGU (Rp)"), H("REALISASI (Rp)"), H("%")]],
                            rows, size=sz - 0.5, shade=o.shade)
    if o.borderless != "ppks":  # corpus: another table goes borderless too
        t[o.borderless].ruled = False
    t["ppks"].ruled = False
    return t


def _lkip(name: str, o: Opts) -> Doc:
    y, reg = o.year, o.region
    org = f"Dinas Sosial {reg}"
    f = {"org": org, "reg": reg, "y": y, "y0": y - 1, "y2": y + 1, "y4": y + 4}
    T = {k: v.format(**f) for k, v in TEXT.items()}
    d = Doc(name, "LKIP", header=f"LAPORAN KINERJA INSTANSI PEMERINTAH {org.upper()} TAHUN {y}",
            footer=f"LKIP {org} Tahun {y}", title=f"LKIP {org} {y}")
    t = _lkip_tables(o)
    src = f"Sumber Data : Renstra Dinas Sosial Tahun {y - 1}-{y + 1}"

    d.new_page(header=False)                                    # cover
    d.c.setLineWidth(2)
    d.c.rect(40, 40, d.w - 80, d.h - 80)
    d.c.circle(d.w / 2, d.h - 200, 48)
    d.y = d.h - 300
    for s, size in (("LAPORAN KINERJA INSTANSI PEMERINTAH (LKIP)", 17), (f"TAHUN {y}", 17),
                    ("", 40), (org.upper(), 15)):
        d.text(s, size=size, font=BOLD, align="C", after=6)
    d.y = 150
    bekasi = reg == "Kota Bekasi"
    for s in ("JL. IR. H. JUANDA NO. 100 BEKASI, JAWA BARAT" if bekasi else reg.upper(),
              "TELEPON 021-88349600, FAX. 021-88349600, EMAIL : DINSOSKOTABEKASI@GMAIL.COM"
              if bekasi else "EMAIL : DINSOS@" + reg.replace(" ", "").upper() + ".GO.ID"):
        d.text(s, size=9, align="C")

    d.new_page()
    d.text("KATA PENGANTAR", size=12, font=BOLD, align="C", after=10)
    d.para(T["pengantar"])
    d.text("BAB I PENDAHULUAN", size=12, font=BOLD, align="C", after=8)
    d.text("1.1. Latar Belakang", size=10.5, font=BOLD, after=4)
    d.para(T["latar"])
    d.para(T["latar2"])

    d.new_page()
    d.text("BAB II PERENCANAAN KINERJA", size=12, font=BOLD, align="C", after=8)
    d.para(T["bab2"])
    d.text(f"2.1.1. Rencana Strategis Tahun {y - 1}-{y + 1}", size=10.5, font=BOLD, after=4)
    d.para(T["rpd"])
    d.table(t["rpd"], (f"Tabel 2.1 Tujuan dan Sasaran {org}", f"{y - 1}-{y + 1}"), src)
    d.text("2.1.2. Indikator Kinerja Utama", size=10.5, font=BOLD, after=4)
    d.para(T["iku"])
    d.table(t["iku"], (f"Tabel 2.2 Indikator Kinerja Utama Periode {y - 1}-{y + 1}",), src)
    d.text(f"2.1.3. Perjanjian Kinerja Tahun {y}", size=10.5, font=BOLD, after=4)
    d.para(T["pk"])
    d.table(t["pk"], ("Tabel 2.3", f"PERJANJIAN KINERJA TAHUN {y}", org.upper()),
            f"Sumber Data : Perjanjian Kinerja Murni {y}")
    d.table(t["pk_budget"], (), f"Sumber Data : Perjanjian Kinerja Murni {y}")
    d.text("2.2. Perencanaan Kinerja Periode RPJMD", size=10.5, font=BOLD, after=4)
    d.para(T["pk2"])
    d.table(t["pk2"], ("Tabel 2.4", f"Perjanjian Kinerja {org} Tahun {y}", "(Eselon II)"),
            f"Sumber Data : Perjanjian Kinerja Perubahan Eselon II {org}")

    d.new_page(landscape=o.landscape)
    d.text(f"2.2.1. Rencana Strategis {org} Tahun {y}-{y + 4}", size=10.5, font=BOLD, after=4)
    d.para(T["renstra"])
    d.table(t["renstra"], ("Tabel 2.5", f"Tujuan dan Sasaran Jangka Menengah {org}",
                           f"Tahun {y}-{y + 4}"),
            f"Sumber Data : Rancangan Akhir Renstra Dinas Sosial Tahun {y}-{y + 4}")

    d.new_page()
    d.text("BAB III AKUNTABILITAS KINERJA", size=12, font=BOLD, align="C", after=8)
    d.text("3.1.1 Periode RPD", size=10.5, font=BOLD, after=4)
    d.para(T["bab3"])
    d.table(t["tw3"], ("Tabel 3.2", f"Capaian Kinerja Sasaran Dinas Sosial Triwulan III Tahun {y}"),
            f"Sumber Data : Bagian Perencanaan {org}")
    d.para(T["tw3"])
    d.text("3.1.2 Periode RPJMD", size=10.5, font=BOLD, after=4)
    d.para(T["rpjmd"])
    d.table(t["annual"], (f"Tabel 3.3 Capaian Kinerja {org} Tahun {y}",),
            f"Sumber Data : Data Olahan Sub Bagian Perencanaan Dinas Sosial Tahun {y}")

    d.new_page()
    d.para(T["sub"])
    d.table(t["long"], (f"Tabel 3.4 Capaian Indikator Kinerja Sub Kegiatan Tahun {y}",),
            f"Sumber Data : Notulen Evaluasi Internal TW IV tahun {y}")

    d.new_page()
    d.para(T["narrow"])
    d.table(t["narrow"], (f"Tabel 3.5 Data Capaian Kinerja Tahun {y - 1} dan {y}",))
    d.para("Realisasi indikator Persentase PPKS yang mendapatkan pelayanan kesejahteraan sosial "
           "melebihi target yang ditetapkan, sedangkan indikator Persentase PSKS yang dibina "
           "tercapai sesuai target.")

    d.new_page()
    d.para(T["ppks"])
    d.table(t["ppks"], ("Tabel 3.6 Jumlah Realisasi PPKS pada Sasaran Meningkatnya Rehabilitasi",
                        f"Sosial bagi Pemerlu Pelayanan Kesejahteraan Sosial (PPKS) Tahun {y}"),
            "Sumber : Bidang Rehabilitasi Sosial dan Bidang Perlindungan dan Jaminan Sosial")

    d.new_page()
    d.text("3.3 Realisasi Anggaran", size=10.5, font=BOLD, after=4)
    d.para(T["anggaran"])
    d.table(t["budget"], (f"Tabel 3.7 Pagu Dan Realisasi Anggaran {org}",
                          f"Setelah APBD-P Per Program Tahun {y}"))
    d.table(t["budget_sub"], (f"Tabel 3.8 Realisasi Anggaran per Sub Kegiatan Tahun {y}",))

    d.new_page()
    d.text("BAB IV PENUTUP", size=12, font=BOLD, align="C", after=8)
    d.para(T["penutup"])
    d.text(f"{reg.split(' ', 1)[1]}, Januari {y + 1}", size=10, align="L", indent=300, after=2)
    d.text(f"KEPALA {org.upper()}", size=9, font=BOLD, indent=300, after=40)
    d.text("ROBER TP. SIAGIAN, S.STP., M.Si." if reg == "Kota Bekasi" else "( ........................ )",
           size=10, font=BOLD, indent=300)
    return d


# ---------------------------------------------------------------- IKI Lampung Barat (seed 004)

def _iki_lampung(name: str, o: Opts) -> Doc:
    y0 = o.year
    reg = o.region
    d = Doc(name, "IKI", margins=(26, 26, 40, 40), title=f"IKI Dinas Sosial {reg} {y0}-{y0 + 3}")
    d.new_page(header=False)
    d.y = d.h - 90
    for s in ("INDIKATOR KINERJA INDIVIDU (IKI)", f"DINAS SOSIAL {reg.upper()}",
              f"TAHUN {y0}-{y0 + 3}"):
        d.text(s, size=13, font=BOLD, align="C", after=4)
    d.y -= 16
    for jab, tugas, fungsi, shift, groups in o.pick(LAMPUNG, min(o.jabatan, len(LAMPUNG))):
        years = [y0 + shift + i for i in range(4)]   # shift -5: the "2018-2021" header slip
        rows = []
        for g in o.pick(groups):
            no, sasaran, ind, subs = (*g[:3], g[3]) if len(g) == 4 else (*g[:3], [(g[3], g[4], "")])
            ctx = {"jabatan": jab, "sasaran": sasaran, "indicator": ind}
            for k, (penj, targets, sumber) in enumerate(subs):
                targets = o.vs(targets) if o.rng else targets
                row = [Cell(no, rs=len(subs), al="C", top=True), Cell(sasaran, rs=len(subs), top=True),
                       Cell(ind, rs=len(subs), top=True)] if k == 0 else []
                row += [Cell(penj)] + [_val(v, ctx, "target", yy) for v, yy in zip(targets, years)]
                rows.append(row + [Cell(sumber.format(r=f"{y0}-{y0 + 3}"), al="C")])
        t = Table(f"IKI {jab}", [16, 80, 86, 104, 58, 58, 58, 58, 42],
                  [[H("No", rs=2), H("Sasaran Kinerja", rs=2), H("Indikator Kinerja", rs=2),
                    H("Penjelasan/Alasan/Formulasi/ Perhitungan", rs=2), H("Target", cs=4),
                    H("Sumber Data", rs=2)], [H(str(x)) for x in years]], rows, size=7,
                  shade=o.shade)
        d.ensure(150)
        d.text("INDIKATOR KINERJA INDIVIDU (IKI)", size=10.5, font=BOLD, align="C", after=6)
        d.kv("1. Jabatan", jab)
        d.kv("2. Tugas", tugas)
        d.kv("3. Fungsi", "")
        for i, s in enumerate(fungsi):
            d.item(f"{'abcde'[i]}.", s, size=9.5, indent=62, hang=14)
        d.y -= 6
        d.table(t)
        d.y -= 8
    return d


# ---------------------------------------------------------------- IKI Probolinggo (seed 003)

def _iki_probolinggo(name: str, o: Opts) -> Doc:
    reg = o.region
    d = Doc(name, "IKI", margins=(40, 40, 50, 45), title=f"IKI Eselon III & IV Dinas Sosial {reg}")
    d.new_page(header=False)
    d.y = d.h - 180
    for s, size in (("INDIKATOR KINERJA", 22), ("INDIVIDU (IKI)", 22), ("ESELON III & IV", 18),
                    ("", 60), (f"PEMERINTAH {reg.upper()}", 13), ("DINAS SOSIAL", 13)):
        d.text(s, size=size, font=BOLD, align="C", after=6)
    for jab, tugas, kinerja, sumber, inds in o.pick(PROBOLINGGO, 2):
        d.new_page(header=False)
        d.text("INDIKATOR KINERJA INDIVIDU", size=11, font=BOLD, align="C", after=8)
        d.kv("1. JABATAN", jab, tab=70)
        d.kv("2. TUGAS", tugas, tab=70)
        d.y -= 8
        rows = []
        for k, (ind, penj, frac) in enumerate(inds):
            row = [Cell(kinerja, rs=len(inds), top=True)] if k == 0 else []
            rows.append(row + [Cell(ind, top=True), Cell(penj, top=True, frac=frac and (*frac, "X 100%")),
                               Cell(sumber, top=True)])
        d.table(Table(f"IKI {jab}", [110, 130, 190, 85],
                      [[H("KINERJA"), H("INDIKATOR KINERJA"), H("PENJELASAN/FORMULASI PENGHITUNGAN"),
                        H("SUMBER DATA")]], rows, size=8.5, shade=False))
    return d


# ---------------------------------------------------------------- pohon kinerja (seed 002)

def _pohon(name: str, year: int = 2024) -> Doc:
    """A pohon kinerja on one A3 landscape page: boxes (the top one rounded) joined by elbow
    connector lines, each box a sasaran, "IK : ...", "Target : ..." and the position answering for it.
    Truth: one target row per box with a target, and one tree row per box."""
    d = Doc(name, "POHON_KINERJA", title=f"Pohon Kinerja Dinas Sosial {year}")
    d.new_page(header=False)
    d.w, d.h = 1190.55, 841.89  # A3 landscape: a tree is wide
    c = d.c
    c.setPageSize((d.w, d.h))
    c.setFont(BOLD, 14)
    c.drawCentredString(d.w / 2, d.h - 40, f"POHON KINERJA DINAS SOSIAL TAHUN {year}")
    size, lead, bw, margin = 6.5, 8.2, 150.0, 30.0
    nodes: list[dict] = []

    def walk(n, level: int, parent: dict | None, key: str) -> dict:
        sas, ik, target, jab, kids = n
        me = {"n": n, "level": level, "parent": parent, "key": key, "kids": []}
        nodes.append(me)
        me["kids"] = [walk(k, level + 1, me, f"{key}.{i + 1}") for i, k in enumerate(kids)]
        return me

    root = walk(POHON, 0, None, "1")
    leaves = [m for m in nodes if not m["kids"]]
    slot = (d.w - 2 * margin) / len(leaves)

    def place(m: dict) -> float:  # x centre: leaves side by side, a parent over its children
        if not m["kids"]:
            m["cx"] = margin + slot * (leaves.index(m) + 0.5)
        else:
            xs = [place(k) for k in m["kids"]]
            m["cx"] = (xs[0] + xs[-1]) / 2
        return m["cx"]

    place(root)
    for m in nodes:
        sas, ik, target, jab, _ = m["n"]
        m["lines"] = ([(ln, BOLD) for ln in wrap(sas, BOLD, size, bw - 8)] + [("", FONT)]
                      + [(ln, FONT) for ln in wrap(ik, FONT, size, bw - 8)]
                      + [(ln, FONT) for ln in (wrap(target, FONT, size, bw - 8) if target else [])]
                      + [(ln, ITALIC if jab.startswith("*") else BOLD) for ln in wrap(jab, BOLD, size, bw - 8)])
    levels = max(m["level"] for m in nodes) + 1
    heights = [max(len(m["lines"]) for m in nodes if m["level"] == lv) * lead + 8 for lv in range(levels)]
    gap, top = 34.0, d.h - 70
    tops = [top - sum(heights[:lv]) - gap * lv for lv in range(levels)]
    fills = ((0.99, 0.85, 0.6), (1, 0.95, 0.7), (0.8, 0.9, 1), (0.85, 0.95, 0.85), (0.95, 0.95, 0.95))
    for m in nodes:
        lv, x = m["level"], m["cx"] - bw / 2
        y_top, h = tops[lv], heights[lv]
        c.setFillColorRGB(*fills[lv % len(fills)])
        c.setLineWidth(0.8)
        if lv == 0:
            c.roundRect(x, y_top - h, bw, h, 6, stroke=1, fill=1)
        else:
            c.rect(x, y_top - h, bw, h, stroke=1, fill=1)
        c.setFillGray(0)
        y = y_top - 4
        for ln, font in m["lines"]:
            y -= lead
            c.setFont(font, size)
            c.drawString(x + 4, y + 1.5, ln)
        if m["kids"]:  # elbow connector: down from the parent, a bus, down to each child
            bus = y_top - h - gap / 2
            xs = [k["cx"] for k in m["kids"]]
            c.setLineWidth(0.6)
            c.lines([(m["cx"], y_top - h, m["cx"], bus), (min(xs + [m["cx"]]), bus, max(xs + [m["cx"]]), bus)]
                    + [(k, bus, k, tops[lv + 1]) for k in xs])
        sas, ik, target, jab, _ = m["n"]
        indicator = ik.split(":", 1)[1].strip()
        jabatan = "" if jab.startswith("*") else jab
        value_text = target.split(":", 1)[1].strip() if target else ""
        ty = re.search(r"\((\d{4})\)$", value_text)
        if ty:
            value_text = value_text[: ty.start()].strip()
        d.tree.append({"file": name, "node": m["key"], "parent": m["parent"]["key"] if m["parent"] else "",
                       "level": lv, "jabatan": jabatan, "sasaran": sas, "indicator": indicator,
                       "target": value_text, "page": d.page})
        if target:
            value, unit = cell_value(value_text)
            d.truth.append({"file": name, "kind": d.kind, "jabatan": jabatan, "sasaran": sas,
                            "indicator": indicator, "year": int(ty.group(1)) if ty else year,
                            "measure": "target", "period": "", "value": value,
                            "value_text": value_text, "unit": unit, "page": d.page})
    return d


# ---------------------------------------------------------------- the sample set

def _sample_docs() -> list[Doc]:
    return [_lkip(SAMPLE_NAMES[0], Opts()),
            _iki_lampung(SAMPLE_NAMES[1], Opts(region="Kabupaten Lampung Barat", year=2023)),
            _iki_probolinggo(SAMPLE_NAMES[2], Opts(region="Kota Probolinggo")),
            _pohon(SAMPLE_NAMES[3])]
