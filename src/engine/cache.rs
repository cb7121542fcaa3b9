//! Keeps a column index on disk in the user's cache folder, so that a short-lived command (`report`)
//! or a starting TUI reads a few megabytes instead of scanning a million cases. Never trusted:
//! a file that does not parse, or belongs to another database, is rebuilt from SQLite.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::domain::Reference;
use crate::engine::index::{CaseIndex, IndexError, Refresh, SPOT_CHECKS};
use crate::i18n::cache::{CacheSays, Unfit};
use crate::store::Store;

/// Version 7: a CRC-32 of the columns (and one of the status histories) follows them, so that a
/// copy changed on disk or in the database by anything but pantau is not read: the shape checks
/// and the spot check of a few cases let a changed value through. Version 4: each case's
/// election (through its stage, numbered among every election's stages) and contest, its
/// deadlines counted under that election's limits. Files marked version 3 were
/// written in two layouts by earlier builds, so neither is read. Version 2 added the stamp of the
/// newest change-log entry after the revision. A file of an earlier version is not read: the
/// index is built again.
const MAGIC: &[u8; 8] = b"PNTUIDX\x07";

/// Below this many cases the index is built in a few milliseconds, about what reading a cache
/// file costs: no cache file is kept for it. (A database pantau wrote holds its own copy; the
/// cache file serves those that do not, and readers that replayed many changes.)
pub const WORTH_CACHING: i64 = 2_000;

/// Where the index of the database at `db` is kept: `$XDG_CACHE_HOME/pantau/index/<hash>.idx`.
pub fn cache_path(db: &Path) -> Option<PathBuf> {
    let dirs = directories::ProjectDirs::from("", "", "pantau")?;
    let canonical = std::fs::canonicalize(db).ok()?;
    let hash = Sha256::digest(canonical.to_string_lossy().as_bytes());
    let name: String = hash[..12].iter().map(|b| format!("{b:02x}")).collect();
    Some(dirs.cache_dir().join("index").join(format!("{name}.idx")))
}

/// How far behind the cases (in entries of the change log) the index saved in the database may
/// fall before a writer saves it again: the first reader after a write reads at most about this
/// many cases again rather than every case.
pub const SAVE_AFTER: i64 = 256;

/// The index of the database `store` reads: the copy that reaches furthest (the one saved in the
/// database by its last large write, or the user's cache file) brought up to date and checked on
/// a few cases, or a new one. The cache file is rewritten when the index changed and the
/// database is large enough to be worth it. Without `history` the status histories are not read
/// (half of the index), for a view of the current status. Cache trouble (unreadable, unwritable
/// folder) never fails the caller.
pub fn load(store: &Store, reference: &Reference, history: bool) -> Result<CaseIndex, IndexError> {
    load_keeping(store, reference, history, true)
}

/// [`load`]; the user's cache file is written only with `keep`.
fn load_keeping(
    store: &Store,
    reference: &Reference,
    history: bool,
    keep: bool,
) -> Result<CaseIndex, IndexError> {
    let db = store.path();
    // Only a folder of this user's own holds a cache, and only a file of the user's own that
    // nobody else may change is read: another user could otherwise plant figures.
    let path = cache_path(db).filter(|p| private_folder(p));
    let file = path.as_deref().filter(|p| trusted_file(p));
    let file_reach = file.and_then(|p| {
        let f = crate::fsread::open_regular(p).ok()?;
        header(&mut std::io::BufReader::new(f)).ok()
    });
    let saved_reach = saved_header(store)?;
    let from_file = match (&file_reach, &saved_reach) {
        (Some(f), Some(s)) => f.revision >= s.revision,
        (Some(_), None) => true,
        _ => false,
    };
    let copy = if from_file {
        file.and_then(|p| read_with(p, history).ok())
    } else if saved_reach.is_some() {
        read_saved(store, history)?
    } else {
        None
    };
    let (mut index, mut changed, copied) = match copy {
        Some(mut index) => {
            let refresh = index.refresh(store, reference)?;
            let copied = refresh != Refresh::Rebuilt;
            (index, refresh != Refresh::Current, copied)
        }
        None => (CaseIndex::build(store, reference)?, true, false),
    };
    // A copy caught up with the change log is checked too: it is the same copy, and what it
    // held before the changes it read is what may be wrong.
    if copied && index.agrees_with(store, reference, SPOT_CHECKS)? == Some(false) {
        crate::log::warn(
            &CacheSays::Disagrees {
                db,
                in_file: from_file,
            }
            .text(crate::log::lang()),
        );
        index = CaseIndex::build(store, reference)?;
        changed = true;
    }
    let worth = index.ids.len() >= WORTH_CACHING as usize;
    if changed
        && keep
        && worth
        && !index.without_history
        && let Some(p) = path
    {
        // Written 0600 whatever the umask (it is read back only if no one else may change it).
        let _ = write(&p, &index);
    }
    Ok(index)
}

