//! Fuzz target: the text sanitizer. Nothing a terminal could act on survives `safe`, no character
//! becomes more than one (each stays one in `safe_chars`), and fitting, padding and wrapping
//! never exceed their width.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pantau::text::{
    fit, fit_start, pad_left, pad_right, placeholder, safe, safe_chars, safe_lines, width, wrap,
};
use unicode_segmentation::UnicodeSegmentation;

fuzz_target!(|input: (u8, &str)| {
    let (w, s) = input;
    let w = usize::from(w % 120);
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
    assert!(width(&fit(s, w)) <= w);
    assert!(width(&fit_start(s, w)) <= w);
    assert_eq!(width(&pad_right(s, w)), w);
    assert_eq!(width(&pad_left(s, w)), w);
    for line in wrap(s, w) {
        let one_grapheme = line.graphemes(true).count() == 1;
        assert!(
            width(&line) <= w.max(1) || one_grapheme,
            "{line:?} wider than {w}"
        );
        assert!(!line.is_empty());
    }
});
