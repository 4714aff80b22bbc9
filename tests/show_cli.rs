//! `debate-drill show --json` through the real binary: the contract's shape (a snapshot of a
//! small pack) and a round trip of the bundled pack.

mod common;

use common::{root, run, stdout};
use debate_drill::pack::load_pack;
use serde_json::Value;

#[test]
fn show_json_of_a_single_file_pack() {
    let output = run(
        &root(),
        &[
            "show",
            "--json",
            "--packs",
            "tests/data/good-packs/uniforms.toml",
        ],
        "",
    );
    assert_eq!(output.status.code(), Some(0));
    insta::assert_snapshot!(stdout(&output));
}

#[test]
fn show_json_round_trips_the_bundled_pack() {
    let output = run(&root(), &["show", "--json"], "");
    assert_eq!(output.status.code(), Some(0), "{}", common::stderr(&output));
    let document: Value = serde_json::from_str(&stdout(&output)).expect("one JSON document");
    let pack = load_pack(&root().join("positions/ukraine-nato"))
        .pack
        .unwrap();
    let shown = document["packs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == "ukraine-nato")
        .expect("the bundled pack is shown");
    assert_eq!(shown["id"], pack.id);
    assert_eq!(shown["default"], true);
    assert_eq!(shown["motion"], pack.motion);
    assert_eq!(shown["sides"].as_array().unwrap().len(), pack.sides.len());
    let mut arguments = 0;
    for (position, shown_position) in pack
        .positions
        .iter()
        .zip(shown["positions"].as_array().unwrap())
    {
        assert_eq!(shown_position["id"], position.id);
        assert_eq!(shown_position["side"], position.side);
        assert_eq!(shown_position["author"], position.author);
        for (argument, shown_argument) in pack
            .arguments_of_position(position)
            .iter()
            .zip(shown_position["arguments"].as_array().unwrap())
        {
            assert_eq!(shown_argument["id"], argument.id);
            assert_eq!(shown_argument["claim"], argument.claim);
            assert_eq!(
                shown_argument["quote"], argument.quote,
                "quotes come out byte for byte"
            );
            let targets: Vec<&str> = argument.rebuts.iter().map(|r| r.target.as_str()).collect();
            assert_eq!(
                shown_argument["rebuts"],
                serde_json::json!(targets),
                "`rebuts` stays a list of ids"
            );
            for (rebuttal, clash) in argument
                .rebuts
                .iter()
                .zip(shown_argument["clashes"].as_array().unwrap())
            {
                assert_eq!(clash["target"], rebuttal.target);
                assert_eq!(clash["reason"].as_str(), rebuttal.reason.as_deref());
            }
            assert_eq!(shown_argument["role"], argument.role.as_str());
            arguments += 1;
        }
    }
    assert_eq!(arguments, pack.arguments.len());
}

#[test]
fn unknown_pack_and_usage_errors_have_their_exit_codes() {
    let output = run(&root(), &["show", "--pack", "nope"], "");
    assert_eq!(output.status.code(), Some(1));
    assert!(common::stderr(&output).contains("unknown pack `nope`; the packs are: "));
    assert!(common::stderr(&output).contains("ukraine-nato"));
    let output = run(&root(), &["show", "--no-such-flag"], "");
    assert_eq!(output.status.code(), Some(2));
}
