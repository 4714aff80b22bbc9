//! `/drill start`'s `mode` option as the contract writes it, `mode:solo|versus`: a string
//! option with those two choices. (poise's derived choice parameters are integer options, so a
//! client sending the string "versus" would not be understood.) A number is still read as the
//! choice's position, for clients that send one.

use poise::serenity_prelude as serenity;

use crate::discord::classroom::Mode;

#[async_trait::async_trait]
impl poise::SlashArgument for Mode {
    async fn extract(
        _: &serenity::Context,
        _: &serenity::CommandInteraction,
        value: &serenity::ResolvedValue<'_>,
    ) -> Result<Mode, poise::SlashArgError> {
        let chosen = match value {
            serenity::ResolvedValue::String(name) => Mode::ALL
                .into_iter()
                .find(|mode| mode.name().eq_ignore_ascii_case(name.trim())),
            serenity::ResolvedValue::Integer(index) => usize::try_from(*index)
                .ok()
                .and_then(|index| Mode::ALL.get(index).copied()),
            _ => None,
        };
        chosen.ok_or_else(|| {
            poise::SlashArgError::new_command_structure_mismatch("mode is solo or versus")
        })
    }

    fn create(builder: serenity::CreateCommandOption) -> serenity::CreateCommandOption {
        Mode::ALL.into_iter().fold(
            builder.kind(serenity::CommandOptionType::String),
            |builder, mode| builder.add_string_choice(mode.name(), mode.name()),
        )
    }
}
