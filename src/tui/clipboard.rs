//! Copying to the clipboard of the user's own machine with OSC 52, which terminals honour over
//! SSH: the escape sequence and its base64. Builds bytes only; the event loop writes them.

/// The text as copied: every control character taken out (a line break or tab becomes a space),
/// nothing else changed.
pub fn clean(text: &str) -> String {
    text.chars()
        .filter_map(|c| match c {
            '\n' | '\r' | '\t' => Some(' '),
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect()
}

/// Standard base64 (RFC 4648) with padding.
pub fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for (i, shift) in [18u32, 12, 6, 0].into_iter().enumerate() {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[((n >> shift) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// The OSC 52 sequence that puts `text` (cleaned) on the clipboard: `ESC ] 52 ; c ; <base64> BEL`.
/// Inside tmux (`in_tmux`, from `TMUX` being set) it is wrapped in tmux's DCS passthrough
/// (`ESC P tmux; … ESC \`, every ESC inside doubled), which needs `set -g allow-passthrough on`
/// in tmux 3.3 and later (or `set -g set-clipboard on`).
pub fn osc52(text: &str, in_tmux: bool) -> String {
    let inner = format!("\x1b]52;c;{}\x07", base64(clean(text).as_bytes()));
    if in_tmux {
        format!("\x1bPtmux;{}\x1b\\", inner.replace('\x1b', "\x1b\x1b"))
    } else {
        inner
    }
}

/// Whether pantau runs inside tmux (`TMUX` set and not empty).
pub fn in_tmux() -> bool {
    std::env::var_os("TMUX").is_some_and(|v| !v.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_the_rfc_examples() {
        for (plain, encoded) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64(plain.as_bytes()), encoded, "{plain}");
        }
        assert_eq!(base64("kampanye ◆".as_bytes()), "a2FtcGFueWUg4peG");
    }

    #[test]
    fn the_sequence_carries_the_text_without_control_characters() {
        assert_eq!(
            osc52("stage:kampanye\x1b[31m", false),
            format!("\x1b]52;c;{}\x07", base64(b"stage:kampanye[31m"))
        );
        assert_eq!(clean("a\tb\nc\u{7}d é"), "a b cd é");
        let wrapped = osc52("x", true);
        assert!(
            wrapped.starts_with("\x1bPtmux;\x1b\x1b]52;c;eA==\x07"),
            "{wrapped:?}"
        );
        assert!(wrapped.ends_with("\x1b\\"));
    }
}
