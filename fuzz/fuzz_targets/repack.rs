//! The structure-aware mutator both targets use. Byte mutations of a whole
//! .xlsx mostly break its deflate streams or CRCs, so the parsers behind the
//! zip reader would rarely see anything but noise. Three times in four, one
//! part of the workbook is mutated and the zip packed again; otherwise (and
//! for inputs that are no zip) the bytes are mutated as they are, which keeps
//! the zip reader and the guard under fire.

use std::io::{Cursor, Read, Write};

use libfuzzer_sys::fuzzer_mutate;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipArchive, ZipWriter};

/// Parts bigger than this unpacked (the corpus holds zip bombs) are left to the
/// byte mutations.
const MAX_PART: u64 = 1 << 20;
const MAX_PARTS: usize = 64;

/// The body of `fuzz_mutator!`: mutates `data[..size]` in place and returns
/// the new size (at most `max_size`).
pub fn mutate(data: &mut [u8], size: usize, max_size: usize, seed: u32) -> usize {
    if !seed.is_multiple_of(4) {
        if let Some(repacked) = mutate_one_part(&data[..size], max_size, seed / 4) {
            data[..repacked.len()].copy_from_slice(&repacked);
            return repacked.len();
        }
    }
    fuzzer_mutate(data, size, max_size)
}

fn mutate_one_part(zip: &[u8], max_size: usize, seed: u32) -> Option<Vec<u8>> {
    let mut archive = ZipArchive::new(Cursor::new(zip)).ok()?;
    if archive.is_empty() || archive.len() > MAX_PARTS {
        return None;
    }
    let mut parts = Vec::with_capacity(archive.len());
    for i in 0..archive.len() {
        let part = archive.by_index(i).ok()?;
        let name = part.name().ok()?.into_owned();
        let stored = part.compression() == CompressionMethod::Stored;
        let mut content = Vec::new();
        part.take(MAX_PART + 1).read_to_end(&mut content).ok()?;
        if content.len() as u64 > MAX_PART {
            return None;
        }
        parts.push((name, stored, content));
    }
    let content = &mut parts[seed as usize % archive.len()].2;
    let len = content.len();
    content.resize(len * 2 + 64, 0);
    let room = content.len();
    let len = fuzzer_mutate(content, len, room);
    content.truncate(len);

    let mut writer = ZipWriter::new(Cursor::new(Vec::new()));
    for (name, stored, content) in &parts {
        let options = if *stored {
            SimpleFileOptions::default().compression_method(CompressionMethod::Stored)
        } else {
            SimpleFileOptions::default()
                .compression_method(CompressionMethod::Deflated)
                .compression_level(Some(1))
        };
        writer.start_file(name.as_str(), options).ok()?;
        writer.write_all(content).ok()?;
    }
    let packed = writer.finish().ok()?.into_inner();
    (packed.len() <= max_size).then_some(packed)
}
