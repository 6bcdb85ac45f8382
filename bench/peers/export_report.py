"""The peer of (a): one OPD's printable report, as a pandas user would write it.

Reads the OPD's own SQLite file (the same `large/renaksi.db` Renaksi exports
from) with pandas, computes the evaluation table for one quarter by the same
rules (target and realisasi s.d. TW n per aggregation, capaian by polarity,
predikat bands, capaian per action), and writes the two printable sheets through
XlsxWriter (pandas' `ExcelWriter(engine="xlsxwriter")`):

- "Laporan": the four kop lines, the two header rows (Target and Realisasi
  grouped over TW I-IV), one row per indicator then one per milestone without
  indicators, in the same 23 columns with the same number formats by column
  ("0" for No, "#,##0.##" for quantities, "0.00" for percentages, "-" where
  there is no capaian), the predikat legend under the table, A4 landscape fitted to
  the page width, header rows repeated, panes frozen right of Rencana Aksi;
- "Ringkasan": the three kop lines and capaian per action with its predikat.

Not done, which flatters the peer: no signature block or generator stamp, no
notes on "-" cells, formats set per column rather than per cell (Renaksi shows
whole numbers as "#,##0" and borders every cell), no column chart, fixed column widths and row heights, no
hidden signed data sheet, no signature, no fsynced temp file and rename.

Prints one line for `cargo xtask bench`:
    peer export rows=600 import_s=0.41 read_s=0.05 compute_s=0.03 write_s=0.3 work_s=0.4
where work_s = read + compute + write, without starting Python and importing pandas.

    python export_report.py --db renaksi.db --opd DISKOMINFO --period 2019-TW4 --out laporan.xlsx
"""

import time

STARTED = time.perf_counter()

import argparse  # noqa: E402
import sqlite3  # noqa: E402

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

IMPORTED = time.perf_counter()

ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
STATUS = {"belum_dimulai": "Belum Dimulai", "terbatas": "Terbatas",
          "substansial": "Substansial", "selesai": "Selesai"}
# Predikat bands, highest first: [91, inf) ... below 51.
BANDS = [(91.0, "Sangat Tinggi"), (76.0, "Tinggi"), (66.0, "Sedang"), (51.0, "Rendah"),
         (None, "Sangat Rendah")]
LEGEND = ("Predikat (capaian %): Sangat Tinggi ≥ 91; Tinggi 76 – < 91; Sedang 66 – < 76; "
          "Rendah 51 – < 66; Sangat Rendah < 51")
HEADERS = ["No", "Tema", "Rencana Aksi", "Tonggak", "Indikator", "Satuan", "Baseline",
           "Target tahunan"]
TAIL = ["Predikat", "Capaian thd target tahunan (%)", "Status", "Bukti", "Kendala",
        "Tindak lanjut"]
WIDTHS = [4, 13, 22, 20, 22, 9, 8, 8] + [7] * 8 + [8.5, 11, 8.5, 11, 17, 17, 17]


def read(db, opd):
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    q = lambda sql, *params: pd.read_sql_query(sql, con, params=params)  # noqa: E731
    plan = q("SELECT id, title, version FROM plans ORDER BY year_start DESC LIMIT 1").iloc[0]
    office = q("SELECT id, code, name FROM opds WHERE code = ?", opd).iloc[0]
    data = {
        "plan": plan,
        "office": office,
        "themes": q("SELECT id AS theme_id, seq AS theme_seq, name AS theme_name FROM themes "
                    "WHERE plan_id = ?", plan["id"]),
        "actions": q("SELECT id AS action_id, theme_id, code, title FROM actions WHERE plan_id = ?",
                     plan["id"]),
        "indicators": q("SELECT id, action_id, milestone_id, seq, description, unit, baseline, "
                        "polarity, aggregation FROM indicators WHERE opd_id = ?", office["id"]),
        "milestones": q("SELECT id, action_id, seq, title, status FROM milestones "
                        "WHERE opd_id = ?", office["id"]),
        "targets": q("SELECT t.indicator_id, t.year, t.quarter, t.value FROM targets t "
                     "JOIN indicators i ON i.id = t.indicator_id WHERE i.opd_id = ?", office["id"]),
        "realisations": q("SELECT r.indicator_id, r.year, r.quarter, r.value, r.obstacles, "
                          "r.follow_up FROM realisations r JOIN indicators i "
                          "ON i.id = r.indicator_id WHERE i.opd_id = ?", office["id"]),
        "evidence": q("SELECT milestone_id, indicator_id, year, quarter, title, url, file_name "
                      "FROM evidence WHERE opd_id = ?", office["id"]),
    }
    con.close()
    return data


def to_date(wide, aggregation, quarter):
    """s.d. TW n: the sum of quarters 1..n for kumulatif, else the latest one with a value."""
    upto = wide.iloc[:, :quarter]
    summed = upto.sum(axis=1, min_count=1)
    latest = upto.ffill(axis=1).iloc[:, -1]
    return summed.where(aggregation == "kumulatif", latest)


