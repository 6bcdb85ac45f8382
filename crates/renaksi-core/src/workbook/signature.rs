//! The installation's Ed25519 key pair, made on first use and kept in the data
//! folder's `kunci/`, and the signature a machine sheet carries: over the
//! canonical serialisation of what the sheet holds (a report's snapshot, a
//! plan package), not over the file's bytes, so re-saving the workbook in a
//! spreadsheet app does not break it, while any change to the data does.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use ed25519_dalek::{Signature, Signer, SigningKey, Verifier, VerifyingKey};
use sha2::{Digest, Sha256};

use crate::{Error, Result};

/// The key file inside the data folder. (The name predates Bappeda's use of
/// the same file for its packages.)
pub fn key_path(data_dir: &Path) -> PathBuf {
    data_dir.join("kunci").join("opd-ed25519.key")
}

/// The key pair of this installation's `kunci/`; made and saved the first
/// time. A damaged key file is an error, never replaced by a new key.
pub fn load_or_create(data_dir: &Path) -> Result<SigningKey> {
    match load(data_dir)? {
        Some(key) => Ok(key),
        None => {
            let key = generate()?;
            save(data_dir, &key)?;
            Ok(key)
        }
    }
}

/// The key in `kunci/`, or `None` when there is no key file. A file that is
/// there but does not hold a key (cut short, edited, another file) is an
/// error that says so: a new key made silently in its place would have
/// Bappeda refuse this office's reports, or the OPDs its packages.
pub fn load(data_dir: &Path) -> Result<Option<SigningKey>> {
    load_file(&key_path(data_dir))
}

/// The key in the key file at `path` (see [`load`]).
pub fn load_file(path: &Path) -> Result<Option<SigningKey>> {
    match fs::read(path) {
        Ok(bytes) => std::str::from_utf8(&bytes)
            .ok()
            .and_then(|text| from_secret_hex(text.trim()))
            .map(Some)
            .ok_or_else(|| damaged(path)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(Error::io("membaca", path, e)),
    }
}

/// The refusal to sign with, or replace, a damaged key file.
pub fn damaged(path: &Path) -> Error {
    Error::invalid(
        "key",
        format!(
            "Berkas kunci tanda tangan {} rusak. Renaksi tidak membuat kunci baru, karena \
             kunci baru membuat berkas yang Anda tandatangani ditolak. Pulihkan cadangan \
             Renaksi terakhir (cadangan menyimpan kunci), atau kembalikan berkas kunci itu \
             dari salinannya.",
            path.display()
        ),
    )
}

/// A new random key pair.
pub fn generate() -> Result<SigningKey> {
    let mut secret = [0u8; 32];
    getrandom::fill(&mut secret).map_err(|e| {
        Error::io(
            "membuat kunci",
            Path::new("kunci"),
            std::io::Error::other(e.to_string()),
        )
    })?;
    Ok(SigningKey::from_bytes(&secret))
}

/// Writes `key` as the key file of `kunci/`, whole or not at all: a
/// temporary file readable by this user only, synced, renamed over the key
/// file, and the folder synced, so a power cut leaves the old key or the new
/// one, never half a key.
pub fn save(data_dir: &Path, key: &SigningKey) -> Result<()> {
    write_key_file(&key_path(data_dir), key)
}

/// Writes `key` to `path` through a synced temporary file and a rename.
pub fn write_key_file(path: &Path, key: &SigningKey) -> Result<()> {
    let dir = path.parent().unwrap_or_else(|| Path::new("."));
    fs::create_dir_all(dir).map_err(|e| Error::io("membuat folder", dir, e))?;
    let tmp = crate::files::temp_path(path);
    // A temporary file left by a crash is removed, and the new one is made
    // readable by this user only before the secret is written into it
    // (`create_new`: the mode applies to a new file only).
    let _ = fs::remove_file(&tmp);
    let written = (|| {
        let mut options = fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        let mut file = options.open(&tmp)?;
        file.write_all(secret_hex(key).as_bytes())?;
        file.sync_all()?;
        fs::rename(&tmp, path)
    })();
    if let Err(e) = written {
        let _ = fs::remove_file(&tmp);
        return Err(Error::io("menyimpan kunci", path, e));
    }
    crate::files::sync_dir(dir);
    Ok(())
}

/// The secret as 64 hex digits, as the key file and the database keep it.
pub fn secret_hex(key: &SigningKey) -> String {
    key.to_bytes().iter().map(|b| format!("{b:02x}")).collect()
}

/// The key of a secret written by [`secret_hex`]; `None` when it is not one.
pub fn from_secret_hex(text: &str) -> Option<SigningKey> {
    decode_hex(text).map(|bytes| SigningKey::from_bytes(&bytes))
}

/// The signature of a canonical serialisation, in base64.
pub fn sign_bytes(key: &SigningKey, bytes: &[u8]) -> String {
    STANDARD.encode(key.sign(bytes).to_bytes())
}

pub fn public_key_text(key: &SigningKey) -> String {
    STANDARD.encode(key.verifying_key().to_bytes())
}

/// A short, readable fingerprint of a public key, for humans comparing keys.
pub fn fingerprint(public_key_text: &str) -> String {
    let digest = Sha256::digest(public_key_text.as_bytes());
    digest[..8]
        .chunks(2)
        .map(|pair| format!("{:02X}{:02X}", pair[0], pair[1]))
        .collect::<Vec<_>>()
        .join("-")
}

/// Whether `signature` by `public_key` covers exactly these bytes.
pub fn verify_bytes(public_key: &str, signature: &str, bytes: &[u8]) -> bool {
    let Some(key) = STANDARD
        .decode(public_key)
        .ok()
        .and_then(|b| <[u8; 32]>::try_from(b).ok())
        .and_then(|b| VerifyingKey::from_bytes(&b).ok())
    else {
        return false;
    };
    let Some(signature) = STANDARD
        .decode(signature)
        .ok()
        .and_then(|b| <[u8; 64]>::try_from(b).ok())
        .map(|b| Signature::from_bytes(&b))
    else {
        return false;
    };
    key.verify(bytes, &signature).is_ok()
}

fn decode_hex(text: &str) -> Option<[u8; 32]> {
    if text.len() != 64 || !text.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let mut out = [0u8; 32];
    for (i, byte) in out.iter_mut().enumerate() {
        *byte = u8::from_str_radix(text.get(2 * i..2 * i + 2)?, 16).ok()?;
    }
    Some(out)
}
