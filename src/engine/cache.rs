//! Keeps a column index on disk in the user's cache folder, so that a short-lived command (`report`)
//! or a starting TUI reads a few megabytes instead of scanning a million cases. Never trusted:
//! a file that does not parse, or belongs to another database, is rebuilt from SQLite.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::domain::Reference;
use crate::engine::index::{CaseIndex, IndexError, Refresh};
use crate::store::Store;

/// Version 4: each case's election (through its stage, numbered among every election's stages)
/// and contest, its deadlines counted under that election's limits. Files marked version 3 were
/// written in two layouts by earlier builds, so neither is read. Version 2 added the stamp of the
/// newest change-log entry after the revision. A file of an earlier version is not read: the
/// index is built again.
const MAGIC: &[u8; 8] = b"PNTUIDX\x05";

/// Below this many cases SQL answers in milliseconds; the CLI does not keep an index.
pub const WORTH_CACHING: i64 = 20_000;

/// Where the index of the database at `db` is kept: `$XDG_CACHE_HOME/pantau/index/<hash>.idx`.
pub fn cache_path(db: &Path) -> Option<PathBuf> {
    let dirs = directories::ProjectDirs::from("", "", "pantau")?;
    let canonical = std::fs::canonicalize(db).ok()?;
    let hash = Sha256::digest(canonical.to_string_lossy().as_bytes());
    let name: String = hash[..12].iter().map(|b| format!("{b:02x}")).collect();
    Some(dirs.cache_dir().join("index").join(format!("{name}.idx")))
}

/// The index of the database `store` reads: the cached one brought up to date, or a new one; the
/// cache is rewritten when it changed. Without `history` the status histories are not read from
/// the cache (half of it), for a view of the current status. Cache trouble (unreadable, unwritable
/// folder) never fails the caller.
pub fn load(store: &Store, reference: &Reference, history: bool) -> Result<CaseIndex, IndexError> {
    let db = store.path();
    // Only a folder of this user's own holds a cache, and only a file of the user's own that
    // nobody else may change is read: another user could otherwise plant figures.
    let path = cache_path(db).filter(|p| private_folder(p));
    let cached = path
        .as_deref()
        .filter(|p| trusted_file(p))
        .and_then(|p| read_with(p, history).ok());
    let (index, changed) = match cached {
        Some(mut index) => {
            let refresh = index.refresh(store, reference)?;
            (index, refresh != Refresh::Current)
        }
        None => (CaseIndex::build(store, reference)?, true),
    };
    if changed
        && !index.without_history
        && let Some(p) = path
    {
        // Written 0600 whatever the umask (it is read back only if no one else may change it).
        let _ = write(&p, &index);
    }
    Ok(index)
}

/// Whether `path` (not following a link) belongs to this process's real user, is a regular file
/// (or a folder with `dir`) and no one else may write it.
fn owned_privately(path: &Path, dir: bool) -> bool {
    use std::os::unix::fs::MetadataExt;
    std::fs::symlink_metadata(path).is_ok_and(|m| {
        (if dir { m.is_dir() } else { m.is_file() })
            && m.uid() == nix::unistd::getuid().as_raw()
            && m.mode() & 0o022 == 0
    })
}

/// Whether a cache file at `path` may be trusted: the user's own, written by no one else. A file
/// that is there but is not says so (it is ignored and never overwritten in place).
pub fn trusted_file(path: &Path) -> bool {
    if std::fs::symlink_metadata(path).is_err() {
        return false;
    }
    let ok = owned_privately(path, false);
    if !ok {
        crate::log::warn(&format!(
            "{}: index cache not used: it is not your own file, or others may write it; \
             pantau computes from the database instead (remove the file to let pantau keep a new one)",
            path.display()
        ));
    }
    ok
}

