//! A card laid out whole: its description and fields split where they exceed Discord's limits
//! (at line ends first), then packed in reading order into embeds and messages that each keep
//! within every limit. A message that continues a card is titled "(continued)"; a title or field
//! name too long to show whole is shown trimmed and, in full, at the head of its text.

use poise::serenity_prelude as serenity;

use super::card::{COLOUR, Card};
use super::post::Post;
use super::text::{
    EMBED_DESCRIPTION_MAX, EMBED_TITLE_MAX, EMBEDS_TOTAL_MAX, FIELD_NAME_MAX, FIELD_VALUE_MAX,
    FOOTER_MAX, split, trim,
};

pub const EMBEDS_PER_MESSAGE: usize = 10;
pub const FIELDS_PER_EMBED: usize = 25;

/// The messages that show `card` whole; the footer goes under the last embed of the last one.
/// A title or field name carried over to a later message ends with `more` (" (continued)").
pub fn lay_out(card: Card, more: &str) -> Vec<Post> {
    let footer = card.footer.map(|footer| trim(&footer, FOOTER_MAX));
    let budget = EMBEDS_TOTAL_MAX - footer.as_deref().map_or(0, count);
    let (title, description) = shown_whole(card.title, card.description, EMBED_TITLE_MAX, "\n\n");
    let text_max = EMBED_DESCRIPTION_MAX.min(budget - EMBED_TITLE_MAX);
    let mut parts: Vec<Part> = split(&description, text_max)
        .into_iter()
        .map(Part::Text)
        .collect();
    for (name, value) in card.fields {
        parts.extend(field_parts(name, value, more));
    }
    let mut messages = vec![Message::titled(title.clone())];
    for part in parts {
        place(
            &mut messages,
            part,
            budget,
            &continued(&title, EMBED_TITLE_MAX, more),
        );
    }
    let last = messages.len() - 1;
    messages
        .into_iter()
        .enumerate()
        .map(|(index, message)| {
            let mut embeds: Vec<serenity::CreateEmbed> =
                message.embeds.into_iter().map(Draft::build).collect();
            if index == last
                && let Some(footer) = &footer
                && let Some(embed) = embeds.pop()
            {
                embeds.push(embed.footer(serenity::CreateEmbedFooter::new(footer)));
            }
            Post {
                embeds,
                ..Post::default()
            }
        })
        .collect()
}

/// What goes into an embed: a piece of description, or a field.
enum Part {
    Text(String),
    Field(String, String),
}

impl Part {
    fn size(&self) -> usize {
        match self {
            Part::Text(text) => count(text),
            Part::Field(name, value) => count(name) + count(value),
        }
    }
}

#[derive(Default)]
struct Draft {
    title: Option<String>,
    description: Option<String>,
    fields: Vec<(String, String)>,
}

impl Draft {
    /// Whether the part can follow what the embed holds (a description shows above fields).
    fn takes(&self, part: &Part) -> bool {
        match part {
            Part::Text(_) => self.description.is_none() && self.fields.is_empty(),
            Part::Field(..) => self.fields.len() < FIELDS_PER_EMBED,
        }
    }

    fn put(&mut self, part: Part) {
        match part {
            Part::Text(text) => self.description = Some(text),
            Part::Field(name, value) => self.fields.push((name, value)),
        }
    }

    fn build(self) -> serenity::CreateEmbed {
        let mut embed = serenity::CreateEmbed::new().colour(COLOUR);
        if let Some(title) = self.title {
            embed = embed.title(title);
        }
        if let Some(description) = self.description {
            embed = embed.description(description);
        }
        for (name, value) in self.fields {
            embed = embed.field(name, value, false);
        }
        embed
    }
}

struct Message {
    embeds: Vec<Draft>,
    /// Characters spent of the message's budget.
    used: usize,
}

impl Message {
    fn titled(title: String) -> Message {
        Message {
            used: count(&title),
            embeds: vec![Draft {
                title: Some(title),
                ..Draft::default()
            }],
        }
    }

    fn put(&mut self, part: Part) {
        self.used += part.size();
        self.embeds
            .last_mut()
            .expect("a message has an embed")
            .put(part);
    }
}

/// Puts `part` in the last message when it fits there (in a new embed if need be), else in a
/// new message. Parts are small enough that a new message always takes one.
fn place(messages: &mut Vec<Message>, part: Part, budget: usize, continued_title: &str) {
    let message = messages.last_mut().expect("one message at least");
    if message.used + part.size() <= budget {
        let fits_last = |m: &Message| m.embeds.last().is_some_and(|embed| embed.takes(&part));
        if !fits_last(message) && message.embeds.len() < EMBEDS_PER_MESSAGE {
            message.embeds.push(Draft::default());
        }
        if fits_last(message) {
            message.put(part);
            return;
        }
    }
    let mut next = Message::titled(continued_title.to_string());
    next.put(part);
    messages.push(next);
}

