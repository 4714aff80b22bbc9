//! Generated packs of any size, for benchmarks and bound tests: deterministic, realistic in
//! shape (sides that oppose each other, positions of up to 1 MiB, rebuttal links, a vocabulary
//! of a few thousand words), never shipped to users.

use crate::source::SourceText;

/// Words the generated claims and quotes are drawn from.
const WORDS: &[&str] = &[
    "alliance",
    "army",
    "border",
    "budget",
    "ceasefire",
    "coalition",
    "conflict",
    "costs",
    "crisis",
    "deal",
    "defence",
    "democracy",
    "deterrence",
    "diplomacy",
    "economy",
    "election",
    "embargo",
    "energy",
    "europe",
    "expansion",
    "failure",
    "fear",
    "freedom",
    "frontier",
    "guarantee",
    "history",
    "influence",
    "interests",
    "invasion",
    "leaders",
    "membership",
    "military",
    "missiles",
    "negotiation",
    "neutrality",
    "nuclear",
    "occupation",
    "partition",
    "peace",
    "pledge",
    "pressure",
    "promise",
    "reform",
    "regime",
    "resources",
    "risk",
    "sanctions",
    "security",
    "sovereignty",
    "strategy",
    "summit",
    "territory",
    "threat",
    "treaty",
    "troops",
    "trust",
    "victory",
    "war",
    "weapons",
    "withdrawal",
];

/// A tiny deterministic generator (xorshift), so the same size gives the same pack.
struct Words(u64);

impl Words {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// A made-up but pronounceable word from a large vocabulary (about 6,000 forms), or a common one.
    fn word(&mut self) -> String {
        let n = self.next();
        if n.is_multiple_of(3) {
            let stem = WORDS[(n / 3) as usize % WORDS.len()];
            format!(
                "{stem}{}",
                ["", "s", "ing", "ed", "ful"][(n / 7) as usize % 5]
            )
        } else {
            WORDS[(n >> 8) as usize % WORDS.len()].to_string()
        }
    }

    fn sentence(&mut self, words: usize) -> String {
        let mut sentence: Vec<String> = (0..words).map(|_| self.word()).collect();
        if let Some(first) = sentence.first_mut() {
            *first = capitalise(first);
        }
        sentence.join(" ") + "."
    }
}

fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// A pack of `arguments` arguments over 50 positions on two opposing sides, as the text of its
/// files: `(pack.toml, [position files])`, with paths under `folder`.
pub fn generate(folder: &str, arguments: usize) -> (SourceText, Vec<SourceText>) {
    let positions = 50.min(arguments.max(2));
    let mut words = Words(0x9e37_79b9_7f4a_7c15);
    let pack = String::from(
        "id = \"synthetic\"\ntitle = \"Synthetic\"\nmotion = \"This house would generate packs\"\n\n\
         [[sides]]\nid = \"north\"\nname = \"North\"\nopposes = [\"south\"]\n\n\
         [[sides]]\nid = \"south\"\nname = \"South\"\nopposes = [\"north\"]\n\n\
         [aliases]\n\"security\" = [\"safety\", \"protection\"]\n\"alliance\" = [\"bloc\", \"pact\"]\n",
    );
    let mut files = Vec::new();
    for position in 0..positions {
        let side = if position % 2 == 0 { "north" } else { "south" };
        let mut text = format!(
            "id = \"p{position}\"\nauthor = \"Author {position}\"\nsource = \"Generated\"\nside = \"{side}\"\nthesis = \"{}\"\n",
            words.sentence(12)
        );
        let own = (position..arguments).step_by(positions);
        for index in own {
            // Pair arguments up (0 with 1, 2 with 3, ...): neighbouring positions argue opposite
            // sides, so every argument with a partner is rebutted by it.
            let target = index ^ 1;
            let rebuts = if target < arguments {
                format!("rebuts = [\"a{target}\"]\n")
            } else {
                String::new()
            };
            text.push_str(&format!(
                "\n[[arguments]]\nid = \"a{index}\"\nclaim = \"{}\"\nquote = \"{}\"\nkeywords = [\"{}\", \"{}\"]\n{rebuts}",
                words.sentence(14),
                words.sentence(30),
                words.word(),
                words.word()
            ));
        }
        files.push(SourceText::new(
            format!("{folder}/p{position:02}.toml"),
            text,
        ));
    }
    (SourceText::new(format!("{folder}/pack.toml"), pack), files)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pack::load_sources;

    /// "Did you mean" costs an edit distance per known id; for thousands of unknown ids that
    /// would be quadratic, so hints stop at a budget while every unknown id is still reported.
    #[test]
    fn every_unknown_rebut_is_reported_and_hints_stay_within_a_budget() {
        let (pack, positions) = generate("hostile", 2_000);
        let positions: Vec<SourceText> = positions
            .into_iter()
            .map(|file| {
                let text = file.text.replace("rebuts = [\"a", "rebuts = [\"x");
                SourceText::new(file.path, text)
            })
            .collect();
        let loaded = load_sources(&pack, &positions);
        let unknown: Vec<String> = loaded
            .diagnostics
            .iter()
            .map(|d| d.to_string())
            .filter(|d| d.contains("unknown argument `x"))
            .collect();
        assert_eq!(unknown.len(), 2_000);
        let hinted = unknown
            .iter()
            .filter(|d| d.contains("did you mean"))
            .count();
        assert!(hinted > 0 && hinted < 100, "{hinted} hints");
    }

    #[test]
    fn generated_packs_load() {
        let (pack, positions) = generate("synthetic", 500);
        let loaded = load_sources(&pack, &positions);
        assert!(!loaded.diagnostics.has_errors(), "{}", loaded.diagnostics);
        let pack = loaded.pack.unwrap();
        assert_eq!(pack.arguments.len(), 500);
        assert_eq!(pack.positions.len(), 50);
    }
}
