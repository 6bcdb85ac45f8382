//! Files between Bappeda and the OPDs: the plan package (published by Bappeda,
//! taken by an OPD), the OPDs' reports imported in batches, the reports
//! received, and the submission matrix and its verification.

use std::path::{Path, PathBuf};

use renaksi_core::backups::{self, BackupInfo, Kind};
use renaksi_core::dates::today_wib;
use renaksi_core::package::{self, Applied, PackageChanges};
use renaksi_core::period::PeriodRef;
use renaksi_core::report::evidence_bundle::{self, BundleImported};
use renaksi_core::report::import::{self, Decisions, Imported, ReadReport};
use renaksi_core::store::opds;
use renaksi_core::store::reports::{self, Received};
use renaksi_core::submissions::{self, SubmissionMatrix};
use renaksi_core::{Error, Result, Store};

/// Bappeda writes the signed plan package to `out` (`data_dir` holds the
/// installation's signing key).
pub fn export_package(store: &Store, data_dir: &Path, out: &Path) -> Result<PathBuf> {
    package::export(store, data_dir, out)
}

/// An OPD takes a newer version of Bappeda's plan package, or the package of
/// the next plan; its own entries stay.
pub fn update_package(store: &mut Store, file: &Path) -> Result<Applied> {
    let signed = package::read_file(file)?;
    package::apply(store, &signed, None)
}

/// What taking the package in `file` would change here (nothing is written),
/// or why it would be refused.
pub fn preview_package(store: &Store, file: &Path) -> Result<PackageChanges> {
    let signed = package::read_file(file)?;
    package::preview(store.conn(), &signed)
}

/// "Terima kunci Bappeda": an OPD whose pinned Bappeda key refuses the
/// package in `file` pins the package's key, because its clerk typed the
/// fingerprint Bappeda read out (words or hex). Audited; a fingerprint that
/// does not match changes nothing. Take the package afterwards.
pub fn trust_bappeda_key(
    store: &mut Store,
    file: &Path,
    fingerprint: &str,
) -> Result<package::TrustedBappedaKey> {
    let signed = package::read_file(file)?;
    package::trust_bappeda_key(store, &signed, fingerprint)
}

/// Takes the package in `file` from the app, after the preview: the database
/// is backed up first, then the package is applied in one transaction.
pub fn take_package(store: &mut Store, file: &Path) -> Result<Applied> {
    let signed = package::read_file(file)?;
    package::preview(store.conn(), &signed)?;
    backups::take(store, Kind::BeforeImport)?;
    package::apply(store, &signed, None)
}

/// The keys the clerk confirmed on the command line, `CODE=FINGERPRINT` each:
/// a malformed one, or one naming no OPD, refuses them all before anything
/// is imported.
pub fn key_decisions(store: &Store, texts: &[String]) -> Result<Decisions> {
    let decisions = Decisions::parse_all(texts)?;
    for accepted in &decisions.accepted_keys {
        if opds::by_code(store.conn(), &accepted.opd_code)?.is_none() {
            let known = opds::list(store.conn())?;
            return Err(Error::unknown_opd(
                &accepted.opd_code,
                known.iter().map(|o| o.code.as_str()),
            ));
        }
    }
    Ok(decisions)
}

/// One batch of report imports at Bappeda: the files picked together. Before
/// the batch's first file is applied it backs up the database, once, so
/// whatever the files do, the state before them is kept. Until that backup is
/// taken no file is applied.
#[derive(Debug, Default)]
pub struct ImportBatch {
    backup: Option<BackupInfo>,
}

impl ImportBatch {
    pub fn new() -> ImportBatch {
        ImportBatch::default()
    }

    /// Takes the batch's backup unless it was taken already; returns it when
    /// this call took it.
    pub fn back_up_first(&mut self, store: &Store) -> Result<Option<&BackupInfo>> {
        if self.backup.is_some() {
            return Ok(None);
        }
        let taken = backups::take(store, Kind::BeforeImport)?;
        Ok(Some(self.backup.insert(taken)))
    }

    /// Applies one report already read (see [`import::read_ahead`]), after the
    /// batch's backup.
    pub fn apply(
        &mut self,
        store: &mut Store,
        read: ReadReport,
        decisions: &Decisions,
    ) -> Result<Imported> {
        self.back_up_first(store)?;
        import::apply(store, read, decisions)
    }

    /// Imports one evidence bundle (.zip), after the batch's backup: its files
    /// are kept in `data_dir`'s evidence folder when a received report names
    /// them by hash.
    pub fn import_bundle(
        &mut self,
        store: &mut Store,
        data_dir: &Path,
        file: &Path,
    ) -> Result<BundleImported> {
        self.back_up_first(store)?;
        evidence_bundle::import_file(store, data_dir, file)
    }

