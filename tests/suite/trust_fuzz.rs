//! The entry points of the fuzz targets (fuzz/, run by scripts/fuzz) under proptest, so every
//! `cargo test` throws random input at them too; inputs that once crashed stay here as regressions.

use std::cell::RefCell;
use std::sync::atomic::AtomicBool;

use chrono::NaiveDate;
use pantau::domain::Reference;
use pantau::i18n::Lang;
use pantau::import::{self, Format, Input, Options};
use pantau::store::Store;
use pantau::text::{
    fit, fit_start, pad_left, pad_right, placeholder, safe, safe_chars, safe_lines, width, wrap,
};
use proptest::prelude::*;
use unicode_segmentation::UnicodeSegmentation;

/// What the `text_safe` target asserts.
fn text_properties(s: &str, w: usize) {
    let clean = safe(s);
    assert!(
        clean.chars().all(|c| placeholder(c).is_none()),
        "{s:?} → {clean:?}"
    );
    assert!(clean.chars().count() <= s.chars().count());
    assert_eq!(safe_chars(s).chars().count(), s.chars().count());
    assert!(safe_chars(s).chars().all(|c| placeholder(c).is_none()));
    assert_eq!(safe(&clean), clean, "safe is idempotent");
    assert!(
        safe_lines(s)
            .chars()
            .all(|c| c == '\n' || placeholder(c).is_none())
    );
    assert!(width(&fit(s, w)) <= w, "fit({s:?}, {w})");
    assert!(width(&fit_start(s, w)) <= w, "fit_start({s:?}, {w})");
    assert_eq!(width(&pad_right(s, w)), w, "pad_right({s:?}, {w})");
    assert_eq!(width(&pad_left(s, w)), w, "pad_left({s:?}, {w})");
    for line in wrap(s, w) {
        let one = line.graphemes(true).count() == 1;
        assert!(width(&line) <= w.max(1) || one, "{line:?} wider than {w}");
        assert!(!line.is_empty());
    }
}

/// What the `view_spec` target asserts.
fn view_properties(spec: &str) {
    let r = Reference::embedded();
    match pantau::view::parse(spec, &r) {
        Ok(view) => {
            let printed = view.print(&r);
            let again = pantau::view::parse(&printed, &r)
                .unwrap_or_else(|e| panic!("{printed:?} (from {spec:?}) does not parse: {e:?}"));
            assert_eq!(again, view, "{spec:?} printed as {printed:?}");
        }
        Err(e) => {
            let _ = pantau::commands::view_error(spec, e).message(Lang::En);
        }
    }
}

thread_local! {
    static STORE: RefCell<Option<(Store, Reference)>> = const { RefCell::new(None) };
}

/// What the import targets do: check and write into an in-memory database, then roll back.
fn import_any(format: Format, name: &str, data: &[u8]) {
    STORE.with(|cell| {
        let mut slot = cell.borrow_mut();
        let (store, reference) = slot.get_or_insert_with(|| {
            let store = Store::memory().unwrap();
            let reference = store.reference().unwrap().as_ref().clone();
            (store, reference)
        });
        let today = NaiveDate::from_ymd_opt(2024, 3, 1).unwrap();
        let opts = Options {
            ignore_unknown: data.len().is_multiple_of(2),
            skip_invalid: false,
            today,
            lang: Lang::En,
            election: None,
        };
        let cancel = AtomicBool::new(false);
        let input = Input::from_bytes(name, format, data.to_vec());
        let tx = store.begin().unwrap();
        let result = import::check_and_write(
            &tx,
            input,
            reference,
            &opts,
            "fuzz",
            today.and_hms_opt(10, 0, 0).unwrap(),
            &cancel,
            &|_| {},
        );
        if let Ok(Some((checked, _))) = result {
            for p in &checked.problems {
                let _ = p.display(name, Lang::Id);
            }
        }
        drop(tx);
    });
}

