SELECT min(CAST((julianday(tanggal_diterima) - julianday('2023-11-28')) / 7 AS INTEGER) + 1, 10) AS pekan, count(*)
FROM cases WHERE kode_tahapan = 'KAMPANYE' AND tanggal_diterima BETWEEN '2023-11-28' AND '2024-02-09'
GROUP BY pekan;
SELECT pekan, sum(count) FROM campaign_activities GROUP BY pekan;
