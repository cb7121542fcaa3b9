//! The handling offices of the demo with their kecamatan and kelurahan/desa/kampung, Bawaslu
//! numbering codes and DPRD seat districts. Place names are real and spelt as the region tree
//! spells them (a test holds every one to it, kelurahan as kelurahan and desa as desa); dapil
//! counts are approximate.

use fastrand::Rng;

/// One handling office (the provincial office or a kabupaten/kota) as the demo texts need it.
#[derive(Debug)]
pub(crate) struct Office {
    /// Kemendagri code (`64.71`).
    pub code: &'static str,
    /// "Kota Balikpapan", "Kabupaten Paser", "Provinsi Kalimantan Timur".
    pub name: &'static str,
    /// Segment of case numbers: `Prov`, `Kab` or `Kota`.
    pub seg: &'static str,
    /// Bawaslu's numbering code of the office (`23.05`).
    pub num: &'static str,
    /// Number of DPRD electoral districts (approximate).
    pub dapil: u32,
    /// Relative size, for spreading cases and campaign activities.
    pub weight: u32,
    /// Kecamatan with some of their kelurahan/desa/kampung (already prefixed).
    pub places: &'static [(&'static str, &'static [&'static str])],
}

impl Office {
    /// "Bawaslu Kota Balikpapan".
    pub fn bawaslu(&self) -> String {
        format!("Bawaslu {}", self.name)
    }

    /// "KPU Kota Balikpapan".
    pub fn kpu(&self) -> String {
        format!("KPU {}", self.name)
    }

    /// "DPRD Kota Balikpapan".
    pub fn dprd(&self) -> String {
        format!("DPRD {}", self.name)
    }

    /// "Balikpapan", "Kutai Kartanegara", "Kalimantan Timur".
    pub fn bare(&self) -> &'static str {
        self.name
            .trim_start_matches("Provinsi ")
            .trim_start_matches("Kabupaten ")
            .trim_start_matches("Kota ")
    }

    /// "Pemerintah Kota Balikpapan".
    pub fn pemda(&self) -> String {
        format!("Pemerintah {}", self.name)
    }

    /// Whether this is the provincial office.
    pub fn is_province(&self) -> bool {
        self.seg == "Prov"
    }
}

/// A place where something happened: the kecamatan and kelurahan/desa, and the kabupaten/kota
/// they lie in (which differs from the handling office for the provincial office's cases).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Place {
    pub kec: &'static str,
    pub kel: &'static str,
    pub area: &'static Office,
}

impl Place {
    /// The village's bare name: "Jembayan" from "Desa Jembayan".
    pub fn kel_bare(&self) -> &'static str {
        let k = self.kel;
        for p in ["Kelurahan ", "Desa ", "Kampung "] {
            if let Some(rest) = k.strip_prefix(p) {
                return rest;
            }
        }
        k
    }

    /// Whether the village is a desa/kampung (headed by an elected village head, not a civil servant).
    pub fn is_village(&self) -> bool {
        self.kel.starts_with("Desa ") || self.kel.starts_with("Kampung ")
    }

    /// The title of the village head: "Kepala Desa Jembayan", "Lurah Sepinggan", "Petinggi Kampung ...".
    pub fn head(&self) -> String {
        if self.kel.starts_with("Desa ") {
            format!("Kepala {}", self.kel)
        } else if self.kel.starts_with("Kampung ") {
            if self.area.code == "64.07" {
                format!("Petinggi {}", self.kel)
            } else {
                format!("Kepala {}", self.kel)
            }
        } else {
            format!("Lurah {}", self.kel_bare())
        }
    }
}

/// Picks a place in the office's area (for the provincial office: anywhere in the province).
pub(crate) fn pick_place(office: &'static Office, rng: &mut Rng) -> Place {
    let area = if office.places.is_empty() {
        pick_area(rng)
    } else {
        office
    };
    let (kec, kels) = area.places[rng.usize(..area.places.len())];
    Place {
        kec,
        kel: kels[rng.usize(..kels.len())],
        area,
    }
}

