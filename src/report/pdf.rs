//! The printed report: the meeting's recap as an A4 PDF with the office's letterhead, headline
//! figures, tables and charts, page numbers and the time made, fonts embedded. Writes no file.
