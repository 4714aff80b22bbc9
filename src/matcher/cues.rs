//! The words that show what a message does rather than what it is about: conceding ("fair
//! point"), contrasting ("sure X, but Y"), refuting ("X is wrong because Y", "that ignores Y")
//! and denying ("not", "never", "isn't"). Read from a message's plain tokens: lowercase words,
//! apostrophes dropped ("isn't" → "isnt"), and clause punctuation kept as tokens of its own.

/// Messages are read up to this many characters: cues sit in a message's first sentences, and
/// a bound keeps a 4,000-character message linear and cheap.
const MAX_CHARS: usize = 4096;

/// Conceding phrases, as token sequences; `*` stands for any one word ("good historical point").
const CONCESSIONS: &[&str] = &[
    "youre right",
    "you are right",
    "ur right",
    "u r right",
    "u right",
    "youre correct",
    "you are correct",
    "i agree",
    "i totally agree",
    "i kind of agree",
    "i kinda agree",
    "fair point",
    "fair enough",
    "fair play",
    "good point",
    "ok fine",
    "okay fine",
    "fine you win",
    "you win",
    "ok you win",
    "i concede",
    "i give up",
    "point taken",
    "thats true",
    "that is true",
    "true enough",
    "cant argue with that",
    "cannot argue with that",
    "makes sense",
    "i guess so",
    "i was wrong",
    "im wrong",
    "you got me",
    "youve convinced me",
    "you convinced me",
    "i stand corrected",
    "ill give you that",
    "i admit",
    "maybe youre right",
    "good call",
    "i accept",
    "i grant",
    "ill grant",
    "i see it",
    "i see your point",
    "made your case",
    "out of arguments",
    "you have a point",
    "youve got a point",
    "thats fair",
    "ok fair",
    "i take the point",
    "well taken",
    "sounds reasonable",
    "sounds sensible",
    "sounds fair",
    "seems reasonable",
    "seems sensible",
    "seems fair",
    "reasonable compromise",
    "fair trade",
    "fair deal",
    "id go for that",
    "i could accept",
    "i can accept",
    "i could live with",
    "i can live with",
    "i can see that",
    "a good sign",
    "has a point",
    "they have a point",
    "hard to disagree",
    "totally agree",
    "completely agree",
    "fully agree",
    "im on board",
    "i am on board",
    "count me in",
    "rightly observes",
    "rightly notes",
    "rightly says",
    "rightly argues",
    "rightly points out",
    "is right that",
    "are right that",
    "i am persuaded",
    "im persuaded",
    "good * point",
    "great point",
    "great * point",
    "smart point",
    "valid point",
    "good catch",
    "great catch",
    "must acknowledge",
    "must be acknowledged",
    "have to acknowledge",
    "reasonable to accept",
    "so yes",
    "thats right",
    "that is right",
    "thats correct",
    "that is correct",
    "that tracks",
    "cant blame",
    "hard to argue with",
    "worth acknowledging",
    "has to grant",
    "have to grant",
    "must grant",
    "so yeah",
    "makes total sense",
    "makes perfect sense",
    "makes complete sense",
    "makes good sense",
    "makes a lot of sense",
    "its true that",
    "it is true that",
    "id take it",
    "id take that",
    "i would take that",
    "considerable wisdom",
    "good stat",
    "good example",
    "must admit",
    "have to admit",
    "must be admitted",
    "unfair to deny",
    "i get why",
    "completely understandable",
    "thats understandable",
    "its understandable",
];

/// Phrases that call a proposal good ("good deal", "win win"): said of another side's point,
/// they concede it; of one's own, they only endorse it.
const ENDORSEMENTS: &[&str] = &[
    "good deal",
    "great deal",
    "everyone wins",
    "win win",
    "is compelling",
    "is persuasive",
    "is convincing",
    "best of both worlds",
    "principal virtue",
    "worth trying",
    "worth a try",
    "worth a shot",
    "a lot going for",
    "merit in",
    "has merit",
    "considerable merit",
    "a creative way",
    "a certain logic",
    "a smart way",
    "a sensible way",
    "the right call",
    "smart move",
    "wise move",
    "sensible move",
    "smartest thing",
    "decent compromise",
    "good compromise",
    "sensible compromise",
    "fair compromise",
    "is sensible",
    "its merit",
    "most realistic",
];