    /// [`ImportBatch::import_bundle`] taking the store through `lock` only
    /// for the backup, sorting the bundle's hashes and writing its rows; the
    /// bundle is hashed and its files unpacked with the store free
    /// ([`evidence_bundle::import_steps`]).
    pub fn import_bundle_locking<G, E>(
        &mut self,
        mut lock: impl FnMut() -> std::result::Result<G, E>,
        data_dir: &Path,
        file: &Path,
    ) -> std::result::Result<BundleImported, E>
    where
        G: std::ops::DerefMut<Target = Store>,
        E: From<Error>,
    {
        self.back_up_first(&*lock()?)?;
        evidence_bundle::import_steps(lock, data_dir, file, &evidence_bundle::Limits::default())
    }

    /// Reads and applies one report file, after the batch's backup.
    pub fn import_file(
        &mut self,
        store: &mut Store,
        file: &Path,
        decisions: &Decisions,
    ) -> Result<Imported> {
        self.back_up_first(store)?;
        import::import_file(store, file, decisions)
    }
}

/// What happened in [`import_files`], as it happens.
#[derive(Debug)]
pub enum ImportEvent<'a> {
    /// The batch's backup, taken before the first file is applied.
    BackedUp(&'a BackupInfo),
    /// A file was imported (or had been already: `imported.changed` is false).
    Imported { file: &'a Path, imported: Imported },
    /// An evidence bundle was read: what it brought, and which entries were
    /// refused (and why).
    Bundle {
        file: &'a Path,
        bundle: BundleImported,
    },
    /// A file was refused; the others go on.
    Rejected { file: &'a Path, error: Error },
}

/// How a batch went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ImportSummary {
    pub files: usize,
    pub rejected: usize,
}

/// Imports many report files as one batch: one backup first, the next files
/// read on the other cores while one is applied, and the WAL checkpointed once
/// at the end. A `.zip` among the files is an evidence bundle, imported after
/// the reports (so a bundle picked with its report finds the report's rows).
/// A refused file does not stop the others; a failed backup stops the batch
/// before anything is applied. A bundle with a refused entry counts as
/// rejected.
pub fn import_files(
    store: &mut Store,
    files: &[PathBuf],
    decisions: &Decisions,
    mut report: impl FnMut(ImportEvent<'_>),
) -> Result<ImportSummary> {
    let (bundles, reports): (Vec<PathBuf>, Vec<PathBuf>) = files
        .iter()
        .cloned()
        .partition(|f| evidence_bundle::is_bundle(f));
    let data_dir = store.path().map(|p| crate::data_dir(p).to_path_buf());
    let mut batch = ImportBatch::new();
    let mut failed = None;
    let mut rejected = 0;
    store.batch(|store| {
        import::read_ahead(&reports, |file, read| {
            if failed.is_some() {
                return;
            }
            match batch.back_up_first(store) {
                Ok(Some(backup)) => report(ImportEvent::BackedUp(backup)),
                Ok(None) => {}
                Err(error) => {
                    failed = Some(error);
                    return;
                }
            }
            match batch.apply(store, read, decisions) {
                Ok(imported) => report(ImportEvent::Imported { file, imported }),
                Err(error) => {
                    rejected += 1;
                    report(ImportEvent::Rejected { file, error });
                }
            }
        });
        for file in &bundles {
            if failed.is_some() {
                break;
            }
            match batch.back_up_first(store) {
                Ok(Some(backup)) => report(ImportEvent::BackedUp(backup)),
                Ok(None) => {}
                Err(error) => {
                    failed = Some(error);
                    break;
                }
            }
            let imported = match &data_dir {
                Some(dir) => batch.import_bundle(store, dir, file),
                None => Err(Error::invalid(
                    "file",
                    "Berkas bukti dukung hanya dapat diimpor ke basis data dalam sebuah berkas.",
                )),
            };
            match imported {
                Ok(bundle) => {
                    if !bundle.refused.is_empty() {
                        rejected += 1;
                    }
                    report(ImportEvent::Bundle { file, bundle });
                }
                Err(error) => {
                    rejected += 1;
                    report(ImportEvent::Rejected { file, error });
                }
            }
        }
    });
    match failed {
        Some(error) => Err(error),
        None => Ok(ImportSummary {
            files: files.len(),
            rejected,
        }),
    }
}

/// The reports received, newest first.
pub fn received(store: &Store) -> Result<Vec<Received>> {
    reports::list_imported(store.conn())
}

/// The submission matrix, OPD × quarter, as of today (WIB).
pub fn submission_matrix(store: &Store) -> Result<SubmissionMatrix> {
    submissions::matrix(store.conn(), today_wib())
}

/// Bappeda marks an OPD's latest report for a quarter as verified.
pub fn verify_report(store: &mut Store, opd_code: &str, period: PeriodRef) -> Result<()> {
    submissions::verify(store, &opd_code.to_uppercase(), period)
}
