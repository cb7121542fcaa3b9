//! The colours the terminal declares, applied to what reaches it: crossterm writes every colour as
//! a 256-colour code (`ESC[38;5;1m`), which a vt100 shows as garbage and an 8-colour terminal
//! may not know. `Sgr` rewrites the colour codes of the output to the declared depth: none at
//! all, SGR 30–37 (and 90–97), the palette, or 24-bit; everything else passes unchanged.

use std::io::{self, Write};

use ratatui::style::Color;

use crate::tui::terminal::Depth;

/// The RGB of palette entry `n`: xterm's 16 colours, the 6×6×6 cube, the grey ramp.
pub fn rgb(n: u8) -> (u8, u8, u8) {
    const BASIC: [(u8, u8, u8); 16] = [
        (0, 0, 0),
        (205, 0, 0),
        (0, 205, 0),
        (205, 205, 0),
        (0, 0, 238),
        (205, 0, 205),
        (0, 205, 205),
        (229, 229, 229),
        (127, 127, 127),
        (255, 0, 0),
        (0, 255, 0),
        (255, 255, 0),
        (92, 92, 255),
        (255, 0, 255),
        (0, 255, 255),
        (255, 255, 255),
    ];
    match n {
        0..=15 => BASIC[usize::from(n)],
        16..=231 => {
            let level = |v: u8| if v == 0 { 0 } else { 55 + 40 * v };
            let i = n - 16;
            (level(i / 36), level(i / 6 % 6), level(i % 6))
        }
        _ => {
            let v = 8 + 10 * (n - 232);
            (v, v, v)
        }
    }
}

/// The palette entry of a ratatui colour (`None` for the terminal's default).
pub fn index(c: Color) -> Option<Index> {
    Some(match c {
        Color::Reset => return None,
        Color::Black => Index::Palette(0),
        Color::Red => Index::Palette(1),
        Color::Green => Index::Palette(2),
        Color::Yellow => Index::Palette(3),
        Color::Blue => Index::Palette(4),
        Color::Magenta => Index::Palette(5),
        Color::Cyan => Index::Palette(6),
        Color::Gray => Index::Palette(7),
        Color::DarkGray => Index::Palette(8),
        Color::LightRed => Index::Palette(9),
        Color::LightGreen => Index::Palette(10),
        Color::LightYellow => Index::Palette(11),
        Color::LightBlue => Index::Palette(12),
        Color::LightMagenta => Index::Palette(13),
        Color::LightCyan => Index::Palette(14),
        Color::White => Index::Palette(15),
        Color::Indexed(n) => Index::Palette(n),
        Color::Rgb(r, g, b) => Index::Rgb(r, g, b),
    })
}

/// A colour as the terminal is sent it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Index {
    Palette(u8),
    Rgb(u8, u8, u8),
}

fn distance(a: (u8, u8, u8), b: (u8, u8, u8)) -> u32 {
    let d = |x: u8, y: u8| (i32::from(x) - i32::from(y)).unsigned_abs().pow(2);
    d(a.0, b.0) + d(a.1, b.1) + d(a.2, b.2)
}

fn nearest(to: (u8, u8, u8), among: std::ops::Range<u8>) -> u8 {
    among.min_by_key(|n| distance(rgb(*n), to)).unwrap_or(7)
}

/// The colour sent for `c` on a terminal of `depth` (`None`: no colour code at all). On eight
/// colours a bright colour becomes its ordinary one, grey the light grey (never black on black).
pub fn reduce(c: Index, depth: Depth) -> Option<Index> {
    let to = |c: Index| match c {
        Index::Palette(n) => rgb(n),
        Index::Rgb(r, g, b) => (r, g, b),
    };
    Some(match (depth, c) {
        (Depth::NoColour, _) => return None,
        (Depth::TrueColour, c) => c,
        (Depth::Palette256, Index::Palette(n)) => Index::Palette(n),
        (Depth::Palette256, Index::Rgb(..)) => Index::Palette(nearest(to(c), 16..255)),
        (Depth::Ansi16, Index::Palette(n)) if n < 16 => Index::Palette(n),
        (Depth::Ansi16, c) => Index::Palette(nearest(to(c), 0..16)),
        (Depth::Ansi8, Index::Palette(8)) => Index::Palette(7),
        (Depth::Ansi8, Index::Palette(n)) if n < 16 => Index::Palette(n % 8),
        (Depth::Ansi8, c) => Index::Palette(nearest(to(c), 0..8)),
    })
}

