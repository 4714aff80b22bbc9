//! One thing the bot says: content, embeds and buttons, sent as an interaction reply or as a
//! channel message, never pinging anyone and always within Discord's limits.

use poise::serenity_prelude as serenity;

use super::mentions::no_pings;
use super::text::{CONTENT_MAX, EMBEDS_TOTAL_MAX, trim};

#[derive(Debug, Default, Clone)]
pub struct Post {
    pub content: Option<String>,
    pub embeds: Vec<serenity::CreateEmbed>,
    pub buttons: Vec<serenity::CreateButton>,
    /// Only the student sees it (interaction replies only).
    pub private: bool,
}

/// Embeds past the message-wide budget are dropped, not sent half-cut.
fn within_budget(
    embeds: Vec<serenity::CreateEmbed>,
    sizes: &[usize],
) -> Vec<serenity::CreateEmbed> {
    let mut used = 0;
    embeds
        .into_iter()
        .zip(sizes)
        .take_while(|(_, size)| {
            used += **size;
            used <= EMBEDS_TOTAL_MAX
        })
        .map(|(embed, _)| embed)
        .collect()
}

impl Post {
    pub fn text(content: String) -> Post {
        Post {
            content: Some(content),
            ..Post::default()
        }
    }

    pub fn embed(embed: serenity::CreateEmbed, size: usize) -> Post {
        Post {
            embeds: within_budget(vec![embed], &[size]),
            ..Post::default()
        }
    }

    pub fn private(self) -> Post {
        Post {
            private: true,
            ..self
        }
    }

    pub fn with_buttons(self, buttons: Vec<serenity::CreateButton>) -> Post {
        Post { buttons, ..self }
    }

    fn rows(&self) -> Vec<serenity::CreateActionRow> {
        // At most five buttons fit a row.
        self.buttons
            .chunks(5)
            .map(|row| serenity::CreateActionRow::Buttons(row.to_vec()))
            .collect()
    }

    pub fn to_reply(&self) -> poise::CreateReply {
        let mut reply = poise::CreateReply::default()
            .components(self.rows())
            .ephemeral(self.private)
            .allowed_mentions(no_pings());
        for embed in &self.embeds {
            reply = reply.embed(embed.clone());
        }
        if let Some(content) = &self.content {
            reply = reply.content(trim(content, CONTENT_MAX));
        }
        reply
    }

    pub fn to_message(&self) -> serenity::CreateMessage {
        let mut message = serenity::CreateMessage::new()
            .embeds(self.embeds.clone())
            .components(self.rows())
            .allowed_mentions(no_pings());
        if let Some(content) = &self.content {
            message = message.content(trim(content, CONTENT_MAX));
        }
        message
    }

    pub fn to_interaction_response(&self) -> serenity::CreateInteractionResponseFollowup {
        let mut followup = serenity::CreateInteractionResponseFollowup::new()
            .embeds(self.embeds.clone())
            .components(self.rows())
            .ephemeral(self.private)
            .allowed_mentions(no_pings());
        if let Some(content) = &self.content {
            followup = followup.content(trim(content, CONTENT_MAX));
        }
        followup
    }
}
