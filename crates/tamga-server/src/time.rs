//! UTC timestamps without a calendar dependency: the service only needs to
//! print instants (RFC 3339) and read the `YYYY-MM-DD` prefix of publication
//! dates.

use std::time::{SystemTime, UNIX_EPOCH};

/// Seconds since the Unix epoch (0 for instants before it).
pub fn unix_secs(t: SystemTime) -> f64 {
    t.duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs_f64())
        .unwrap_or(0.0)
}

/// `YYYY-MM-DDTHH:MM:SS.mmmZ`.
pub fn rfc3339(t: SystemTime) -> String {
    let d = t.duration_since(UNIX_EPOCH).unwrap_or_default();
    let secs = d.as_secs() as i64;
    let (days, rem) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    let (y, m, day) = civil_from_days(days);
    format!(
        "{y:04}-{m:02}-{day:02}T{:02}:{:02}:{:02}.{:03}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60,
        d.subsec_millis()
    )
}

/// Unix seconds of midnight UTC of the date that `text` starts with
/// (`2026-02-27`, `2026-02-27T00:00:09Z`, …).
pub fn date_prefix_secs(text: &str) -> Option<i64> {
    let date = text.get(..10)?;
    let mut it = date.split('-');
    let y: i64 = it.next()?.parse().ok()?;
    let m: u32 = it.next()?.parse().ok()?;
    let d: u32 = it.next()?.parse().ok()?;
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    Some(days_from_civil(y, m, d) * 86_400)
}

// Howard Hinnant's proleptic Gregorian conversions.
fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m as i64 + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn round_trips_known_instants() {
        // 2026-02-27T00:00:09Z is 1772150409 (date -u -d 2026-02-27T00:00:09Z +%s).
        let t = UNIX_EPOCH + Duration::from_millis(1_772_150_409_554);
        assert_eq!(rfc3339(t), "2026-02-27T00:00:09.554Z");
        assert_eq!(
            date_prefix_secs("2026-02-27T00:00:09.554Z"),
            Some(1_772_150_400)
        );
        assert_eq!(rfc3339(UNIX_EPOCH), "1970-01-01T00:00:00.000Z");
        assert_eq!(date_prefix_secs("2024-02-29"), Some(1_709_164_800));
        assert_eq!(date_prefix_secs("14/04/2025"), None);
    }
}