def capaian(polarity, target, realisation):
    positive = (realisation / target * 100).where(target != 0)
    negative = (target / realisation * 100).where(realisation != 0)
    return positive.where(polarity == "positif", negative)


def grade(percent):
    labels = np.select([percent >= b for b, _ in BANDS[:-1]], [label for _, label in BANDS[:-1]],
                       BANDS[-1][1])
    return pd.Series(labels, index=percent.index).where(percent.notna(), "")


def compute(data, year, quarter):
    ind = data["indicators"].merge(data["actions"], on="action_id").merge(data["themes"], on="theme_id")
    ind = ind.sort_values(["code", "seq"]).reset_index(drop=True)
    quarters = [1, 2, 3, 4]
    tgt = data["targets"].query("year == @year").pivot(index="indicator_id", columns="quarter",
                                                       values="value").reindex(columns=quarters)
    rel_rows = data["realisations"].query("year == @year")
    rel = rel_rows.pivot(index="indicator_id", columns="quarter", values="value").reindex(columns=quarters)
    tgt = tgt.reindex(ind["id"]).set_axis(ind.index)
    rel = rel.reindex(ind["id"]).set_axis(ind.index)
    agg = ind["aggregation"]
    target_sd = to_date(tgt, agg, quarter)
    real_sd = to_date(rel, agg, quarter)
    annual = to_date(tgt, agg, 4)
    percent = capaian(ind["polarity"], target_sd, real_sd)
    annual_percent = capaian(ind["polarity"], annual, real_sd)
    shown_rel = rel.copy()
    shown_rel.loc[:, [q for q in quarters if q > quarter]] = np.nan
    story = rel_rows[rel_rows["quarter"] == quarter].set_index("indicator_id")

    ms = data["milestones"].set_index("id")
    ev = data["evidence"]
    ev_text = ev["title"] + np.where(ev["url"].notna(), " (" + ev["url"].fillna("") + ")", "")
    ev_text = ev_text.where(ev["url"].notna(), ev["file_name"].fillna(ev["title"]))
    by_milestone = ev_text[ev["milestone_id"].notna()].groupby(ev["milestone_id"]).agg("\n".join)
    ind_ev = ev[ev["indicator_id"].notna() & (ev["year"] == year) & (ev["quarter"] <= quarter)]
    by_indicator = ev_text[ind_ev.index].groupby(ind_ev["indicator_id"]).agg("\n".join)
    evidence = pd.Series(
        ["\n".join(t for t in (by_milestone.get(m, ""), by_indicator.get(i, "")) if t)
         for m, i in zip(ind["milestone_id"], ind["id"])], index=ind.index)

    table = pd.DataFrame({
        "No": np.arange(1, len(ind) + 1),
        "Tema": ind["theme_seq"].astype(str) + ". " + ind["theme_name"],
        "Rencana Aksi": ind["code"] + " " + ind["title"],
        "Tonggak": ind["milestone_id"].map(ms["title"]).fillna(""),
        "Indikator": ind["description"],
        "Satuan": ind["unit"],
        "Baseline": ind["baseline"],
        "Target tahunan": annual,
        **{f"Target TW {ROMAN[q]}": tgt[q] for q in quarters},
        **{f"Realisasi TW {ROMAN[q]}": shown_rel[q] for q in quarters},
        "Capaian": percent,
        "Predikat": grade(percent),
        "Capaian thd target tahunan (%)": annual_percent,
        "Status": ind["milestone_id"].map(ms["status"]).map(STATUS).fillna(""),
        "Bukti": evidence,
        "Kendala": ind["id"].map(story["obstacles"]).fillna(""),
        "Tindak lanjut": ind["id"].map(story["follow_up"]).fillna(""),
    })
    # Then one row per milestone that no indicator names.
    alone = data["milestones"][~data["milestones"]["id"].isin(ind["milestone_id"])]
    alone = alone.merge(data["actions"], on="action_id").merge(data["themes"], on="theme_id")
    alone = alone.sort_values(["code", "seq"])
    extra = pd.DataFrame({
        "Tema": alone["theme_seq"].astype(str) + ". " + alone["theme_name"],
        "Rencana Aksi": alone["code"] + " " + alone["title_y"],
        "Tonggak": alone["title_x"],
        "Status": alone["status"].map(STATUS),
        "Bukti": alone["id"].map(by_milestone).fillna(""),
    })
    table = pd.concat([table, extra], ignore_index=True)
    table["No"] = np.arange(1, len(table) + 1)
    texts = ["Tema", "Rencana Aksi", "Tonggak", "Indikator", "Satuan", "Predikat", "Status", "Bukti",
             "Kendala", "Tindak lanjut"]
    table[texts] = table[texts].fillna("")

    per_action = pd.DataFrame({"code": ind["code"], "title": ind["title"], "p": percent})
    summary = per_action.groupby(["code", "title"], sort=True)["p"].mean().reset_index()
    summary["grade"] = grade(summary["p"])
    return table, summary


