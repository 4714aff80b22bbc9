//! A small pack for the matcher's tests, on another motion than the bundled one: three sides,
//! where `for-uniforms` and `against-uniforms` oppose each other and `undecided` argues only
//! against `against-uniforms` (so it never answers a `for-uniforms` student).

use std::sync::Arc;

use crate::pack::{Pack, load_sources};
use crate::source::SourceText;

const PACK: &str = r#"
id = "school-uniforms"
title = "School uniforms"
motion = "This house would make school uniforms compulsory"

[[sides]]
id = "for-uniforms"
name = "Uniforms level the field"
opposes = ["against-uniforms"]

[[sides]]
id = "against-uniforms"
name = "Uniforms suppress expression"
opposes = ["for-uniforms"]

[[sides]]
id = "undecided"
name = "It depends on the school"
opposes = ["against-uniforms"]

[aliases]
"uniform" = ["dress code", "school clothes", "uniforms"]
"united states" = ["us", "usa", "america"]

[[positions]]
id = "smith"
author = "A. Smith"
source = "Example Weekly, 2020"
side = "for-uniforms"
thesis = "Uniforms reduce visible inequality between students."

[[positions.arguments]]
id = "smith.cost"
claim = "Uniforms are cheaper for families than keeping up with fashion brands."
quote = "A uniform costs less than a wardrobe of brands."
keywords = ["cost", "cheap", "brands", "money"]
evidence = ["a 2019 survey of 1,200 parents"]

[[positions.arguments]]
id = "smith.bullying"
claim = "When everyone dresses alike, nobody is bullied for wearing the wrong clothes."
quote = "Bullies lose their favourite target when the labels disappear."
keywords = ["bullying", "teasing", "peer pressure"]

[[positions.arguments]]
id = "smith.america"
claim = "Public schools in the United States that adopted uniforms reported better attendance."
quote = "Attendance rose in the districts that adopted a dress code."
keywords = ["attendance", "discipline"]
evidence = ["Long Beach, California, 1994"]

[[positions]]
id = "jones"
author = "B. Jones"
source = "Example Review, 2021"
side = "against-uniforms"
thesis = "Uniforms take away a way for students to express themselves."

[[positions.arguments]]
id = "jones.expression"
claim = "Clothes are one of the few ways teenagers can express who they are."
quote = "What we wear is how we first tell the world who we are."
keywords = ["expression", "identity", "freedom", "individuality"]
rebuts = ["smith.bullying"]

[[positions.arguments]]
id = "jones.hidden-costs"
claim = "Uniforms are not cheaper: families still buy ordinary clothes for weekends, so the uniform is an extra cost."
quote = "The blazer is an extra bill, not a saving."
keywords = ["expensive", "extra cost", "blazer", "money"]
rebuts = ["smith.cost"]

[[positions.arguments]]
id = "jones.bullies-adapt"
claim = "Bullies simply find other targets like shoes, phones and haircuts, so uniforms do not stop bullying."
quote = "Take away the logo and the bully looks at the shoes."
keywords = ["bullying", "shoes", "phones", "status"]
rebuts = ["smith.bullying"]

[[positions.arguments]]
id = "jones.comfort"
claim = "Stiff uniforms are uncomfortable in hot weather and distract from learning."
quote = "Nobody learns algebra in a wool blazer in June."
keywords = ["comfort", "heat", "weather"]

[[positions]]
id = "lee"
author = "C. Lee"
source = "Example Digest, 2022"
side = "undecided"
thesis = "Whether uniforms help depends on the school and its families."

[[positions.arguments]]
id = "lee.depends"
claim = "Uniforms help some schools with discipline and cost but hurt others; it depends on the families."
quote = "There is no single answer for every school."
keywords = ["depends", "context", "cost", "discipline"]
"#;

/// The fixture pack, loaded through the real loader.
pub fn pack() -> Arc<Pack> {
    let loaded = load_sources(&SourceText::new("uniforms.toml", PACK.to_string()), &[]);
    let problems: Vec<String> = loaded.diagnostics.iter().map(|d| d.to_string()).collect();
    Arc::new(
        loaded
            .pack
            .unwrap_or_else(|| panic!("the fixture pack loads: {problems:?}")),
    )
}
