//! `publish`: the public transparency site.

use std::path::Path;

use super::Result;
use renaksi_api::publish;

pub fn publish(db: &Path, out: &Path) -> Result<()> {
    let store = renaksi_api::open_existing(db)?;
    let done = publish::site(&store, out)?;
    let period = done
        .period
        .map(|p| format!(", capaian s.d. {}", p.label()))
        .unwrap_or_default();
    out!(
        "Situs transparansi ditulis ke {}: {} halaman, {} berkas, {} KB{period}. Buka {}.",
        done.path,
        done.pages,
        done.files,
        done.bytes.div_ceil(1024),
        done.index
    )?;
    Ok(())
}
