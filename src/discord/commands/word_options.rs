//! Options whose values are a few fixed words, as the contract writes them: `mode:solo|versus`
//! for `/drill start`, `remind:on|off` for `/review`. Each is a string option with those
//! choices. (poise's derived choice parameters are integer options, so a client sending the
//! string "versus" would not be understood.) A number is still read as the choice's position,
//! for clients that send one.

use poise::serenity_prelude as serenity;

use crate::discord::classroom::Mode;

/// Whether `/review` reminds the student in DMs when cards are due.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reminding {
    On,
    Off,
}

impl Reminding {
    pub const ALL: [Reminding; 2] = [Reminding::On, Reminding::Off];

    pub fn name(self) -> &'static str {
        match self {
            Reminding::On => "on",
            Reminding::Off => "off",
        }
    }
}

/// Makes `$word` (a type with `ALL` and `name()`) a string option with its words as choices.
macro_rules! word_option {
    ($word:ty, $mismatch:literal) => {
        #[async_trait::async_trait]
        impl poise::SlashArgument for $word {
            async fn extract(
                _: &serenity::Context,
                _: &serenity::CommandInteraction,
                value: &serenity::ResolvedValue<'_>,
            ) -> Result<$word, poise::SlashArgError> {
                let chosen = match value {
                    serenity::ResolvedValue::String(name) => <$word>::ALL
                        .into_iter()
                        .find(|word| word.name().eq_ignore_ascii_case(name.trim())),
                    serenity::ResolvedValue::Integer(index) => usize::try_from(*index)
                        .ok()
                        .and_then(|index| <$word>::ALL.get(index).copied()),
                    _ => None,
                };
                chosen
                    .ok_or_else(|| poise::SlashArgError::new_command_structure_mismatch($mismatch))
            }

            fn create(builder: serenity::CreateCommandOption) -> serenity::CreateCommandOption {
                <$word>::ALL.into_iter().fold(
                    builder.kind(serenity::CommandOptionType::String),
                    |builder, word| builder.add_string_choice(word.name(), word.name()),
                )
            }
        }
    };
}

word_option!(Mode, "mode is solo or versus");
word_option!(Reminding, "remind is on or off");
