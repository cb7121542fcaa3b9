//! Fuzz target: the view-spec parser. Any text either parses into a view whose printed form parses
//! back to the same view, or fails with an error whose message and caret can be shown.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use pantau::domain::Reference;
use pantau::i18n::Lang;

fn reference() -> &'static Reference {
    static REFERENCE: OnceLock<Reference> = OnceLock::new();
    REFERENCE.get_or_init(Reference::embedded)
}

fuzz_target!(|spec: &str| {
    let r = reference();
    match pantau::view::parse(spec, r) {
        Ok(view) => {
            let printed = view.print(r);
            let again = pantau::view::parse(&printed, r).unwrap_or_else(|e| {
                panic!("{printed:?} (printed from {spec:?}) does not parse: {e:?}")
            });
            assert_eq!(again, view, "{spec:?} printed as {printed:?}");
        }
        Err(e) => {
            let _ = e.message(Lang::En);
            let _ = e.message(Lang::Id);
            let _ = pantau::commands::view_error(spec, e).message(Lang::En);
        }
    }
});
