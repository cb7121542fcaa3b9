//! The messages about a view spec (the filter language: `wilayah:kukar is:overdue`), in Bahasa
//! Indonesia and English. Each names the 1-based character position of the mistake; a variant
//! without both texts does not compile.

use super::Lang;
use super::core::Core;

/// What a value of a view spec should have named.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Named {
    Region,
    Stage,
    Type,
    Status,
    Source,
    /// An `is:` flag.
    Flag,
    /// A `sort:` key.
    SortKey,
    /// A step after forwarding (`lanjut:`).
    FollowUp,
    /// An election (`pemilihan:`).
    Election,
    /// A race of an election (`kontestasi:`).
    Contest,
    /// A kecamatan (`kecamatan:`).
    Kecamatan,
    /// A kelurahan/desa (`desa:`).
    Desa,
    /// A province (`provinsi:`).
    Province,
}

impl Named {
    /// The word for it in `lang`.
    pub fn text(self, lang: Lang) -> &'static str {
        use Lang::{En, Id};
        match (self, lang) {
            (Self::Region, Id) => "wilayah",
            (Self::Region, En) => "region",
            (Self::Stage, Id) => "tahapan",
            (Self::Stage, En) => "stage",
            (Self::Type, Id) => "jenis",
            (Self::Type, En) => "type",
            (Self::Status, Id | En) => "status",
            (Self::Source, Id) => "sumber",
            (Self::Source, En) => "source",
            (Self::Flag, Id) => "penanda",
            (Self::Flag, En) => "flag",
            (Self::SortKey, Id) => "kunci urutan",
            (Self::SortKey, En) => "sort key",
            (Self::FollowUp, Id) => "tahap tindak lanjut",
            (Self::FollowUp, En) => "follow-up step",
            (Self::Election, Id) => "pemilihan",
            (Self::Election, En) => "election",
            (Self::Contest, Id) => "kontestasi",
            (Self::Contest, En) => "contest",
            (Self::Kecamatan, _) => "kecamatan",
            (Self::Desa, _) => "kelurahan/desa",
            (Self::Province, Id) => "provinsi",
            (Self::Province, En) => "province",
        }
    }
}

/// A mistake in a view spec, with the values it shows (`pos`: a 1-based character position).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Spec {
    /// A double quote that is never closed.
    UnterminatedQuote { pos: usize },
    /// `key:` with nothing after it, or an empty value in a list.
    EmptyValue { key: String, pos: usize },
    /// A lone `-`.
    NothingAfterMinus { pos: usize },
    /// `-@name`: a saved view where it cannot be used.
    SavedViewHere { typed: String, pos: usize },
    /// `""`.
    EmptyPhrase { pos: usize },
    /// A text word with no letter or digit (`(`, `*`, `--`): it would search for nothing.
    NothingToSearch { text: String, pos: usize },
    /// `AND`, `OR` or `NOT` typed bare between words.
    BooleanWord { word: String, pos: usize },
    /// `is:` with several values.
    SingleValue { typed: String, pos: usize },
    /// A date or sort key negated or given several values.
    NotNegatable { typed: String, pos: usize },
    /// A key pantau does not know.
    UnknownKey { typed: String, pos: usize },
    /// A key near none of the keys: they are listed, in each language.
    UnknownKeyListed {
        typed: String,
        pos: usize,
        keys_id: String,
        keys_en: String,
    },
    /// A value that names nothing of its kind.
    NoMatch {
        what: Named,
        text: String,
        pos: usize,
    },
    /// A value that names nothing of its kind, nor comes near a name: the names it may take.
    NoMatchChoices {
        what: Named,
        text: String,
        pos: usize,
        choices: String,
    },
    /// A date outside what pantau takes.
    DateOutOfRange {
        text: String,
        pos: usize,
        max_days: u32,
    },
    /// Not a date.
    BadDate { text: String, pos: usize },
    /// A contest that no election the view names holds: the elections that do.
    ContestOfOtherElection {
        text: String,
        pos: usize,
        elections: String,
    },
    /// `-pemilihan:semua`: a term that leaves out every election, so nothing could be counted.
    NoElectionLeft { typed: String, pos: usize },
    /// `pekan:` with something that is not a number or a range of numbers.
    BadPekan { text: String, pos: usize },
    /// A place name several kecamatan (or desa) in view share: each with its code.
    AmbiguousPlace {
        text: String,
        pos: usize,
        choices: String,
    },
    /// `tps:` with something that is not a TPS number.
    BadTps { text: String, pos: usize },
    /// `pekan:` with a number the campaign does not have (`days_*`: the campaign's dates).
    PekanOutOfRange {
        text: String,
        pos: usize,
        count: u32,
        days_id: String,
        days_en: String,
    },
    /// `pekan:` while the reference data gives the campaign stage no dates.
    NoCampaign { pos: usize },
    /// `is:new` while no meeting baseline is in force.
    NewNeedsBaseline { pos: usize },
    /// A key that may be given once, given twice.
    GivenTwice {
        typed: String,
        first: usize,
        pos: usize,
    },
    /// Saved views that name each other in a circle.
    SavedCircle { pos: usize, circle: String },
    /// `@name` names no saved view; `listed_id`/`listed_en` say where the saved views are (each
    /// a text of the catalogue already).
    NoSavedView {
        name: String,
        listed_id: String,
        listed_en: String,
    },
    /// Saved views that grow too long.
    SavedTooLong { pos: usize, max: usize },
    /// `-@name`.
    SavedNegated { pos: usize, text: String },
    /// `@` without a name.
    AtWithoutName { pos: usize },
}

