//! The site's folder: which of its files are Renaksi's, and how a new site
//! takes their place.
//!
//! The marker `.situs-renaksi` lists every file of the site Renaksi wrote
//! there. Publishing again replaces those and nothing else: what the web team
//! added beside the site (`.htaccess`, `web.config`, a logo, a folder of its
//! own) stays. A file added inside one of the site's own folders (`aksi/`,
//! `data/`, `berkas/`, `en/`) would go with that folder, so such a site is
//! refused with the names of those files, as is a folder without a marker
//! that holds anything at all, and a new site file whose name is taken by a
//! file Renaksi did not write.
//!
//! The new site is written whole into a working folder inside the target, then
//! swapped in: Renaksi's earlier entries move aside and the new ones move up,
//! every move a rename inside the target. So the target may be a mount point
//! (a USB stick's root), a folder whose parent the user may not write (a web
//! root's subfolder), or a folder a web server or a window holds open.

use std::collections::BTreeSet;
use std::fs;
use std::io::Read;
use std::path::{Component, Path, PathBuf};

use crate::files::{sync_dir, write_synced};
use crate::{Error, Result};

/// The file that marks a folder as a site Renaksi wrote and lists the site's
/// files, so publishing again replaces those and only those.
pub const MARKER: &str = ".situs-renaksi";
/// How the folders of a publish in progress start, inside the site's folder:
/// the new site before it is swapped in, the old one while it is swapped out.
/// What an interrupted publish left is Renaksi's, and the next one removes it.
pub const WORKING_PREFIX: &str = ".situs-renaksi.";
/// A marker larger than this is not one Renaksi wrote (the demo's lists some
/// 60 files in 2 KB); it is not read, and the folder is refused.
const MARKER_MAX_BYTES: u64 = 1024 * 1024;
/// How many foreign files a refusal names.
const NAMED: usize = 5;

/// What the target holds that is Renaksi's: the top-level entries the swap
/// moves aside (the earlier site's and any interrupted publish's).
#[derive(Debug, Default)]
pub struct Earlier {
    entries: BTreeSet<String>,
}

/// A working folder inside `out`: `.situs-renaksi.baru.<pid>`.
pub fn working(out: &Path, what: &str) -> PathBuf {
    out.join(format!("{WORKING_PREFIX}{what}.{}", std::process::id()))
}

pub fn remove_if_there(dir: &Path) -> Result<()> {
    if dir.exists() {
        fs::remove_dir_all(dir).map_err(|e| Error::io("menghapus", dir, e))?;
    }
    Ok(())
}

/// A folder the user may not write gets a sentence saying so; other failures
/// keep the system's reason.
pub fn not_writable(out: &Path, e: std::io::Error, action: &'static str) -> Error {
    if e.kind() == std::io::ErrorKind::PermissionDenied {
        Error::invalid(
            "out",
            format!(
                "Folder {} tidak boleh ditulisi oleh pengguna ini; pilih folder lain, atau minta \
                 pengelola komputer atau server memberi izin menulis di sana.",
                out.display()
            ),
        )
    } else {
        Error::io(action, out, e)
    }
}

