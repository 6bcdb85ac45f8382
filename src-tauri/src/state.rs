//! The app's one writer connection, opened at start. When the database cannot be
//! opened (newer schema, damaged file) the window still opens and shows why,
//! and a restore or a recovery from a backup puts a newly opened store in place.

use std::collections::HashMap;
use std::hash::BuildHasher;
use std::ops::{Deref, DerefMut};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use renaksi_api::exchange::ImportBatch;
use renaksi_api::{backups, setup};
use renaksi_core::backups::BackupInfo;
use renaksi_core::editing::Undo;
use renaksi_core::Store;

use crate::error::{CommandError, CommandResult};

/// The code of a database that could not be opened again after a restore
/// replaced its data: the window shows the recovery offer, as for a damaged file.
pub const REOPEN_FAILED: &str = "db_reopen_failed";

pub struct AppState {
    pub db_path: PathBuf,
    /// The open store, or why it could not be opened.
    store: Mutex<Result<Store, CommandError>>,
    /// The report files picked last, imported one by one: the batch takes its
    /// backup before its first file is applied.
    import_batch: Mutex<ImportBatch>,
    /// What undoes the last change saved in this window, and where it was made.
    last_change: Mutex<Option<(ChangeArea, Undo)>>,
    /// Files the user picked in a native dialog, by token: the webview names a
    /// picked file by its token, never by a path.
    picked: Mutex<HashMap<String, PathBuf>>,
}

/// Where a change was saved, so that each screen's "Urungkan" reverses only its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeArea {
    /// One action's milestones, indicators, values, evidence and narrative.
    Workspace,
    /// The plan editor: the plan, its quarters, bands, structure and template.
    PlanEditor,
    /// The self-assessment (penilaian akhir komitmen).
    Assessment,
}

impl AppState {
    pub fn open(db_path: PathBuf) -> AppState {
        let mut store = Store::open(&db_path).map_err(CommandError::from);
        if let Ok(store) = &mut store {
            // The installation's signing key is made on first start, and kept
            // in line between the database and `kunci/`. Should that fail (a
            // read-only folder, a damaged key file), the export says so when
            // it needs the key.
            if let Err(e) = setup::ensure_signing_key(store, renaksi_api::data_dir(&db_path)) {
                log::warn!("kunci tanda tangan: {e}");
            }
        }
        AppState {
            db_path,
            store: Mutex::new(store),
            import_batch: Mutex::new(ImportBatch::new()),
            last_change: Mutex::new(None),
            picked: Mutex::new(HashMap::new()),
        }
    }

    /// The store, or the reason it could not be opened.
    pub fn store(&self) -> CommandResult<StoreGuard<'_>> {
        let slot = self.slot();
        match &*slot {
            Ok(_) => Ok(StoreGuard(slot)),
            Err(reason) => Err(reason.clone()),
        }
    }

    /// The day's first backup, when none was taken today. Called off the
    /// start-up path, so the window shows the plan first. A failure must not
    /// keep the clerk from working; the backup screen shows which backups exist.
    pub fn take_daily_backup(&self) {
        let Ok(store) = self.store() else { return };
        if let Err(e) = backups::daily_if_due(&store) {
            log::warn!("cadangan harian gagal: {e}");
        }
    }

    /// The store, opened or not. A panic while holding the lock cannot leave a
    /// half-written change behind (the transaction rolls back on drop), so the
    /// store is still sound.
    fn slot(&self) -> MutexGuard<'_, Result<Store, CommandError>> {
        self.store.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Puts a store in place of the one held (or of the failure to open one),
    /// after a restore or a recovery. The last change can no longer be undone.
    pub fn replace_store(&self, store: Store) {
        *self.slot() = Ok(store);
        self.forget_last_change();
    }

    /// "Pulihkan dari cadangan": copies the backup into the open store, then
    /// opens the database again (a backup from an older version is migrated
    /// then), all under the store's lock, so no command runs in between. The
    /// connection the restore wrote through is closed first; should reopening
    /// fail, the window is in the state of a database that could not be
    /// opened, with the reason, and offers the recovery from a backup (the
    /// data replaced is in the before-restore backup).
    pub fn restore(&self, backup: &Path) -> CommandResult<BackupInfo> {
        let mut slot = self.slot();
        let restored = match &mut *slot {
            Ok(store) => backups::restore(store, backup)?,
            Err(reason) => return Err(reason.clone()),
        };
        // The last change can no longer be undone, whatever comes next.
        self.forget_last_change();
        let reopening = CommandError::from(renaksi_core::Error::invalid(
            "backup",
            "Basis data sedang dibuka kembali setelah dipulihkan.",
        ));
        drop(std::mem::replace(&mut *slot, Err(reopening)));
        match backups::reopen_after_restore(&self.db_path) {
            Ok(store) => {
                *slot = Ok(store);
                Ok(restored)
            }
            Err(error) => {
                let reason = CommandError {
                    code: REOPEN_FAILED.to_string(),
                    message: error.to_string(),
                    field: None,
                    key: None,
                };
                *slot = Err(reason.clone());
                Err(reason)
            }
        }
    }

    /// Whether the store could not be opened, with the reason.
    pub fn open_failure(&self) -> Option<CommandError> {
        self.slot().as_ref().err().cloned()
    }

    /// Report files were picked: their imports are a new batch.
    pub fn start_import_batch(&self) {
        *self.import_batch.lock().unwrap_or_else(|p| p.into_inner()) = ImportBatch::new();
    }

    /// The batch the next import belongs to.
    pub fn import_batch(&self) -> MutexGuard<'_, ImportBatch> {
        self.import_batch.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// The folder beside the database where evidence files are kept.
    pub fn data_dir(&self) -> &Path {
        renaksi_api::data_dir(&self.db_path)
    }

    /// Nothing to undo any more: what the last change would put back has been
    /// replaced by a report, a package or a restore.
    pub fn forget_last_change(&self) {
        self.last_change
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .take();
    }

    pub fn remember(&self, area: ChangeArea, undo: Undo) {
        *self.last_change.lock().unwrap_or_else(|p| p.into_inner()) = Some((area, undo));
    }

    /// The last change, if it was made in `area`: "Urungkan" on one screen
    /// never reverses what was saved on another (it stays for that screen).
    pub fn take_last_change(&self, area: ChangeArea) -> Option<Undo> {
        let mut last = self.last_change.lock().unwrap_or_else(|p| p.into_inner());
        match last.take() {
            Some((made_in, undo)) if made_in == area => Some(undo),
            other => {
                *last = other;
                None
            }
        }
    }

    /// Remembers a picked file and returns its token.
    pub fn remember_pick(&self, path: PathBuf) -> String {
        let token = format!(
            "{:x}",
            std::collections::hash_map::RandomState::new().hash_one(&path)
        );
        let token = format!(
            "{token}-{}",
            self.picked.lock().unwrap_or_else(|p| p.into_inner()).len()
        );
        self.picked
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .insert(token.clone(), path);
        token
    }

    /// The file behind a token from `remember_pick`.
    pub fn picked(&self, token: &str) -> Option<PathBuf> {
        self.picked
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .get(token)
            .cloned()
    }
}