/// A field as pieces of at most [`FIELD_VALUE_MAX`], the later ones named with `more`.
fn field_parts(name: String, value: String, more: &str) -> impl Iterator<Item = Part> {
    let (name, value) = shown_whole(name, value, FIELD_NAME_MAX, "\n");
    let later = continued(&name, FIELD_NAME_MAX, more);
    split(&value, FIELD_VALUE_MAX)
        .into_iter()
        .enumerate()
        .map(move |(index, piece)| {
            let name = if index == 0 {
                name.clone()
            } else {
                later.clone()
            };
            Part::Field(name, piece)
        })
}

/// A heading that fits `max`; one that does not is trimmed, and put whole before the text.
fn shown_whole(heading: String, text: String, max: usize, between: &str) -> (String, String) {
    if count(&heading) <= max {
        return (heading, text);
    }
    (trim(&heading, max), format!("{heading}{between}{text}"))
}

fn continued(heading: &str, max: usize, more: &str) -> String {
    format!("{}{more}", trim(heading, max.saturating_sub(count(more))))
}

fn count(text: &str) -> usize {
    text.chars().count()
}

#[cfg(test)]
mod tests {
    use serde_json::Value;

    use super::*;

    fn chars(value: &Value) -> usize {
        value.as_str().map_or(0, count)
    }

    /// The embeds of a post as Discord receives them, checked against every limit.
    fn within_limits(post: &Post) -> Vec<Value> {
        let embeds: Vec<Value> = post
            .embeds
            .iter()
            .map(|embed| serde_json::to_value(embed).unwrap())
            .collect();
        assert!(embeds.len() <= EMBEDS_PER_MESSAGE);
        let mut total = 0;
        for embed in &embeds {
            let fields = embed["fields"].as_array().cloned().unwrap_or_default();
            assert!(fields.len() <= FIELDS_PER_EMBED);
            assert!(chars(&embed["title"]) <= EMBED_TITLE_MAX);
            assert!(chars(&embed["description"]) <= EMBED_DESCRIPTION_MAX);
            assert!(chars(&embed["footer"]["text"]) <= FOOTER_MAX);
            total += chars(&embed["title"])
                + chars(&embed["description"])
                + chars(&embed["footer"]["text"]);
            for field in &fields {
                assert!((1..=FIELD_NAME_MAX).contains(&chars(&field["name"])));
                assert!((1..=FIELD_VALUE_MAX).contains(&chars(&field["value"])));
                total += chars(&field["name"]) + chars(&field["value"]);
            }
        }
        assert!(total <= EMBEDS_TOTAL_MAX, "{total}");
        embeds
    }

    /// Every description and field value, in order.
    fn texts(embeds: &[Value]) -> Vec<String> {
        let mut texts = Vec::new();
        for embed in embeds {
            texts.extend(embed["description"].as_str().map(str::to_string));
            for field in embed["fields"].as_array().into_iter().flatten() {
                texts.push(field["value"].as_str().unwrap().to_string());
            }
        }
        texts
    }

    fn line(label: &str, n: usize) -> String {
        format!("{label}{n} {}", "words to read ".repeat(20))
    }

    #[test]
    fn a_long_card_arrives_whole_in_order_within_every_limit() {
        let heading = "a heading far too long for a field name ".repeat(10);
        let mut card = Card::new(
            "A title far too long to show whole ".repeat(10),
            (0..40)
                .map(|n| line("intro", n))
                .collect::<Vec<_>>()
                .join("\n"),
        )
        .footer("round 1".into());
        for field in 0..40 {
            let value = (0..5).map(|n| line(&format!("field{field}-line"), n));
            card = card.field(heading.clone(), value.collect::<Vec<_>>().join("\n"));
        }
        let posts = card.posts(&crate::prompts::Catalogue::builtin());
        assert!(posts.len() > 1, "more than one message");
        let embeds: Vec<Vec<Value>> = posts.iter().map(within_limits).collect();
        let shown = texts(&embeds.concat()).join("\n");
        let mut from = 0;
        let expected = (0..40)
            .map(|n| line("intro", n))
            .chain((0..40).flat_map(|f| (0..5).map(move |n| line(&format!("field{f}-line"), n))));
        for wanted in expected {
            let at = shown[from..]
                .find(&wanted)
                .unwrap_or_else(|| panic!("{wanted:?} missing or out of order"));
            from += at + wanted.len();
        }
        assert!(shown.contains(&"A title far too long to show whole ".repeat(10)));
        assert_eq!(
            shown.matches(heading.as_str()).count(),
            40,
            "each long name in full"
        );
        let last = embeds.last().unwrap().last().unwrap();
        assert_eq!(last["footer"]["text"], "round 1");
        let continued = &embeds[1][0]["title"];
        assert!(
            continued.as_str().unwrap().ends_with("(continued)"),
            "{continued}"
        );
    }

    #[test]
    fn a_short_card_is_one_embed() {
        let posts = Card::new("Title".into(), "Text".into())
            .field("Name".into(), "Value".into())
            .posts(&crate::prompts::Catalogue::builtin());
        assert_eq!(posts.len(), 1);
        let embeds = within_limits(&posts[0]);
        assert_eq!(embeds.len(), 1);
        assert_eq!(embeds[0]["title"], "Title");
        assert_eq!(embeds[0]["fields"][0]["value"], "Value");
    }
}