/// Words that close a message by agreeing, said as a clause of their own ("…, fair.",
/// "… Totally."): they concede what came before.
const CLOSING_AGREEMENT: &[&str] = &["fair", "true", "agreed", "agree", "totally", "exactly"];

/// Words that open a message by agreeing ("yeah ok, …"): said of an opposing point with no
/// "but" after them, they concede it.
const AGREEING_OPENERS: &[&str] = &[
    "yeah",
    "yes",
    "yea",
    "yep",
    "ok",
    "okay",
    "fine",
    "alright",
    "true",
    "fair",
    "honestly",
    "sure",
    "right",
    "exactly",
    "indeed",
    "absolutely",
    "agreed",
    "agree",
    "totally",
    "definitely",
];

/// Words that open a reply by carrying on from what it answers ("And the 2004 round proves
/// it…"): said of an opposing point, they build on it, as an agreeing opener does.
const CONTINUING_OPENERS: &[&str] = &["and", "plus", "also", "moreover", "furthermore"];
/// Words that, opening what follows a contrast ("…, but yeah, …"), turn back to agreeing.
const AGREEING_TURNS: &[&str] = &[
    "yeah", "yes", "yea", "yep", "ok", "okay", "fine", "alright", "agreed", "agree", "fair",
];

/// Words that turn from what is granted to what the speaker holds.
const CONTRAST: &[&str] = &["but", "however", "yet", "whereas", "though"];

/// Openers that grant a clause before the speaker's own ("although X, Y").
const GRANTING_OPENERS: &[&str] = &[
    "although",
    "though",
    "even if",
    "even though",
    "while",
    "granted",
    "admittedly",
];

/// Filler that opens a granted clause ("sure", "ok", "i get that") and says nothing about it.
const GRANTING_FILLER: &[&str] = &[
    "sure",
    "yes",
    "yeah",
    "yea",
    "ya",
    "ok",
    "okay",
    "k",
    "true",
    "fine",
    "granted",
    "i",
    "get",
    "that",
    "see",
    "maybe",
    "admittedly",
    "agree",
    "fair",
    "point",
    "right",
    "so",
    "well",
    "lol",
    "know",
    "understand",
    "yep",
    "alright",
    "tbh",
    "ngl",
    "idk",
];

/// Openings that grant a point in irony ("oh sure, …", "yeah right"): they mock it.
const MOCKING_OPENERS: &[&str] = &[
    "oh sure",
    "oh yes",
    "oh yeah",
    "oh great",
    "oh right",
    "oh totally",
    "oh wow",
    "yeah right",
    "yeah sure",
    "sure sure",
    "lol sure",
    "lol yes",
];

/// Phrases that say the speaker means the opposite of what they grant.
const MOCKING_PHRASES: &[&str] = &[
    "what could go wrong",
    "what could possibly go wrong",
    "so generous",
];

/// Marks that do the same; [`plain`] keeps each as a token of its own.
const MOCKING_MARKS: &[char] = &['🙄', '🙃', '😒', '🤡'];

/// Words a mocking message needs besides the mockery, to say what it mocks.
const MIN_WORDS_MOCKED: usize = 3;

/// Phrases that say the point they name fails.
const REFUTATIONS: &[&str] = &[
    "thats the problem",
    "thats exactly the problem",
    "thats the whole problem",
    "thats the issue",
    "which is the problem",
    "heres the problem",
    "the problem is",
    "is wrong",
    "are wrong",
    "was wrong",
    "just wrong",
    "is false",
    "is a myth",
    "myth",
    "nonsense",
    "bs",
    "bullshit",
    "naive",
    "ignores",
    "ignoring",
    "ignore",
    "overlooks",
    "forgets",
    "misses the point",
    "falls apart",
    "fall apart",
    "makes no sense",
    "makes little sense",
    "doesnt hold",
    "dont hold",
    "doesnt hold up",
    "wont work",
    "wouldnt work",
    "doesnt work",
    "cant work",
    "never work",
    "no way",
    "lol no",
    "nope",
    "how is",
    "how would",
    "how does",
    "how can",
    "how could",
    "who says",
    "the idea that",
    "the claim that",
    "the argument that",
    "the notion that",
    "people who say",
    "those who say",
    "not true",
    "isnt true",
    "untrue",
    "flawed",
    "fails",
    "unrealistic",
    "doesnt follow",
    "so what",
    "wrong because",
    "thats wrong",
    "thats not",
    "is not the point",
    "dream on",
    "mistaken",
    "a mistake",
    "misguided",
    "misreads",
    "wrong model",
    "the wrong",
    "proves nothing",
    "prove nothing",
    "doesnt prove",
    "dont think so",
    "i disagree",
    "disagree that",
    "yeah no",
    "terrible idea",
    "bad idea",
    "false",
    "why should",
    "why would",
    "why does",
    "why is",
    "what stops",
    "overblown",
    "exaggerated",
    "wishful thinking",
    "fantasy",
    "isnt a strategy",
    "not a strategy",
    "rubbish",
    "ridiculous",
    "wrong to",
    "mistake to",
];