impl Spec {
    /// The message in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        use Lang::{En, Id};
        match (self, lang) {
            (Self::UnterminatedQuote { pos }, Id) => {
                format!("tanda kutip tidak ditutup di posisi {pos}")
            }
            (Self::UnterminatedQuote { pos }, En) => format!("unterminated quote at {pos}"),
            (Self::EmptyValue { key, pos }, Id) => {
                format!("nilai kosong untuk \"{key}\" di posisi {pos}")
            }
            (Self::EmptyValue { key, pos }, En) => {
                format!("empty value for \"{key}\" at {pos}")
            }
            (Self::NothingAfterMinus { pos }, Id) => {
                format!("tidak ada apa pun setelah \"-\" di posisi {pos}")
            }
            (Self::NothingAfterMinus { pos }, En) => format!("nothing after \"-\" at {pos}"),
            (Self::SavedViewHere { typed, pos }, Id) => format!(
                "{typed} di posisi {pos} menyebut tampilan tersimpan, yang tidak dapat dipakai di sini; untuk mencari teksnya, beri tanda kutip: \"{typed}\""
            ),
            (Self::SavedViewHere { typed, pos }, En) => format!(
                "{typed} at {pos} names a saved view, which cannot be used here; to search for the text, quote it: \"{typed}\""
            ),
            (Self::NothingToSearch { text, pos }, Id) => format!(
                "tidak ada yang dicari dalam \"{text}\" di posisi {pos}: kata pencarian perlu huruf atau angka"
            ),
            (Self::NothingToSearch { text, pos }, En) => format!(
                "nothing to search for in \"{text}\" at {pos}: a search word needs a letter or a digit"
            ),
            (Self::BooleanWord { word, pos }, Id) => format!(
                "\"{word}\" di posisi {pos} bukan operator: setiap kata harus cocok; untuk beberapa pilihan tulis nilainya dipisah koma (status:kajian,klarifikasi), dan -kata untuk mengecualikan; untuk mencari kata itu sendiri, beri tanda kutip (\"{word}\")"
            ),
            (Self::BooleanWord { word, pos }, En) => format!(
                "\"{word}\" at {pos} is not an operator: every word must match; for a choice give the values separated by commas (status:kajian,klarifikasi), and -word to leave out; to search for the word itself, quote it (\"{word}\")"
            ),
            (Self::EmptyPhrase { pos }, Id) => format!("frasa kosong di posisi {pos}"),
            (Self::EmptyPhrase { pos }, En) => format!("empty phrase at {pos}"),
            (Self::SingleValue { typed, pos }, Id) => {
                format!("\"{typed}\" hanya menerima satu nilai di posisi {pos}")
            }
            (Self::SingleValue { typed, pos }, En) => {
                format!("\"{typed}\" takes a single value at {pos}")
            }
            (Self::NotNegatable { typed, pos }, Id) => format!(
                "\"{typed}\" tidak dapat dinegasikan atau diberi beberapa nilai di posisi {pos}"
            ),
            (Self::NotNegatable { typed, pos }, En) => {
                format!("\"{typed}\" cannot be negated or take several values at {pos}")
            }
            (
                Self::UnknownKeyListed {
                    typed,
                    pos,
                    keys_id,
                    ..
                },
                Id,
            ) => format!("kunci \"{typed}\" tidak dikenal di posisi {pos}; kuncinya: {keys_id}"),
            (
                Self::UnknownKeyListed {
                    typed,
                    pos,
                    keys_en,
                    ..
                },
                En,
            ) => format!("unknown key \"{typed}\" at {pos}; the keys are: {keys_en}"),
            (Self::UnknownKey { typed, pos }, Id) => {
                format!("kunci \"{typed}\" tidak dikenal di posisi {pos}")
            }
            (Self::UnknownKey { typed, pos }, En) => {
                format!("unknown key \"{typed}\" at {pos}")
            }
            (Self::NoMatch { what, text, pos }, Id) => format!(
                "tidak ada {} yang cocok dengan \"{text}\" di posisi {pos}",
                what.text(Id)
            ),
            (Self::NoMatch { what, text, pos }, En) => {
                format!("no {} matches \"{text}\" at {pos}", what.text(En))
            }
            (
                Self::NoMatchChoices {
                    what,
                    text,
                    pos,
                    choices,
                },
                Id,
            ) => format!(
                "tidak ada {} yang cocok dengan \"{text}\" di posisi {pos}; pilihannya: {choices}",
                what.text(Id)
            ),
            (
                Self::NoMatchChoices {
                    what,
                    text,
                    pos,
                    choices,
                },
                En,
            ) => format!(
                "no {} matches \"{text}\" at {pos}; the choices are: {choices}",
                what.text(En)
            ),
            (
                Self::DateOutOfRange {
                    text,
                    pos,
                    max_days,
                },
                Id,
            ) => format!(
                "tanggal \"{text}\" di posisi {pos} di luar jangkauan — pantau menerima tanggal 1900-01-01 sampai 2199-12-31, dan -Nd sampai -{max_days}d"
            ),
            (
                Self::DateOutOfRange {
                    text,
                    pos,
                    max_days,
                },
                En,
            ) => format!(
                "date \"{text}\" at {pos} is out of range — pantau takes dates from 1900-01-01 to 2199-12-31, and -Nd up to -{max_days}d"
            ),
            // The position shows as a caret under the term.
            (Self::NewNeedsBaseline { .. }, Id) => Core::NewNeedsBaseline.text(Id),
            (Self::NewNeedsBaseline { .. }, En) => Core::NewNeedsBaseline.text(En),
            (Self::BadDate { text, pos }, Id) => format!(
                "tanggal \"{text}\" tidak valid di posisi {pos} — tulis YYYY-MM-DD, DD/MM/YYYY, hariini atau -7d"
            ),
            (Self::BadDate { text, pos }, En) => {
                format!("bad date \"{text}\" at {pos} — write YYYY-MM-DD, DD/MM/YYYY, today or -7d")
            }
            (Self::AmbiguousPlace { text, pos, choices }, Id) => format!(
                "\"{text}\" di posisi {pos} ada di beberapa tempat: {choices} — tulis kodenya"
            ),
            (Self::AmbiguousPlace { text, pos, choices }, En) => {
                format!("\"{text}\" at {pos} is in several places: {choices} — write its code")
            }
            (Self::BadTps { text, pos }, Id) => format!(
                "nomor TPS \"{text}\" tidak valid di posisi {pos} — tulis bilangan bulat 1–9999 (5, 005 atau \"TPS 005\"): tps:3, tps:3,4 atau tps:tanpa"
            ),
            (Self::BadTps { text, pos }, En) => format!(
                "bad TPS number \"{text}\" at {pos} — write whole numbers 1–9999 (5, 005 or \"TPS 005\"): tps:3, tps:3,4 or tps:none"
            ),
            (Self::BadPekan { text, pos }, Id) => format!(
                "pekan \"{text}\" tidak valid di posisi {pos} — tulis nomor pekan: pekan:6, pekan:6,7 atau pekan:6-8"
            ),
            (Self::BadPekan { text, pos }, En) => format!(
                "bad pekan \"{text}\" at {pos} — write pekan numbers: pekan:6, pekan:6,7 or pekan:6-8"
            ),
            (
                Self::PekanOutOfRange {
                    text,
                    pos,
                    count,
                    days_id,
                    ..
                },
                Id,
            ) => format!(
                "pekan {text} di posisi {pos} di luar masa kampanye: masa kampanye ({days_id}) terdiri atas pekan 1–{count}"
            ),
            (
                Self::PekanOutOfRange {
                    text,
                    pos,
                    count,
                    days_en,
                    ..
                },
                En,
            ) => format!(
                "pekan {text} at {pos} is outside the campaign: the campaign ({days_en}) has pekan 1–{count}"
            ),
            (
                Self::ContestOfOtherElection {
                    text,
                    pos,
                    elections,
                },
                Id,
            ) => format!(
                "kontestasi \"{text}\" di posisi {pos} bukan kontestasi pemilihan yang disebut tampilan ini, \
                 jadi tidak ada yang dihitung; kontestasi itu ada pada: {elections}"
            ),
            (
                Self::ContestOfOtherElection {
                    text,
                    pos,
                    elections,
                },
                En,
            ) => format!(
                "contest \"{text}\" at {pos} is not a contest of the elections this view names, so \
                 nothing would be counted; it is a contest of: {elections}"
            ),
            (Self::NoElectionLeft { typed, pos }, Id) => format!(
                "\"{typed}\" di posisi {pos} mengecualikan semua pemilihan, jadi tidak ada yang dihitung: \
                 hapus tanda minus, atau sebutkan pemilihan yang dikecualikan (-pemilihan:pilkada2024)"
            ),
            (Self::NoElectionLeft { typed, pos }, En) => format!(
                "\"{typed}\" at {pos} leaves out every election, so nothing would be counted: drop the \
                 minus, or name the elections to leave out (-election:pilkada2024)"
            ),
            (Self::NoCampaign { pos }, Id) => format!(
                "pekan di posisi {pos} tidak dapat dihitung: data rujukan tidak memberi tanggal tahapan kampanye"
            ),
            (Self::NoCampaign { pos }, En) => format!(
                "pekan at {pos} cannot be counted: the reference data gives the campaign stage no dates"
            ),
            (Self::GivenTwice { typed, first, pos }, Id) => {
                format!("\"{typed}\" diberikan dua kali (di posisi {first} dan {pos})")
            }
            (Self::GivenTwice { typed, first, pos }, En) => {
                format!("\"{typed}\" given twice (at {first} and {pos})")
            }
            (Self::SavedCircle { pos, circle }, Id) => format!(
                "tampilan tersimpan di posisi {pos} saling menyebut melingkar: {circle}; ubah salah satunya agar lingkaran terputus"
            ),
            (Self::SavedCircle { pos, circle }, En) => format!(
                "the saved views at {pos} name each other in a circle: {circle}; change one of them so the circle ends"
            ),
            (
                Self::NoSavedView {
                    name, listed_id, ..
                },
                Id,
            ) => format!("tidak ada tampilan tersimpan @{name} {listed_id}"),
            (
                Self::NoSavedView {
                    name, listed_en, ..
                },
                En,
            ) => format!("no saved view @{name} {listed_en}"),
            (Self::SavedTooLong { pos, max }, Id) => format!(
                "tampilan tersimpan di posisi {pos} menjadi lebih dari {max} karakter; kurangi tampilan yang saling menyebut"
            ),
            (Self::SavedTooLong { pos, max }, En) => format!(
                "the saved views at {pos} expand to more than {max} characters; name fewer views in one another"
            ),
            (Self::SavedNegated { pos, text }, Id) => format!(
                "tampilan tersimpan tidak dapat dinegasikan di posisi {pos} ({text}); negasikan istilahnya satu per satu"
            ),
            (Self::SavedNegated { pos, text }, En) => format!(
                "a saved view cannot be negated at {pos} ({text}); negate its terms one by one"
            ),
            (Self::AtWithoutName { pos }, Id) => format!(
                "\"@\" di posisi {pos} perlu nama tampilan tersimpan sesudahnya, mis. @overdue"
            ),
            (Self::AtWithoutName { pos }, En) => {
                format!("\"@\" at {pos} needs the name of a saved view after it, e.g. @overdue")
            }
        }
    }
}
