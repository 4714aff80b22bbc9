fn main() {
    let (packs, diagnostics) = debate_drill::pack::load_library(std::path::Path::new("positions"));
    print!("{diagnostics}");
    for pack in packs {
        println!("{} {} args", pack.id, pack.arguments.len());
    }
}
