//! Reading a file pantau expects to be a regular file: a FIFO, a device, a folder or a socket is
//! refused (opened without blocking, then checked), and no more than a documented limit is read.

use std::io::Read;
use std::path::{Path, PathBuf};

use rustix::fs::{Mode, OFlags};

use crate::i18n::Lang;
use crate::i18n::os::os_error;

/// The most pantau reads of one kind of file, and what to do with a larger one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limit {
    pub bytes: u64,
    /// What the file is, in a sentence: "an import file".
    pub en: &'static str,
    pub id: &'static str,
    /// The way out of a larger file.
    pub way_out_en: &'static str,
    pub way_out_id: &'static str,
}

/// A configuration file (`--config`, `~/.config/pantau/config.toml`): 1 MiB.
pub const CONFIG: Limit = Limit {
    bytes: 1 << 20,
    en: "a configuration file",
    id: "berkas konfigurasi",
    way_out_en: "check that it is the right file, and shorten it",
    way_out_id: "periksa bahwa berkasnya benar, lalu perpendek",
};

/// One import file, or standard input: 2 GiB.
pub const IMPORT: Limit = Limit {
    bytes: 2 << 30,
    en: "one import file",
    id: "satu berkas impor",
    way_out_en: "split it into several files and import them one after another",
    way_out_id: "pecah menjadi beberapa berkas lalu impor satu per satu",
};

/// A reference file of `init --reference DIR`: 16 MiB.
pub const REFERENCE: Limit = Limit {
    bytes: 16 << 20,
    en: "a reference file",
    id: "berkas referensi",
    way_out_en: "check that it is the right file",
    way_out_id: "periksa bahwa berkasnya benar",
};

/// The letterhead's logo (`[letterhead] logo`), a PNG or JPEG picture: 16 MiB.
pub const LOGO: Limit = Limit {
    bytes: 16 << 20,
    en: "a letterhead's logo",
    id: "logo kop surat",
    way_out_en: "save a smaller picture of it (a few hundred pixels high is plenty)",
    way_out_id: "simpan gambar yang lebih kecil (tinggi beberapa ratus piksel sudah cukup)",
};

/// A small file pantau writes for itself (the kept baseline's description): 1 MiB.
pub const OWN: Limit = Limit {
    bytes: 1 << 20,
    en: "a file pantau keeps for itself",
    id: "berkas yang disimpan pantau untuk dirinya",
    way_out_en: "delete it; pantau writes it again when needed",
    way_out_id: "hapus berkas itu; pantau menulisnya lagi bila perlu",
};

/// Why a file was not read.
#[derive(Debug)]
pub enum Refusal {
    /// It is not a regular file; what it is instead.
    NotRegular { en: &'static str, id: &'static str },
    /// It holds more than the limit.
    TooBig(Limit),
    /// The system said no (missing, no permission, ...).
    Io(std::io::Error),
}

/// A file not read: its path and why.
#[derive(Debug)]
pub struct ReadError {
    pub path: PathBuf,
    pub refusal: Refusal,
}

impl ReadError {
    /// The message in the user's language, naming the path.
    pub fn message(&self, lang: Lang) -> String {
        match &self.refusal {
            Refusal::Io(e) => format!("{}: {}", self.path.display(), os_error(e, lang)),
            _ => format!("{} {}", self.path.display(), self.reason(lang)),
        }
    }

    /// What is wrong, without the path, in the user's language ("is a folder, ...").
    pub fn reason(&self, lang: Lang) -> String {
        match (&self.refusal, lang) {
            (Refusal::NotRegular { en, .. }, Lang::En) => format!(
                "is {en}, not a regular file; pantau reads only regular files here: name a regular file instead"
            ),
            (Refusal::NotRegular { id, .. }, Lang::Id) => format!(
                "adalah {id}, bukan berkas biasa; pantau hanya membaca berkas biasa di sini: sebutkan berkas biasa"
            ),
            (Refusal::TooBig(l), Lang::En) => format!(
                "holds more than {}, the most pantau reads of {}: {}",
                size(l.bytes),
                l.en,
                l.way_out_en
            ),
            (Refusal::TooBig(l), Lang::Id) => format!(
                "berisi lebih dari {}, batas yang dibaca pantau untuk {}: {}",
                size(l.bytes),
                l.id,
                l.way_out_id
            ),
            (Refusal::Io(e), lang) => os_error(e, lang),
        }
    }

    /// Whether the file is simply not there.
    pub fn is_not_found(&self) -> bool {
        matches!(&self.refusal, Refusal::Io(e) if e.kind() == std::io::ErrorKind::NotFound)
    }
}

