//! The command line's own mistakes (an unknown flag, a value that is not a number, a missing
//! argument…), as clap finds them, in Bahasa Indonesia and English; and the reasons pantau's
//! value parsers give (`--wait`, `--duration`, `--mode`…). Help and version output stay clap's.

use super::Lang;

/// One message about what was typed, with the values it shows (flags as clap writes them,
/// `--pekan <N>`).
#[derive(Clone, Copy)]
pub enum Usage<'a> {
    /// A flag or argument the command does not take.
    Unexpected { arg: &'a str },
    /// A subcommand that does not exist.
    UnknownSubcommand { name: &'a str },
    /// A flag given without its value.
    NeedsValue { arg: &'a str },
    /// A value the flag does not take.
    BadValue { arg: &'a str, value: &'a str },
    /// A value the flag does not take, and why.
    BadValueWhy {
        arg: &'a str,
        value: &'a str,
        why: &'a str,
    },
    /// The values the flag takes.
    Possible { values: &'a [String] },
    /// Arguments the command needs that were not given.
    Required { args: &'a [String] },
    /// Flags that cannot go together.
    Conflict { arg: &'a str, with: &'a [String] },
    /// A flag that cannot go with the others given.
    ConflictOthers { arg: &'a str },
    /// A subcommand that cannot go with a flag.
    SubcommandConflict { name: &'a str, with: &'a [String] },
    /// A flag given twice.
    Twice { arg: &'a str },
    /// A command that needs a subcommand.
    NeedsSubcommand { name: &'a str, list: &'a [String] },
    /// A value more than the flag takes.
    ExtraValue { arg: &'a str, value: &'a str },
    /// Fewer values than the flag takes.
    TooFewValues {
        arg: &'a str,
        least: isize,
        given: isize,
    },
    /// Another number of values than the flag takes.
    ValueCount {
        arg: &'a str,
        expected: isize,
        given: isize,
    },
    /// A flag whose value must follow `=`.
    NoEquals { arg: &'a str },
    /// An argument that is not UTF-8 text.
    NotUtf8,
    /// Suggestions of what was meant.
    DidYouMean { list: &'a [String] },
    /// A value starting with `-` taken for a flag.
    PassAsValue { arg: &'a str, fix: &'a str },
    /// A subcommand written after `--`.
    RemoveDashes { name: &'a str },
    /// A suggestion, under the message.
    Tip { text: &'a str },
    /// The command's usage line (`pantau rekap --pekan <N> [VIEW]...`).
    UsageLine { usage: &'a str },
    /// Where to read more.
    TryHelp { help: &'a str },
    /// A number expected, something else given.
    NotWhole,
    /// A negative number where none is taken.
    Negative,
    /// A number too large for the flag.
    TooLarge,
    /// A number too small for the flag.
    TooSmall,
    /// Zero where it is not taken.
    Zero,
    /// A number outside the flag's range.
    Between { low: i128, high: i128 },
    /// An empty value.
    Empty,
    /// A decimal number expected, something else given.
    NotNumber,
    /// `demo --records`.
    Records { max: usize },
    /// `--wait`.
    Wait { max: u64 },
    /// `simulate --rate`.
    Rate,
    /// `--duration`, `--cycle`: not a duration.
    Duration,
    /// `--duration`, `--cycle`: longer than pantau takes.
    DurationTooLong { max: u64 },
    /// `--mode`: not octal.
    ModeNotOctal,
    /// `--mode`: above 777.
    ModeTooBig,
    /// `--mode`: writable by every user.
    ModeWorldWritable,
    /// `--mode`: executable.
    ModeExecutable,
    /// `--mode`: the owner could not read and write.
    ModeOwner,
}

/// `'a', 'b' atau 'c'` / `'a', 'b' or 'c'`.
fn alternatives(list: &[String], or: &str) -> String {
    let quoted: Vec<String> = list.iter().map(|s| format!("'{s}'")).collect();
    match quoted.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} {or} {last}", rest.join(", ")),
    }
}

/// `'a', 'b', 'c'`.
fn quoted(list: &[String]) -> String {
    list.iter()
        .map(|s| format!("'{s}'"))
        .collect::<Vec<_>>()
        .join(", ")
}

impl Usage<'_> {
    /// The message in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        use Lang::{En, Id};
        match (*self, lang) {
            (Self::Unexpected { arg }, Id) => format!("argumen '{arg}' tidak dikenal di sini"),
            (Self::Unexpected { arg }, En) => format!("unexpected argument '{arg}'"),
            (Self::UnknownSubcommand { name }, Id) => {
                format!("tidak ada subperintah '{name}'")
            }
            (Self::UnknownSubcommand { name }, En) => format!("unknown subcommand '{name}'"),
            (Self::NeedsValue { arg }, Id) => {
                format!("'{arg}' perlu diberi nilai, tetapi tidak ada nilai yang diberikan")
            }
            (Self::NeedsValue { arg }, En) => {
                format!("'{arg}' needs a value, but none was given")
            }
            (Self::BadValue { arg, value }, Id) => {
                format!("nilai '{value}' tidak sah untuk '{arg}'")
            }
            (Self::BadValue { arg, value }, En) => {
                format!("invalid value '{value}' for '{arg}'")
            }
            (Self::BadValueWhy { arg, value, why }, Id) => {
                format!("nilai '{value}' tidak sah untuk '{arg}': {why}")
            }
            (Self::BadValueWhy { arg, value, why }, En) => {
                format!("invalid value '{value}' for '{arg}': {why}")
            }
            (Self::Possible { values }, Id) => {
                format!("nilai yang diterima: {}", quoted(values))
            }
            (Self::Possible { values }, En) => format!("possible values: {}", quoted(values)),
            (Self::Required { args }, Id) => {
                format!("argumen wajib belum diberikan: {}", quoted(args))
            }
            (Self::Required { args }, En) => {
                format!("required arguments not given: {}", quoted(args))
            }
            (Self::Conflict { arg, with }, Id) => format!(
                "'{arg}' tidak dapat dipakai bersama {}",
                alternatives(with, "maupun")
            ),
            (Self::Conflict { arg, with }, En) => {
                format!("'{arg}' cannot be used with {}", alternatives(with, "or"))
            }
            (Self::ConflictOthers { arg }, Id) => {
                format!("'{arg}' tidak dapat dipakai bersama argumen lain yang diberikan")
            }
            (Self::ConflictOthers { arg }, En) => {
                format!("'{arg}' cannot be used with the other arguments given")
            }
            (Self::SubcommandConflict { name, with }, Id) => format!(
                "subperintah '{name}' tidak dapat dipakai bersama {}",
                alternatives(with, "maupun")
            ),
            (Self::SubcommandConflict { name, with }, En) => format!(
                "the subcommand '{name}' cannot be used with {}",
                alternatives(with, "or")
            ),
            (Self::Twice { arg }, Id) => format!("'{arg}' hanya boleh diberikan sekali"),
            (Self::Twice { arg }, En) => format!("'{arg}' may be given only once"),
            (Self::NeedsSubcommand { name, list }, Id) => format!(
                "'{name}' perlu diikuti subperintah: {}",
                alternatives(list, "atau")
            ),
            (Self::NeedsSubcommand { name, list }, En) => {
                format!("'{name}' needs a subcommand: {}", alternatives(list, "or"))
            }
            (Self::ExtraValue { arg, value }, Id) => {
                format!("'{arg}' tidak menerima nilai lagi, tetapi diberi '{value}'")
            }
            (Self::ExtraValue { arg, value }, En) => {
                format!("'{arg}' takes no more values, but was given '{value}'")
            }
            (Self::TooFewValues { arg, least, given }, Id) => {
                format!("'{arg}' perlu sedikitnya {least} nilai, tetapi hanya diberi {given}")
            }
            (Self::TooFewValues { arg, least, given }, En) => {
                format!("'{arg}' needs at least {least} values, but was given only {given}")
            }
            (
                Self::ValueCount {
                    arg,
                    expected,
                    given,
                },
                Id,
            ) => format!("'{arg}' perlu {expected} nilai, tetapi diberi {given}"),
            (
                Self::ValueCount {
                    arg,
                    expected,
                    given,
                },
                En,
            ) => format!("'{arg}' needs {expected} values, but was given {given}"),
            (Self::NoEquals { arg }, Id) => {
                format!("nilai '{arg}' harus ditulis sesudah tanda '=' (mis. --flag=nilai)")
            }
            (Self::NoEquals { arg }, En) => {
                format!("the value of '{arg}' must follow an '=' sign (e.g. --flag=value)")
            }
            (Self::NotUtf8, Id) => "ada argumen yang bukan teks UTF-8 yang sah".into(),
            (Self::NotUtf8, En) => "an argument is not valid UTF-8 text".into(),
            (Self::DidYouMean { list }, Id) => {
                format!("maksud Anda {}?", alternatives(list, "atau"))
            }
            (Self::DidYouMean { list }, En) => {
                format!("did you mean {}?", alternatives(list, "or"))
            }
            (Self::PassAsValue { arg, fix }, Id) => {
                format!("untuk memberikan '{arg}' sebagai nilai, tulis '{fix}'")
            }
            (Self::PassAsValue { arg, fix }, En) => {
                format!("to pass '{arg}' as a value, write '{fix}'")
            }
            (Self::RemoveDashes { name }, Id) => {
                format!("subperintah '{name}' ada; untuk memakainya, hapus '--' di depannya")
            }
            (Self::RemoveDashes { name }, En) => {
                format!("the subcommand '{name}' exists; to run it, remove the '--' before it")
            }
            (Self::Tip { text }, Id) => format!("  saran: {text}"),
            (Self::Tip { text }, En) => format!("  tip: {text}"),
            (Self::UsageLine { usage }, Id) => format!("Penggunaan: {usage}"),
            (Self::UsageLine { usage }, En) => format!("Usage: {usage}"),
            (Self::TryHelp { help }, Id) => {
                format!("Untuk keterangan lebih lanjut, jalankan '{help}'.")
            }
            (Self::TryHelp { help }, En) => format!("For more information, try '{help}'."),
            (Self::NotWhole, Id) => "bukan bilangan bulat".into(),
            (Self::NotWhole, En) => "not a whole number".into(),
            (Self::Negative, Id) => "tidak boleh negatif".into(),
            (Self::Negative, En) => "must not be negative".into(),
            (Self::TooLarge, Id) => "terlalu besar".into(),
            (Self::TooLarge, En) => "too large".into(),
            (Self::TooSmall, Id) => "terlalu kecil".into(),
            (Self::TooSmall, En) => "too small".into(),
            (Self::Between { low, high }, Id) => {
                format!("harus bilangan dari {low} sampai {high}")
            }
            (Self::Between { low, high }, En) => {
                format!("expected a number from {low} to {high}")
            }
            (Self::Zero, Id) => "tidak boleh nol".into(),
            (Self::Zero, En) => "must not be zero".into(),
            (Self::Empty, Id) => "nilainya kosong".into(),
            (Self::Empty, En) => "the value is empty".into(),
            (Self::NotNumber, Id) => "bukan bilangan".into(),
            (Self::NotNumber, En) => "not a number".into(),
            (Self::Records { max }, Id) => {
                format!("jumlah kasus harus bilangan dari 0 sampai {max}")
            }
            (Self::Records { max }, En) => {
                format!("expected a number of cases from 0 to {max}")
            }
            (Self::Wait { max }, Id) => {
                format!("harus jumlah detik dari 0 sampai {max} (satu hari)")
            }
            (Self::Wait { max }, En) => format!("expected seconds from 0 to {max} (one day)"),
            (Self::Rate, Id) => {
                "harus jumlah kejadian per menit, bilangan di atas 0 dan paling banyak 60000".into()
            }
            (Self::Rate, En) => {
                "expected events per minute, a number above 0 and at most 60000".into()
            }
            (Self::Duration, Id) => "harus lama waktu seperti 30s, 10m, 1h atau 1h30m".into(),
            (Self::Duration, En) => "expected a duration such as 30s, 10m, 1h or 1h30m".into(),
            (Self::DurationTooLong { max }, Id) => {
                format!("lebih lama dari batas terlama yang diterima pantau, 30d ({max} detik)")
            }
            (Self::DurationTooLong { max }, En) => {
                format!("longer than the longest duration pantau takes, 30d ({max} s)")
            }
            (Self::ModeNotOctal, Id) => "bukan mode oktal (mis. 600 atau 640)".into(),
            (Self::ModeNotOctal, En) => "not an octal mode (e.g. 600 or 640)".into(),
            (Self::ModeTooBig, Id) => {
                "lebih dari 777 (tanpa bit setuid, setgid atau sticky)".into()
            }
            (Self::ModeTooBig, En) => "more than 777 (no setuid, setgid or sticky bits)".into(),
            (Self::ModeWorldWritable, Id) => {
                "membuat berkas dapat ditulis setiap pengguna; gunakan mis. 640".into()
            }
            (Self::ModeWorldWritable, En) => {
                "makes the file writable by every user; use e.g. 640".into()
            }
            (Self::ModeExecutable, Id) => {
                "membuat berkas dapat dijalankan; gunakan mis. 640".into()
            }
            (Self::ModeExecutable, En) => "makes the file executable; use e.g. 640".into(),
            (Self::ModeOwner, Id) => "pemiliknya harus dapat membaca dan menulis (6..)".into(),
            (Self::ModeOwner, En) => "its owner must read and write it (6..)".into(),
        }
    }
}

/// Why a value of the command line was refused, in both languages: the error of pantau's value
/// parsers, which clap carries to the message (`Display` gives the English).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refused {
    id: String,
    en: String,
}

impl Refused {
    /// The reason `m`, in both languages.
    pub fn new(m: Usage<'_>) -> Refused {
        Refused {
            id: m.text(Lang::Id),
            en: m.text(Lang::En),
        }
    }

    /// The reason in `lang`.
    pub fn text(&self, lang: Lang) -> &str {
        match lang {
            Lang::Id => &self.id,
            Lang::En => &self.en,
        }
    }
}

impl std::fmt::Display for Refused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.en)
    }
}

impl std::error::Error for Refused {}
