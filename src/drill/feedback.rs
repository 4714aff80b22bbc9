//! What to do better, as structured values; adapters render them through the message catalogue
//! so every sentence a student reads comes from `prompts/`.

use serde::{Deserialize, Serialize};

use crate::prompts::Catalogue;

/// An argument named in feedback: who said it, and what.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Named {
    pub author: String,
    pub claim: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Feedback {
    /// Nothing to fix.
    Strong,
    /// The reply has little to do with the student's own side.
    StayOnSide { side: String },
    /// The reply does not engage the counter, and the side has no argument that answers it.
    EngageCounter { counter: Named },
    /// The reply does not engage the counter; this own-side argument answers it best.
    UseRebuttal { counter: Named, answer: Named },
    /// The reply takes up the counter's words but never says why its point fails.
    EchoesCounter { counter: Named },
    /// No figures, dates or named events; `example` is evidence the side could cite, and
    /// `cited_for` the argument of the side's essays that cites it (absent in turns stored
    /// before it was kept).
    AddEvidence {
        example: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        cited_for: Option<Named>,
    },
    /// Mostly what an earlier turn said.
    Repeats,
    /// A bare assertion: no reason given for it.
    GiveReason,
    /// The reply makes an opposing side's argument.
    ArguesOpposingSide { argument: Named },
    /// The reply reads as an opposing side's case more than as the student's own.
    LeansOpposing { argument: Named },
    /// The reply gives the point away.
    Concedes,
    /// A counter left unanswered when the round ended, and the own-side argument that answers it.
    Dropped {
        counter: Named,
        answer: Option<Named>,
    },
}

impl Feedback {
    pub fn render(&self, catalogue: &Catalogue) -> String {
        match self {
            Feedback::Strong => catalogue.render("feedback.strong", &[]),
            Feedback::StayOnSide { side } => {
                catalogue.render("feedback.stay_on_side", &[("side", side)])
            }
            Feedback::EngageCounter { counter } => catalogue.render(
                "feedback.engage_counter",
                &[("author", &counter.author), ("claim", &counter.claim)],
            ),
            Feedback::UseRebuttal { counter, answer } => catalogue.render(
                "feedback.use_rebuttal",
                &[
                    ("author", &counter.author),
                    ("answer_author", &answer.author),
                    ("answer", &answer.claim),
                ],
            ),
            Feedback::EchoesCounter { counter } => {
                catalogue.render("feedback.echoes_counter", &[("author", &counter.author)])
            }
            Feedback::AddEvidence {
                example: Some(example),
                cited_for: Some(argument),
            } => catalogue.render(
                "feedback.add_evidence_cited",
                &[
                    ("example", example),
                    ("author", &argument.author),
                    ("claim", &argument.claim),
                ],
            ),
            Feedback::AddEvidence {
                example: Some(example),
                cited_for: None,
            } => catalogue.render("feedback.add_evidence_example", &[("example", example)]),
            Feedback::AddEvidence { example: None, .. } => {
                catalogue.render("feedback.add_evidence", &[])
            }
            Feedback::Repeats => catalogue.render("feedback.repeats", &[]),
            Feedback::GiveReason => catalogue.render("feedback.give_reason", &[]),
            Feedback::ArguesOpposingSide { argument } => catalogue.render(
                "feedback.argues_opposing_side",
                &[("author", &argument.author), ("claim", &argument.claim)],
            ),
            Feedback::LeansOpposing { argument } => catalogue.render(
                "feedback.leans_opposing",
                &[("author", &argument.author), ("claim", &argument.claim)],
            ),
            Feedback::Concedes => catalogue.render("feedback.concedes", &[]),
            Feedback::Dropped {
                counter,
                answer: Some(answer),
            } => catalogue.render(
                "feedback.dropped",
                &[
                    ("author", &counter.author),
                    ("claim", &counter.claim),
                    ("answer_author", &answer.author),
                    ("answer", &answer.claim),
                ],
            ),
            Feedback::Dropped {
                counter,
                answer: None,
            } => catalogue.render(
                "feedback.dropped_no_answer",
                &[("author", &counter.author), ("claim", &counter.claim)],
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_evidence_hint_stored_before_its_source_was_kept_still_reads_and_renders() {
        let stored: Feedback =
            serde_json::from_str(r#"{"kind": "add_evidence", "example": "Thucydides"}"#).unwrap();
        assert_eq!(
            stored,
            Feedback::AddEvidence {
                example: Some("Thucydides".into()),
                cited_for: None,
            }
        );
        let text = stored.render(&Catalogue::builtin());
        assert!(text.contains("Thucydides"), "{text}");
    }

    #[test]
    fn every_kind_renders_from_the_catalogue_with_its_values() {
        let catalogue = Catalogue::builtin();
        let named = |author: &str, claim: &str| Named {
            author: author.into(),
            claim: claim.into(),
        };
        let all = [
            Feedback::Strong,
            Feedback::StayOnSide { side: "S".into() },
            Feedback::EngageCounter {
                counter: named("Menon", "C"),
            },
            Feedback::UseRebuttal {
                counter: named("Menon", "C"),
                answer: named("Popova", "A"),
            },
            Feedback::AddEvidence {
                example: Some("the 2008 Bucharest summit".into()),
                cited_for: Some(named("Menon", "C")),
            },
            Feedback::AddEvidence {
                example: Some("the 2008 Bucharest summit".into()),
                cited_for: None,
            },
            Feedback::AddEvidence {
                example: None,
                cited_for: None,
            },
            Feedback::Repeats,
            Feedback::ArguesOpposingSide {
                argument: named("Menon", "C"),
            },
            Feedback::LeansOpposing {
                argument: named("Menon", "C"),
            },
            Feedback::Concedes,
            Feedback::Dropped {
                counter: named("Menon", "C"),
                answer: Some(named("Popova", "A")),
            },
            Feedback::Dropped {
                counter: named("Menon", "C"),
                answer: None,
            },
        ];
        for feedback in all {
            let text = feedback.render(&catalogue);
            assert!(
                !text.contains('{') && !text.starts_with("feedback."),
                "{text}"
            );
        }
        let text = Feedback::UseRebuttal {
            counter: named("Menon", "C"),
            answer: named("Popova", "A"),
        }
        .render(&catalogue);
        assert!(text.contains("Menon") && text.contains("Popova"), "{text}");
    }
}
