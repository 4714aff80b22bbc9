//! The bundled pack against the essays it quotes (`../shared/seeds/`): every quote verbatim,
//! every argumentative paragraph carrying an argument, every curated clash with its reason.
//! Prints the figures. The essays must be beside the crate (see `common::seeds`).

mod common;

use std::collections::HashSet;
use std::fs;
use std::path::PathBuf;

use debate_drill::eval::essays::fold;
use debate_drill::eval::paragraphs;
use debate_drill::pack::{Pack, load_pack};
use serde::Deserialize;

#[derive(Deserialize)]
struct Coverage {
    seed: String,
    position: String,
    paragraphs: usize,
    not_argumentative: Vec<Skipped>,
}

#[derive(Deserialize)]
struct Skipped {
    paragraph: usize,
    #[allow(dead_code)]
    why: String,
}

fn bundled_pack() -> Pack {
    pack_named("ukraine-nato")
}

fn pack_named(name: &str) -> Pack {
    let loaded = load_pack(&common::root().join("positions").join(name));
    assert!(!loaded.diagnostics.has_errors(), "{}", loaded.diagnostics);
    loaded.pack.expect("a bundled pack loads")
}

const BUNDLED_PACKS: [&str; 2] = ["ukraine-nato", "russia-war-cause"];

fn coverage_files() -> Vec<Coverage> {
    let dir = common::root().join("tests/data/seed-coverage");
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
        .iter()
        .map(|path| toml::from_str(&fs::read_to_string(path).unwrap()).unwrap())
        .collect()
}

#[test]
fn quotes_are_verbatim_and_paragraphs_are_covered() {
    let Some(seeds) = common::seeds() else {
        return;
    };
    let pack = bundled_pack();
    let mut quotes = 0;
    let mut not_verbatim = Vec::new();
    let (mut argumentative, mut covered) = (0, 0);
    for coverage in coverage_files() {
        let essay = fs::read_to_string(seeds.join(&coverage.seed)).unwrap();
        let folded = fold(&essay);
        let position = pack
            .position(&coverage.position)
            .expect("the coverage file names a position");
        let arguments = pack.arguments_of_position(position);
        for argument in arguments {
            quotes += 1;
            let quote = fold(&argument.quote);
            if !folded.contains(&quote) {
                not_verbatim.push(format!("{}: {quote}", argument.id));
            }
            assert!(
                quote.split(' ').count() <= 60,
                "{}: a quote in the bundled pack is at most 60 words",
                argument.id
            );
        }
        let paragraphs = paragraphs(&essay);
        assert_eq!(
            paragraphs.len(),
            coverage.paragraphs,
            "{}: paragraph count",
            coverage.seed
        );
        let skipped: HashSet<usize> = coverage
            .not_argumentative
            .iter()
            .map(|s| s.paragraph)
            .collect();
        let (mut here, mut here_covered) = (0, 0);
        for (number, paragraph) in paragraphs.iter().enumerate().map(|(i, p)| (i + 1, p)) {
            if skipped.contains(&number) {
                continue;
            }
            here += 1;
            if arguments
                .iter()
                .any(|a| paragraph.contains(&fold(&a.quote)))
            {
                here_covered += 1;
            } else {
                println!(
                    "{}: paragraph {number} carries no argument",
                    coverage.position
                );
            }
        }
        println!(
            "{:<22} {:>3} arguments, {:>2}/{:<2} argumentative paragraphs covered",
            coverage.position,
            arguments.len(),
            here_covered,
            here
        );
        argumentative += here;
        covered += here_covered;
    }
    let verbatim = quotes - not_verbatim.len();
    println!("quotes verbatim: {verbatim}/{quotes}");
    println!(
        "argumentative paragraphs covered: {covered}/{argumentative} ({:.1} %)",
        100.0 * covered as f64 / argumentative as f64
    );
    assert!(
        not_verbatim.is_empty(),
        "quotes not verbatim in their essay:\n{}",
        not_verbatim.join("\n")
    );
    assert!(
        covered * 10 >= argumentative * 9,
        "at least 90 % of argumentative paragraphs carry an argument"
    );
}

/// The house style of the bundled packs' clashes: each names its line of clash first.
const LINES_OF_CLASH: [&str; 4] = [
    "Denies its premise: ",
    "Denies its conclusion: ",
    "Shows its consequence false: ",
    "Outweighs it: ",
];

#[test]
fn every_curated_clash_gives_its_line_of_clash() {
    for name in BUNDLED_PACKS {
        let pack = pack_named(name);
        let mut links = 0;
        for argument in &pack.arguments {
            for rebuttal in &argument.rebuts {
                links += 1;
                let reason = rebuttal.reason.as_deref().unwrap_or_default();
                assert!(
                    LINES_OF_CLASH.iter().any(|line| reason.starts_with(line)),
                    "{name}: {} -> {}: {reason:?}",
                    argument.id,
                    rebuttal.target
                );
            }
        }
        let servable: Vec<usize> = (0..pack.arguments.len())
            .filter(|&index| pack.arguments[index].is_servable())
            .collect();
        let answered = servable
            .iter()
            .filter(|&&index| !pack.rebutted_by(index).is_empty())
            .count();
        println!(
            "{name}: {links} curated clashes; answered {answered}/{}",
            servable.len()
        );
        assert!(
            answered * 2 >= servable.len(),
            "{name}: most arguments are answered by someone"
        );
    }
}

#[test]
fn a_changed_quote_is_caught() {
    let Some(seeds) = common::seeds() else {
        return;
    };
    let pack = bundled_pack();
    let argument = &pack.arguments[0];
    let essay = fold(&fs::read_to_string(seeds.join("001_e8842859165b672c.txt")).unwrap());
    assert!(
        essay.contains(&fold(&argument.quote)),
        "the first quote is Menon's, verbatim"
    );
    let changed = argument
        .quote
        .replacen("’", "'", 1)
        .replacen("would", "will", 1);
    assert!(
        !essay.contains(&fold(&changed)),
        "a quote with changed words or typography is not found"
    );
}

#[test]
fn every_bundled_quote_is_verbatim_in_an_essay() {
    let Some(seeds) = common::seeds() else {
        return;
    };
    let essays: Vec<String> = fs::read_dir(&seeds)
        .unwrap()
        .map(|e| fold(&fs::read_to_string(e.unwrap().path()).unwrap()))
        .collect();
    let (packs, diagnostics) = debate_drill::pack::load_library(&common::root().join("positions"));
    assert!(!diagnostics.has_errors(), "{diagnostics}");
    for pack in &packs {
        for argument in &pack.arguments {
            let quote = fold(&argument.quote);
            assert!(
                essays.iter().any(|essay| essay.contains(&quote)),
                "{}/{}: quote not verbatim in any essay: {quote}",
                pack.id,
                argument.id
            );
        }
        println!("{}: {} quotes, all verbatim", pack.id, pack.arguments.len());
    }
}
