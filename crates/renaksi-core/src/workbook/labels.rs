//! The words printed sheets use for the model's values and for the columns
//! the Laporan OPD and the Rekap kabupaten share, so that both say the same.

use crate::achievement::Reason;
use crate::model::MilestoneStatus;
use crate::period::roman;

/// "Capaian s.d. TW II (%)": the header of the capaian column of quarter
/// `quarter` (1 to 4).
pub fn capaian_header(quarter: u8) -> String {
    format!("Capaian s.d. TW {} (%)", roman(quarter))
}

/// Status label on the IRM completion scale.
pub fn status_label(status: MilestoneStatus) -> &'static str {
    match status {
        MilestoneStatus::NotStarted => "Belum Dimulai",
        MilestoneStatus::Limited => "Terbatas",
        MilestoneStatus::Substantial => "Substansial",
        MilestoneStatus::Complete => "Selesai",
    }
}

/// Why a capaian has no figure, as the printed report says it.
pub fn reason_label(reason: Reason) -> &'static str {
    match reason {
        Reason::Ok => "",
        Reason::NoTarget => "Belum ada target",
        Reason::ZeroTarget => "Target nol",
        Reason::NoRealisation => "Belum ada realisasi",
        Reason::ZeroRealisation => "Realisasi nol (indikator negatif)",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_capaian_header_names_the_quarter() {
        assert_eq!(capaian_header(1), "Capaian s.d. TW I (%)");
        assert_eq!(capaian_header(2), "Capaian s.d. TW II (%)");
        assert_eq!(capaian_header(4), "Capaian s.d. TW IV (%)");
    }
}