/// A CSV made of a header of known and unknown columns and rows of plausible and odd cells.
fn csv_strategy() -> impl Strategy<Value = String> {
    let column = prop_oneof![
        Just("nomor"),
        Just("sumber"),
        Just("kode_wilayah"),
        Just("kode_tahapan"),
        Just("tanggal_diterima"),
        Just("status"),
        Just("uraian"),
        Just("tanggal_registrasi"),
        Just("diperpanjang"),
        Just("lain"),
    ];
    let cell = prop_oneof![
        Just("001/LP/PL/2024".to_string()),
        Just("laporan".to_string()),
        Just("64.71".to_string()),
        Just("Balikpapan".to_string()),
        Just("KAMPANYE".to_string()),
        Just("2024-01-12".to_string()),
        Just("31/02/2024".to_string()),
        Just("DITERIMA".to_string()),
        Just("\"a \"\"quoted\"\" value\"".to_string()),
        "[a-z;,\"\\n\\x1b 東é]{0,12}",
    ];
    (
        proptest::collection::vec(column, 1..9),
        proptest::collection::vec(proptest::collection::vec(cell, 0..10), 0..6),
        prop_oneof![Just(","), Just(";"), Just("\t")],
    )
        .prop_map(|(header, rows, sep)| {
            let mut out = header.join(sep) + "\n";
            for r in rows {
                out += &r.join(sep);
                out.push('\n');
            }
            out
        })
}

/// Found by the `import_json` fuzz target: a stray `]`, `}` or `,` where an object should begin
/// (JSON Lines, or a JSON file that is not an array) made the reader index an empty value.
#[test]
fn a_stray_closing_bracket_is_a_problem_not_a_crash() {
    let reference = Reference::embedded();
    let opts = Options {
        ignore_unknown: false,
        skip_invalid: false,
        today: NaiveDate::from_ymd_opt(2024, 3, 1).unwrap(),
        lang: Lang::En,
        election: None,
    };
    for (format, name, data) in [
        (Format::Json, "kiriman.json", &b" {}]"[..]),
        (Format::Jsonl, "kiriman.jsonl", b"{}]"),
        (Format::Jsonl, "kiriman.jsonl", b"{\"nomor\": \"1\"}\n}\n"),
        (Format::Jsonl, "kiriman.jsonl", b"{}\n,{}"),
    ] {
        let input = Input::from_bytes(name, format, data.to_vec());
        let cancel = AtomicBool::new(false);
        let checked = import::check(input, &reference, &opts, &cancel, &|_| {})
            .unwrap()
            .unwrap();
        assert!(checked.fatal, "{data:?}");
        let said: Vec<String> = checked
            .problems
            .iter()
            .map(|p| p.display(name, Lang::En))
            .collect();
        assert!(
            said.iter()
                .any(|p| p.contains("expected an object, found ")),
            "{data:?}: {said:?}"
        );
        import_any(format, name, data);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn the_sanitizer_holds_for_any_text(s in any::<String>(), w in 0usize..120) {
        text_properties(&s, w);
    }

    #[test]
    fn the_sanitizer_holds_for_control_and_wide_characters(
        s in "[\\x00-\\x1f\\x7f\\u{80}-\\u{9f}\\u{202a}-\\u{202e}\\u{2066}-\\u{2069}a-z 東京é\\u{301}\\u{200b}\\u{200d}👩🗳\\u{fe0f}\\u{ff9e}]{0,40}",
        w in 0usize..30,
    ) {
        text_properties(&s, w);
    }

    #[test]
    fn any_view_spec_parses_to_a_printable_view_or_an_error(spec in any::<String>()) {
        view_properties(&spec);
    }

    #[test]
    fn view_specs_made_of_its_own_words_round_trip(
        spec in "((region|stage|type|status|source|from|to|asof|is|sort|-|:|,|\"| |kukar|kampanye|pidana|open|2024-01-01|-7d|today|minyak\\*|\\(|\\)))*",
    ) {
        view_properties(&spec);
    }

    #[test]
    fn any_bytes_are_a_csv_import_with_problems_or_rows(data in proptest::collection::vec(any::<u8>(), 0..600)) {
        import_any(Format::Csv, "kiriman.csv", &data);
    }

    #[test]
    fn odd_csv_files_are_checked_without_panicking(csv in csv_strategy()) {
        import_any(Format::Csv, "kiriman.csv", csv.as_bytes());
    }

    #[test]
    fn any_bytes_are_a_json_import_with_problems_or_rows(data in proptest::collection::vec(any::<u8>(), 0..600)) {
        import_any(Format::Json, "kiriman.json", &data);
        import_any(Format::Jsonl, "kiriman.jsonl", &data);
    }

    #[test]
    fn json_documents_of_any_shape_are_checked_without_panicking(
        doc in "\\[?(\\{(\"(nomor|sumber|status|uraian|kode_wilayah|x)\": ?(\"[a-z0-9 ]{0,6}\"|[0-9]{1,3}|null|true|\\[\\]|\\{\\}),? ?){0,6}\\},?\\n?){0,4}\\]?",
    ) {
        import_any(Format::Json, "kiriman.json", doc.as_bytes());
        import_any(Format::Jsonl, "kiriman.jsonl", doc.as_bytes());
    }
}
