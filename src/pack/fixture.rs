//! The one small pack the unit tests share, on another motion than the bundled one: three
//! sides, where `for-uniforms` and `against-uniforms` oppose each other and `undecided` argues
//! only against `against-uniforms` (so it never answers a `for-uniforms` student); curated
//! rebuttals both ways, aliases, evidence to cite, one point (`smith.mornings`) that no
//! author answers, and one context entry (a view the review reports, not its own).

use std::sync::Arc;

use super::{Pack, load_sources};
use crate::source::SourceText;

const PACK: &str = r#"
id = "school-uniforms"
title = "School uniforms"
motion = "This house would make school uniforms compulsory"

[[sides]]
id = "for-uniforms"
name = "Uniforms level the field"
summary = "Uniforms cut costs, bullying and distraction."
opposes = ["against-uniforms"]

[[sides]]
id = "against-uniforms"
name = "Uniforms suppress expression"
summary = "Uniforms cost more than they say and take away self-expression."
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
keywords = ["cost", "cheap", "brands", "money", "families"]
evidence = ["a 2019 survey of 1,200 parents"]
rebuts = ["jones.hidden-costs"]

[[positions.arguments]]
id = "smith.bullying"
claim = "When everyone dresses alike, nobody is bullied for wearing the wrong clothes."
quote = "Bullies lose their favourite target when the labels disappear."
keywords = ["bullying", "teasing", "peer pressure", "labels"]
evidence = ["the 2015 national anti-bullying report"]
rebuts = ["jones.expression"]

[[positions.arguments]]
id = "smith.attendance"
claim = "Public schools in the United States that adopted uniforms reported better attendance and discipline."
quote = "Attendance rose in the districts that adopted a dress code."
keywords = ["attendance", "discipline", "focus"]
evidence = ["Long Beach, California, 1994"]
rebuts = ["jones.comfort"]

[[positions.arguments]]
id = "smith.mornings"
claim = "Uniforms save time every morning, since nobody has to decide what to wear."
quote = "Getting dressed takes a minute when the choice is already made."
keywords = ["morning", "time", "getting dressed", "choosing clothes"]

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
claim = "Uniforms are not cheaper: families still buy ordinary clothes for weekends, so the blazer is an extra cost."
quote = "The blazer is an extra bill, not a saving."
keywords = ["expensive", "extra cost", "blazer", "weekend clothes", "money"]
rebuts = ["smith.cost"]

[[positions.arguments]]
id = "jones.bullies-adapt"
claim = "Bullies simply find other targets like shoes, phones and haircuts, so uniforms do not stop bullying."
quote = "Take away the logo and the bully looks at the shoes."
keywords = ["bullies", "shoes", "phones", "haircuts", "status"]
rebuts = ["smith.bullying"]

[[positions.arguments]]
id = "jones.comfort"
claim = "Stiff uniforms are uncomfortable in hot weather and distract from learning."
quote = "Nobody learns algebra in a wool blazer in June."
keywords = ["comfort", "heat", "weather", "wool"]
rebuts = ["smith.attendance"]

[[positions.arguments]]
id = "jones.teachers-report"
role = "context"
claim = "The review reports that some teachers find uniforms make school trips easier to supervise."
quote = "Teachers told us a class in uniform is easy to count on a school trip."
keywords = ["school trips", "supervise", "teachers report"]

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
    load(PACK.to_string())
}

/// The fixture pack as a reload might bring it: one side's id changed.
pub fn pack_with_side_renamed(from: &str, to: &str) -> Arc<Pack> {
    load(PACK.replace(&format!("\"{from}\""), &format!("\"{to}\"")))
}

fn load(text: String) -> Arc<Pack> {
    let loaded = load_sources(&SourceText::new("uniforms.toml", text), &[]);
    let problems: Vec<String> = loaded.diagnostics.iter().map(|d| d.to_string()).collect();
    Arc::new(
        loaded
            .pack
            .unwrap_or_else(|| panic!("the fixture pack loads: {problems:?}")),
    )
}
