//! What the import targets share: one in-memory database per process, and the import itself.

use std::cell::RefCell;
use std::sync::atomic::AtomicBool;

use chrono::NaiveDate;
use pantau::domain::Reference;
use pantau::i18n::Lang;
use pantau::import::{self, Format, Input, Options};
use pantau::store::Store;

thread_local! {
    static STORE: RefCell<Option<(Store, Reference)>> = const { RefCell::new(None) };
}

/// Checks `data` as a file of `format` and writes it in a transaction that is rolled back.
pub fn import(format: Format, name: &str, data: &[u8]) {
    STORE.with(|cell| {
        let mut slot = cell.borrow_mut();
        let (store, reference) = slot.get_or_insert_with(|| {
            let store = Store::memory().expect("an in-memory database");
            let reference = store.reference().expect("its reference data");
            (store, reference)
        });
        let opts = Options {
            ignore_unknown: data.len().is_multiple_of(2),
            skip_invalid: false,
            today: NaiveDate::from_ymd_opt(2024, 3, 1).expect("a date"),
            lang: Lang::En,
        };
        let now = NaiveDate::from_ymd_opt(2024, 3, 1)
            .and_then(|d| d.and_hms_opt(10, 0, 0))
            .expect("a time");
        let cancel = AtomicBool::new(false);
        let input = Input::from_bytes(name, format, data.to_vec());
        let tx = store.conn().unchecked_transaction().expect("a transaction");
        if let Ok(Some((checked, _))) =
            import::check_and_write(&tx, input, reference, &opts, "fuzz", now, &cancel, &|_| {})
        {
            for p in &checked.problems {
                let _ = p.display(name, Lang::En);
                let _ = p.display(name, Lang::Id);
            }
        }
        drop(tx);
    });
}