/// Picks a place that is a desa/kampung when the area has one (for village-head cases).
pub(crate) fn pick_village(office: &'static Office, rng: &mut Rng) -> Place {
    let area = if office.places.is_empty() {
        pick_area(rng)
    } else {
        office
    };
    let villages: Vec<(&'static str, &'static str)> = area
        .places
        .iter()
        .flat_map(|(kec, kels)| {
            kels.iter()
                .filter(|k| !k.starts_with("Kelurahan "))
                .map(move |k| (*kec, *k))
        })
        .collect();
    if villages.is_empty() {
        return pick_place(area, rng);
    }
    let (kec, kel) = villages[rng.usize(..villages.len())];
    Place { kec, kel, area }
}

/// A kabupaten/kota weighted by size (for the provincial office's cases).
fn pick_area(rng: &mut Rng) -> &'static Office {
    let areas: Vec<&'static Office> = OFFICES.iter().filter(|o| !o.places.is_empty()).collect();
    let total: u32 = areas.iter().map(|o| o.weight).sum();
    let mut x = rng.u32(..total);
    for o in &areas {
        if x < o.weight {
            return o;
        }
        x -= o.weight;
    }
    areas[0]
}

/// The office with this Kemendagri code.
pub(crate) fn office(code: &str) -> &'static Office {
    OFFICES
        .iter()
        .find(|o| o.code == code)
        .unwrap_or(&OFFICES[0])
}

/// An office weighted by `weight` (the provincial office included).
pub(crate) fn pick_office(rng: &mut Rng) -> &'static Office {
    let total: u32 = OFFICES.iter().map(|o| o.weight).sum();
    let mut x = rng.u32(..total);
    for o in OFFICES {
        if x < o.weight {
            return o;
        }
        x -= o.weight;
    }
    &OFFICES[0]
}

