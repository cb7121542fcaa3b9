//! The messages of handling offices and their history (pelimpahan): `pantau limpah`, its
//! mistakes, and the detail's "handled by" block. Bahasa Indonesia and English side by side; a
//! variant without both texts does not compile.

use chrono::NaiveDate;

use super::Lang;

/// A date as the command line and the detail write it: `12/01/2024`.
fn day(d: NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

/// A message about who handles a case.
#[derive(Clone, Copy, Debug)]
pub enum Offices<'a> {
    /// No case has this intake number.
    CaseNotFound { nomor: &'a str },
    /// No office of the database is written so; `near`: the nearest ones (may be empty).
    UnknownOffice { typed: &'a str, near: &'a str },
    /// Several offices carry this name; `candidates`: each with its code.
    AmbiguousOffice { typed: &'a str, candidates: &'a str },
    /// A date that cannot be read.
    BadDate { typed: &'a str },
    /// The date is before the case was received.
    BeforeReceipt { on: NaiveDate, received: NaiveDate },
    /// The date is before the case's last transfer.
    BeforeLast { on: NaiveDate, last: NaiveDate },
    /// The date is after today.
    InFuture { on: NaiveDate, today: NaiveDate },
    /// The office named already handles the case.
    SameOffice { office: &'a str },
    /// A take-over by an office that is not above the one handling the case.
    NotAbove { from: &'a str, to: &'a str },
    /// What was recorded (`kind`: its label).
    Recorded {
        nomor: &'a str,
        kind: &'a str,
        on: NaiveDate,
        from: &'a str,
        to: &'a str,
    },
    /// What `--dry-run` would record.
    WouldRecord {
        nomor: &'a str,
        kind: &'a str,
        on: NaiveDate,
        from: &'a str,
        to: &'a str,
    },
    /// The heading of a case's chain.
    ChainOf { nomor: &'a str },
    /// The office that received the case (the chain's start).
    ReceivedBy { office: &'a str, on: NaiveDate },
    /// The office handling the case now (the chain's end).
    HandledNow { office: &'a str },
    /// A case never transferred.
    NeverTransferred,
    /// A transfer (the kind of history entry).
    KindDilimpahkan,
    /// A take-over.
    KindDiambilAlih,
    /// The word before a letter number.
    Letter,
    /// Who recorded an entry.
    By { who: &'a str },
    /// The heading of the detail's block.
    HandledBy,
    /// An entry of a file's handling history (`pelimpahan`), counted from 1, and what is wrong.
    ChainEntry { entry: usize, why: &'a str },
    /// An entry that cannot be read.
    ChainUnreadable { value: &'a str },
    /// Neither kind of entry.
    ChainKind { value: &'a str },
    /// An entry dated before the one above it.
    ChainOrder { on: NaiveDate, last: NaiveDate },
    /// An entry from an office to itself.
    ChainSame { office: &'a str },
    /// A take-over by an office not above the one it comes from.
    ChainNotAbove { from: &'a str, to: &'a str },
    /// An entry not starting where the one above ends.
    ChainBroken { from: &'a str, previous: &'a str },
    /// A history not ending at the row's office.
    ChainEnd { to: &'a str, office: &'a str },
    /// An entry that does not follow the history the database holds.
    ChainStored { last: &'a str },
}

impl Offices<'_> {
    /// The message in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        use Lang::{En, Id};
        match (*self, lang) {
            (Self::CaseNotFound { nomor }, Id) => format!(
                "tidak ada kasus bernomor \"{nomor}\"; tulis nomor penerimaan persis seperti di daftar kasus"
            ),
            (Self::CaseNotFound { nomor }, En) => format!(
                "no case has the intake number \"{nomor}\"; write it exactly as the case list shows it"
            ),
            (Self::UnknownOffice { typed, near: "" }, Id) => format!(
                "kantor \"{typed}\" tidak ada di database ini; tulis kode (64.72, 64.72.01) atau nama kabupaten/kota, provinsi atau kecamatan"
            ),
            (Self::UnknownOffice { typed, near }, Id) => {
                format!("kantor \"{typed}\" tidak ada di database ini; maksud Anda {near}?")
            }
            (Self::UnknownOffice { typed, near: "" }, En) => format!(
                "no office \"{typed}\" in this database; write a code (64.72, 64.72.01) or the name of a kabupaten/kota, province or kecamatan"
            ),
            (Self::UnknownOffice { typed, near }, En) => {
                format!("no office \"{typed}\" in this database; did you mean {near}?")
            }
            (Self::AmbiguousOffice { typed, candidates }, Id) => {
                format!("\"{typed}\" bisa berarti beberapa kantor: {candidates}; tulis kodenya")
            }
            (Self::AmbiguousOffice { typed, candidates }, En) => {
                format!("\"{typed}\" names several offices: {candidates}; write its code")
            }
            (Self::BadDate { typed }, Id) => {
                format!("tanggal \"{typed}\" tidak terbaca; tulis YYYY-MM-DD atau DD/MM/YYYY")
            }
            (Self::BadDate { typed }, En) => {
                format!("cannot read the date \"{typed}\"; write YYYY-MM-DD or DD/MM/YYYY")
            }
            (Self::BeforeReceipt { on, received }, Id) => format!(
                "tanggal {} sebelum kasus diterima ({}); pelimpahan tidak bisa mendahului penerimaan",
                day(on),
                day(received)
            ),
            (Self::BeforeReceipt { on, received }, En) => format!(
                "{} is before the case was received ({}); a transfer cannot come before receipt",
                day(on),
                day(received)
            ),
            (Self::BeforeLast { on, last }, Id) => format!(
                "tanggal {} sebelum pelimpahan terakhir kasus ini ({}); riwayat dicatat berurutan",
                day(on),
                day(last)
            ),
            (Self::BeforeLast { on, last }, En) => format!(
                "{} is before this case's last transfer ({}); the history is recorded in order",
                day(on),
                day(last)
            ),
            (Self::InFuture { on, today }, Id) => format!(
                "tanggal {} belum tiba (hari ini {}); catat pelimpahan pada hari berlakunya",
                day(on),
                day(today)
            ),
            (Self::InFuture { on, today }, En) => format!(
                "{} has not come yet (today is {}); record a transfer on the day it takes effect",
                day(on),
                day(today)
            ),
            (Self::SameOffice { office }, Id) => {
                format!("kasus ini sudah ditangani {office}; pilih kantor lain")
            }
            (Self::SameOffice { office }, En) => {
                format!("{office} already handles this case; name another office")
            }
            (Self::NotAbove { from, to }, Id) => format!(
                "{to} tidak berada di atas {from}, jadi tidak bisa mengambil alih; gunakan pelimpahan (tanpa --ambil-alih)"
            ),
            (Self::NotAbove { from, to }, En) => format!(
                "{to} is not above {from}, so it cannot take the case over; record a transfer (without --take-over)"
            ),
            (
                Self::Recorded {
                    nomor,
                    kind,
                    on,
                    from,
                    to,
                },
                Id,
            ) => format!("{nomor}: {kind} {} dari {from} ke {to}", day(on)),
            (
                Self::Recorded {
                    nomor,
                    kind,
                    on,
                    from,
                    to,
                },
                En,
            ) => format!("{nomor}: {kind} on {} from {from} to {to}", day(on)),
            (
                Self::WouldRecord {
                    nomor,
                    kind,
                    on,
                    from,
                    to,
                },
                Id,
            ) => format!(
                "{nomor}: akan {kind} {} dari {from} ke {to} (uji coba, tidak ada yang ditulis)",
                day(on)
            ),
            (
                Self::WouldRecord {
                    nomor,
                    kind,
                    on,
                    from,
                    to,
                },
                En,
            ) => format!(
                "{nomor}: would be {kind} on {} from {from} to {to} (dry run, nothing written)",
                day(on)
            ),
            (Self::ChainOf { nomor }, Id) => format!("Penanganan {nomor}"),
            (Self::ChainOf { nomor }, En) => format!("Handling of {nomor}"),
            (Self::ReceivedBy { office, on }, Id) => {
                format!("diterima {} oleh {office}", day(on))
            }
            (Self::ReceivedBy { office, on }, En) => {
                format!("received {} by {office}", day(on))
            }
            (Self::HandledNow { office }, Id) => format!("ditangani sekarang oleh {office}"),
            (Self::HandledNow { office }, En) => format!("handled now by {office}"),
            (Self::NeverTransferred, Id) => "belum pernah dilimpahkan".into(),
            (Self::NeverTransferred, En) => "never transferred".into(),
            (Self::KindDilimpahkan, Id) => "dilimpahkan".into(),
            (Self::KindDilimpahkan, En) => "transferred".into(),
            (Self::KindDiambilAlih, Id) => "diambil alih".into(),
            (Self::KindDiambilAlih, En) => "taken over".into(),
            (Self::Letter, Id) => "surat".into(),
            (Self::Letter, En) => "letter".into(),
            (Self::By { who }, Id) => format!("dicatat oleh {who}"),
            (Self::By { who }, En) => format!("recorded by {who}"),
            (Self::HandledBy, Id) => "Penanganan".into(),
            (Self::HandledBy, En) => "Handled by".into(),
            (Self::ChainEntry { entry, why }, Id) => format!("pelimpahan ke-{entry}: {why}"),
            (Self::ChainEntry { entry, why }, En) => format!("transfer {entry}: {why}"),
            (Self::ChainUnreadable { value }, Id) => format!(
                "\"{value}\" tidak terbaca; tulis satu pelimpahan per baris: TANGGAL DARI>KE \
                 dilimpahkan|diambil_alih [\"nomor surat\"], misalnya 2024-01-20 64.72>64 dilimpahkan"
            ),
            (Self::ChainUnreadable { value }, En) => format!(
                "cannot read \"{value}\"; write one transfer per line: DATE FROM>TO \
                 dilimpahkan|diambil_alih [\"letter number\"], e.g. 2024-01-20 64.72>64 dilimpahkan"
            ),
            (Self::ChainKind { value }, Id) => {
                format!("\"{value}\" bukan dilimpahkan atau diambil_alih")
            }
            (Self::ChainKind { value }, En) => {
                format!("\"{value}\" is neither dilimpahkan nor diambil_alih")
            }
            (Self::ChainOrder { on, last }, Id) => format!(
                "tanggal {} sebelum pelimpahan di atasnya ({}); tulis riwayat berurutan, yang terlama dulu",
                day(on),
                day(last)
            ),
            (Self::ChainOrder { on, last }, En) => format!(
                "{} is before the transfer above it ({}); write the history in order, oldest first",
                day(on),
                day(last)
            ),
            (Self::ChainSame { office }, Id) => {
                format!("dari {office} ke {office} sendiri; kantor tujuan harus lain")
            }
            (Self::ChainSame { office }, En) => {
                format!("from {office} to {office} itself; the office taking it must be another")
            }
            (Self::ChainNotAbove { from, to }, Id) => format!(
                "{to} tidak berada di atas {from}, jadi tidak bisa mengambil alih; tulis dilimpahkan"
            ),
            (Self::ChainNotAbove { from, to }, En) => format!(
                "{to} is not above {from}, so it cannot take the case over; write dilimpahkan"
            ),
            (Self::ChainBroken { from, previous }, Id) => format!(
                "berangkat dari {from}, padahal pelimpahan di atasnya berakhir di {previous}; \
                 setiap pelimpahan berangkat dari kantor tujuan pelimpahan sebelumnya"
            ),
            (Self::ChainBroken { from, previous }, En) => format!(
                "starts from {from}, but the transfer above it ends at {previous}; each transfer \
                 starts at the office the one before it went to"
            ),
            (Self::ChainEnd { to, office }, Id) => format!(
                "berakhir di {to}, padahal kode_wilayah baris ini {office}; pelimpahan terakhir \
                 berakhir di kantor yang kini menangani kasus"
            ),
            (Self::ChainEnd { to, office }, En) => format!(
                "ends at {to}, but this row's kode_wilayah is {office}; the last transfer ends at \
                 the office handling the case now"
            ),
            (Self::ChainStored { last }, Id) => format!(
                "tidak menyambung riwayat penanganan yang tersimpan untuk kasus ini (terakhir: \
                 {last}); berkas harus memuat riwayat itu lalu menambahkannya"
            ),
            (Self::ChainStored { last }, En) => format!(
                "does not continue the handling history stored for this case (last: {last}); \
                 the file must hold that history and add to it"
            ),
        }
    }
}