/// How far the index saved in the database reaches, if one is saved and readable.
fn saved_header(store: &Store) -> Result<Option<Header>, IndexError> {
    crate::engine::sql::index::in_one_read(store, || saved_header_now(store))
}

/// [`saved_header`], read in the caller's transaction.
fn saved_header_now(store: &Store) -> Result<Option<Header>, IndexError> {
    let head = crate::engine::sql::index::saved_index(store, |r, _| header(r).ok())?;
    Ok(head.flatten())
}

/// What the database holds where a saved index goes, when it cannot be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unread {
    /// Nothing: no saved index.
    Absent,
    /// A copy in another version's format (pantau's mark, another version byte).
    OtherVersion,
    /// Something that is not a whole copy in this version's format: cut short, or changed by
    /// something other than pantau (its checksum or its shape is wrong).
    Damaged,
}

/// Why the saved index could not be read: absent, of another version, or damaged.
pub fn saved_unread(store: &Store) -> Result<Unread, IndexError> {
    let mark = crate::engine::sql::index::in_one_read(store, || {
        crate::engine::sql::index::saved_index(store, |r, _| {
            let mut mark = [0u8; 8];
            r.read_exact(&mut mark).ok().map(|()| mark)
        })
    })?;
    Ok(match mark {
        None => Unread::Absent,
        Some(Some(m)) if m[..7] == MAGIC[..7] && m[7] != MAGIC[7] => Unread::OtherVersion,
        Some(_) => Unread::Damaged,
    })
}

/// The index saved in the database, if one is and it reads whole.
pub fn read_saved(store: &Store, history: bool) -> Result<Option<CaseIndex>, IndexError> {
    let read = crate::engine::sql::index::in_one_read(store, || {
        crate::engine::sql::index::saved_index(store, |r, size| decode(r, size, history).ok())
    })?;
    Ok(read.flatten())
}

/// Saves the index in the database for the readers that come after a write (see
/// [`SAVE_AFTER`]), when the one saved there is missing, of another history or behind by more
/// than that. Says whether it saved. A database whose cases the index cannot hold saves none.
pub fn save_in_database(store: &Store, reference: &Reference) -> Result<bool, IndexError> {
    if !worth_saving(store)? {
        return Ok(false);
    }
    let index = match load_keeping(store, reference, true, false) {
        Ok(ix) => ix,
        Err(IndexError::Unsupported(_)) => return Ok(false),
        Err(e) => return Err(e),
    };
    let mut bytes = Vec::with_capacity(index.heap_bytes() + 4096);
    if encode(&mut bytes, &index).is_err() {
        return Ok(false);
    }
    Ok(crate::engine::sql::index::save_index(
        store,
        &bytes,
        index.revision,
        index.stamp,
        index.len(),
    )?)
}

/// Whether the index saved in `store` is missing, of another history or more than
/// [`SAVE_AFTER`] entries behind, in a database this process may write with the index in use:
/// two small reads, so that a writer asks it after every write.
fn worth_saving(store: &Store) -> Result<bool, IndexError> {
    if store.is_read_only() || crate::engine::index_disabled() {
        return Ok(false);
    }
    let behind = crate::engine::sql::index::in_one_read(store, || {
        let (_, max, _) = crate::engine::sql::index::database_state(store)?;
        let Some(head) = saved_header_now(store)? else {
            return Ok::<_, IndexError>(i64::MAX);
        };
        let same = head.revision > 0
            && crate::engine::sql::index::stamp_at(store, head.revision)? == Some(head.stamp);
        Ok(if same { max - head.revision } else { i64::MAX })
    })?;
    Ok(behind >= SAVE_AFTER)
}

