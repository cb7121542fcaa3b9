-- pantau schema, version 4: each stage has a short label in both languages, for narrow columns
-- and panels (`Kampanye`, `Voting day`); empty means the stage's name. The labels of Pemilu 2024's
-- stages are filled in here, as assets/stages.csv has them.

ALTER TABLE stages ADD COLUMN short_id TEXT NOT NULL DEFAULT '';

ALTER TABLE stages ADD COLUMN short_en TEXT NOT NULL DEFAULT '';

UPDATE stages SET short_id = 'Perencanaan', short_en = 'Planning' WHERE code = 'PERENCANAAN';
UPDATE stages SET short_id = 'Verifikasi', short_en = 'Verification' WHERE code = 'PENDAFTARAN_VERIFIKASI';
UPDATE stages SET short_id = 'Data pemilih', short_en = 'Voter list' WHERE code = 'DATA_PEMILIH';
UPDATE stages SET short_id = 'Dapil/kursi', short_en = 'Districts' WHERE code = 'DAPIL_KURSI';
UPDATE stages SET short_id = 'Peserta', short_en = 'Contestants' WHERE code = 'PENETAPAN_PESERTA';
UPDATE stages SET short_id = 'Pencalonan', short_en = 'Candidacy' WHERE code = 'PENCALONAN';
UPDATE stages SET short_id = 'Kampanye', short_en = 'Campaign' WHERE code = 'KAMPANYE';
UPDATE stages SET short_id = 'Masa tenang', short_en = 'Quiet period' WHERE code = 'MASA_TENANG';
UPDATE stages SET short_id = 'Pemungutan', short_en = 'Voting day' WHERE code = 'PUNGUT_HITUNG';
UPDATE stages SET short_id = 'Rekapitulasi', short_en = 'Tabulation' WHERE code = 'REKAPITULASI';
UPDATE stages SET short_id = 'Hasil pemilu', short_en = 'Results' WHERE code = 'PENETAPAN_HASIL';
UPDATE stages SET short_id = 'Sumpah/janji', short_en = 'Swearing-in' WHERE code = 'SUMPAH_JANJI';
UPDATE stages SET short_id = 'Lainnya', short_en = 'Other' WHERE code = 'LAINNYA';
