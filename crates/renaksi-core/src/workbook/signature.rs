//! The installation's Ed25519 key pair, made on first use and kept in the data
//! folder's `kunci/`, and the signature a machine sheet carries: over the
//! canonical serialisation of what the sheet holds (a report's snapshot, a
//! plan package), not over the file's bytes, so re-saving the workbook in a
//! spreadsheet app does not break it, while any change to the data does.

use std::fs;
use std::path::{Path, PathBuf};

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use ed25519_dalek::{Signature, Signer, SigningKey, Verifier, VerifyingKey};
use sha2::{Digest, Sha256};

use crate::{Error, Result};

/// The key file inside the data folder.
pub fn key_path(data_dir: &Path) -> PathBuf {
    data_dir.join("kunci").join("opd-ed25519.key")
}

/// The key pair of this installation; made and saved the first time.
pub fn load_or_create(data_dir: &Path) -> Result<SigningKey> {
    let path = key_path(data_dir);
    match fs::read_to_string(&path) {
        Ok(text) => {
            let bytes = decode_hex(text.trim()).ok_or_else(|| Error::Corrupt {
                path: path.clone(),
                detail: "kunci tanda tangan tidak terbaca".into(),
            })?;
            Ok(SigningKey::from_bytes(&bytes))
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => create(&path),
        Err(e) => Err(Error::io("membaca", &path, e)),
    }
}

fn create(path: &Path) -> Result<SigningKey> {
    let mut secret = [0u8; 32];
    getrandom::fill(&mut secret)
        .map_err(|e| Error::io("membuat kunci", path, std::io::Error::other(e.to_string())))?;
    let key = SigningKey::from_bytes(&secret);
    let dir = path.parent().unwrap_or_else(|| Path::new("."));
    fs::create_dir_all(dir).map_err(|e| Error::io("membuat folder", dir, e))?;
    let tmp = path.with_extension("tmp");
    let hex: String = secret.iter().map(|b| format!("{b:02x}")).collect();
    fs::write(&tmp, hex).map_err(|e| Error::io("menyimpan kunci", &tmp, e))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = fs::set_permissions(&tmp, fs::Permissions::from_mode(0o600));
    }
    fs::rename(&tmp, path).map_err(|e| Error::io("menyimpan kunci", path, e))?;
    Ok(key)
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
    if text.len() != 64 {
        return None;
    }
    let mut out = [0u8; 32];
    for (i, byte) in out.iter_mut().enumerate() {
        *byte = u8::from_str_radix(text.get(2 * i..2 * i + 2)?, 16).ok()?;
    }
    Some(out)
}
