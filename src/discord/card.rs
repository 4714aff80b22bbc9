//! An embed's parts, already escaped, before they meet Discord's limits: [`Card::build`] makes
//! one embed with each part trimmed (for a short echo of what a user wrote), and
//! [`Card::posts`] lays the parts out whole over as many embeds and messages as they need.

use poise::serenity_prelude as serenity;

use super::layout;
use super::post::Post;
use super::text::{
    EMBED_DESCRIPTION_MAX, EMBED_TITLE_MAX, FIELD_NAME_MAX, FIELD_VALUE_MAX, FOOTER_MAX, trim,
};
use crate::prompts::Catalogue;

/// Discord allows 25 fields; a trimmed card never needs more than this.
const MAX_FIELDS: usize = 12;
pub const COLOUR: u32 = 0x3B_82_F6;

#[derive(Debug, Default)]
pub struct Card {
    pub(super) title: String,
    pub(super) description: String,
    pub(super) fields: Vec<(String, String)>,
    pub(super) footer: Option<String>,
}

impl Card {
    pub fn new(title: String, description: String) -> Card {
        Card {
            title,
            description,
            ..Card::default()
        }
    }

    /// A field; one with nothing to show is left out.
    pub fn field(mut self, name: String, value: String) -> Card {
        if !value.trim().is_empty() {
            self.fields.push((name, value));
        }
        self
    }

    pub fn footer(mut self, footer: String) -> Card {
        self.footer = Some(footer);
        self
    }

    /// Every part whole, over as many embeds and messages as it takes.
    pub fn posts(self, catalogue: &Catalogue) -> Vec<Post> {
        layout::lay_out(self, &catalogue.render("card.continued", &[]))
    }

    /// One embed, each part trimmed to its limit, and how many characters it spends of the
    /// message's budget.
    pub fn build(self) -> (serenity::CreateEmbed, usize) {
        let count = |s: &str| s.chars().count();
        let title = trim(&self.title, EMBED_TITLE_MAX);
        let description = trim(&self.description, EMBED_DESCRIPTION_MAX);
        let mut size = count(&title) + count(&description);
        let mut embed = serenity::CreateEmbed::new()
            .title(title)
            .description(description)
            .colour(COLOUR);
        for (name, value) in self.fields.into_iter().take(MAX_FIELDS) {
            let (name, value) = (trim(&name, FIELD_NAME_MAX), trim(&value, FIELD_VALUE_MAX));
            size += count(&name) + count(&value);
            embed = embed.field(name, value, false);
        }
        if let Some(footer) = self.footer {
            let footer = trim(&footer, FOOTER_MAX);
            size += count(&footer);
            embed = embed.footer(serenity::CreateEmbedFooter::new(footer));
        }
        (embed, size)
    }
}