/// What of `out` a new site may replace; refuses a file, a folder that holds
/// anything without a marker, and a site with foreign files inside its own
/// folders.
pub fn earlier(out: &Path) -> Result<Earlier> {
    if !out.exists() {
        return Ok(Earlier::default());
    }
    if !out.is_dir() {
        return Err(Error::invalid(
            "out",
            format!(
                "{} adalah berkas, bukan folder; pilih folder untuk situs.",
                out.display()
            ),
        ));
    }
    let (working, others): (BTreeSet<String>, BTreeSet<String>) = names(out)?
        .into_iter()
        .partition(|name| name.starts_with(WORKING_PREFIX));
    // What an interrupted publish left is not someone else's file.
    let mut entries = working;
    if others.is_empty() {
        return Ok(Earlier { entries });
    }
    if !out.join(MARKER).is_file() {
        return Err(Error::invalid(
            "out",
            format!(
                "Folder {} sudah berisi berkas lain; pilih folder kosong, folder baru, atau \
                 folder situs yang pernah diterbitkan Renaksi.",
                out.display()
            ),
        ));
    }
    let listed = read_marker(out)?;
    let ours: BTreeSet<&str> = listed
        .iter()
        .filter_map(|path| path.split('/').next())
        .collect();
    let mut foreign = Vec::new();
    let mut folders = BTreeSet::new();
    for name in &others {
        if name == MARKER {
            entries.insert(name.clone());
            continue;
        }
        if !ours.contains(name.as_str()) {
            continue; // beside the site: kept
        }
        let entry = out.join(name);
        if entry.is_dir() {
            let mut inside = Vec::new();
            files_under(&entry, name, &mut inside)?;
            let before = foreign.len();
            foreign.extend(inside.into_iter().filter(|p| !listed.contains(p)));
            if foreign.len() > before {
                folders.insert(name.clone());
            }
        } else if !listed.contains(name) {
            // A file where the site had a folder: not Renaksi's to remove.
            foreign.push(name.clone());
        }
        entries.insert(name.clone());
    }
    if !foreign.is_empty() {
        return Err(Error::invalid(
            "out",
            format!(
                "Folder situs {} berisi berkas yang tidak ditulis Renaksi di dalam folder \
                 situsnya: {}. Menerbitkan lagi akan menghapusnya; pindahkan dulu ke luar folder \
                 {}, lalu terbitkan lagi. Berkas tambahan di folder utama situs (misalnya \
                 .htaccess) tetap disimpan.",
                out.display(),
                named(&foreign),
                folders.into_iter().collect::<Vec<_>>().join(", ")
            ),
        ));
    }
    Ok(Earlier { entries })
}

/// Up to [`NAMED`] names, then how many more.
fn named(names: &[String]) -> String {
    let mut text = names
        .iter()
        .take(NAMED)
        .cloned()
        .collect::<Vec<_>>()
        .join(", ");
    if names.len() > NAMED {
        text.push_str(&format!(" dan {} berkas lain", names.len() - NAMED));
    }
    text
}

/// The files the marker lists: relative paths with `/`, each a plain path
/// inside the folder (anything else on a line is not a path Renaksi wrote).
fn read_marker(out: &Path) -> Result<BTreeSet<String>> {
    let path = out.join(MARKER);
    let file = fs::File::open(&path).map_err(|e| Error::io("membaca", &path, e))?;
    let mut bytes = Vec::new();
    file.take(MARKER_MAX_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Error::io("membaca", &path, e))?;
    if bytes.len() as u64 > MARKER_MAX_BYTES {
        return Err(Error::invalid(
            "out",
            format!(
                "Berkas {MARKER} di folder {} bukan tanda situs yang ditulis Renaksi; pilih folder \
                 lain untuk situs.",
                out.display()
            ),
        ));
    }
    Ok(String::from_utf8_lossy(&bytes)
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .filter(|line| is_plain_relative(line))
        .map(str::to_string)
        .collect())
}

/// A path of normal names joined by `/`: no root, no `..`, no `\`.
fn is_plain_relative(path: &str) -> bool {
    !path.contains('\\')
        && path.split('/').all(|part| {
            !part.is_empty()
                && part != MARKER
                && Path::new(part)
                    .components()
                    .all(|c| matches!(c, Component::Normal(_)))
        })
}

/// Every file under `dir`, as `prefix/…` paths with `/`.
fn files_under(dir: &Path, prefix: &str, out: &mut Vec<String>) -> Result<()> {
    for entry in fs::read_dir(dir).map_err(|e| Error::io("membaca", dir, e))? {
        let entry = entry.map_err(|e| Error::io("membaca", dir, e))?;
        let path = format!("{prefix}/{}", entry.file_name().to_string_lossy());
        let kind = entry
            .file_type()
            .map_err(|e| Error::io("membaca", entry.path(), e))?;
        if kind.is_dir() {
            files_under(&entry.path(), &path, out)?;
        } else {
            out.push(path);
        }
    }
    Ok(())
}

