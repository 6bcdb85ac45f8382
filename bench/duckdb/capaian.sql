-- Capaian s.d. TW n per theme, from Renaksi's open data loaded into DuckDB: the
-- figure of the rekap's "Per Tema" sheet, by the rules users check by hand
-- (crates/renaksi-core/src/achievement.rs, rolled up as overview.rs does).
--
-- Parameters: $year (the plan year, e.g. 2019) and $quarter (1-4, e.g. 4).
-- Tables: one per CSV of datapackage.json (tema, rencana_aksi, indikator,
-- target, realisasi). The open data already leaves out archived themes and
-- actions, and indicators of an OPD no longer on their action, as the rekap does.
WITH
-- Only the period's year counts, up to quarter n. A quarter without a value
-- is skipped (a realisation row may hold no number).
targets AS (
    SELECT indikator_id, triwulan, nilai
    FROM target
    WHERE tahun = $year AND triwulan <= $quarter AND nilai IS NOT NULL
),
realisations AS (
    SELECT indikator_id, triwulan, nilai
    FROM realisasi
    WHERE tahun = $year AND triwulan <= $quarter AND nilai IS NOT NULL
),
-- "s.d. TW n": kumulatif sums the quarters 1..n that have a value; persentase
-- and nilai_akhir take the latest quarter up to n that has one. No value in
-- any quarter gives NULL.
to_date AS (
    SELECT
        i.id,
        i.rencana_aksi_id,
        i.polaritas,
        CASE i.agregasi
            WHEN 'kumulatif' THEN (SELECT sum(t.nilai) FROM targets t WHERE t.indikator_id = i.id)
            ELSE (SELECT arg_max(t.nilai, t.triwulan) FROM targets t WHERE t.indikator_id = i.id)
        END AS target_sd,
        CASE i.agregasi
            WHEN 'kumulatif' THEN (SELECT sum(r.nilai) FROM realisations r WHERE r.indikator_id = i.id)
            ELSE (SELECT arg_max(r.nilai, r.triwulan) FROM realisations r WHERE r.indikator_id = i.id)
        END AS realisasi_sd
    FROM indikator i
),
-- Capaian (%): realisasi / target x 100 for positif, target / realisasi x 100
-- for negatif. A missing or zero denominator (or a missing realisation) gives
-- no figure (NULL, shown as "-"), never an error. No cap: above 100 stays as it is.
capaian AS (
    SELECT
        rencana_aksi_id,
        CASE
            WHEN polaritas = 'positif' AND target_sd <> 0
                THEN realisasi_sd / target_sd * 100
            WHEN polaritas = 'negatif' AND realisasi_sd <> 0
                THEN target_sd / realisasi_sd * 100
        END AS persen
    FROM to_date
)
-- Per theme: the plain mean of the indicators' capaian that can be computed
-- (avg skips NULL), over every indicator of the theme's actions; "terukur" counts
-- them. Rounding to two decimals is left to the display, as in the rekap.
SELECT
    tema.nomor,
    tema.nama,
    count(c.rencana_aksi_id) AS indikator,
    count(c.persen) AS terukur,
    avg(c.persen) AS capaian
FROM tema
LEFT JOIN rencana_aksi ra ON ra.tema_id = tema.id
LEFT JOIN capaian c ON c.rencana_aksi_id = ra.id
GROUP BY tema.nomor, tema.nama
ORDER BY tema.nomor;
