//! The ranking's numbers, in one place. They were tuned on the project's first query set; on
//! the tuning split of the blind sets (`tests/data/blind/`, run `debate-drill eval`) the
//! alternatives tried (k1 1.2, quote or evidence weight doubled, keywords 0.7, no position
//! field, more length normalisation) measured within a message of these. Change them only with
//! a measurement, and never tune on the holdout split.

/// The fields of an argument that are indexed, each with its own weight and length
/// normalisation (BM25F).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Claim,
    Quote,
    Keywords,
    Evidence,
    /// The argument's position: its author and thesis, shared by all its arguments.
    Position,
}

impl Field {
    pub const ALL: [Field; 5] = [
        Field::Claim,
        Field::Quote,
        Field::Keywords,
        Field::Evidence,
        Field::Position,
    ];

    pub fn slot(self) -> usize {
        self as usize
    }

    /// A field of the argument itself, rather than one shared by all its position's arguments.
    pub fn is_own(self) -> bool {
        self != Field::Position
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Tuning {
    /// BM25 term-frequency saturation.
    pub k1: f32,
    /// Per field: weight, and length normalisation `b` (0 = none, 1 = full).
    pub field_weight: [f32; 5],
    pub field_b: [f32; 5],
    /// Bonus for a query bigram found adjacent in a field, as a share of its terms' mean idf.
    pub phrase_weight: f32,
    /// How much a typo-corrected query term counts, against 1 for a term typed right.
    pub corrected_weight: f32,
    /// How much a synonym the pack uses of a message's word it never uses counts (WordNet).
    /// The tuning set's on-topic figures are flat from 0 to 0.5 (its messages mostly use the
    /// pack's words); off-topic refusal at the 0.2 threshold holds through 0.5 and slips at 0.6.
    pub synonym_weight: f32,

    /// How much a word the pack never uses counts against a message's fit, as a share of the
    /// rarest term's idf.
    pub unknown_word_weight: f32,
    /// Information (in units of the rarest term's idf) at which a query is half-way to fully
    /// trusted: one rare word alone is not much evidence of a point.
    pub half_trust_information: f32,
    /// The doubt left when the best match shares one term with the message; each further
    /// shared term multiplies it again.
    pub lone_term_doubt: f32,
}

impl Default for Tuning {
    fn default() -> Self {
        Tuning {
            k1: 2.0,
            field_weight: [1.0, 0.3, 1.0, 0.3, 0.15],
            field_b: [0.6, 0.6, 0.3, 0.3, 0.6],
            phrase_weight: 1.0,
            corrected_weight: 0.8,
            synonym_weight: 0.4,
            unknown_word_weight: 0.3,
            half_trust_information: 1.5,
            lone_term_doubt: 0.5,
        }
    }
}

impl Tuning {
    pub fn weight(&self, field: Field) -> f32 {
        self.field_weight[field.slot()]
    }

    pub fn b(&self, field: Field) -> f32 {
        self.field_b[field.slot()]
    }
}