/// Whether the folders of the cache file at `path` (`…/pantau/index`) are the user's own and no
/// one else may write them; missing ones are made so (mode 0700).
fn private_folder(path: &Path) -> bool {
    let Some(index_dir) = path.parent() else {
        return false;
    };
    let Some(pantau_dir) = index_dir.parent() else {
        return false;
    };
    let mut builder = std::fs::DirBuilder::new();
    std::os::unix::fs::DirBuilderExt::mode(builder.recursive(true), 0o700);
    if std::fs::symlink_metadata(index_dir).is_err() && builder.create(index_dir).is_err() {
        return false;
    }
    let ok = owned_privately(pantau_dir, true) && owned_privately(index_dir, true);
    if !ok {
        crate::log::warn(&format!(
            "{}: index cache folder not used: it is not your own, or others may write it; \
             pantau computes from the database instead",
            index_dir.display()
        ));
    }
    ok
}

/// Writes the index to `path` through a private temporary file, so a reader never sees half of it;
/// the folder and the file are the user's own (the index holds case data).
pub fn write(path: &Path, index: &CaseIndex) -> std::io::Result<()> {
    use crate::fs_safe::{PRIVATE, Replace, Temp, folder_of, private_dir};
    let dir = folder_of(path);
    private_dir(&dir).map_err(std::io::Error::other)?;
    let mut temp = Temp::new_in(&dir, PRIVATE).map_err(std::io::Error::other)?;
    let mut out = std::io::BufWriter::new(temp.file());
    out.write_all(MAGIC)?;
    put_str(&mut out, &index.database_id)?;
    out.write_all(&index.revision.to_le_bytes())?;
    out.write_all(&index.stamp.to_le_bytes())?;
    put_u64(&mut out, index.garbage as u64)?;
    put_u64(&mut out, index.regions.len() as u64)?;
    for r in &index.regions {
        put_str(&mut out, r)?;
    }
    put_u64(&mut out, index.desa_codes.len() as u64)?;
    for d in &index.desa_codes {
        put_str(&mut out, d)?;
    }
    put_u64(&mut out, index.elections.len() as u64)?;
    for e in &index.elections {
        put_str(&mut out, e)?;
    }
    put_u64(&mut out, index.stages.len() as u64)?;
    for s in &index.stages {
        put_str(&mut out, s)?;
    }
    out.write_all(&index.stage_election)?;
    put_u64(&mut out, index.contests.len() as u64)?;
    for c in &index.contests {
        put_str(&mut out, c)?;
    }
    put_u64(&mut out, index.ids.len() as u64)?;
    for v in &index.ids {
        out.write_all(&v.to_le_bytes())?;
    }
    for v in &index.region {
        out.write_all(&v.to_le_bytes())?;
    }
    for col in [&index.kecamatan, &index.tps] {
        put_u64(&mut out, col.len() as u64)?;
        for v in col.iter() {
            out.write_all(&v.to_le_bytes())?;
        }
    }
    put_u64(&mut out, index.desa.len() as u64)?;
    for v in &index.desa {
        out.write_all(&v.to_le_bytes())?;
    }
    put_u64(&mut out, index.moves.len() as u64)?;
    for m in &index.moves {
        out.write_all(&m.pos.to_le_bytes())?;
        out.write_all(&m.day.to_le_bytes())?;
        out.write_all(&m.from.to_le_bytes())?;
        out.write_all(&m.to.to_le_bytes())?;
    }
    for col in [
        &index.stage,
        &index.contest,
        &index.flags,
        &index.status,
        &index.suspected,
        &index.proven,
        &index.hist_len,
    ] {
        out.write_all(col)?;
    }
    for col in [&index.received, &index.known, &index.registered] {
        for v in col.iter() {
            out.write_all(&v.to_le_bytes())?;
        }
    }
    for v in &index.hist_start {
        out.write_all(&v.to_le_bytes())?;
    }
    put_u64(&mut out, index.history.len() as u64)?;
    for v in &index.history {
        out.write_all(&v.to_le_bytes())?;
    }
    out.flush()?;
    drop(out);
    temp.commit(path, Some(PRIVATE), Replace::Yes)
        .map_err(std::io::Error::other)
}

/// Reads an index written by [`write`], checking its shape. Reads straight into the columns, so
/// the file is never held twice in memory.
pub fn read(path: &Path) -> std::io::Result<CaseIndex> {
    read_with(path, true)
}

