//! The app's one writer connection, opened at start. When the database cannot be
//! opened (newer schema, damaged file) the window still opens and shows why.

use std::collections::HashMap;
use std::hash::BuildHasher;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use renaksi_core::editing::Undo;
use renaksi_core::Store;

use crate::error::{CommandError, CommandResult};

pub struct AppState {
    pub db_path: PathBuf,
    store: Result<Mutex<Store>, CommandError>,
    /// What undoes the last change saved in this window.
    last_change: Mutex<Option<Undo>>,
    /// Files the user picked in a native dialog, by token: the webview names a
    /// picked file by its token, never by a path.
    picked: Mutex<HashMap<String, PathBuf>>,
}

impl AppState {
    pub fn open(db_path: PathBuf) -> AppState {
        let store = Store::open(&db_path)
            .map(Mutex::new)
            .map_err(CommandError::from);
        // The installation's signing key is made on first start. Should that
        // fail (a read-only folder), the export says so when it needs the key.
        if store.is_ok() {
            let data_dir = db_path.parent().unwrap_or_else(|| Path::new("."));
            let _ = renaksi_core::report::signing::load_or_create(data_dir);
        }
        AppState {
            db_path,
            store,
            last_change: Mutex::new(None),
            picked: Mutex::new(HashMap::new()),
        }
    }

    /// The store, or the reason it could not be opened.
    pub fn store(&self) -> CommandResult<MutexGuard<'_, Store>> {
        let store = self.store.as_ref().map_err(Clone::clone)?;
        // A panic while holding the lock cannot leave a half-written change behind
        // (the transaction rolls back on drop), so the store is still sound.
        Ok(store
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner()))
    }

    /// The folder beside the database where evidence files are kept.
    pub fn data_dir(&self) -> &Path {
        self.db_path.parent().unwrap_or_else(|| Path::new("."))
    }

    pub fn remember(&self, undo: Undo) {
        *self.last_change.lock().unwrap_or_else(|p| p.into_inner()) = Some(undo);
    }

    pub fn take_last_change(&self) -> Option<Undo> {
        self.last_change
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .take()
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
