//! Stems the bundled synonym table once, at build time, so that no process pays for it at
//! start-up: `data/synonyms-en.txt` (lemmas) becomes `$OUT_DIR/synonyms-en.stemmed.txt` (the
//! same synsets as Snowball English stems, each stem once, synsets of one stem left out).

use std::path::PathBuf;

use rust_stemmers::{Algorithm, Stemmer};

const TABLE: &str = "data/synonyms-en.txt";

fn main() {
    println!("cargo::rerun-if-changed={TABLE}");
    let table = std::fs::read_to_string(TABLE).expect("the synonym table is readable");
    let stemmer = Stemmer::create(Algorithm::English);
    let mut stemmed = String::with_capacity(table.len());
    for line in table.lines() {
        let mut synset: Vec<String> = Vec::new();
        for word in line.split_whitespace() {
            let stem = stemmer.stem(word).into_owned();
            if !synset.contains(&stem) {
                synset.push(stem);
            }
        }
        if synset.len() >= 2 {
            stemmed.push_str(&synset.join(" "));
            stemmed.push('\n');
        }
    }
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out.join("synonyms-en.stemmed.txt"), stemmed)
        .expect("the stemmed table is written");
}
