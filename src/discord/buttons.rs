//! The buttons under the bot's posts. Each `custom_id` carries all it needs, so a click works
//! after a restart: the round is found from the clicker and the channel (Next counter, Hint,
//! End round), the source from the argument id.

use crate::prompts::Catalogue;
use poise::serenity_prelude as serenity;

const PREFIX: &str = "dd";

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Button {
    /// Another counter to the student's latest point.
    NextCounter,
    /// The quote and source of an argument, privately.
    ShowSource(String),
    Hint,
    End,
    /// `/forget-me`'s confirmation, for this user only.
    ForgetMe(serenity::UserId),
    /// Join the classroom drill of the card's channel.
    JoinDrill(i64),
    /// In a versus thread: the opponent's own side's best answer to `argument`, for the
    /// `opponent` only.
    CounterHint {
        opponent: serenity::UserId,
        argument: String,
    },
}

impl Button {
    pub fn custom_id(&self) -> String {
        match self {
            Button::NextCounter => format!("{PREFIX}:next"),
            Button::ShowSource(argument) => format!("{PREFIX}:source:{argument}"),
            Button::Hint => format!("{PREFIX}:hint"),
            Button::End => format!("{PREFIX}:end"),
            Button::ForgetMe(user) => format!("{PREFIX}:forget:{user}"),
            Button::JoinDrill(drill) => format!("{PREFIX}:join:{drill}"),
            Button::CounterHint { opponent, argument } => {
                format!("{PREFIX}:answer:{opponent}:{argument}")
            }
        }
    }

    pub fn parse(custom_id: &str) -> Option<Button> {
        let rest = custom_id.strip_prefix(PREFIX)?.strip_prefix(':')?;
        let (kind, value) = rest.split_once(':').unwrap_or((rest, ""));
        match (kind, value) {
            ("source", argument) if !argument.is_empty() => {
                Some(Button::ShowSource(argument.to_string()))
            }
            ("next", "") => Some(Button::NextCounter),
            ("hint", "") => Some(Button::Hint),
            ("end", "") => Some(Button::End),
            ("forget", user) => user.parse().ok().map(Button::ForgetMe),
            ("join", drill) => drill.parse().ok().map(Button::JoinDrill),
            ("answer", value) => {
                let (opponent, argument) = value
                    .split_once(':')
                    .filter(|(_, argument)| !argument.is_empty())?;
                Some(Button::CounterHint {
                    opponent: opponent.parse().ok()?,
                    argument: argument.to_string(),
                })
            }
            _ => None,
        }
    }

    /// The button, labelled from the message catalogue.
    pub fn create(&self, catalogue: &Catalogue) -> serenity::CreateButton {
        let (label, style) = match self {
            Button::NextCounter => ("button.next_counter", serenity::ButtonStyle::Primary),
            Button::ShowSource(_) => ("button.show_source", serenity::ButtonStyle::Secondary),
            Button::Hint => ("button.hint", serenity::ButtonStyle::Primary),
            Button::End => ("button.end", serenity::ButtonStyle::Danger),
            Button::ForgetMe(_) => ("button.forget_me", serenity::ButtonStyle::Danger),
            Button::JoinDrill(_) => ("button.join", serenity::ButtonStyle::Success),
            Button::CounterHint { .. } => ("button.counter_hint", serenity::ButtonStyle::Primary),
        };
        serenity::CreateButton::new(self.custom_id())
            .label(catalogue.render(label, &[]))
            .style(style)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn custom_ids_round_trip_within_discords_limit() {
        let buttons = [
            Button::NextCounter,
            Button::ShowSource("menon.guarantee-outside-nato".into()),
            Button::Hint,
            Button::End,
            Button::ForgetMe(serenity::UserId::new(123_456_789_012_345_678)),
            Button::JoinDrill(42),
            Button::CounterHint {
                opponent: serenity::UserId::new(18_446_744_073_709_551_615),
                argument: "a".repeat(64),
            },
        ];
        for button in buttons {
            let id = button.custom_id();
            assert!(id.len() <= 100, "{id}");
            assert_eq!(Button::parse(&id), Some(button));
        }
        assert_eq!(Button::parse("other:hint"), None);
        assert_eq!(Button::parse("dd:answer:42:"), None);
    }
}