def write(data, table, summary, year, quarter, out):
    plan, office = data["plan"], data["office"]
    capaian_header = f"Capaian s.d. TW {ROMAN[quarter]} (%)"
    period = f"Triwulan {ROMAN[quarter]} {year}"
    kop = ["LAPORAN CAPAIAN RENCANA AKSI DAERAH KETERBUKAAN PEMERINTAH",
           f"{plan['title']} (Versi {plan['version']})",
           f"Perangkat Daerah: {office['name']} ({office['code']})",
           f"Periode: {period}"]
    body_row = 7
    with pd.ExcelWriter(out, engine="xlsxwriter") as writer:
        book = writer.book
        base = {"font_size": 9, "border": 1, "valign": "top"}
        fmt = lambda **k: book.add_format({**base, **k})  # noqa: E731
        kop_fmt = book.add_format({"bold": True, "font_size": 12, "align": "center"})
        header = fmt(bold=True, align="center", valign="vcenter", text_wrap=True, bg_color="#D9E1F2")
        text = fmt(text_wrap=True)
        label = fmt(text_wrap=True, align="center")
        decimal = fmt(num_format="#,##0.##")
        percent_fmt, no_fmt = fmt(num_format="0.00"), fmt(num_format="0", align="center")

        # The body through pandas; formats by column, as a pandas user sets them
        # (Renaksi picks "#,##0" or "#,##0.##" per cell and borders every cell).
        frame = table.copy()
        for col in ("Capaian", "Capaian thd target tahunan (%)"):
            frame[col] = frame[col].astype(object).where(frame[col].notna(), "-")
        frame.to_excel(writer, sheet_name="Laporan", startrow=body_row, header=False, index=False)
        sheet = writer.sheets["Laporan"]
        last = len(frame.columns) - 1
        column_format = {0: no_fmt, 5: label, 16: percent_fmt, 17: label, 18: percent_fmt, 19: label,
                         **{c: decimal for c in range(6, 16)}}
        for c, width in enumerate(WIDTHS):
            sheet.set_column(c, c, width, column_format.get(c, text))
        for r, line in enumerate(kop):
            sheet.merge_range(r, 0, r, last, line, kop_fmt)
        for c, name in enumerate(HEADERS):
            sheet.merge_range(5, c, 6, c, name, header)
        sheet.merge_range(5, 8, 5, 11, "Target", header)
        sheet.merge_range(5, 12, 5, 15, "Realisasi", header)
        for i in range(8):
            sheet.write(6, 8 + i, f"TW {ROMAN[i % 4 + 1]}", header)
        sheet.merge_range(5, 16, 6, 16, capaian_header, header)
        for c, name in enumerate(TAIL, start=17):
            sheet.merge_range(5, c, 6, c, name, header)
        end = body_row + len(frame)
        sheet.merge_range(end + 1, 0, end + 1, 17, LEGEND, book.add_format({"font_size": 9}))
        sheet.set_landscape()
        sheet.set_paper(9)
        sheet.fit_to_pages(1, 0)
        sheet.repeat_rows(5, 6)
        sheet.print_area(0, 0, end + 1, last)
        sheet.freeze_panes(body_row, 3)

        # Ringkasan.
        frame = pd.DataFrame({
            "Kode": summary["code"], "Rencana Aksi": summary["title"],
            capaian_header: summary["p"].astype(object).where(summary["p"].notna(), "-"),
            "Predikat": summary["grade"],
        })
        frame.to_excel(writer, sheet_name="Ringkasan", startrow=4, index=False)
        ring = writer.sheets["Ringkasan"]
        for r, line in enumerate(["RINGKASAN CAPAIAN PER RENCANA AKSI",
                                  f"Perangkat Daerah: {office['name']} ({office['code']})",
                                  f"Periode: {period}"]):
            ring.merge_range(r, 0, r, 3, line, kop_fmt)
        ring.set_column(0, 0, 12, text)
        ring.set_column(1, 1, 48, text)
        ring.set_column(2, 2, 12, percent_fmt)
        ring.set_column(3, 3, 14, label)
        ring.set_landscape()
        ring.set_paper(9)
        ring.fit_to_pages(1, 1)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--opd", required=True)
    parser.add_argument("--period", required=True, help="e.g. 2019-TW4")
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    year, quarter = args.period.split("-TW")
    year, quarter = int(year), int(quarter)

    t0 = time.perf_counter()
    data = read(args.db, args.opd)
    t1 = time.perf_counter()
    table, summary = compute(data, year, quarter)
    t2 = time.perf_counter()
    write(data, table, summary, year, quarter, args.out)
    t3 = time.perf_counter()
    print(
        f"peer export rows={len(table)} import_s={IMPORTED - STARTED:.4f} read_s={t1 - t0:.4f} "
        f"compute_s={t2 - t1:.4f} write_s={t3 - t2:.4f} work_s={t3 - t0:.4f}"
    )


if __name__ == "__main__":
    main()
