//! Horizontal bars drawn with block characters in eighths, so small differences show.
//! A pure function of a value, the largest value and a width.

const EIGHTHS: [&str; 8] = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"];

/// A bar of `value` out of `max` in at most `width` columns; any non-zero value shows.
pub fn bar(value: i64, max: i64, width: usize) -> String {
    if value <= 0 || max <= 0 || width == 0 {
        return String::new();
    }
    let eighths = ((value.min(max) as f64 / max as f64) * (width * 8) as f64).round() as usize;
    let eighths = eighths.max(1);
    let mut s = "█".repeat(eighths / 8);
    s.push_str(EIGHTHS[eighths % 8]);
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_scale_to_the_largest_value() {
        assert_eq!(bar(14, 14, 10), "██████████");
        assert_eq!(bar(7, 14, 10), "█████");
        assert_eq!(bar(1, 14, 10), "▊");
        assert_eq!(bar(1, 1000, 10), "▏");
        assert_eq!(bar(0, 14, 10), "");
    }
}