/// The eleven handling offices, provincial office first.
#[rustfmt::skip]
pub(crate) static OFFICES: &[Office] = &[
    Office { code: "64", name: "Provinsi Kalimantan Timur", seg: "Prov", num: "23.00", dapil: 10, weight: 6, places: &[] },
    Office { code: "64.71", name: "Kota Balikpapan", seg: "Kota", num: "23.05", dapil: 5, weight: 14, places: &[
        ("Balikpapan Selatan", &["Kelurahan Sepinggan", "Kelurahan Sepinggan Raya", "Kelurahan Damai Bahagia", "Kelurahan Gunung Bahagia", "Kelurahan Sungainangka"]),
        ("Balikpapan Kota", &["Kelurahan Klandasan Ilir", "Kelurahan Klandasan Ulu", "Kelurahan Prapatan", "Kelurahan Telaga Sari", "Kelurahan Damai"]),
        ("Balikpapan Tengah", &["Kelurahan Gunung Sari Ilir", "Kelurahan Gunung Sari Ulu", "Kelurahan Karang Jati", "Kelurahan Mekar Sari", "Kelurahan Sumber Rejo"]),
        ("Balikpapan Utara", &["Kelurahan Batu Ampar", "Kelurahan Graha Indah", "Kelurahan Gunung Samarinda", "Kelurahan Karang Joang", "Kelurahan Muara Rapak"]),
        ("Balikpapan Timur", &["Kelurahan Manggar", "Kelurahan Manggar Baru", "Kelurahan Lamaru", "Kelurahan Teritip"]),
        ("Balikpapan Barat", &["Kelurahan Baru Ilir", "Kelurahan Baru Tengah", "Kelurahan Marga Sari", "Kelurahan Margo Mulyo", "Kelurahan Kariangau"]),
    ] },
    Office { code: "64.72", name: "Kota Samarinda", seg: "Kota", num: "23.06", dapil: 6, weight: 16, places: &[
        ("Samarinda Ulu", &["Kelurahan Air Putih", "Kelurahan Air Hitam", "Kelurahan Dadi Mulya", "Kelurahan Gunung Kelua", "Kelurahan Sidodadi"]),
        ("Samarinda Ilir", &["Kelurahan Sungai Dama", "Kelurahan Pelita", "Kelurahan Sidomulyo", "Kelurahan Sidodamai", "Kelurahan Selili"]),
        ("Samarinda Seberang", &["Kelurahan Baqa", "Kelurahan Mesjid", "Kelurahan Sungai Keledang"]),
        ("Sungai Kunjang", &["Kelurahan Loa Bakung", "Kelurahan Loa Buah", "Kelurahan Karang Asam Ulu", "Kelurahan Lok Bahu", "Kelurahan Karang Anyar"]),
        ("Sambutan", &["Kelurahan Sambutan", "Kelurahan Sindang Sari", "Kelurahan Pulau Atas", "Kelurahan Makroman"]),
        ("Sungai Pinang", &["Kelurahan Sungai Pinang Dalam", "Kelurahan Temindung Permai", "Kelurahan Gunung Lingai", "Kelurahan Mugirejo"]),
        ("Samarinda Kota", &["Kelurahan Bugis", "Kelurahan Pasar Pagi", "Kelurahan Karang Mumus", "Kelurahan Pelabuhan"]),
        ("Palaran", &["Kelurahan Rawa Makmur", "Kelurahan Handil Bakti", "Kelurahan Bukuan", "Kelurahan Simpang Pasir", "Kelurahan Bantuas"]),
        ("Samarinda Utara", &["Kelurahan Sempaja Selatan", "Kelurahan Sempaja Utara", "Kelurahan Lempake", "Kelurahan Sungai Siring", "Kelurahan Tanah Merah"]),
        ("Loa Janan Ilir", &["Kelurahan Simpang Tiga", "Kelurahan Tani Aman", "Kelurahan Sengkotek", "Kelurahan Harapan Baru", "Kelurahan Rapak Dalam"]),
    ] },
    Office { code: "64.74", name: "Kota Bontang", seg: "Kota", num: "23.07", dapil: 3, weight: 6, places: &[
        ("Bontang Utara", &["Kelurahan Bontang Baru", "Kelurahan Api-api", "Kelurahan Gunung Elai", "Kelurahan Lok Tuan", "Kelurahan Guntung", "Kelurahan Bontang Kuala"]),
        ("Bontang Selatan", &["Kelurahan Tanjung Laut", "Kelurahan Tanjung Laut Indah", "Kelurahan Berbas Tengah", "Kelurahan Berbas Pantai", "Kelurahan Satimpo", "Kelurahan Bontang Lestari"]),
        ("Bontang Barat", &["Kelurahan Belimbing", "Kelurahan Gunung Telihan", "Kelurahan Kanaan"]),
    ] },
    Office { code: "64.02", name: "Kabupaten Kutai Kartanegara", seg: "Kab", num: "23.02", dapil: 6, weight: 14, places: &[
        ("Tenggarong", &["Kelurahan Melayu", "Kelurahan Panji", "Kelurahan Timbau", "Kelurahan Loa Ipuh", "Kelurahan Sukarame", "Kelurahan Maluhu"]),
        ("Tenggarong Seberang", &["Desa Bukit Raya", "Desa Manunggal Jaya", "Desa Separi", "Desa Loa Ulung", "Desa Embalut"]),
        ("Loa Janan", &["Desa Loa Janan Ulu", "Desa Loa Duri Ilir", "Desa Bakungan", "Desa Tani Bhakti"]),
        ("Loa Kulu", &["Desa Loa Kulu Kota", "Desa Jembayan", "Desa Rempanga", "Desa Sumber Sari"]),
        ("Sanga Sanga", &["Kelurahan Sanga-Sanga Dalam", "Kelurahan Jawa", "Kelurahan Sari Jaya"]),
        ("Anggana", &["Desa Anggana", "Desa Sungai Meriam", "Desa Handil Terusan", "Desa Sepatin"]),
        ("Muara Jawa", &["Kelurahan Muara Jawa Ulu", "Kelurahan Muara Jawa Ilir", "Kelurahan Muara Jawa Tengah"]),
        ("Samboja", &["Kelurahan Samboja Kuala", "Kelurahan Sungai Seluang", "Kelurahan Sanipah", "Desa Karya Jaya"]),
        ("Muara Badak", &["Desa Badak Baru", "Desa Muara Badak Ulu", "Desa Tanjung Limau", "Desa Salok Palai"]),
        ("Kota Bangun", &["Desa Kota Bangun Ilir", "Desa Kota Bangun Ulu"]),
        ("Sebulu", &["Desa Sebulu Ilir", "Desa Sebulu Ulu"]),
        ("Muara Kaman", &["Desa Muara Kaman Ulu", "Desa Sabintulung"]),
        ("Marang Kayu", &["Desa Bunga Putih", "Desa Sebuntal"]),
    ] },
    Office { code: "64.08", name: "Kabupaten Kutai Timur", seg: "Kab", num: "23.08", dapil: 5, weight: 8, places: &[
        ("Sangatta Utara", &["Desa Singa Gembara", "Kelurahan Teluk Lingga", "Desa Swarga Bara", "Desa Sangatta Utara"]),
        ("Sangatta Selatan", &["Desa Sangatta Selatan", "Kelurahan Singa Geweh", "Desa Sangkima"]),
        ("Bengalon", &["Desa Sepaso", "Desa Sepaso Timur", "Desa Tepian Langsat"]),
        ("Muara Wahau", &["Desa Wahau Baru", "Desa Nehes Liah Bing"]),
        ("Rantau Pulung", &["Desa Tanjung Labu", "Desa Margo Mulyo"]),
        ("Kaliorang", &["Desa Kaliorang", "Desa Bukit Makmur"]),
        ("Sangkulirang", &["Desa Benua Baru Ilir", "Desa Kerayaan"]),
        ("Teluk Pandan", &["Desa Suka Rahmat", "Desa Martadinata", "Desa Kandolo"]),
        ("Kombeng", &["Desa Miau Baru", "Desa Sri Pantun"]),
    ] },
    Office { code: "64.01", name: "Kabupaten Paser", seg: "Kab", num: "23.01", dapil: 4, weight: 6, places: &[
        ("Tanah Grogot", &["Kelurahan Tanah Grogot", "Desa Tanah Periuk", "Desa Tepian Batang", "Desa Senaken", "Desa Sempulang", "Desa Jone"]),
        ("Long Ikis", &["Kelurahan Long Ikis", "Desa Tajur"]),
        ("Long Kali", &["Kelurahan Long Kali", "Desa Muara Telake"]),
        ("Batu Sopang", &["Desa Batu Kajang", "Desa Kasungai"]),
        ("Kuaro", &["Kelurahan Kuaro", "Desa Padang Jaya"]),
        ("Paser Belengkong", &["Desa Pasir Belengkong", "Desa Lempesu"]),
        ("Muara Komam", &["Kelurahan Muara Komam"]),
        ("Tanjung Harapan", &["Desa Tanjung Aru"]),
    ] },
    Office { code: "64.09", name: "Kabupaten Penajam Paser Utara", seg: "Kab", num: "23.09", dapil: 3, weight: 5, places: &[
        ("Penajam", &["Kelurahan Penajam", "Kelurahan Nenang", "Kelurahan Nipah-Nipah", "Kelurahan Gunung Seteleng", "Kelurahan Petung", "Kelurahan Tanjung Tengah"]),
        ("Waru", &["Kelurahan Waru", "Desa Bangun Mulya", "Desa Sesulu"]),
        ("Babulu", &["Desa Babulu Darat", "Desa Babulu Laut", "Desa Labangka"]),
        ("Sepaku", &["Kelurahan Sepaku", "Kelurahan Pemaluan", "Desa Bumi Harapan", "Desa Bukit Raya"]),
    ] },
    Office { code: "64.03", name: "Kabupaten Berau", seg: "Kab", num: "23.03", dapil: 4, weight: 6, places: &[
        ("Tanjung Redeb", &["Kelurahan Bugis", "Kelurahan Gayam", "Kelurahan Gunung Panjang", "Kelurahan Karang Ambun", "Kelurahan Sungai Bedungun", "Kelurahan Tanjung Redeb"]),
        ("Teluk Bayur", &["Kelurahan Teluk Bayur", "Kelurahan Rinding", "Kampung Tumbit Melayu"]),
        ("Sambaliung", &["Kelurahan Sambaliung", "Kampung Gurimbang", "Kampung Pegat Bukur"]),
        ("Gunung Tabur", &["Kelurahan Gunung Tabur", "Kampung Merancang Ulu", "Kampung Maluang"]),
        ("Talisayan", &["Kampung Talisayan"]),
        ("Biduk-Biduk", &["Kampung Biduk-Biduk", "Kampung Teluk Sulaiman"]),
        ("Pulau Derawan", &["Kampung Pulau Derawan", "Kampung Tanjung Batu"]),
        ("Maratua", &["Kampung Teluk Harapan", "Kampung Bohe Silian"]),
    ] },
    Office { code: "64.07", name: "Kabupaten Kutai Barat", seg: "Kab", num: "23.04", dapil: 4, weight: 5, places: &[
        ("Barong Tongkok", &["Kelurahan Barong Tongkok", "Kelurahan Simpang Raya", "Kampung Juaq Asa", "Kampung Ongko Asa"]),
        ("Melak", &["Kelurahan Melak Ulu", "Kelurahan Melak Ilir", "Kampung Empas"]),
        ("Linggang Bigung", &["Kampung Linggang Bigung", "Kampung Linggang Melapeh"]),
        ("Sekolaq Darat", &["Kampung Sekolaq Darat", "Kampung Sekolaq Joleq"]),
        ("Long Iram", &["Kampung Long Iram Kota", "Kampung Long Iram Bayan"]),
        ("Muara Pahu", &["Kampung Muara Baroh", "Kampung Tanjung Laong"]),
        ("Jempang", &["Kampung Tanjung Isuy", "Kampung Muara Tae"]),
        ("Damai", &["Kampung Damai Kota", "Kampung Damai Seberang"]),
    ] },
    Office { code: "64.11", name: "Kabupaten Mahakam Ulu", seg: "Kab", num: "23.10", dapil: 2, weight: 2, places: &[
        ("Long Bagun", &["Kampung Ujoh Bilang", "Kampung Long Bagun Ilir", "Kampung Long Melaham"]),
        ("Long Hubung", &["Kampung Long Hubung", "Kampung Datah Bilang Ilir"]),
        ("Laham", &["Kampung Laham", "Kampung Long Gelawang"]),
        ("Long Pahangai", &["Kampung Long Pahangai I", "Kampung Long Isun"]),
        ("Long Apari", &["Kampung Tiong Ohang", "Kampung Long Apari"]),
    ] },
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Reference;

    #[test]
    fn offices_match_the_reference_regions() {
        let r = Reference::embedded();
        assert_eq!(OFFICES.len(), r.regions.len());
        for o in OFFICES {
            let region = r
                .region(o.code)
                .unwrap_or_else(|| panic!("{} not in regions.csv", o.code));
            assert_eq!(region.name, o.name);
            assert!(
                o.places.len() as i64 <= region.kecamatan_count.max(1),
                "{}",
                o.code
            );
        }
        let mut nums: Vec<_> = OFFICES.iter().map(|o| o.num).collect();
        nums.sort();
        nums.dedup();
        assert_eq!(nums.len(), OFFICES.len());
    }

    #[test]
    fn every_place_is_in_the_region_tree_as_its_kind() {
        use crate::domain::wilayah::match_place;
        let r = Reference::embedded();
        for o in OFFICES {
            for (kec, kels) in o.places {
                let k = match_place(kec, r.kecamatan_in(o.code), |k| &k.code, |k| &k.name)
                    .unwrap_or_else(|_| panic!("Kec. {kec} is not in the tree of {}", o.name));
                assert_eq!(&k.name, kec, "spelt as the tree spells it");
                for kel in *kels {
                    let d = match_place(kel, r.desa_in(&k.code), |d| &d.code, |d| &d.name)
                        .unwrap_or_else(|_| panic!("{kel} is not in the tree of Kec. {kec}"));
                    let place = Place { kec, kel, area: o };
                    assert_eq!(d.name, place.kel_bare(), "spelt as the tree spells it");
                    assert_eq!(d.kind == "desa", place.is_village(), "{kel}: a {}", d.kind);
                }
            }
        }
    }
}
