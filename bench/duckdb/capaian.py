"""The road past one machine: Renaksi's open data in DuckDB, checked against its rekap.

Loads every table of an open-data folder into DuckDB with one read_csv per
table, taking the table names, paths and column types from datapackage.json;
runs capaian.sql (capaian per theme for one quarter); reads the same figures
from Renaksi's rekap workbook ("Per Tema" sheet, through python-calamine); and
compares them at the rekap's shown precision (two decimals).

Prints one line per theme, then one line for `cargo xtask bench`:
    duckdb themes=5 equal=5 indicators=280000 load_s=0.91 query_s=0.12

    python capaian.py --opendata DIR --rekap rekap.xlsx --year 2019 --quarter 4
"""

import argparse
import json
import pathlib
import time

import duckdb
from python_calamine import CalamineWorkbook

HERE = pathlib.Path(__file__).resolve().parent
# Frictionless field types as DuckDB column types.
TYPES = {"string": "VARCHAR", "integer": "BIGINT", "number": "DOUBLE", "date": "DATE",
         "boolean": "BOOLEAN", "datetime": "TIMESTAMP"}
ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


def load(con, folder):
    """One read_csv per CSV resource of datapackage.json, as a table named after its file
    (the package's JSON resource holds the same tables again)."""
    package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    csv = [r for r in package["resources"] if r.get("format") == "csv"]
    for resource in csv:
        table = pathlib.Path(resource["path"]).stem
        columns = {f["name"]: TYPES[f["type"]] for f in resource["schema"]["fields"]}
        con.execute(
            f'CREATE TABLE "{table}" AS SELECT * FROM read_csv(?, header = true, '
            f"columns = {columns!r}, auto_detect = false)",
            [str(folder / resource["path"])],
        )
    return len(csv)


def rekap_themes(path, quarter):
    """(name, capaian or None) per row of the rekap's "Per Tema" table."""
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_name("Per Tema").to_python()
    header = f"Capaian s.d. TW {ROMAN[quarter]} (%)"
    top = next(i for i, row in enumerate(rows) if header in row)
    col, name_col = rows[top].index(header), rows[top].index("Tema")
    found = []
    for row in rows[top + 1:]:
        if not isinstance(row[0], (int, float)) or isinstance(row[0], bool):
            break
        value = row[col]
        found.append((row[name_col], value if isinstance(value, (int, float)) else None))
    return found


def shown(value):
    return "-" if value is None else f"{value:.2f}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--opendata", required=True, type=pathlib.Path)
    parser.add_argument("--rekap", required=True, type=pathlib.Path)
    parser.add_argument("--year", required=True, type=int)
    parser.add_argument("--quarter", required=True, type=int, choices=[1, 2, 3, 4])
    args = parser.parse_args()

    con = duckdb.connect()
    t0 = time.perf_counter()
    tables = load(con, args.opendata)
    t1 = time.perf_counter()
    sql = (HERE / "capaian.sql").read_text(encoding="utf-8")
    ours = con.execute(sql, {"year": args.year, "quarter": args.quarter}).fetchall()
    t2 = time.perf_counter()
    indicators = con.execute("SELECT count(*) FROM indikator").fetchone()[0]

    theirs = rekap_themes(args.rekap, args.quarter)
    equal = 0
    for n, (nomor, nama, _, terukur, capaian) in enumerate(ours):
        rekap_name, rekap_value = theirs[n] if n < len(theirs) else ("", None)
        same = rekap_name == nama and shown(capaian) == shown(rekap_value)
        equal += same
        print(f"theme {nomor} {nama}: measured={terukur} duckdb={shown(capaian)} "
              f"renaksi={shown(rekap_value)} {'equal' if same else 'DIFFERENT'}")
    if len(theirs) != len(ours):
        print(f"the rekap has {len(theirs)} themes, DuckDB {len(ours)}")
    print(f"duckdb themes={max(len(ours), len(theirs))} equal={equal} tables={tables} "
          f"indicators={indicators} load_s={t1 - t0:.4f} query_s={t2 - t1:.4f}")


if __name__ == "__main__":
    main()
