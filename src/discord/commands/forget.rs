//! `/forget-me`: delete everything stored about the caller, after a confirmation button.

use poise::serenity_prelude as serenity;

use crate::discord::buttons::Button;
use crate::discord::post::Post;
use crate::discord::rounds::user_key;
use crate::discord::state::{Context, Data, Error};

/// Delete everything stored about you (asks to confirm first).
#[poise::command(slash_command, rename = "forget-me")]
pub async fn forget_me(ctx: Context<'_>) -> Result<(), Error> {
    let post = Post::text(ctx.data().catalogue.render("discord.forget_confirm", &[]))
        .with_buttons(vec![
            Button::ForgetMe(ctx.author().id).create(&ctx.data().catalogue),
        ])
        .private();
    ctx.send(post.to_reply()).await?;
    Ok(())
}

/// What the confirmation button does; the answer the user reads.
pub async fn forget_user(data: &Data, user: serenity::UserId) -> Result<String, Error> {
    let _working = data.inflight().enter();
    let deleted = data.engine.store().forget_user(&user_key(user)).await?;
    Ok(data
        .catalogue
        .render("discord.forgotten", &[("deleted", &deleted)]))
}