/// A byte count as people read it: 1 MiB, 2 GiB, 512 bytes.
pub fn size(bytes: u64) -> String {
    match bytes {
        b if b >= 1 << 30 && b % (1 << 30) == 0 => format!("{} GiB", b >> 30),
        b if b >= 1 << 20 && b % (1 << 20) == 0 => format!("{} MiB", b >> 20),
        b => format!("{b} bytes"),
    }
}

/// Opens `path` for reading if it is a regular file. The open does not block (a FIFO with no
/// writer would wait for one forever) and does not make a terminal the controlling one.
pub fn open_regular(path: &Path) -> Result<std::fs::File, ReadError> {
    let fail = |refusal| ReadError {
        path: path.to_path_buf(),
        refusal,
    };
    let flags = OFlags::RDONLY | OFlags::NONBLOCK | OFlags::NOCTTY | OFlags::CLOEXEC;
    let fd = rustix::fs::open(path, flags, Mode::empty())
        .map_err(|e| fail(Refusal::Io(std::io::Error::from(e))))?;
    let file = std::fs::File::from(fd);
    let kind = file
        .metadata()
        .map_err(|e| fail(Refusal::Io(e)))?
        .file_type();
    if kind.is_file() {
        return Ok(file);
    }
    let (en, id) = kind_words(kind);
    Err(fail(Refusal::NotRegular { en, id }))
}

/// What a file that is not a regular one is, in English and Indonesian: `a folder`, `a named
/// pipe (FIFO)`.
pub fn kind_words(kind: std::fs::FileType) -> (&'static str, &'static str) {
    use std::os::unix::fs::FileTypeExt;
    if kind.is_dir() {
        ("a folder", "folder")
    } else if kind.is_fifo() {
        ("a named pipe (FIFO)", "pipa bernama (FIFO)")
    } else if kind.is_char_device() {
        ("a character device", "perangkat karakter")
    } else if kind.is_block_device() {
        ("a block device", "perangkat blok")
    } else if kind.is_socket() {
        ("a socket", "soket")
    } else {
        ("not a file", "bukan berkas")
    }
}

/// The bytes of the regular file at `path`, at most `limit.bytes` of them.
pub fn read(path: &Path, limit: Limit) -> Result<Vec<u8>, ReadError> {
    let file = open_regular(path)?;
    let fail = |refusal| ReadError {
        path: path.to_path_buf(),
        refusal,
    };
    // A regular file says its size: refuse one over the limit before reading a byte, and read the
    // rest into one allocation of the right size (growing a buffer by doubling would hold up to
    // twice the file and copy it several times: 64 MiB more at peak for a 40 MB import).
    let size = file.metadata().map_err(|e| fail(Refusal::Io(e)))?.len();
    if size > limit.bytes {
        return Err(fail(Refusal::TooBig(limit)));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0).saturating_add(1));
    file.take(limit.bytes.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| fail(Refusal::Io(e)))?;
    if bytes.len() as u64 > limit.bytes {
        return Err(fail(Refusal::TooBig(limit)));
    }
    Ok(bytes)
}

/// The text of the regular file at `path` (UTF-8), at most `limit.bytes` of it.
pub fn read_to_string(path: &Path, limit: Limit) -> Result<String, ReadError> {
    let bytes = read(path, limit)?;
    String::from_utf8(bytes).map_err(|_| ReadError {
        path: path.to_path_buf(),
        refusal: Refusal::Io(std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            "stream did not contain valid UTF-8",
        )),
    })
}

/// Everything `from` gives (standard input, which may be a pipe), at most `limit.bytes` of it.
pub fn read_bounded(from: impl Read, limit: Limit) -> Result<Vec<u8>, Refusal> {
    let mut bytes = Vec::new();
    from.take(limit.bytes.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(Refusal::Io)?;
    if bytes.len() as u64 > limit.bytes {
        return Err(Refusal::TooBig(limit));
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_as_people_say_them() {
        assert_eq!(size(1 << 20), "1 MiB");
        assert_eq!(size(2 << 30), "2 GiB");
        assert_eq!(size(100), "100 bytes");
    }

    #[test]
    fn a_folder_and_a_device_are_refused_and_a_file_is_read_up_to_its_limit() {
        let dir = tempfile::tempdir().unwrap();
        let e = read(dir.path(), CONFIG).unwrap_err();
        assert!(e.message(Lang::En).contains("is a folder"), "{e:?}");
        let e = read(Path::new("/dev/null"), CONFIG).unwrap_err();
        assert!(e.message(Lang::En).contains("character device"), "{e:?}");
        let small = Limit { bytes: 4, ..CONFIG };
        let f = dir.path().join("f");
        std::fs::write(&f, "1234").unwrap();
        assert_eq!(read(&f, small).unwrap(), b"1234");
        std::fs::write(&f, "12345").unwrap();
        let e = read(&f, small).unwrap_err();
        assert!(e.message(Lang::En).contains("more than 4 bytes"), "{e:?}");
    }
}
