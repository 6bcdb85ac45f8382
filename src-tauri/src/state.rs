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
use renaksi_core::editing::Undo;
use renaksi_core::Store;

use crate::error::{CommandError, CommandResult};

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