/// Why `path` (not following a link) may not be trusted: `None` when it belongs to this
/// process's real user, is a regular file (or a folder with `dir`) and no one else may write it.
/// A path that is missing, or of another kind, counts as another's: the way out is the same.
fn unfit(path: &Path, dir: bool) -> Option<Unfit> {
    use std::os::unix::fs::MetadataExt;
    let Ok(m) = std::fs::symlink_metadata(path) else {
        return Some(Unfit::Others);
    };
    if m.file_type().is_symlink() {
        Some(Unfit::Link)
    } else if m.uid() != nix::unistd::getuid().as_raw()
        || !(if dir { m.is_dir() } else { m.is_file() })
    {
        Some(Unfit::Others)
    } else if m.mode() & 0o022 != 0 {
        Some(Unfit::Open {
            mode: m.mode() & 0o7777,
        })
    } else {
        None
    }
}

/// Whether a cache file at `path` may be trusted: the user's own, written by no one else. A file
/// that is there but is not says so, with the way out (it is ignored and never overwritten in
/// place).
pub fn trusted_file(path: &Path) -> bool {
    if std::fs::symlink_metadata(path).is_err() {
        return false;
    }
    match unfit(path, false) {
        None => true,
        Some(why) => {
            crate::log::warn(&CacheSays::FileUnfit { path, why }.text(crate::log::lang()));
            false
        }
    }
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
    // The folder at fault is named, the one above first (`chmod` of `…/pantau` fixes both).
    for dir in [pantau_dir, index_dir] {
        if let Some(why) = unfit(dir, true) {
            crate::log::warn(&CacheSays::FolderUnfit { path: dir, why }.text(crate::log::lang()));
            return false;
        }
    }
    true
}

/// Writes the index to `path` through a private temporary file, so a reader never sees half of it;
/// the folder and the file are the user's own (the index holds case data).
pub fn write(path: &Path, index: &CaseIndex) -> std::io::Result<()> {
    use crate::fs_safe::{PRIVATE, Replace, Temp, folder_of, private_dir};
    let dir = folder_of(path);
    private_dir(&dir).map_err(std::io::Error::other)?;
    let mut temp = Temp::new_in(&dir, PRIVATE).map_err(std::io::Error::other)?;
    let mut out = std::io::BufWriter::new(temp.file());
    encode(&mut out, index)?;
    out.flush()?;
    drop(out);
    temp.commit(path, Some(PRIVATE), Replace::Yes)
        .map_err(std::io::Error::other)
}

/// The index in the cache's format (what [`decode`] reads).
pub fn encode(out: impl Write, index: &CaseIndex) -> std::io::Result<()> {
    let mut out = Summed::new(out);
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
    out.put_sum()?;
    for v in &index.hist_start {
        out.write_all(&v.to_le_bytes())?;
    }
    put_u64(&mut out, index.history.len() as u64)?;
    for v in &index.history {
        out.write_all(&v.to_le_bytes())?;
    }
    out.put_sum()
}

/// A writer that keeps a CRC-32 of what went through it since its last [`Summed::put_sum`].
struct Summed<W> {
    inner: W,
    crc: crc32fast::Hasher,
}

impl<W: Write> Summed<W> {
    fn new(inner: W) -> Summed<W> {
        Summed {
            inner,
            crc: crc32fast::Hasher::new(),
        }
    }

    /// Writes the sum of everything since the last one, and starts the next.
    fn put_sum(&mut self) -> std::io::Result<()> {
        let sum = std::mem::take(&mut self.crc).finalize();
        self.inner.write_all(&sum.to_le_bytes())
    }
}

impl<W: Write> Write for Summed<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.crc.update(&buf[..n]);
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

/// A reader that keeps a CRC-32 of what it read since its last [`Checked::check_sum`].
struct Checked<R> {
    inner: R,
    crc: crc32fast::Hasher,
}

impl<R: std::io::BufRead + std::io::Seek> Checked<R> {
    /// Reads a sum and compares it with that of everything read since the last one.
    fn check_sum(&mut self) -> std::io::Result<()> {
        let sum = std::mem::take(&mut self.crc).finalize();
        let mut stored = [0u8; 4];
        self.inner.read_exact(&mut stored)?;
        if u32::from_le_bytes(stored) == sum {
            Ok(())
        } else {
            Err(bad("checksum"))
        }
    }

    /// Passes over `n` bytes unread (and unsummed: a part skipped is not checked either).
    fn skip(&mut self, n: usize) -> std::io::Result<()> {
        self.inner
            .seek_relative(i64::try_from(n).map_err(|_| bad("too large"))?)
    }
}

