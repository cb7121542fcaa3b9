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
        }
    }
}
