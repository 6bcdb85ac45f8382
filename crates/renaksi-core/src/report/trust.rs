//! Whether Bappeda trusts the key that signed an OPD's report. A key is never
//! trusted silently: the first key seen for an OPD, and any key other than
//! the one held, are refused with their fingerprint (eight words a clerk reads
//! aloud, and the hex form) until a human has compared it with the one the
//! OPD reads out from its own report screen and confirmed it. A confirmation
//! names one fingerprint for one OPD: it accepts that key and no other.
//!
//! Sequences are compared only among reports signed with the same key
//! (`reports.key_fingerprint`): a forged first report with a huge sequence
//! cannot make the genuine reports "older" once the genuine key is accepted.

use rusqlite::Transaction;
use serde::{Deserialize, Serialize};

use crate::model::Opd;
use crate::store::audit::{self, Change};
use crate::store::opd_keys;
use crate::workbook::key_words::{fingerprint_matches, fingerprint_words};
use crate::workbook::signature::fingerprint;
use crate::{Error, Result};

/// A human's decisions that an import may need.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Decisions {
    /// The keys a human confirmed: for an OPD, the fingerprint its clerk read
    /// out. Only a key with that fingerprint is accepted for that OPD; a file
    /// of the same OPD signed with another key is still refused.
    pub accepted_keys: Vec<AcceptedKey>,
}

impl Decisions {
    /// Accepts one OPD's key, named by its fingerprint.
    pub fn accepting(key: AcceptedKey) -> Decisions {
        Decisions {
            accepted_keys: vec![key],
        }
    }

    /// The `CODE=FINGERPRINT` texts of the command line; the first malformed
    /// one refuses them all, before anything is imported.
    pub fn parse_all<S: AsRef<str>>(texts: &[S]) -> Result<Decisions> {
        Ok(Decisions {
            accepted_keys: texts
                .iter()
                .map(|t| AcceptedKey::parse(t.as_ref()))
                .collect::<Result<_>>()?,
        })
    }

    /// Whether a human confirmed this public key for the OPD `opd_code`.
    fn accepts(&self, opd_code: &str, public_key: &str) -> bool {
        self.accepted_keys.iter().any(|a| {
            a.opd_code.trim().eq_ignore_ascii_case(opd_code)
                && fingerprint_matches(public_key, &a.fingerprint)
        })
    }
}

/// One OPD's key a human confirmed: the OPD's code and the fingerprint (the
/// eight words, or the hex form) the OPD read out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct AcceptedKey {
    pub opd_code: String,
    pub fingerprint: String,
}

impl AcceptedKey {
    /// Reads `CODE=FINGERPRINT`, e.g. `DINKES="apel bambu cicak ..."` (the
    /// shell drops the quotes) or `DINKES=1A2B-3C4D-5E6F-7081`.
    pub fn parse(text: &str) -> Result<AcceptedKey> {
        let malformed = |why: &str| {
            Error::invalid(
                "accept-new-key",
                format!(
                    "--accept-new-key \"{}\" tidak dapat dibaca: {why} Tulis KODE=SIDIK_JARI, \
                     misalnya DINKES=\"delapan kata sidik jari\" atau DINKES=1A2B-3C4D-5E6F-7081; \
                     tidak ada laporan yang diimpor.",
                    text.chars().take(80).collect::<String>()
                ),
            )
        };
        let Some((code, typed)) = text.split_once('=') else {
            return Err(malformed("tanda = tidak ada."));
        };
        let code = code.trim();
        if code.is_empty() || code.chars().any(char::is_whitespace) {
            return Err(malformed("kode OPD kosong atau berspasi."));
        }
        if !well_formed_fingerprint(typed) {
            return Err(malformed(
                "sidik jari harus delapan kata atau 16 angka heksadesimal.",
            ));
        }
        Ok(AcceptedKey {
            opd_code: code.to_uppercase(),
            fingerprint: typed.trim().to_string(),
        })
    }
}

/// Eight words of letters, or sixteen hex digits, as `fingerprint_matches`
/// reads them (spaces, dashes and commas separate).
fn well_formed_fingerprint(typed: &str) -> bool {
    let parts: Vec<&str> = typed
        .split(|c: char| c.is_whitespace() || c == '-' || c == ',')
        .filter(|p| !p.is_empty())
        .collect();
    let words = parts.len() == 8
        && parts
            .iter()
            .all(|p| p.len() <= 16 && p.chars().all(|c| c.is_ascii_alphabetic()));
    let hex: String = parts.concat();
    words || (hex.len() == 16 && hex.chars().all(|c| c.is_ascii_hexdigit()))
}

/// Whether an unconfirmed key is the first seen for its OPD or replaces the one held.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
pub enum KeyChange {
    First,
    Changed,
}

/// A key Bappeda has not confirmed for an OPD: what the clerk is asked about.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct UnconfirmedKey {
    pub opd_code: String,
    /// The OPD's name as Bappeda's directory holds it (not the file's text).
    pub opd_name: String,
    /// The fingerprint as eight words, to compare with what the OPD reads out.
    pub words: String,
    /// The same fingerprint in hex, e.g. `1A2B-3C4D-5E6F-7081`.
    pub fingerprint: String,
    pub change: KeyChange,
    /// Since when the key held now was recorded (a changed key).
    pub held_since: Option<String>,
}

