//! Nothing the bot sends may ping anyone: users and packs write text we echo.

use poise::serenity_prelude as serenity;

/// Allowed mentions that parse nothing: no user, role, `@everyone` or replied-to user is pinged.
pub fn no_pings() -> serenity::CreateAllowedMentions {
    serenity::CreateAllowedMentions::new()
        .empty_users()
        .empty_roles()
        .everyone(false)
        .replied_user(false)
}
