"""The consolidation Renaksi replaces, done the way an analyst would with pandas.

Reads the printable "Laporan" sheet of every OPD report, combines the tables,
and writes one workbook: per theme, per OPD, milestones by status, and every
indicator. `--engine openpyxl` or `--engine calamine` picks the reader (pandas'
`engine=`); `--writer openpyxl` (pandas' default .xlsx writer when XlsxWriter is
not installed) or `--writer xlsxwriter` (what a pandas user who cares about
speed installs) picks the writer.

Prints one line for `cargo xtask bench`:
    peer engine=calamine writer=xlsxwriter files=60 rows=12600 import_s=0.41 read_s=1.9 combine_s=0.02 write_s=1.1 work_s=3.0
where work_s = read + combine + write, without starting Python and importing pandas.

    python consolidate.py --engine calamine --writer xlsxwriter --out rekap.xlsx laporan-*.xlsx
"""

import time

STARTED = time.perf_counter()

import argparse  # noqa: E402
import re  # noqa: E402

import pandas as pd  # noqa: E402

IMPORTED = time.perf_counter()

# The evaluation table of a Laporan OPD: 4 kop lines, a blank row, 2 header
# rows, then one row per indicator or milestone until the signature block.
BODY_FIRST_ROW = 7
COLUMNS = [
    "No", "Tema", "Rencana Aksi", "Tonggak", "Indikator", "Satuan", "Baseline",
    "Target tahunan", "Target TW I", "Target TW II", "Target TW III", "Target TW IV",
    "Realisasi TW I", "Realisasi TW II", "Realisasi TW III", "Realisasi TW IV",
    "Capaian s.d. TW (%)", "Predikat", "Capaian thd target tahunan (%)", "Status",
    "Bukti", "Kendala", "Tindak lanjut",
]
OPD_LINE = re.compile(r"^Perangkat Daerah: (?P<name>.*) \((?P<code>[^()]*)\)$")


def read_report(path, engine):
    sheet = pd.read_excel(path, sheet_name="Laporan", header=None, engine=engine)
    match = OPD_LINE.match(str(sheet.iat[2, 0]))
    if not match:
        raise SystemExit(f"{path}: no 'Perangkat Daerah' line in the kop")
    body = sheet.iloc[BODY_FIRST_ROW:, : len(COLUMNS)].copy()
    body.columns = COLUMNS
    # The table ends where "No" stops being a number (the signature block).
    numbered = pd.to_numeric(body["No"], errors="coerce")
    end = numbered.isna().to_numpy().argmax() if numbered.isna().any() else len(body)
    body = body.iloc[:end]
    body.insert(0, "Kode OPD", match["code"])
    body.insert(1, "OPD", match["name"])
    return body


def combine(tables):
    rows = pd.concat(tables, ignore_index=True)
    rows["Capaian"] = pd.to_numeric(rows["Capaian s.d. TW (%)"], errors="coerce")
    indicators = rows[rows["Indikator"].notna()]
    milestones = rows[rows["Tonggak"].notna()].drop_duplicates(["Kode OPD", "Rencana Aksi", "Tonggak"])
    per_theme = indicators.groupby("Tema", sort=True).agg(
        indikator=("Indikator", "size"),
        terukur=("Capaian", "count"),
        capaian_rata_rata=("Capaian", "mean"),
    )
    per_opd = indicators.groupby(["Kode OPD", "OPD"], sort=True).agg(
        indikator=("Indikator", "size"),
        terukur=("Capaian", "count"),
        capaian_rata_rata=("Capaian", "mean"),
    )
    grades = pd.crosstab([indicators["Kode OPD"], indicators["OPD"]], indicators["Predikat"])
    per_opd = per_opd.join(grades)
    status = pd.crosstab([milestones["Kode OPD"], milestones["OPD"]], milestones["Status"])
    return {
        "Per tema": per_theme.reset_index(),
        "Per OPD": per_opd.reset_index(),
        "Tonggak per status": status.reset_index(),
        "Semua indikator": indicators.drop(columns=["Capaian"]),
    }


def write(sheets, out, engine):
    with pd.ExcelWriter(out, engine=engine) as writer:
        for name, frame in sheets.items():
            frame.to_excel(writer, sheet_name=name, index=False)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--engine", choices=["openpyxl", "calamine"], required=True)
    parser.add_argument("--writer", choices=["openpyxl", "xlsxwriter"], default="openpyxl")
    parser.add_argument("--out", required=True)
    parser.add_argument("files", nargs="+")
    args = parser.parse_args()

    t0 = time.perf_counter()
    tables = [read_report(path, args.engine) for path in args.files]
    t1 = time.perf_counter()
    sheets = combine(tables)
    t2 = time.perf_counter()
    write(sheets, args.out, args.writer)
    t3 = time.perf_counter()
    print(
        f"peer engine={args.engine} writer={args.writer} files={len(args.files)} rows={len(sheets['Semua indikator'])} "
        f"import_s={IMPORTED - STARTED:.4f} read_s={t1 - t0:.4f} combine_s={t2 - t1:.4f} "
        f"write_s={t3 - t2:.4f} work_s={t3 - t0:.4f}"
    )


if __name__ == "__main__":
    main()