/// The refusal's message: what happened and what the clerk does next. It
/// names the OPD and whether the key is its first or a changed one, never the
/// file's own fingerprint: whoever made the file could phone and read it out.
pub fn unconfirmed_message(key: &UnconfirmedKey) -> String {
    let UnconfirmedKey {
        opd_code: code,
        opd_name: name,
        ..
    } = key;
    let what = match key.change {
        KeyChange::First => format!(
            "Laporan {name} ({code}) ditandatangani dengan kunci yang belum pernah dikonfirmasi \
             Bappeda."
        ),
        KeyChange::Changed => format!(
            "Laporan {name} ({code}) ditandatangani dengan kunci lain dari kunci yang tercatat \
             sejak {}. Tanyakan kepada OPD apakah komputernya atau kuncinya memang diganti.",
            key.held_since.as_deref().unwrap_or("-")
        ),
    };
    format!(
        "{what} Laporan belum diimpor. Telepon OPD di nomor yang sudah dipegang Bappeda (bukan \
         nomor yang tertulis di berkas atau yang diberikan pengirimnya), minta OPD membacakan \
         kedelapan kata sidik jari kuncinya dari layar Laporan di aplikasinya, dan ketik kata-kata \
         yang dibacakan (baris perintah: --accept-new-key {code}=\"kedelapan kata yang dibacakan \
         OPD\"); Renaksi mencocokkan semuanya dengan kunci laporan. Bila berbeda, jangan terima: \
         berkas ini bukan dari komputer OPD itu."
    )
}

/// The key of an imported report, once trusted.
pub(crate) struct Trusted {
    /// The hex fingerprint, which `reports.key_fingerprint` records.
    pub fingerprint: String,
    /// Set when this import accepted a key a human confirmed.
    pub accepted: Option<KeyChange>,
}

/// Trusts the key that signed an OPD's report, or refuses it: the key held
/// for the OPD passes; another one (or the first) passes only when
/// `decisions` confirm its fingerprint for this OPD, and is then recorded as
/// the OPD's key with an audit row naming it, the key it replaces, and
/// `actor`. Runs inside the import's transaction, so a later refusal of the
/// same file takes the recorded key back too.
pub(crate) fn settle(
    tx: &Transaction<'_>,
    actor: &str,
    opd: &Opd,
    public_key: &str,
    decisions: &Decisions,
) -> Result<Trusted> {
    let fingerprint = fingerprint(public_key);
    let held = opd_keys::get(tx, &opd.id)?;
    if held.as_ref().is_some_and(|h| h.public_key == public_key) {
        return Ok(Trusted {
            fingerprint,
            accepted: None,
        });
    }
    let change = match held {
        None => KeyChange::First,
        Some(_) => KeyChange::Changed,
    };
    if !decisions.accepts(&opd.code, public_key) {
        return Err(Error::KeyUnconfirmed(Box::new(UnconfirmedKey {
            opd_code: opd.code.clone(),
            opd_name: opd.name.clone(),
            words: fingerprint_words(public_key),
            fingerprint,
            change,
            held_since: held.map(|h| h.first_seen_at),
        })));
    }
    let described = |key: &str| format!("{} ({})", fingerprint_words(key), self::fingerprint(key));
    let old = held.as_ref().map(|h| described(&h.public_key));
    match held {
        None => opd_keys::pin(tx, &opd.id, public_key)?,
        Some(_) => opd_keys::replace(tx, &opd.id, public_key)?,
    }
    let new = described(public_key);
    // The OPD's history: "key" created (its first) or updated (a changed
    // one), from the key it replaces to the one accepted, by the clerk.
    let operation = match change {
        KeyChange::First => "create",
        KeyChange::Changed => "update",
    };
    audit::record(
        tx,
        actor,
        &Change::new("opd", &opd.id, operation)
            .on("key")
            .from(old.as_deref())
            .to(Some(&new)),
    )?;
    Ok(Trusted {
        fingerprint,
        accepted: Some(change),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_confirmation_is_code_equals_words_or_hex() {
        let words =
            AcceptedKey::parse("dinkes=apel bambu cicak dadu ekor gajah hujan ikan").unwrap();
        assert_eq!(words.opd_code, "DINKES");
        assert_eq!(
            words.fingerprint,
            "apel bambu cicak dadu ekor gajah hujan ikan"
        );
        assert!(AcceptedKey::parse("KEC-WADASLINTANG=1a2b-3C4D-5e6f-7081").is_ok());
        for bad in [
            "DINKES",
            "=apel bambu cicak dadu ekor gajah hujan ikan",
            "DINKES=",
            "DINKES=apel bambu",
            "DINKES=1A2B-3C4D",
            "DINKES=1A2B-3C4D-5E6F-708Z",
            "DIN KES=1A2B-3C4D-5E6F-7081",
        ] {
            let error = AcceptedKey::parse(bad).unwrap_err();
            assert_eq!(error.field(), Some("accept-new-key"), "{bad}");
            assert!(error.to_string().contains("KODE=SIDIK_JARI"), "{error}");
        }
    }
}