/// Openers that introduce the point being refuted ("the idea that X is …").
const NAMING_OPENERS: &[&str] = &[
    "the idea that",
    "the claim that",
    "the argument that",
    "the notion that",
    "people who say",
    "those who say",
    "who says",
    "how is",
    "how would",
    "how does",
    "how can",
    "how could",
    "why should",
    "why would",
    "why does",
    "why is",
    "wrong to",
    "mistake to",
    "no way",
];

/// Words that give a reason.
const BECAUSE: &[&str] = &["because", "since", "cause", "cuz", "coz", "bc", "as"];

/// Words that tie a claim to its reason or its consequence.
const REASONING: &[&str] = &[
    "because",
    "since",
    "cause",
    "cuz",
    "coz",
    "bc",
    "so",
    "therefore",
    "thus",
    "hence",
    "unless",
    "means",
    "otherwise",
    "if",
    "then",
];

/// Phrases that do the same.
const REASONING_PHRASES: &[&str] = &[
    "which means",
    "that is why",
    "thats why",
    "as a result",
    "leads to",
];

/// Negations, with the apostrophe dropped.
const NEGATIONS: &[&str] = &[
    "not", "no", "never", "nobody", "nothing", "neither", "nor", "cannot", "cant", "wont", "dont",
    "doesnt", "isnt", "arent", "wasnt", "werent", "wouldnt", "shouldnt", "couldnt", "didnt",
    "aint", "hardly", "nowhere", "nope",
];

/// Words that point back at what the other side just said.
const DEICTIC: &[&str] = &[
    "that", "thats", "this", "it", "its", "your", "ur", "you", "u",
];

/// Clause punctuation kept as tokens.
const PUNCTUATION: &[char] = &[',', '.', ';', ':', '?', '!'];

