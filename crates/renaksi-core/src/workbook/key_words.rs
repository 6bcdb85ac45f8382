//! A key's fingerprint as words a clerk can read aloud over the telephone, and
//! the other side can compare: eight words for the first 64 bits of the
//! SHA-256 of the public key, the same bits as the hex fingerprint. The 256
//! words are plain Indonesian nouns and adjectives, each spelled one way.

use sha2::{Digest, Sha256};

/// One word per byte value.
const WORDS: [&str; 256] = [
    "abang", "abu", "acar", "adik", "agung", "air", "ajak", "akar", "alam", "alang", "alun",
    "amal", "ambil", "anak", "angin", "angsa", "anyam", "apel", "arah", "arang", "arus", "asam",
    "asin", "atap", "awan", "ayam", "ayun", "bahu", "baja", "bakso", "balai", "bambu", "bantal",
    "batik", "batu", "bawang", "bayam", "bebek", "becak", "belut", "benang", "bening", "beras",
    "besi", "biji", "bintang", "bola", "bubur", "buku", "bulan", "bunga", "buntut", "cabai",
    "cahaya", "camar", "candi", "cangkir", "capung", "cemara", "cendol", "cerah", "cicak",
    "cincin", "cokelat", "cumi", "dadu", "dahan", "dapur", "daun", "dawai", "delima", "dendeng",
    "desa", "dingin", "dodol", "domba", "dompet", "dukuh", "durian", "ekor", "elang", "emas",
    "embun", "enau", "enggang", "gading", "gajah", "galah", "gamelan", "garam", "garuda", "gelas",
    "gembok", "genteng", "gerobak", "gitar", "golok", "gula", "gunung", "gurun", "hablur",
    "hangat", "harimau", "hening", "hijau", "hujan", "hutan", "ijuk", "ikan", "ilalang", "indah",
    "intan", "irama", "itik", "jagung", "jahe", "jala", "jalak", "jambu", "jamur", "jangkar",
    "jarum", "jati", "jembatan", "jeruk", "jukung", "kabut", "kacang", "kadal", "kain", "kakao",
    "kali", "kambing", "kancil", "kapal", "kapas", "karang", "kartu", "katak", "kebun", "kecap",
    "kelapa", "kelinci", "kemiri", "kenari", "kendi", "kerbau", "ketan", "kijang", "kipas", "kopi",
    "kuda", "kunyit", "labu", "lada", "lampu", "langit", "lebah", "lele", "lilin", "limau",
    "lontar", "lumbung", "lumpur", "madu", "mangga", "manggis", "marmer", "matahari", "meja",
    "melati", "mentari", "merak", "merpati", "mimpi", "minyak", "mutiara", "nanas", "nangka",
    "nila", "nipah", "nuri", "obor", "ombak", "ondel", "opor", "padi", "pagar", "pala", "pantai",
    "parang", "pasir", "payung", "pelangi", "pena", "penyu", "pepaya", "perahu", "perak", "petai",
    "pinang", "pisang", "pohon", "puncak", "rakit", "rambutan", "rawa", "rebana", "rempah",
    "rotan", "rumput", "rusa", "sabun", "sagu", "salak", "sambal", "sampan", "sapi", "sarung",
    "sawah", "sayur", "semut", "sendok", "sepeda", "serai", "singa", "sirih", "sungai", "surya",
    "tahu", "talas", "tambak", "tampah", "tangga", "tapai", "tebu", "telaga", "tempe", "tenun",
    "teratai", "tikar", "timun", "tomat", "topi", "tugu", "tupai", "udang", "ular", "umbi", "unta",
    "urat", "wajan", "warung", "wayang", "wortel", "zaitun",
];

/// The fingerprint of a public key (its base64 text) as eight words, e.g.
/// "apel bambu cicak ...".
pub fn fingerprint_words(public_key_text: &str) -> String {
    let digest = Sha256::digest(public_key_text.as_bytes());
    digest[..8]
        .iter()
        .map(|&byte| WORDS[usize::from(byte)])
        .collect::<Vec<_>>()
        .join(" ")
}

/// The words of a fingerprint recorded in hex ("1A2B-3C4D-5E6F-7081", as
/// `signature::fingerprint` writes it): the same eight bytes. `None` unless
/// it is sixteen hex digits.
pub fn words_of_fingerprint(hex: &str) -> Option<String> {
    let digits: Vec<u8> = hex
        .chars()
        .filter(|c| *c != '-' && !c.is_whitespace())
        .map(|c| c.to_digit(16).map(|d| d as u8))
        .collect::<Option<_>>()?;
    if digits.len() != 16 {
        return None;
    }
    Some(
        digits
            .chunks(2)
            .map(|pair| WORDS[usize::from(pair[0] * 16 + pair[1])])
            .collect::<Vec<_>>()
            .join(" "),
    )
}

/// Whether `typed` names the fingerprint of `public_key_text`, given as its
/// words or as its hex groups, ignoring case, spaces and dashes.
pub fn fingerprint_matches(public_key_text: &str, typed: &str) -> bool {
    let normalise = |text: &str| -> String {
        text.split(|c: char| c.is_whitespace() || c == '-' || c == ',')
            .filter(|part| !part.is_empty())
            .map(str::to_lowercase)
            .collect::<Vec<_>>()
            .join(" ")
    };
    let typed = normalise(typed);
    !typed.is_empty()
        && (typed == normalise(&fingerprint_words(public_key_text))
            || typed.replace(' ', "")
                == super::signature::fingerprint(public_key_text)
                    .replace('-', "")
                    .to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_is_distinct_and_plain() {
        let mut sorted = WORDS.to_vec();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), 256);
        assert!(WORDS
            .iter()
            .all(|w| w.len() >= 3 && w.chars().all(|c| c.is_ascii_lowercase())));
    }

    #[test]
    fn the_words_and_the_hex_name_the_same_key() {
        let key = "q83vEjRWeJq8w9Ln5n+OKgE0VniavN7/ECE0VniavN4=";
        let words = fingerprint_words(key);
        assert_eq!(words.split(' ').count(), 8);
        assert!(fingerprint_matches(key, &words.to_uppercase()));
        assert!(fingerprint_matches(
            key,
            &super::super::signature::fingerprint(key)
        ));
        assert!(!fingerprint_matches(key, ""));
        assert_eq!(
            words_of_fingerprint(&super::super::signature::fingerprint(key)).as_deref(),
            Some(words.as_str())
        );
        assert_eq!(words_of_fingerprint("1A2B-3C4D"), None);
        assert_eq!(words_of_fingerprint("ZZ2B-3C4D-5E6F-7081"), None);
        let other = "AAAAEjRWeJq8w9Ln5n+OKgE0VniavN7/ECE0VniavN4=";
        assert!(!fingerprint_matches(other, &words));
    }
}
