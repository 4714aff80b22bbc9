//! An embed assembled from parts already escaped, each trimmed to its limit, with the size
//! Discord counts toward the 6,000-character budget of a message.

use poise::serenity_prelude as serenity;

use super::text::{
    EMBED_DESCRIPTION_MAX, EMBED_TITLE_MAX, FIELD_NAME_MAX, FIELD_VALUE_MAX, FOOTER_MAX, trim,
};

/// Discord allows 25 fields; the bot never needs more than this.
const MAX_FIELDS: usize = 12;
const COLOUR: u32 = 0x3B_82_F6;

#[derive(Debug, Default)]
pub struct Card {
    title: String,
    description: String,
    fields: Vec<(String, String)>,
    footer: Option<String>,
}

impl Card {
    pub fn new(title: String, description: String) -> Card {
        Card {
            title: trim(&title, EMBED_TITLE_MAX),
            description: trim(&description, EMBED_DESCRIPTION_MAX),
            ..Card::default()
        }
    }

    pub fn field(mut self, name: String, value: String) -> Card {
        if self.fields.len() < MAX_FIELDS && !value.trim().is_empty() {
            self.fields
                .push((trim(&name, FIELD_NAME_MAX), trim(&value, FIELD_VALUE_MAX)));
        }
        self
    }

    pub fn footer(mut self, footer: String) -> Card {
        self.footer = Some(trim(&footer, FOOTER_MAX));
        self
    }

    /// The embed, and how many characters it spends of the message's budget.
    pub fn build(self) -> (serenity::CreateEmbed, usize) {
        let count = |s: &str| s.chars().count();
        let mut size = count(&self.title) + count(&self.description);
        let mut embed = serenity::CreateEmbed::new()
            .title(self.title)
            .description(self.description)
            .colour(COLOUR);
        for (name, value) in self.fields {
            size += count(&name) + count(&value);
            embed = embed.field(name, value, false);
        }
        if let Some(footer) = self.footer {
            size += count(&footer);
            embed = embed.footer(serenity::CreateEmbedFooter::new(footer));
        }
        (embed, size)
    }
}