/// The open store, locked for one command.
pub struct StoreGuard<'a>(MutexGuard<'a, Result<Store, CommandError>>);

impl Deref for StoreGuard<'_> {
    type Target = Store;

    fn deref(&self) -> &Store {
        match &*self.0 {
            Ok(store) => store,
            Err(_) => unreachable!("a StoreGuard is only made for an open store"),
        }
    }
}

impl DerefMut for StoreGuard<'_> {
    fn deref_mut(&mut self) -> &mut Store {
        match &mut *self.0 {
            Ok(store) => store,
            Err(_) => unreachable!("a StoreGuard is only made for an open store"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::AppState;
    use renaksi_core::store::migrations::STEPS;
    use renaksi_core::Store;

    /// A backup that passes every check before it is copied but cannot be
    /// opened afterwards (an older schema whose rows break a foreign key, so
    /// bringing it up to date is refused): the window goes to the
    /// could-not-open state with the reason, and no command is served by the
    /// connection the restore wrote through.
    #[test]
    fn a_failed_reopening_after_a_restore_leaves_the_store_closed_with_the_reason() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("renaksi.db");
        let backup = dir.path().join("lama.db");
        {
            let old = Store::open_with_migrations(&backup, &STEPS[..STEPS.len() - 1]).unwrap();
            old.conn()
                .execute_batch(
                    "PRAGMA foreign_keys = OFF;
                     INSERT INTO themes (id, plan_id, seq, name)
                         VALUES ('tema-yatim', 'rencana-hilang', 1, 'Tanpa rencana');",
                )
                .unwrap();
        }
        let state = AppState::open(db.clone());
        assert!(state.store().is_ok());

        let refused = state.restore(&backup).unwrap_err();
        assert_eq!(refused.code, super::REOPEN_FAILED);
        assert!(refused.message.contains("merujuk"), "{refused:?}");
        assert!(refused.message.contains("sebelum-pulihkan"), "{refused:?}");
        let failure = state.open_failure().expect("the store is closed");
        assert_eq!(failure, refused);
        assert!(state.store().is_err());
        // What was replaced is kept, in the before-restore backup: the newest
        // one the recovery offers (the copy taken before the refused
        // migration is not kept).
        let offered = renaksi_api::backups::list(&db)
            .unwrap()
            .into_iter()
            .find(|b| b.usable)
            .expect("a backup to recover from");
        assert!(
            offered.file_name.contains("sebelum-pulihkan"),
            "{offered:?}"
        );
    }

    /// The restore of a good backup puts the reopened store in place.
    #[test]
    fn a_restore_reopens_the_store() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("renaksi.db");
        let backup = dir.path().join("cadangan.db");
        drop(Store::open(&backup).unwrap());
        let state = AppState::open(db);
        state.restore(&backup).unwrap();
        assert!(state.open_failure().is_none());
        assert!(state.store().unwrap().schema_version().unwrap() > 0);
    }
}
