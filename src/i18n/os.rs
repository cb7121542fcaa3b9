//! The operating system's reasons a file operation failed ("No such file or directory (os error
//! 2)"), in Bahasa Indonesia and English. The common ones have a text here; a rare one keeps the
//! system's own (English) words, and an error pantau made itself keeps its message.

use std::io::ErrorKind;

use rustix::io::Errno;

use super::Lang;

/// A reason the system gave, as pantau words it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Os {
    NotFound,
    Denied,
    Exists,
    IsFolder,
    NotFolder,
    NoSpace,
    Quota,
    ReadOnlyFs,
    Link,
    NotEmpty,
    NameTooLong,
    CrossDevice,
    Busy,
    TooManyOpen,
    Device,
}

impl Os {
    /// The reason of `e`, when it is one pantau words itself; `None` for a rare one and for an
    /// error that carries its own message.
    pub fn of(e: &std::io::Error) -> Option<Os> {
        if let Some(errno) = Errno::from_io_error(e) {
            let by_code = match errno {
                Errno::NOSPC => Some(Os::NoSpace),
                Errno::DQUOT => Some(Os::Quota),
                Errno::ROFS => Some(Os::ReadOnlyFs),
                Errno::ISDIR => Some(Os::IsFolder),
                Errno::NOTDIR => Some(Os::NotFolder),
                Errno::LOOP => Some(Os::Link),
                Errno::NOTEMPTY => Some(Os::NotEmpty),
                Errno::NAMETOOLONG => Some(Os::NameTooLong),
                Errno::XDEV => Some(Os::CrossDevice),
                Errno::BUSY | Errno::TXTBSY => Some(Os::Busy),
                Errno::MFILE | Errno::NFILE => Some(Os::TooManyOpen),
                Errno::IO => Some(Os::Device),
                _ => None,
            };
            if by_code.is_some() {
                return by_code;
            }
        } else if e.get_ref().is_some() {
            return None;
        }
        match e.kind() {
            ErrorKind::NotFound => Some(Os::NotFound),
            ErrorKind::PermissionDenied => Some(Os::Denied),
            ErrorKind::AlreadyExists => Some(Os::Exists),
            ErrorKind::IsADirectory => Some(Os::IsFolder),
            ErrorKind::NotADirectory => Some(Os::NotFolder),
            ErrorKind::StorageFull => Some(Os::NoSpace),
            ErrorKind::QuotaExceeded => Some(Os::Quota),
            ErrorKind::ReadOnlyFilesystem => Some(Os::ReadOnlyFs),
            ErrorKind::DirectoryNotEmpty => Some(Os::NotEmpty),
            ErrorKind::CrossesDevices => Some(Os::CrossDevice),
            ErrorKind::ResourceBusy | ErrorKind::ExecutableFileBusy => Some(Os::Busy),
            _ => None,
        }
    }

    /// The reason in `lang`.
    pub fn text(self, lang: Lang) -> &'static str {
        use Lang::{En, Id};
        match (self, lang) {
            (Os::NotFound, Id) => "berkas atau folder itu tidak ada",
            (Os::NotFound, En) => "no such file or folder",
            (Os::Denied, Id) => "izin ditolak",
            (Os::Denied, En) => "permission denied",
            (Os::Exists, Id) => "sudah ada",
            (Os::Exists, En) => "already exists",
            (Os::IsFolder, Id) => "itu folder, bukan berkas",
            (Os::IsFolder, En) => "is a folder, not a file",
            (Os::NotFolder, Id) => "salah satu bagian path-nya bukan folder",
            (Os::NotFolder, En) => "a part of the path is not a folder",
            (Os::NoSpace, Id) => "disk penuh, tidak ada ruang tersisa",
            (Os::NoSpace, En) => "no space left on the disk",
            (Os::Quota, Id) => "kuota disk Anda sudah habis",
            (Os::Quota, En) => "your disk quota is used up",
            (Os::ReadOnlyFs, Id) => "sistem berkasnya hanya-baca",
            (Os::ReadOnlyFs, En) => "the file system is read-only",
            (Os::Link, Id) => {
                "itu tautan simbolik (atau rangkaian tautan yang berputar); pantau tidak mengikuti tautan di sini"
            }
            (Os::Link, En) => {
                "is a symbolic link (or a loop of them); pantau does not follow links here"
            }
            (Os::NotEmpty, Id) => "folder itu tidak kosong",
            (Os::NotEmpty, En) => "the folder is not empty",
            (Os::NameTooLong, Id) => "namanya terlalu panjang",
            (Os::NameTooLong, En) => "the name is too long",
            (Os::CrossDevice, Id) => "tidak dapat dipindahkan ke sistem berkas lain",
            (Os::CrossDevice, En) => "cannot be moved to another file system",
            (Os::Busy, Id) => "sedang dipakai",
            (Os::Busy, En) => "is in use",
            (Os::TooManyOpen, Id) => "terlalu banyak berkas yang terbuka",
            (Os::TooManyOpen, En) => "too many open files",
            (Os::Device, Id) => "kesalahan baca/tulis pada perangkat (disknya mungkin rusak)",
            (Os::Device, En) => "input/output error on the device (the disk may be failing)",
        }
    }
}

/// What went wrong in `e`, in `lang`: pantau's words for a common reason, else the system's.
pub fn os_error(e: &std::io::Error, lang: Lang) -> String {
    match Os::of(e) {
        Some(os) => os.text(lang).to_owned(),
        None => e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_reasons_are_worded_and_the_rest_kept() {
        let enoent = std::io::Error::from_raw_os_error(Errno::NOENT.raw_os_error());
        assert_eq!(
            os_error(&enoent, Lang::Id),
            "berkas atau folder itu tidak ada"
        );
        let enospc = std::io::Error::from_raw_os_error(Errno::NOSPC.raw_os_error());
        assert_eq!(os_error(&enospc, Lang::En), "no space left on the disk");
        let eloop = std::io::Error::from_raw_os_error(Errno::LOOP.raw_os_error());
        assert!(os_error(&eloop, Lang::Id).contains("tautan simbolik"));
        let own = std::io::Error::new(ErrorKind::NotFound, "a message of its own");
        assert_eq!(os_error(&own, Lang::Id), "a message of its own");
        let kind = std::io::Error::from(ErrorKind::PermissionDenied);
        assert_eq!(os_error(&kind, Lang::Id), "izin ditolak");
        let rare = std::io::Error::from_raw_os_error(Errno::NOEXEC.raw_os_error());
        assert!(os_error(&rare, Lang::Id).contains("os error"));
    }
}
