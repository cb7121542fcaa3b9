//! Horizontal bars drawn with block characters in eighths, so small differences show.
//! Pure functions of a value and a scale (the largest value in a width, or cells per unit).

const EIGHTHS: [&str; 8] = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"];

/// A bar of `value` out of `max` in at most `width` columns; any non-zero value shows.
pub fn bar(value: i64, max: i64, width: usize) -> String {
    if max <= 0 {
        return String::new();
    }
    bar_at(value, width as f64 / max as f64, width)
}

/// A bar of `value` at `cells` columns per unit, at most `width` columns; any non-zero value
/// shows. Bars drawn at one `cells` compare across panels.
pub fn bar_at(value: i64, cells: f64, width: usize) -> String {
    if value <= 0 || width == 0 || !cells.is_finite() || cells <= 0.0 {
        return String::new();
    }
    let eighths = ((value as f64 * cells * 8.0).round() as usize).clamp(1, width * 8);
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

    #[test]
    fn bars_at_one_scale_compare_whatever_their_room() {
        assert_eq!(bar_at(4, 0.5, 10), "██");
        assert_eq!(bar_at(4, 0.5, 40), "██", "more room draws no longer");
        assert_eq!(bar_at(40, 0.5, 10), "██████████", "never past the room");
        assert_eq!(bar_at(1, 0.01, 10), "▏", "any case shows");
        assert_eq!(bar_at(3, f64::INFINITY, 10), "");
    }
}
