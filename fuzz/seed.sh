#!/bin/sh
# Seeds the corpora of import_report and read_workbook: the hostile fixtures of
# tests/fixtures, and sound reports exported by the CLI from demo databases (so
# mutations start from files that pass every check, and the import's later
# checks are reached).
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
corpus="$root/fuzz/corpus/import_report"
mkdir -p "$corpus"
cp "$root"/tests/fixtures/*.xlsx "$corpus"/

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$root"
cargo build -q -p renaksi-cli
for opd in DINKES DINSOS; do
    db="$work/$opd/renaksi.db"
    mkdir -p "$work/$opd"
    # RENAKSI_DATA_DIR: nothing may touch the user's real data folder.
    RENAKSI_DATA_DIR="$work/$opd" ./target/debug/renaksi demo --db "$db" --opd "$opd" > /dev/null
    RENAKSI_DATA_DIR="$work/$opd" ./target/debug/renaksi export --db "$db" --period 2019-TW1 \
        --out "$corpus/sound-$opd-2019-TW1.xlsx" > /dev/null
done
mkdir -p "$root/fuzz/corpus/read_workbook"
cp "$corpus"/*.xlsx "$root/fuzz/corpus/read_workbook"/
ls "$corpus"
