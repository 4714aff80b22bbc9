//! Debate scales: a 0–100 score read the way a judge of each format would write it.

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Scale {
    /// Speaker scores 60–80.
    WorldSchools,
    /// Speaker points 50–100.
    BritishParliamentary,
    /// Speaker points 25–30.
    PublicForum,
}

impl Scale {
    /// The scale a `drill.scale` config value names (the config loader has checked it).
    pub fn from_config(name: &str) -> Option<Scale> {
        match name {
            "world-schools" => Some(Scale::WorldSchools),
            "british-parliamentary" => Some(Scale::BritishParliamentary),
            "public-forum" => Some(Scale::PublicForum),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Scale::WorldSchools => "world-schools",
            Scale::BritishParliamentary => "british-parliamentary",
            Scale::PublicForum => "public-forum",
        }
    }

    /// The lowest and highest mark of the scale.
    pub fn range(self) -> (f64, f64) {
        match self {
            Scale::WorldSchools => (60.0, 80.0),
            Scale::BritishParliamentary => (50.0, 100.0),
            Scale::PublicForum => (25.0, 30.0),
        }
    }

    /// A 0–100 score on this scale, linearly, rounded to the half point judges write.
    pub fn map(self, score: f64) -> f64 {
        let (low, high) = self.range();
        let share = score.clamp(0.0, 100.0) / 100.0;
        ((low + (high - low) * share) * 2.0).round() / 2.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ends_of_the_range_map_to_ends_of_the_scale() {
        assert_eq!(Scale::WorldSchools.map(0.0), 60.0);
        assert_eq!(Scale::WorldSchools.map(100.0), 80.0);
        assert_eq!(Scale::BritishParliamentary.map(50.0), 75.0);
        assert_eq!(Scale::PublicForum.map(100.0), 30.0);
        assert_eq!(Scale::PublicForum.map(150.0), 30.0);
    }

    #[test]
    fn config_names_round_trip() {
        for scale in [
            Scale::WorldSchools,
            Scale::BritishParliamentary,
            Scale::PublicForum,
        ] {
            assert_eq!(Scale::from_config(scale.name()), Some(scale));
        }
        assert_eq!(Scale::from_config("oxford"), None);
    }
}
