//! Short forms of the coded values (status, type), for narrow columns such as the case list at 80
//! columns: what an officer writes in a recap table, in both languages. Keyed by the stored code.

use super::Lang;

/// The short form of a status, by its code (`KAJIAN_AWAL`); `None` for a code pantau does not know.
pub fn status(code: &str, lang: Lang) -> Option<&'static str> {
    let (id, en) = match code {
        "INFORMASI_AWAL" => ("Info awal", "Initial info"),
        "PENELUSURAN" => ("Penelusuran", "Inquiry"),
        "DITERIMA" => ("Diterima", "Received"),
        "KAJIAN_AWAL" => ("Kajian awal", "First review"),
        "PERBAIKAN_SYARAT" => ("Lengkapi", "Completing"),
        "DIREGISTRASI" => ("Registrasi", "Registered"),
        "TIDAK_DIREGISTRASI" => ("Tidak reg.", "Not reg."),
        "DICABUT" => ("Dicabut", "Withdrawn"),
        "KLARIFIKASI" => ("Klarifikasi", "Clarifying"),
        "KAJIAN" => ("Kajian", "Review"),
        "PEMBAHASAN_GAKKUMDU" => ("Gakkumdu", "Gakkumdu"),
        "PELANGGARAN" => ("Pelanggaran", "Violation"),
        "BUKAN_PELANGGARAN" => ("Bukan pel.", "No violation"),
        "DIHENTIKAN" => ("Dihentikan", "Stopped"),
        _ => return None,
    };
    Some(lang.pick(id, en))
}

/// The short form of a type group, by its code (`KODE_ETIK`); `None` for a code pantau does not
/// know.
pub fn type_group(code: &str, lang: Lang) -> Option<&'static str> {
    let (id, en) = match code {
        "ADMINISTRASI" => ("Administrasi", "Admin."),
        "PIDANA" => ("Pidana", "Crime"),
        "KODE_ETIK" => ("Kode etik", "Ethics"),
        "HUKUM_LAINNYA" => ("Hukum lain", "Other laws"),
        "TSM" => ("Adm. TSM", "TSM admin."),
        "BUKAN_PELANGGARAN" => ("Bukan pel.", "No violation"),
        "BELUM_DITENTUKAN" => ("Belum putus", "Undetermined"),
        "TIDAK_DITINDAKLANJUTI" => ("Tdk lanjut", "Not pursued"),
        _ => return None,
    };
    Some(lang.pick(id, en))
}