/// [`read`], skipping the status histories unless `history`.
pub fn read_with(path: &Path, history: bool) -> std::io::Result<CaseIndex> {
    // The cache is only ever a regular file pantau wrote: anything else (a FIFO) must not block.
    let file = crate::fsread::open_regular(path).map_err(|e| match e.refusal {
        crate::fsread::Refusal::Io(e) => e,
        _ => bad("not a regular file"),
    })?;
    let size = usize::try_from(file.metadata()?.len()).unwrap_or(usize::MAX);
    let mut r = std::io::BufReader::with_capacity(1 << 16, file);
    let magic = get::<8>(&mut r)?;
    if &magic != MAGIC {
        return Err(bad("not a pantau index"));
    }
    let mut index = CaseIndex {
        database_id: get_str(&mut r)?,
        revision: i64::from_le_bytes(get::<8>(&mut r)?),
        stamp: i64::from_le_bytes(get::<8>(&mut r)?),
        garbage: get_len(&mut r, usize::MAX)?,
        ..CaseIndex::default()
    };
    let n = get_len(&mut r, usize::from(crate::engine::index::DELETED))?;
    index.regions = (0..n).map(|_| get_str(&mut r)).collect::<Result<_, _>>()?;
    index.handling = crate::engine::index::handling_of(&index.regions);
    let n = get_len(&mut r, size / 2)?;
    index.desa_codes = (0..n).map(|_| get_str(&mut r)).collect::<Result<_, _>>()?;
    let n = get_len(&mut r, 256)?;
    index.elections = (0..n).map(|_| get_str(&mut r)).collect::<Result<_, _>>()?;
    let n = get_len(&mut r, 256)?;
    index.stages = (0..n).map(|_| get_str(&mut r)).collect::<Result<_, _>>()?;
    let mut stage_election = vec![0u8; n];
    r.read_exact(&mut stage_election)?;
    index.stage_election = stage_election;
    let n = get_len(&mut r, 256)?;
    index.contests = (0..n).map(|_| get_str(&mut r)).collect::<Result<_, _>>()?;
    let n = get_len(&mut r, size / 8)?;
    index.ids = numbers(&mut r, n, i64::from_le_bytes)?;
    let bytes = |r: &mut std::io::BufReader<std::fs::File>| -> std::io::Result<Vec<u8>> {
        let mut v = Vec::with_capacity(crate::engine::index::room(n));
        v.resize(n, 0);
        r.read_exact(&mut v)?;
        Ok(v)
    };
    index.region = numbers(&mut r, n, u16::from_le_bytes)?;
    let len = get_len(&mut r, n)?;
    index.kecamatan = numbers(&mut r, len, u16::from_le_bytes)?;
    let len = get_len(&mut r, n)?;
    index.tps = numbers(&mut r, len, u16::from_le_bytes)?;
    let len = get_len(&mut r, n)?;
    index.desa = numbers(&mut r, len, u32::from_le_bytes)?;
    let moves = get_len(&mut r, size / 10)?;
    index.moves = (0..moves)
        .map(|_| {
            Ok(crate::engine::index::Move {
                pos: u32::from_le_bytes(get::<4>(&mut r)?),
                day: u16::from_le_bytes(get::<2>(&mut r)?),
                from: u16::from_le_bytes(get::<2>(&mut r)?),
                to: u16::from_le_bytes(get::<2>(&mut r)?),
            })
        })
        .collect::<std::io::Result<_>>()?;
    index.stage = bytes(&mut r)?;
    index.contest = bytes(&mut r)?;
    index.flags = bytes(&mut r)?;
    index.status = bytes(&mut r)?;
    index.suspected = bytes(&mut r)?;
    index.proven = bytes(&mut r)?;
    index.hist_len = bytes(&mut r)?;
    index.received = numbers(&mut r, n, u16::from_le_bytes)?;
    index.known = numbers(&mut r, n, u16::from_le_bytes)?;
    index.registered = numbers(&mut r, n, u16::from_le_bytes)?;
    let h;
    if history {
        index.hist_start = numbers(&mut r, n, u32::from_le_bytes)?;
        h = get_len(&mut r, size / 4)?;
        index.history = numbers(&mut r, h, u32::from_le_bytes)?;
    } else {
        r.seek_relative(i64::try_from(n * 4).map_err(|_| bad("too large"))?)?;
        h = get_len(&mut r, size / 4)?;
        r.seek_relative(i64::try_from(h * 4).map_err(|_| bad("too large"))?)?;
        index.hist_len = Vec::new();
        index.without_history = true;
    }
    if r.read(&mut [0u8; 1])? != 0 {
        return Err(bad("trailing bytes"));
    }
    let offices = index.regions.len();
    let sparse_fits = |len: usize| len == 0 || len == n;
    let fits = sparse_fits(index.kecamatan.len())
        && sparse_fits(index.tps.len())
        && sparse_fits(index.desa.len())
        && index
            .kecamatan
            .iter()
            .all(|k| *k == crate::engine::index::NO_KECAMATAN || usize::from(*k) < offices)
        && index.desa.iter().all(|d| {
            *d == crate::engine::index::NO_DESA
                || usize::try_from(*d).is_ok_and(|d| d < index.desa_codes.len())
        })
        && index.moves.windows(2).all(|w| w[0].pos <= w[1].pos)
        && index.moves.iter().all(|m| {
            usize::try_from(m.pos).is_ok_and(|p| p < n)
                && usize::from(m.from) < offices
                && usize::from(m.to) < offices
        })
        && (0..n).all(|p| {
            (!history
                || (index.hist_start[p] as usize).saturating_add(usize::from(index.hist_len[p]))
                    <= h)
                && (index.region[p] == crate::engine::index::DELETED
                    || usize::from(index.region[p]) < index.regions.len())
                && usize::from(index.stage[p]) < index.stages.len()
                && (index.contest[p] == crate::engine::index::NO_CONTEST
                    || usize::from(index.contest[p]) < index.contests.len())
        })
        && index.ids.windows(2).all(|w| w[0] < w[1])
        && index
            .stage_election
            .iter()
            .all(|e| usize::from(*e) < index.elections.len());
    if !fits {
        return Err(bad("inconsistent"));
    }
    Ok(index)
}

