//! Reading back an ended round's stored scorecard: the few fields that later views take from
//! it (the progress chart, the comparison after switching sides). Lenient, since the stored
//! JSON may come from another version: a missing field reads as empty, an unreadable
//! scorecard as none at all.

use serde::Deserialize;

use crate::store::RoundRecord;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct StoredScorecard {
    /// The round's 0–100 total.
    pub total: Option<f64>,
    pub categories: Vec<StoredCategory>,
    pub dropped: Vec<StoredDropped>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct StoredCategory {
    pub category: String,
    pub points: f64,
    pub max: f64,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct StoredDropped {
    pub counter: StoredCounter,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct StoredCounter {
    pub id: String,
    pub claim: String,
    pub speaker: String,
}

impl StoredScorecard {
    /// The round's scorecard, when it has ended with one that can be read.
    pub fn of(round: &RoundRecord) -> Option<StoredScorecard> {
        serde_json::from_str(round.summary_json.as_deref()?).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_another_version_did_not_write_read_as_empty() {
        let stored: StoredScorecard =
            serde_json::from_str(r#"{"total": 61.5, "extra": true}"#).unwrap();
        assert_eq!(stored.total, Some(61.5));
        assert!(stored.categories.is_empty() && stored.dropped.is_empty());
        assert!(serde_json::from_str::<StoredScorecard>("not json").is_err());
    }
}