impl<R: Read> Read for Checked<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.crc.update(&buf[..n]);
        Ok(n)
    }
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
    decode(file, size, history)
}

/// Who an encoded index belongs to and how far it reaches: the database's identity, the
/// revision and the stamp of the change log's entry it was made at.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Header {
    pub database_id: String,
    pub revision: i64,
    pub stamp: i64,
}

/// The header of an encoded index, read without the rest.
pub fn header(r: &mut (impl Read + ?Sized)) -> std::io::Result<Header> {
    let magic = get::<8>(r)?;
    if &magic != MAGIC {
        return Err(bad("not a pantau index"));
    }
    Ok(Header {
        database_id: get_str(r)?,
        revision: i64::from_le_bytes(get::<8>(r)?),
        stamp: i64::from_le_bytes(get::<8>(r)?),
    })
}

/// Reads an index of `size` bytes encoded by [`encode`], checking its shape; the status
/// histories are skipped unless `history`.
pub fn decode(
    source: impl Read + std::io::Seek,
    size: usize,
    history: bool,
) -> std::io::Result<CaseIndex> {
    let mut r = Checked {
        inner: std::io::BufReader::with_capacity(1 << 16, source),
        crc: crc32fast::Hasher::new(),
    };
    let head = header(&mut r)?;
    let mut index = CaseIndex {
        database_id: head.database_id,
        revision: head.revision,
        stamp: head.stamp,
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
    let n = get_len(&mut r, size / 4)?;
    index.ids = numbers(&mut r, n, u32::from_le_bytes)?;
    let bytes = |r: &mut dyn Read| -> std::io::Result<Vec<u8>> {
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
    r.check_sum()?;
    let h;
    if history {
        index.hist_start = numbers(&mut r, n, u32::from_le_bytes)?;
        h = get_len(&mut r, size / 4)?;
        index.history = numbers(&mut r, h, u32::from_le_bytes)?;
        r.check_sum()?;
    } else {
        r.skip(n.saturating_mul(4))?;
        h = get_len(&mut r, size / 4)?;
        r.skip(h.saturating_mul(4).saturating_add(4))?;
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
                && usize::from(index.status[p]) < crate::domain::Status::ALL.len()
                && [index.suspected[p], index.proven[p]].iter().all(|t| {
                    *t == crate::engine::index::NO_TYPE
                        || usize::from(*t) < crate::domain::TypeGroup::ALL.len()
                })
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
    // No larger than the numbers need: a small database's columns are a few KiB, not the
    // 32 KiB a full block is zeroed for.
    let mut block = vec![0u8; N * n.min(8192)];
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

fn get<const N: usize>(r: &mut (impl Read + ?Sized)) -> std::io::Result<[u8; N]> {
    let mut b = [0u8; N];
    r.read_exact(&mut b)?;
    Ok(b)
}

fn get_len(r: &mut (impl Read + ?Sized), max: usize) -> std::io::Result<usize> {
    let n = u64::from_le_bytes(get::<8>(r)?);
    usize::try_from(n)
        .ok()
        .filter(|n| *n <= max)
        .ok_or_else(|| bad("length out of range"))
}

fn get_str(r: &mut (impl Read + ?Sized)) -> std::io::Result<String> {
    let n = get_len(r, 1024)?;
    let mut v = vec![0u8; n];
    r.read_exact(&mut v)?;
    String::from_utf8(v).map_err(|_| bad("not UTF-8"))
}

/// [`save_in_database`] after a command wrote cases, so that the readers that follow find the
/// index there. Trouble is only logged: the cases are written, and a reader builds the index
/// itself when no copy is saved.
pub fn keep_for_readers(store: &Store) {
    // The reference data is read only when there is something to save (`simulate` asks after
    // every case it writes).
    let saved = worth_saving(store).and_then(|worth| match worth {
        false => Ok(false),
        true => store
            .reference()
            .map_err(IndexError::from)
            .and_then(|reference| save_in_database(store, &reference)),
    });
    if let Err(IndexError::Sql(e)) = saved {
        let lang = crate::log::lang();
        crate::log::warn(
            &CacheSays::NotSaved {
                db: store.path(),
                error: &e.message(lang),
            }
            .text(lang),
        );
    }
}