/// `n` little-endian numbers of `N` bytes each, read a block at a time.
fn numbers<T, const N: usize>(
    r: &mut impl Read,
    n: usize,
    from: fn([u8; N]) -> T,
) -> std::io::Result<Vec<T>> {
    let mut out = Vec::with_capacity(crate::engine::index::room(n));
    let mut block = vec![0u8; N * 8192];
    let mut left = n;
    while left > 0 {
        let take = left.min(8192);
        let buf = &mut block[..take * N];
        r.read_exact(buf)?;
        out.extend(buf.chunks_exact(N).map(|c| {
            let mut a = [0u8; N];
            a.copy_from_slice(c);
            from(a)
        }));
        left -= take;
    }
    Ok(out)
}

fn bad(what: &str) -> std::io::Error {
    std::io::Error::new(std::io::ErrorKind::InvalidData, what.to_string())
}

fn put_u64(out: &mut impl Write, v: u64) -> std::io::Result<()> {
    out.write_all(&v.to_le_bytes())
}

fn put_str(out: &mut impl Write, s: &str) -> std::io::Result<()> {
    put_u64(out, s.len() as u64)?;
    out.write_all(s.as_bytes())
}

fn get<const N: usize>(r: &mut impl Read) -> std::io::Result<[u8; N]> {
    let mut b = [0u8; N];
    r.read_exact(&mut b)?;
    Ok(b)
}

fn get_len(r: &mut impl Read, max: usize) -> std::io::Result<usize> {
    let n = u64::from_le_bytes(get::<8>(r)?);
    usize::try_from(n)
        .ok()
        .filter(|n| *n <= max)
        .ok_or_else(|| bad("length out of range"))
}

fn get_str(r: &mut impl Read) -> std::io::Result<String> {
    let n = get_len(r, 1024)?;
    let mut v = vec![0u8; n];
    r.read_exact(&mut v)?;
    String::from_utf8(v).map_err(|_| bad("not UTF-8"))
}