/// The message as tokens joined by single spaces.
pub fn plain(text: &str) -> String {
    let mut out = String::with_capacity(text.len().min(MAX_CHARS));
    for c in text.chars().take(MAX_CHARS).flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if c == '\'' || c == '’' || c == 'ʼ' {
            // "isn't" reads as "isnt"
        } else if PUNCTUATION.contains(&c) || MOCKING_MARKS.contains(&c) {
            out.push(' ');
            out.push(c);
            out.push(' ');
        } else {
            out.push(' ');
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// What the cue words of one message say.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cues {
    /// A conceding phrase appears.
    pub concedes: bool,
    /// The message opens by agreeing ("yeah ok, …", "fine.").
    pub agrees_first: bool,
    /// The message calls a proposal good ("good deal, everyone wins").
    pub endorses: bool,
    /// The token index of the first contrast word after some granted text, if any.
    pub contrast: Option<usize>,
    /// What follows the contrast turns back to agreeing ("it's a fantasy, but yeah, …"): the
    /// contrast grants nothing against the point.
    pub agrees_after_contrast: bool,
    /// A phrase says the named point fails.
    pub refutes: bool,
    /// The message grants a point in irony ("oh sure, …", "what could go wrong", 🙄): it
    /// mocks the point rather than agreeing with it.
    pub mocks: bool,
    /// A negation appears.
    pub denies: bool,
    /// The message opens by pointing at what was just said ("that ignores …").
    pub deictic: bool,
    /// The message asks something: said of an opposing point, a rhetorical challenge.
    pub asks: bool,
    /// The message gives a reason ("because", "so", "which means", "unless" …).
    pub reasons: bool,
}

impl Cues {
    /// The message says the point it names fails: a refuting phrase, or mockery.
    pub fn dismisses(&self) -> bool {
        self.refutes || self.mocks
    }

    pub fn of(plain: &str) -> Cues {
        let tokens: Vec<&str> = plain.split(' ').filter(|t| !t.is_empty()).collect();
        // "yet" contrasts only where a clause starts ("…, yet", "and yet"), not in "has yet to".
        let contrast = tokens
            .iter()
            .enumerate()
            .skip(1)
            .find(|&(i, t)| {
                CONTRAST.contains(t)
                    && (*t != "yet" || is_punctuation(tokens[i - 1]) || tokens[i - 1] == "and")
            })
            .map(|(i, _)| i);
        let agrees_after_contrast = contrast.is_some_and(|at| {
            tokens[at + 1..]
                .iter()
                .filter(|t| !is_punctuation(t))
                .take(2)
                .any(|t| AGREEING_TURNS.contains(t))
        });
        Cues {
            concedes: CONCESSIONS.iter().any(|p| grants_phrase(&tokens, p))
                || closes_agreeing(&tokens),
            agrees_first: tokens
                .iter()
                .take(3)
                .take_while(|t| !is_negation(t))
                .any(|t| AGREEING_OPENERS.contains(t))
                || tokens
                    .first()
                    .is_some_and(|t| CONTINUING_OPENERS.contains(t)),
            endorses: ENDORSEMENTS.iter().any(|p| contains_phrase(&tokens, p)),
            contrast,
            agrees_after_contrast,
            refutes: REFUTATIONS.iter().any(|p| contains_phrase(&tokens, p)),
            mocks: mocks(&tokens),
            denies: tokens.iter().any(|t| is_negation(t)),
            deictic: tokens.first().is_some_and(|t| DEICTIC.contains(t)),
            asks: tokens.contains(&"?"),
            reasons: tokens.iter().any(|t| REASONING.contains(t))
                || REASONING_PHRASES
                    .iter()
                    .any(|p| contains_phrase(&tokens, p)),
        }
    }

    /// The part of the message that names the point it attacks: what a contrast grants
    /// ("sure X, but …"), the clause a granting opener introduces ("although X, …"), what a
    /// naming opener introduces ("the idea that X …"), or what stands before "is wrong".
    pub fn attacked_part(&self, plain: &str) -> Option<String> {
        let tokens: Vec<&str> = plain.split(' ').filter(|t| !t.is_empty()).collect();
        let start = skip_filler(&tokens);
        let rest = &tokens[start..];
        if let Some(opener) = GRANTING_OPENERS.iter().find(|o| starts_with(rest, o)) {
            let clause = &rest[opener.split(' ').count()..];
            let clause = &clause[clause.iter().take_while(|t| is_punctuation(t)).count()..];
            let end = clause
                .iter()
                .position(|t| is_punctuation(t) || CONTRAST.contains(t))
                .unwrap_or(clause.len());
            return words(&clause[..end]);
        }
        if let Some(at) = self.contrast.filter(|&at| at > start) {
            return words(&tokens[start..at]);
        }
        for opener in NAMING_OPENERS {
            if let Some(at) = find_phrase(&tokens, opener) {
                let clause = &tokens[at + opener.split(' ').count()..];
                let end = clause
                    .iter()
                    .position(|t| is_clause_end(t))
                    .into_iter()
                    .chain(REFUTATIONS.iter().filter_map(|p| find_phrase(clause, p)))
                    .min()
                    .unwrap_or(clause.len());
                return words(&clause[..end]);
            }
        }
        let refuted_at = REFUTATIONS
            .iter()
            .filter_map(|p| find_phrase(&tokens, p))
            .min()?;
        (refuted_at > start + 1)
            .then(|| words(&tokens[start..refuted_at]))
            .flatten()
    }

    /// The part that gives the speaker's own reason: after the contrast, the granting clause's
    /// comma, or "because".
    pub fn reason_part(&self, plain: &str) -> Option<String> {
        let tokens: Vec<&str> = plain.split(' ').filter(|t| !t.is_empty()).collect();
        let from = self.contrast.map(|at| at + 1).or_else(|| {
            tokens
                .iter()
                .position(|t| BECAUSE.contains(t))
                .map(|at| at + 1)
        })?;
        words(&tokens[from.min(tokens.len())..])
    }
}

fn is_negation(token: &str) -> bool {
    NEGATIONS.contains(&token)
}

fn is_clause_end(token: &str) -> bool {
    is_punctuation(token) || CONTRAST.contains(&token) || BECAUSE.contains(&token)
}

fn is_punctuation(token: &str) -> bool {
    token.chars().all(|c| PUNCTUATION.contains(&c))
}

/// How many opening tokens are filler or punctuation.
fn skip_filler(tokens: &[&str]) -> usize {
    tokens
        .iter()
        .position(|t| !GRANTING_FILLER.contains(t) && !is_punctuation(t))
        .unwrap_or(tokens.len())
}

/// The words of some tokens, punctuation left out; `None` when no word is left.
fn words(tokens: &[&str]) -> Option<String> {
    let text: Vec<&str> = tokens
        .iter()
        .copied()
        .filter(|t| !is_punctuation(t))
        .collect();
    (!text.is_empty()).then(|| text.join(" "))
}

fn starts_with(tokens: &[&str], phrase: &str) -> bool {
    let words: Vec<&str> = phrase.split(' ').collect();
    tokens.len() >= words.len() && tokens[..words.len()] == words[..]
}

fn find_phrase(tokens: &[&str], phrase: &str) -> Option<usize> {
    let words: Vec<&str> = phrase.split(' ').collect();
    tokens
        .windows(words.len())
        .position(|window| phrase_matches(window, &words))
}

/// Whether some tokens are a phrase's words; `*` stands for any one word.
fn phrase_matches(tokens: &[&str], words: &[&str]) -> bool {
    tokens
        .iter()
        .zip(words)
        .all(|(token, word)| *word == "*" && !is_punctuation(token) || token == word)
}

/// Whether the first two words are a mocking opener, whatever punctuation stands between.
fn opens_mocking(tokens: &[&str]) -> bool {
    let opening: Vec<&str> = tokens
        .iter()
        .filter(|t| !is_punctuation(t))
        .take(2)
        .copied()
        .collect();
    MOCKING_OPENERS.contains(&opening.join(" ").as_str())
}

/// Whether the message mocks something it says: a mocking opener or phrase, and words of its
/// own besides ("yeah right" alone names nothing it disputes).
fn mocks(tokens: &[&str]) -> bool {
    let is_mark = |t: &str| t.chars().all(|c| MOCKING_MARKS.contains(&c));
    let mocking_words = if opens_mocking(tokens) {
        2
    } else if let Some(phrase) = MOCKING_PHRASES.iter().find(|p| contains_phrase(tokens, p)) {
        phrase.split(' ').count()
    } else if tokens.iter().any(|t| is_mark(t)) {
        0
    } else {
        return false;
    };
    let words = tokens.iter().filter(|t| !is_punctuation(t) && !is_mark(t));
    words.count() >= mocking_words + MIN_WORDS_MOCKED
}

/// Whether the last word is an agreeing word standing as a clause of its own.
fn closes_agreeing(tokens: &[&str]) -> bool {
    let Some(last) = tokens.iter().rposition(|t| !is_punctuation(t)) else {
        return false;
    };
    CLOSING_AGREEMENT.contains(&tokens[last]) && (last == 0 || is_punctuation(tokens[last - 1]))
}

/// Whether `phrase` occurs with nothing just before it, in its clause, that takes it back:
/// "not a fair point", "only makes sense if" and "hardly true" grant nothing.
fn grants_phrase(tokens: &[&str], phrase: &str) -> bool {
    let words: Vec<&str> = phrase.split(' ').collect();
    tokens.windows(words.len()).enumerate().any(|(at, window)| {
        phrase_matches(window, &words)
            && !tokens[at.saturating_sub(2)..at]
                .iter()
                .rev()
                .take_while(|t| !is_punctuation(t))
                .any(|t| is_negation(t) || *t == "only")
    })
}

fn contains_phrase(tokens: &[&str], phrase: &str) -> bool {
    find_phrase(tokens, phrase).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cues(text: &str) -> (Cues, String) {
        let plain = plain(text);
        (Cues::of(&plain), plain)
    }

    #[test]
    fn apostrophes_are_dropped_and_clause_marks_kept() {
        assert_eq!(plain("Isn't it, though?"), "isnt it , though ?");
        assert_eq!(plain("you’re RIGHT"), "youre right");
    }

    #[test]
    fn conceding_phrases_are_found_as_whole_words() {
        for text in [
            "You're right, NATO can't help.",
            "ok fine.",
            "Fair point!! but still",
        ] {
            assert!(cues(text).0.concedes, "{text}");
        }
        for text in [
            "the agreement at Minsk failed",
            "upright members of the alliance",
        ] {
            assert!(!cues(text).0.concedes, "{text}");
        }
    }

    #[test]
    fn agreeing_idioms_concede_and_their_negative_twins_refute() {
        for text in [
            "116 years at that rate, so yeah, Russia can't conquer the rest. Good stat.",
            "After 2014 it makes total sense that Ukrainians want a written commitment.",
            "A fortified line is grim, but seventy years of calm is not nothing. I'd take it.",
            "It's true that membership is far off.",
        ] {
            let read = cues(text).0;
            assert!(read.concedes && !read.refutes, "{text}: {read:?}");
        }
        for text in [
            "It must be admitted that no Western capital will deploy combat units to Ukraine.",
            "I get why Kyiv wants more than weapons after two attacks.",
            "That's completely understandable after 2014.",
        ] {
            assert!(cues(text).0.concedes, "{text}");
        }
        let read = cues("Clinging to a promise of admission makes little sense.").0;
        assert!(read.refutes && !read.concedes, "{read:?}");
        let read = cues("It's true that membership is far off, but Moscow still fears it.").0;
        assert!(read.concedes && read.contrast.is_some(), "{read:?}");
    }

    #[test]
    fn a_conceding_phrase_taken_back_by_the_word_before_it_grants_nothing() {
        for text in [
            "Neutrality only makes sense if Russia keeps its word, and it never has.",
            "That is not a fair point at all.",
            "Hardly true: the 2004 round drew no tanks.",
        ] {
            assert!(!cues(text).0.concedes, "{text}");
        }
        assert!(
            cues("It makes sense, and the 2004 round shows it.")
                .0
                .concedes
        );
    }

    #[test]
    fn calling_a_proposal_a_smart_move_or_a_decent_compromise_endorses_it() {
        for text in [
            "That does sound like a decent compromise honestly.",
            "The smart move is to write down what's already true.",
        ] {
            assert!(cues(text).0.endorses, "{text}");
        }
    }

    #[test]
    fn an_agreeing_word_closing_the_message_concedes_but_agreed_mid_sentence_does_not() {
        for text in [
            "we probably shouldn't push it. Fair.",
            "so NATO isn't the issue. Totally.",
            "a reasonable compromise honestly, everyone gets something",
            "Lifting sanctions is a fair trade, I'd go for that.",
        ] {
            assert!(cues(text).0.concedes, "{text}");
        }
        for text in [
            "in 2008 NATO agreed that Ukraine will become a member",
            "that deal is not fair",
            "is that fair?",
        ] {
            assert!(!cues(text).0.concedes, "{text}");
        }
    }

    #[test]
    fn irony_mocks_what_it_seems_to_grant_and_plain_agreement_does_not() {
        for text in [
            "Oh, sure, Moscow will be thrilled",
            "yeah right, a Russian promise",
            "lol sure, a Russian promise",
            "a Russian promise. what could possibly go wrong",
            "very reassuring, that promise 🙄",
        ] {
            assert!(cues(text).0.mocks, "{text}");
        }
        // Mockery alone names nothing it disputes.
        for text in [
            "sure, that is fair",
            "oh no",
            "right, and a promise helps 🙂",
            "yeah right",
            "lol sure 🙄",
            "🙃",
            "what could go wrong",
        ] {
            assert!(!cues(text).0.mocks, "{text}");
        }
        assert_eq!(plain("great 🙄!"), "great 🙄 !");
    }

    #[test]
    fn yet_contrasts_only_where_a_clause_starts() {
        assert_eq!(
            cues("Its economy has yet to recover to its 2014 level")
                .0
                .contrast,
            None
        );
        assert_eq!(cues("It is not yet over").0.contrast, None);
        assert!(
            cues("Russia grumbled, yet it did nothing")
                .0
                .contrast
                .is_some()
        );
        assert!(cues("he said so and yet he invaded").0.contrast.is_some());
    }

    #[test]
    fn a_contrast_that_turns_back_to_agreeing_is_marked() {
        let (turned, _) = cues("It's a paranoid fantasy, but yeah, they have to deal with it.");
        assert!(turned.agrees_after_contrast);
        let (attack, _) = cues("Sure, pride matters, but that cuts both ways.");
        assert!(!attack.agrees_after_contrast);
    }

    #[test]
    fn praising_a_proposal_is_an_endorsement_not_a_concession_by_itself() {
        let (c, _) = cues("A language swap for a no-force pledge? Good deal, everyone wins.");
        assert!(c.endorses && !c.concedes);
        assert!(
            cues("The author rightly observes that yielding sets a precedent.")
                .0
                .concedes
        );
        assert!(
            cues("I am persuaded that the open door can be negotiated.")
                .0
                .concedes
        );
    }

    #[test]
    fn a_contrast_splits_the_granted_from_the_reason() {
        let (c, p) = cues("sure, a coalition sounds nice but nobody would send troops");
        assert_eq!(
            c.attacked_part(&p).as_deref(),
            Some("a coalition sounds nice")
        );
        assert_eq!(
            c.reason_part(&p).as_deref(),
            Some("nobody would send troops")
        );
    }

    #[test]
    fn a_granting_opener_names_its_clause() {
        let (c, p) = cues("Although neutrality sounds safe, Putin wants more than that");
        assert_eq!(
            c.attacked_part(&p).as_deref(),
            Some("neutrality sounds safe")
        );
    }

    #[test]
    fn a_refutation_names_what_stands_before_it() {
        let (c, p) = cues("the nato expansion argument is wrong because putin wants ukraine");
        assert!(c.refutes);
        assert_eq!(
            c.attacked_part(&p).as_deref(),
            Some("the nato expansion argument")
        );
        assert_eq!(c.reason_part(&p).as_deref(), Some("putin wants ukraine"));
        let (c, p) = cues("the idea that russia fears nato falls apart, look at finland");
        assert_eq!(c.attacked_part(&p).as_deref(), Some("russia fears nato"));
    }

    #[test]
    fn praise_with_a_word_between_concedes_but_not_across_a_sentence() {
        for text in [
            "Good historical point, NATO has let dictatorships in before.",
            "Good catch actually, that is real movement.",
            "One must acknowledge the considerable merit of this framework.",
            "It must be acknowledged that the Kremlin's ambitions reach further.",
        ] {
            assert!(cues(text).0.concedes, "{text}");
        }
        for text in ["Good. Point is, it fails.", "a good strong army"] {
            assert!(!cues(text).0.concedes, "{text}");
        }
        for text in [
            "The tripwire logic is compelling.",
            "Keeping the training while agreeing to neutrality is the best of both worlds.",
            "Worth trying.",
            "That's basically the Israel model, and it has a lot going for it.",
            "There is considerable merit in letting the neighbours lead.",
            "A diplomatic probe of this kind has a certain logic.",
        ] {
            let (c, _) = cues(text);
            assert!(c.endorses && !c.concedes, "{text}");
        }
    }

    #[test]
    fn a_reply_that_carries_on_from_the_counter_opens_as_agreeing() {
        for text in [
            "And the 2004 round proves it.",
            "Plus the Duma only grumbled.",
        ] {
            assert!(cues(text).0.agrees_first, "{text}");
        }
        for text in [
            "Andrew says the pledge fails.",
            "The facts and the record disagree.",
        ] {
            assert!(!cues(text).0.agrees_first, "{text}");
        }
    }

    #[test]
    fn not_yet_is_no_contrast_and_negation_is_seen() {
        let (c, _) = cues("ukraine is not yet ready");
        assert_eq!(c.contrast, None);
        assert!(c.denies);
    }

    #[test]
    fn a_long_message_is_read_in_bounded_time() {
        let text = "but ".repeat(100_000);
        assert!(plain(&text).len() <= MAX_CHARS);
    }
}
