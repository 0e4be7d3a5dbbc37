//! Translates the built-in catalogue, `data/ladder.yaml`, into JSON in `OUT_DIR`, which the
//! binary embeds and reads faster at every start. Only the syntax changes: key order is kept
//! (`preserve_order`); the program reads and checks the result like any JSON catalogue.

fn main() {
    let source = "data/ladder.yaml";
    println!("cargo::rerun-if-changed={source}");
    println!("cargo::rerun-if-changed=build.rs");
    let yaml = std::fs::read_to_string(source)
        .unwrap_or_else(|error| panic!("cannot read {source}: {error}"));
    let value: serde_json::Value = serde_saphyr::from_str(&yaml)
        .unwrap_or_else(|error| panic!("{source} is not valid YAML: {error}"));
    let json = serde_json::to_string(&value)
        .unwrap_or_else(|error| panic!("cannot write {source} as JSON: {error}"));
    let out = std::env::var_os("OUT_DIR").unwrap_or_else(|| panic!("cargo sets OUT_DIR"));
    let path = std::path::Path::new(&out).join("ladder.json");
    std::fs::write(&path, json)
        .unwrap_or_else(|error| panic!("cannot write {}: {error}", path.display()));
}
