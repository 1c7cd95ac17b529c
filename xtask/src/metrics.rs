//! The metric: recall of positive queries at a fixed alert rate on innocents.
//!
//! A screening engine is tuned by its alert threshold, and the threshold a
//! compliance team can afford is set by how many innocent customers it flags
//! (each alert is a manual review). Comparing engines at their own default
//! thresholds would compare arbitrary numbers; comparing recall at the same
//! alert rate on the same innocent population compares what they deliver.

use serde::Serialize;
use std::collections::BTreeMap;

/// The alert rates reported.
pub const ALERT_RATES: [f64; 3] = [0.005, 0.01, 0.02];

/// The threshold `t` at which at most `rate` of the innocents alert, where a
/// score *alerts* when it is strictly greater than `t`.
///
/// With `N` innocents, `k = floor(rate·N)` alerts are allowed; `t` is the
/// `(k+1)`-th highest innocent score, so the `k` highest alert and ties with
/// the `(k+1)`-th do not (ties never push the rate over budget). Returns
/// `-inf` when every innocent may alert (`k ≥ N`), and `0` for an empty
/// population.
pub fn threshold_for_alert_rate(innocent: &[f64], rate: f64) -> f64 {
    if innocent.is_empty() {
        return 0.0;
    }
    let mut sorted: Vec<f64> = innocent.to_vec();
    sorted.sort_by(|a, b| b.total_cmp(a));
    let k = (rate * sorted.len() as f64).floor() as usize;
    if k >= sorted.len() {
        return f64::NEG_INFINITY;
    }
    sorted[k]
}

/// Fraction of `scores` strictly above `threshold` (0 for an empty slice).
pub fn rate_above(scores: &[f64], threshold: f64) -> f64 {
    if scores.is_empty() {
        return 0.0;
    }
    scores.iter().filter(|&&s| s > threshold).count() as f64 / scores.len() as f64
}

/// Results of one method at every alert rate.
#[derive(Debug, Clone, Serialize)]
pub struct MethodResult {
    /// Method key (`tamga`, `rapidfuzz_wratio`, …).
    pub method: String,
    /// Display label.
    pub label: String,
    /// Innocent queries scored.
    pub innocents: usize,
    /// Alert rates targeted.
    pub alert_rates: Vec<f64>,
    /// Threshold per rate (alert when score > threshold).
    pub thresholds: Vec<f64>,
    /// Alert rate actually reached per rate (≤ target; lower with ties).
    pub actual_alert_rates: Vec<f64>,
    /// Recall per set, per rate, with the set size.
    pub sets: BTreeMap<String, SetRecall>,
    /// Unweighted mean of the per-set recalls, per rate.
    pub macro_recall: Vec<f64>,
    /// Recall of diagnostic subsets of sets (`<set> / <subset>`), not part
    /// of the macro average.
    pub subsets: BTreeMap<String, SetRecall>,
}

/// Recall of one set.
#[derive(Debug, Clone, Serialize)]
pub struct SetRecall {
    /// Queries in the set.
    pub n: usize,
    /// Recall per alert rate.
    pub recall: Vec<f64>,
}

/// Scores one method: `innocent` are best scores of innocent queries,
/// `positives` the target scores grouped by set, `subsets` the target scores
/// of diagnostic subsets (reported at the same thresholds, outside the macro
/// average).
pub fn evaluate(
    method: &str,
    label: &str,
    innocent: &[f64],
    positives: &BTreeMap<String, Vec<f64>>,
    subsets: &BTreeMap<String, Vec<f64>>,
) -> MethodResult {
    let thresholds: Vec<f64> = ALERT_RATES
        .iter()
        .map(|&r| threshold_for_alert_rate(innocent, r))
        .collect();
    let actual = thresholds
        .iter()
        .map(|&t| rate_above(innocent, t))
        .collect();
    let recall_of = |groups: &BTreeMap<String, Vec<f64>>| -> BTreeMap<String, SetRecall> {
        groups
            .iter()
            .map(|(set, scores)| {
                let recall = thresholds.iter().map(|&t| rate_above(scores, t)).collect();
                (
                    set.clone(),
                    SetRecall {
                        n: scores.len(),
                        recall,
                    },
                )
            })
            .collect()
    };
    let sets = recall_of(positives);
    let subsets = recall_of(subsets);
    let macro_recall = (0..ALERT_RATES.len())
        .map(|i| {
            if sets.is_empty() {
                0.0
            } else {
                sets.values().map(|s| s.recall[i]).sum::<f64>() / sets.len() as f64
            }
        })
        .collect();
    MethodResult {
        method: method.to_string(),
        label: label.to_string(),
        innocents: innocent.len(),
        alert_rates: ALERT_RATES.to_vec(),
        thresholds,
        actual_alert_rates: actual,
        sets,
        macro_recall,
        subsets,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn threshold_allows_exactly_the_budgeted_alerts() {
        // 10 innocents; 20 % budget = 2 alerts: the 3rd highest (0.7) is the
        // threshold, so only 0.9 and 0.8 alert.
        let innocent = [0.1, 0.9, 0.2, 0.8, 0.7, 0.3, 0.65, 0.0, 0.5, 0.4];
        let t = threshold_for_alert_rate(&innocent, 0.2);
        assert_eq!(t, 0.7);
        assert_eq!(rate_above(&innocent, t), 0.2);
        // 15 % of 10 = 1.5 → 1 alert allowed.
        assert_eq!(threshold_for_alert_rate(&innocent, 0.15), 0.8);
        // Ties at the cut do not alert: the rate stays under budget.
        let tied = [0.9, 0.8, 0.8, 0.8, 0.1];
        let t = threshold_for_alert_rate(&tied, 0.4);
        assert_eq!(t, 0.8);
        assert_eq!(rate_above(&tied, t), 0.2);
        assert_eq!(threshold_for_alert_rate(&tied, 1.0), f64::NEG_INFINITY);
    }

    #[test]
    fn recall_counts_targets_strictly_above_threshold() {
        let innocent = [0.1, 0.9, 0.2, 0.8, 0.7, 0.3, 0.65, 0.0, 0.5, 0.4];
        let mut positives = BTreeMap::new();
        positives.insert("a".to_string(), vec![0.95, 0.7, 0.71, 0.0]);
        let r = evaluate("m", "M", &innocent, &positives, &BTreeMap::new());
        // 0.5 % and 1 % of 10 → 0 alerts → t = 0.9; 2 % → also 0 alerts.
        assert_eq!(r.thresholds, vec![0.9, 0.9, 0.9]);
        assert_eq!(r.sets["a"].recall, vec![0.25, 0.25, 0.25]);
        let r = evaluate("m", "M", &innocent[..], &positives, &BTreeMap::new());
        assert_eq!(r.macro_recall[0], 0.25);
    }
}
