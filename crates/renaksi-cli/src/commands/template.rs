//! `plan template` and `plan import`: the Excel plan template, both ways.

use std::path::Path;

use renaksi_api::template::{self, RowChange, TemplatePreview};
use renaksi_api::Store;

use super::Result;

use super::one_line;

/// `plan template --out FILE`.
pub fn write(db: &Path, out: &Path) -> Result<()> {
    // No database yet: the empty template.
    let store = if db.exists() {
        renaksi_api::open_existing(db)?
    } else {
        Store::open_in_memory()?
    };
    let written = template::export(&store, out)?;
    if written.empty {
        out!("Template rencana aksi kosong ditulis ke {}.", out.display())?;
    } else {
        out!(
            "Template rencana aksi ditulis ke {}: {} OPD, {} tema, {} rencana aksi, {} indikator.",
            out.display(),
            written.opds,
            written.themes,
            written.actions,
            written.indicators
        )?;
    }
    Ok(())
}

/// `plan import FILE [--dry-run] [--user NAME]`.
pub fn import(db: &Path, file: &Path, dry_run: bool, user: &str) -> Result<()> {
    // A new database is made only for a file whose every row is right.
    if !db.exists() {
        template::check(file).map_err(told)?;
        if dry_run {
            out!(
                "Template benar; {} belum ada dan akan dibuat.",
                db.display()
            )?;
            return Ok(());
        }
    }
    let mut store = if dry_run {
        renaksi_api::open_existing(db)?
    } else {
        template::open_or_start_bappeda(db, user)?
    };
    if dry_run {
        let preview = template::preview(&store, file)?;
        if !preview.problems.is_empty() {
            return Err(told(renaksi_api::Error::TemplateInvalid {
                problems: preview.problems,
                total: preview.problem_count,
            })
            .into());
        }
        print_preview(&preview)?;
        return Ok(());
    }
    match template::import(&mut store, file) {
        Ok(imported) => {
            print_preview(&imported.preview)?;
            if imported.undo.is_some() {
                out!(
                    "Template {} diimpor ke {}.",
                    imported.preview.file_name,
                    db.display()
                )?;
            }
            Ok(())
        }
        Err(error) => Err(told(error).into()),
    }
}

/// Prints every listed problem of a refused template on a line of its own;
/// the error that ends the command then only counts them.
fn told(error: renaksi_api::Error) -> renaksi_api::Error {
    match error {
        renaksi_api::Error::TemplateInvalid { problems, total } => {
            for problem in &problems {
                eprintln!("{}", one_line(&problem.text()));
            }
            renaksi_api::Error::TemplateInvalid {
                problems: Vec::new(),
                total,
            }
        }
        other => other,
    }
}

fn print_preview(p: &TemplatePreview) -> Result<()> {
    let section = |title: &str, sign: char, rows: &[RowChange]| -> Result<()> {
        if rows.is_empty() {
            return Ok(());
        }
        out!("{title} ({}):", rows.len())?;
        for r in rows {
            out!("  {sign} {}", short(&r.label))?;
            for f in &r.fields {
                out!(
                    "      {}: {} -> {}",
                    f.field,
                    f.old
                        .as_deref()
                        .map(short)
                        .unwrap_or_else(|| "(kosong)".into()),
                    f.new
                        .as_deref()
                        .map(short)
                        .unwrap_or_else(|| "(kosong)".into())
                )?;
            }
        }
        Ok(())
    };
    if p.creates_plan {
        out!("Rencana aksi baru dibuat dari template.")?;
    }
    section("Ditambah", '+', &p.added)?;
    section("Diubah", '~', &p.changed)?;
    section("Diarsipkan", '#', &p.archived)?;
    section("Dihapus", '-', &p.deleted)?;
    section("Tetap (sudah berisi data OPD)", '=', &p.kept)?;
    if p.change_count() == 0 && p.problems.is_empty() {
        out!("Tidak ada perubahan.")?;
    }
    Ok(())
}

fn short(text: &str) -> String {
    let text = one_line(text);
    if text.chars().count() > 100 {
        format!("{}…", text.chars().take(99).collect::<String>())
    } else {
        text
    }
}
