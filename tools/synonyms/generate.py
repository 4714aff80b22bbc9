#!/usr/bin/env python3
"""Writes the matcher's English synonym table from WordNet 3.0.

The table (`data/synonyms-en.txt`) has one line per WordNet synset that keeps at least two
lemmas: the lemmas, lowercase, separated by single spaces. The matcher embeds it
(`src/matcher/synonyms.rs`) to read a student's word the pack never uses as the pack's own
synonym of it ("blunder" -> "mistake").

Only senses that matter are kept:
- a lemma is kept in a synset only when that sense of it is attested in WordNet's semantic
  concordance (a nonzero tag count: among the lemma's first `tagsense_cnt` senses in index.POS,
  which WordNet orders by tag count), so rare senses ("war" as a verb, "bank" as a tilt) drop out;
- single words of 3+ letters a-z only (no collocations, hyphens, digits or capitals);
- synsets left with fewer than two lemmas are dropped, as are duplicate lines.

With `--loose`, a synset is kept whole (its 3+ letter single words) when any one of its lemmas
has a tagged sense there: about three times the lines, and more noise.

Regenerate (no network; Debian/Ubuntu):

    apt-get install -y wordnet-base
    python3 tools/synonyms/generate.py /usr/share/wordnet > data/synonyms-en.txt
    cp /usr/share/doc/wordnet-base/copyright data/WORDNET-LICENSE

The WordNet licence (data/WORDNET-LICENSE) allows redistribution with its notice.
"""

import os
import re
import sys

PARTS = ("noun", "verb", "adj", "adv")
WORD = re.compile(r"^[a-z]{3,}$")


def tagged_senses(wordnet):
    """(lemma, synset offset, pos letter) for every sense with a nonzero tag count."""
    tagged = set()
    for part in PARTS:
        with open(os.path.join(wordnet, "index." + part), encoding="latin-1") as index:
            for line in index:
                if line.startswith("  "):
                    continue  # the licence header
                fields = line.split()
                lemma, pos = fields[0], fields[1]
                pointer_count = int(fields[3])
                at = 4 + pointer_count
                tagsense_count = int(fields[at + 1])
                offsets = fields[at + 2 :]
                for offset in offsets[:tagsense_count]:
                    tagged.add((lemma, offset, pos))
    return tagged


def synsets(wordnet):
    """(offset, pos letter, [lemma, ...]) for every synset of the four data files."""
    for part in PARTS:
        with open(os.path.join(wordnet, "data." + part), encoding="latin-1") as data:
            for line in data:
                if line.startswith("  "):
                    continue
                fields = line.split()
                offset, pos = fields[0], fields[2]
                if pos == "s":
                    pos = "a"  # satellites are indexed as adjectives
                count = int(fields[3], 16)
                lemmas = []
                for i in range(count):
                    lemma = fields[4 + 2 * i].lower()
                    lemma = re.sub(r"\((a|p|ip)\)$", "", lemma)  # adjective markers
                    lemmas.append(lemma)
                yield offset, pos, lemmas


def main():
    args = [arg for arg in sys.argv[1:] if arg != "--loose"]
    loose = "--loose" in sys.argv[1:]
    wordnet = args[0] if args else "/usr/share/wordnet"
    tagged = tagged_senses(wordnet)
    seen = set()
    out = sys.stdout
    for offset, pos, lemmas in synsets(wordnet):
        attested = [(lemma, offset, pos) in tagged for lemma in lemmas]
        if loose:
            attested = [any(attested)] * len(lemmas)
        kept = []
        for lemma, is_attested in zip(lemmas, attested):
            if is_attested and WORD.match(lemma) and lemma not in kept:
                kept.append(lemma)
        if len(kept) < 2:
            continue
        line = " ".join(kept)
        if line in seen:
            continue
        seen.add(line)
        out.write(line + "\n")


if __name__ == "__main__":
    main()