/// The SGR parameters of a colour: `38;5;n` and friends, or `3n`/`9n` below 256 colours.
fn params(c: Index, background: bool, depth: Depth) -> Vec<String> {
    let base = if background { 40 } else { 30 };
    match c {
        Index::Palette(n) if depth <= Depth::Ansi16 && n < 8 => {
            vec![(base + u16::from(n)).to_string()]
        }
        Index::Palette(n) if depth <= Depth::Ansi16 && n < 16 => {
            vec![(base + 60 + u16::from(n - 8)).to_string()]
        }
        Index::Palette(n) => vec![(base + 8).to_string(), "5".into(), n.to_string()],
        Index::Rgb(r, g, b) => vec![
            (base + 8).to_string(),
            "2".into(),
            r.to_string(),
            g.to_string(),
            b.to_string(),
        ],
    }
}

/// The parameters of one SGR sequence rewritten for `depth`; `None` when nothing is left of it.
pub fn rewrite(params_text: &str, depth: Depth) -> Option<String> {
    let parts: Vec<&str> = params_text.split(';').collect();
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    while i < parts.len() {
        let p = parts[i];
        let num = p.parse::<u16>().ok();
        let colour = |c: Index, background: bool, out: &mut Vec<String>| {
            if let Some(c) = reduce(c, depth) {
                out.extend(params(c, background, depth));
            }
        };
        match num {
            Some(n @ (38 | 48)) => {
                let background = n == 48;
                let arg = |k: usize| parts.get(i + k).and_then(|s| s.parse::<u8>().ok());
                match parts.get(i + 1).copied() {
                    Some("5") => {
                        if let Some(v) = arg(2) {
                            colour(Index::Palette(v), background, &mut out);
                        }
                        i += 3;
                    }
                    Some("2") => {
                        if let (Some(r), Some(g), Some(b)) = (arg(2), arg(3), arg(4)) {
                            colour(Index::Rgb(r, g, b), background, &mut out);
                        }
                        i += 5;
                    }
                    _ => i += 1,
                }
                continue;
            }
            Some(n @ (30..=37 | 40..=47 | 90..=97 | 100..=107)) => {
                let background = matches!(n, 40..=47 | 100..=107);
                let k = match n {
                    30..=37 => n - 30,
                    40..=47 => n - 40,
                    90..=97 => n - 82,
                    _ => n - 92,
                };
                colour(Index::Palette(k as u8), background, &mut out);
            }
            Some(39 | 49) if depth == Depth::NoColour => {}
            _ => out.push(p.to_string()),
        }
        i += 1;
    }
    if out.is_empty() && !params_text.is_empty() {
        None
    } else {
        Some(out.join(";"))
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum State {
    Ground,
    Escape,
    Csi,
}

/// A writer that rewrites the colour codes passing through it for a terminal of `depth`; a
/// sequence split over several writes is held until it is complete.
pub struct Sgr<W: Write> {
    inner: W,
    depth: Depth,
    state: State,
    held: Vec<u8>,
}

impl<W: Write> Sgr<W> {
    pub fn new(inner: W, depth: Depth) -> Sgr<W> {
        Sgr {
            inner,
            depth,
            state: State::Ground,
            held: Vec::new(),
        }
    }

    /// The sequence held, rewritten if it is an SGR of colours.
    fn finish_csi(&mut self, out: &mut Vec<u8>) {
        let seq = std::mem::take(&mut self.held);
        let body = &seq[2..seq.len() - 1];
        let plain = body.iter().all(|b| b.is_ascii_digit() || *b == b';');
        if seq.last() == Some(&b'm') && plain {
            let text = String::from_utf8_lossy(body);
            if let Some(p) = rewrite(&text, self.depth) {
                out.extend_from_slice(b"\x1b[");
                out.extend_from_slice(p.as_bytes());
                out.push(b'm');
            }
        } else {
            out.extend_from_slice(&seq);
        }
    }
}

impl<W: Write> Write for Sgr<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if matches!(self.depth, Depth::Palette256 | Depth::TrueColour) {
            self.inner.write_all(buf)?;
            return Ok(buf.len());
        }
        let mut out = Vec::with_capacity(buf.len());
        for &b in buf {
            match self.state {
                State::Ground if b == 0x1b => {
                    self.held.push(b);
                    self.state = State::Escape;
                }
                State::Ground => out.push(b),
                State::Escape => {
                    self.held.push(b);
                    if b == b'[' {
                        self.state = State::Csi;
                    } else {
                        out.append(&mut self.held);
                        self.state = State::Ground;
                    }
                }
                State::Csi => {
                    self.held.push(b);
                    if (0x40..=0x7e).contains(&b) {
                        self.finish_csi(&mut out);
                        self.state = State::Ground;
                    } else if self.held.len() > 256 {
                        out.append(&mut self.held);
                        self.state = State::Ground;
                    }
                }
            }
        }
        self.inner.write_all(&out)?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn through(depth: Depth, pieces: &[&str]) -> String {
        let mut w = Sgr::new(Vec::new(), depth);
        for p in pieces {
            w.write_all(p.as_bytes()).unwrap();
        }
        String::from_utf8(w.inner).unwrap()
    }

    #[test]
    fn colour_codes_follow_the_declared_depth() {
        let s = "\x1b[1m\x1b[38;5;1;48;5;0mA\x1b[38;5;9mB\x1b[38;5;245mC\x1b[39;49m\x1b[0m";
        assert_eq!(through(Depth::Palette256, &[s]), s);
        assert_eq!(
            through(Depth::Ansi16, &[s]),
            "\x1b[1m\x1b[31;40mA\x1b[91mB\x1b[90mC\x1b[39;49m\x1b[0m"
        );
        assert_eq!(
            through(Depth::Ansi8, &[s]),
            "\x1b[1m\x1b[31;40mA\x1b[31mB\x1b[37mC\x1b[39;49m\x1b[0m"
        );
        assert_eq!(through(Depth::NoColour, &[s]), "\x1b[1mABC\x1b[0m");
        assert_eq!(through(Depth::Ansi8, &["\x1b[38;5;8mx"]), "\x1b[37mx");
        assert_eq!(
            through(Depth::Ansi16, &["\x1b[38;2;255;0;0mx"]),
            "\x1b[91mx"
        );
    }

    #[test]
    fn a_sequence_split_over_writes_is_rewritten_whole() {
        assert_eq!(
            through(Depth::Ansi8, &["a\x1b", "[38;", "5;", "2", "mb\x1b[2", "J"]),
            "a\x1b[32mb\x1b[2J"
        );
        assert_eq!(
            through(Depth::NoColour, &["\x1b[", "m"]),
            "\x1b[m",
            "a reset stays"
        );
        assert_eq!(
            through(Depth::NoColour, &["\x1b]52;c;eA==\x07"]),
            "\x1b]52;c;eA==\x07"
        );
    }

    #[test]
    fn palette_entries_have_xterm_values() {
        assert_eq!(rgb(1), (205, 0, 0));
        assert_eq!(rgb(16), (0, 0, 0));
        assert_eq!(rgb(196), (255, 0, 0));
        assert_eq!(rgb(130), (175, 95, 0));
        assert_eq!(rgb(245), (138, 138, 138));
    }
}
