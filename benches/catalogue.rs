//! Benchmarks of every stage at 20, 1,000, 10,000 and 100,000 roles: `cargo bench`.
//!
//! Catalogues come from the same generator as `cargo run --example gen`, in process and cached,
//! so each size is generated once. The per-size figures should grow about tenfold from one size
//! to the next (linear); see `docs/performance.md` for how to read them.
//!
//! There is no `search` command on this branch; `resolve_unknown` times the linear scan and
//! did-you-mean ranking over every id, title and alias that a search would make.

#[path = "../examples/gen/synthetic.rs"]
#[allow(dead_code)]
mod synthetic;

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

use divan::Bencher;
use ladder::catalogue::{self, Limits, json, validate, walk, yaml};
use ladder::commands;
use ladder::commands::PathQuery;
use ladder::config::Query;
use ladder::model::Catalogue;
use ladder::resolve::resolve;
use ladder::route::RouteOrder;

const SIZES: &[usize] = &[20, 1_000, 10_000, 100_000];

/// The allocator `ladder` itself uses (`src/main.rs`), so the figures match the binary's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    divan::main();
}

/// One generated catalogue in every form the benchmarks start from.
struct Fixture {
    yaml: String,
    json: String,
    catalogue: Catalogue,
    /// A level-1 role and a top-level role it reaches.
    from: String,
    to: String,
    /// The title of the last role: resolving it scans every role.
    last_title: String,
}

fn fixture(roles: usize) -> &'static Fixture {
    static CACHE: OnceLock<Mutex<HashMap<usize, &'static Fixture>>> = OnceLock::new();
    let mut cache = CACHE
        .get_or_init(Default::default)
        .lock()
        .expect("not poisoned");
    cache.entry(roles).or_insert_with(|| {
        let synthetic = synthetic::generate(roles, 1);
        let yaml = synthetic.to_yaml();
        let json = synthetic.to_json();
        let catalogue =
            catalogue::load_json_text("bench.json", &json, &Limits::default()).expect("valid");
        let (from, to) = synthetic.route;
        Box::leak(Box::new(Fixture {
            from: synthetic.roles[from].id.clone(),
            to: synthetic.roles[to].id.clone(),
            last_title: synthetic.roles[roles - 1].title.clone(),
            yaml,
            json,
            catalogue,
        }))
    })
}

/// YAML text to the positioned tree (no walk, no validation).
#[divan::bench(args = SIZES, max_time = 3)]
fn parse_yaml(bencher: Bencher, roles: usize) {
    let f = fixture(roles);
    bencher
        .counter(divan::counter::BytesCount::of_str(&f.yaml))
        .bench(|| yaml::parse(&f.yaml, &Limits::default()).expect("parses"));
}

/// JSON text to the positioned tree, through the JSON reader (no walk, no validation).
#[divan::bench(args = SIZES, max_time = 3)]
fn parse_json(bencher: Bencher, roles: usize) {
    let f = fixture(roles);
    bencher
        .counter(divan::counter::BytesCount::of_str(&f.json))
        .bench(|| json::parse(&f.json, &Limits::default()).expect("parses"));
}

/// The tree to the model: the walk against the schema, then every rule, cycles, indexes.
#[divan::bench(args = SIZES, max_time = 3)]
fn validate(bencher: Bencher, roles: usize) {
    let f = fixture(roles);
    let tree = json::parse(&f.json, &Limits::default()).expect("parses");
    bencher.with_inputs(|| tree.clone()).bench_values(|tree| {
        let raw = walk::walk(tree).raw.expect("whole");
        validate::validate(raw).expect("valid")
    });
}

/// The whole load of a YAML file's text: parse and validate.
#[divan::bench(args = SIZES, max_time = 3)]
fn load_yaml(bencher: Bencher, roles: usize) {
    let f = fixture(roles);
    bencher.bench(|| catalogue::load_text("bench.yaml", &f.yaml, &Limits::default()));
}

/// The whole load of a JSON file's text: parse and validate.
#[divan::bench(args = SIZES, max_time = 3)]
fn load_json(bencher: Bencher, roles: usize) {
    let f = fixture(roles);
    bencher.bench(|| catalogue::load_json_text("bench.json", &f.json, &Limits::default()));
}

/// Freeing a loaded catalogue (what `ladder` skips at exit).
#[divan::bench(args = SIZES, max_time = 3)]
fn free(bencher: Bencher, roles: usize) {
    let f = fixture(roles);
    bencher
        .with_inputs(|| f.catalogue.clone())
        .bench_values(drop);
}

/// A name that matches the last role's title: a full scan of every id, title and alias.
#[divan::bench(args = SIZES, max_time = 3)]
fn resolve_title(bencher: Bencher, roles: usize) {
    let f = fixture(roles);
    bencher.bench(|| resolve(&f.catalogue, &f.last_title).expect("resolves"));
}

/// A misspelt name: the scan, then did-you-mean ranking of every id, title and alias.
#[divan::bench(args = SIZES, max_time = 3)]
fn resolve_unknown(bencher: Bencher, roles: usize) {
    let f = fixture(roles);
    bencher.bench(|| resolve(&f.catalogue, "cheif prodcut oficer").is_err());
}

/// `ladder path FROM TO`: resolution and the best route.
#[divan::bench(args = SIZES, max_time = 3)]
fn path(bencher: Bencher, roles: usize) {
    let f = fixture(roles);
    let query = Query::Path(PathQuery {
        from: f.from.clone(),
        to: f.to.clone(),
        order: RouteOrder::Time,
        limit: 1,
        via: None,
        avoid: Vec::new(),
    });
    bencher.bench(|| commands::run(&query, &f.catalogue).expect("a route"));
}

/// `ladder path FROM TO --all --limit 10`: the ten best routes.
#[divan::bench(args = SIZES, max_time = 3)]
fn path_ten(bencher: Bencher, roles: usize) {
    let f = fixture(roles);
    let query = Query::Path(PathQuery {
        from: f.from.clone(),
        to: f.to.clone(),
        order: RouteOrder::Time,
        limit: 10,
        via: None,
        avoid: Vec::new(),
    });
    bencher.bench(|| commands::run(&query, &f.catalogue).expect("routes"));
}

/// `ladder compare A B`.
#[divan::bench(args = SIZES, max_time = 3)]
fn compare(bencher: Bencher, roles: usize) {
    let f = fixture(roles);
    let query = Query::Compare {
        a: f.from.clone(),
        b: f.to.clone(),
    };
    bencher.bench(|| commands::run(&query, &f.catalogue).expect("compares"));
}