/// Writes the marker into the new site `root`: a note for whoever opens it,
/// then every file of the site, one per line.
pub fn write_marker(root: &Path) -> Result<()> {
    let mut files = Vec::new();
    for name in names(root)? {
        let entry = root.join(&name);
        if entry.is_dir() {
            files_under(&entry, &name, &mut files)?;
        } else if name != MARKER {
            files.push(name);
        }
    }
    files.sort();
    let mut text = format!(
        "# Situs transparansi yang ditulis Renaksi {}.\n# Menerbitkan lagi ke folder ini \
         mengganti berkas yang tercantum di bawah; berkas lain di folder ini dibiarkan.\n",
        crate::APP_VERSION
    );
    for file in files {
        text.push_str(&file);
        text.push('\n');
    }
    write_synced(&root.join(MARKER), text.as_bytes())
}

/// The names of what a folder holds.
pub fn names(dir: &Path) -> Result<Vec<String>> {
    fs::read_dir(dir)
        .map_err(|e| Error::io("membaca", dir, e))?
        .map(|entry| {
            entry
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .map_err(|e| Error::io("membaca", dir, e))
        })
        .collect()
}

/// Puts what `staging` (a folder inside `out`) holds in place of Renaksi's
/// earlier entries of `out`: those move into a working folder, the new ones
/// move up, the old ones are deleted; everything else in `out` stays. A new
/// entry whose name a foreign file holds is refused before anything moves.
/// The marker is the last of the old site to go and the first of the new to
/// come, so an interrupted swap leaves a folder the next publish still knows
/// as Renaksi's. A failed move puts everything back.
pub fn swap_in(staging: &Path, out: &Path, earlier: &Earlier) -> Result<()> {
    let mut incoming = names(staging)?;
    let taken: Vec<String> = incoming
        .iter()
        .filter(|name| !earlier.entries.contains(*name) && out.join(name).exists())
        .cloned()
        .collect();
    if !taken.is_empty() {
        return Err(Error::invalid(
            "out",
            format!(
                "Folder situs {} sudah berisi {} yang tidak ditulis Renaksi, padahal situs \
                 menulis berkas dengan nama itu; pindahkan atau ganti namanya dulu, lalu terbitkan \
                 lagi.",
                out.display(),
                named(&taken)
            ),
        ));
    }
    let old = working(out, "lama");
    remove_if_there(&old)?;
    fs::create_dir(&old).map_err(|e| Error::io("membuat folder", &old, e))?;
    let skip = [staging.file_name(), old.file_name()];
    let mut outgoing: Vec<&String> = earlier
        .entries
        .iter()
        .filter(|n| !skip.contains(&Some(std::ffi::OsStr::new(n))))
        .filter(|n| out.join(n).exists())
        .collect();
    outgoing.sort_by_key(|n| *n == MARKER);
    incoming.sort_by_key(|n| n != MARKER);

    let mut moved_out = Vec::new();
    let mut moved_in = Vec::new();
    let result = (|| {
        for name in &outgoing {
            move_entry(&out.join(name), &old.join(name))?;
            moved_out.push(*name);
        }
        for name in &incoming {
            move_entry(&staging.join(name), &out.join(name))?;
            moved_in.push(name);
        }
        Ok(())
    })();
    if result.is_err() {
        for name in moved_in.iter().rev() {
            let _ = fs::rename(out.join(name), staging.join(name));
        }
        for name in moved_out.iter().rev() {
            let _ = fs::rename(old.join(name), out.join(name));
        }
    }
    let _ = fs::remove_dir_all(&old);
    sync_dir(out);
    result
}

fn move_entry(from: &Path, to: &Path) -> Result<()> {
    fs::rename(from, to).map_err(|e| Error::io("memindahkan", from, e))
}
