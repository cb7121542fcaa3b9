//! The words of the map of Kaltim shaded by count (the legend, the credit for the outlines), in
//! Bahasa Indonesia and English. A text without both languages does not compile.

use super::Lang;

/// A text of the map.
#[derive(Clone, Copy)]
pub enum Peta<'a> {
    /// The legend's heading when the figures do not name what they count.
    Legend,
    /// The class of regions with nothing counted.
    Zero,
    /// A class of counts, its ends already written in the reader's way (`1`, `1.001`).
    Range { from: &'a str, to: &'a str },
    /// Where the outlines come from, in small print under the map.
    Credit,
    /// The cases of an office the map has no outline for (the province's own), under the title.
    NotOnMap { office: &'a str, count: &'a str },
}

impl Peta<'_> {
    /// The text in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        use Lang::{En, Id};
        match (self, lang) {
            (Self::Legend, Id) => "Jumlah kasus".into(),
            (Self::Legend, En) => "Number of cases".into(),
            (Self::Zero, Id) => "Tidak ada (0)".into(),
            (Self::Zero, En) => "None (0)".into(),
            (Self::Range { from, to }, _) if from == to => (*from).to_string(),
            (Self::Range { from, to }, _) => format!("{from}\u{2013}{to}"),
            (Self::Credit, Id) => "Batas kab/kota: cahyadsn/wilayah_boundaries (MIT)".into(),
            (Self::Credit, En) => "Kab/kota boundaries: cahyadsn/wilayah_boundaries (MIT)".into(),
            (Self::NotOnMap { office, count }, Id) => {
                format!("{office}: {count} kasus, tidak tergambar di peta (termasuk dalam jumlah)")
            }
            (Self::NotOnMap { office, count }, En) => {
                format!("{office}: {count} cases, not drawn on the map (included in the total)")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_read_as_each_language_writes_them() {
        let r = Peta::Range { from: "1", to: "3" };
        assert_eq!(r.text(Lang::Id), "1\u{2013}3");
        assert_eq!(r.text(Lang::En), "1\u{2013}3");
        let one = Peta::Range { from: "7", to: "7" };
        assert_eq!(one.text(Lang::Id), "7");
        assert_eq!(one.text(Lang::En), "7");
        assert_ne!(Peta::Legend.text(Lang::Id), Peta::Legend.text(Lang::En));
    }
}
