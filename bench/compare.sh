#!/usr/bin/env bash
# bench/compare.sh: times whole `ladder` processes against what a user would reach for instead
# (yq on the YAML, jq on its JSON twin) and against a Rust hello-world, the floor of any process,
# with hyperfine; measures peak memory with /usr/bin/time -v; writes bench/results.md.
#
#   bench/compare.sh            # everything (about five minutes)
#   BENCH_DIR=/tmp/ladder-bench bench/compare.sh   # keep the generated catalogues between runs
#
# Missing tools (hyperfine, jq, yq, GNU time) are installed from Debian's packages with apt-get.
# See docs/performance.md for how to read the results.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
work=${BENCH_DIR:-$(mktemp -d -t ladder-bench.XXXXXX)}
mkdir -p "$work"
results="$root/bench/results.md"

say() { printf '\033[1mcompare.sh:\033[0m %s\n' "$*" >&2; }

# --- tools -------------------------------------------------------------------------------------
missing=()
command -v hyperfine >/dev/null || missing+=(hyperfine)
command -v jq >/dev/null || missing+=(jq)
command -v yq >/dev/null || missing+=(yq)
[ -x /usr/bin/time ] || missing+=(time)
if [ ${#missing[@]} -gt 0 ]; then
    say "installing ${missing[*]} with apt-get"
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo=sudo
    $sudo apt-get update -qq
    $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# --- binaries and catalogues -------------------------------------------------------------------
say "building ladder (release, and dist: statically linked) and the generator"
cargo build --release --quiet --locked --bin ladder --example gen
cargo --quiet build-static
ladder="$root/target/dist/ladder"         # the binary as distributed (cargo build-static)
portable="$root/target/release/ladder"    # plain `cargo build --release`, dynamically linked
gen="$root/target/release/examples/gen"

cat >"$work/hello.rs" <<'RUST'
fn main() {
    println!("Hello, world!");
}
RUST
rustc -O -o "$work/hello" "$work/hello.rs"
rustc -O -C target-feature=+crt-static -o "$work/hello-static" "$work/hello.rs"
hello="$work/hello"

for n in 10000 100000; do
    [ -s "$work/$n.yaml" ] || { say "generating $n roles"; "$gen" "$n" >"$work/$n.yaml" 2>/dev/null; }
    [ -s "$work/$n.json" ] || "$gen" "$n" --json >"$work/$n.json" 2>/dev/null
done

# The route the generator names on the second line of its YAML: `... path FROM TO`.
route() { sed -n '2s/.* path //p' "$1"; }
read -r from10 to10 <<<"$(route "$work/10000.yaml")"
read -r from100 to100 <<<"$(route "$work/100000.yaml")"

# --- timings -----------------------------------------------------------------------------------
# hyperfine -N runs commands without a shell, so the floor is the process itself.
run() { # NAME RUNS WARMUP COMMAND...
    local name=$1 runs=$2 warmup=$3
    shift 3
    say "timing $name"
    hyperfine -N --style basic --warmup "$warmup" --runs "$runs" \
        --export-json "$work/$name.json" "$@" >&2
}

# A binary the linker has just written sits in the page cache in large pieces and starts faster
# (about 0.1 ms here) than it does once the kernel has dropped it and read it back from disk, which
# is how it runs on most days. Time that lasting case: drop the page cache first (needs root).
page_cache="not dropped (needs root), so a just-built binary may start faster than it will later"
if sync && { echo 3 >/proc/sys/vm/drop_caches; } 2>/dev/null; then
    page_cache="dropped before timing start-up, so binaries are read back from disk as on most days"
fi
run builtin 1000 50 "$hello" "$ladder show cpo" "$work/hello-static" "$portable show cpo"
run ten 3 1 "$ladder --catalogue $work/10000.yaml path $from10 $to10" \
    "yq '.roles[] | select(.id == \"$to10\")' $work/10000.yaml" \
    "$ladder --catalogue $work/10000.json path $from10 $to10" \
    "jq '.roles[] | select(.id == \"$to10\")' $work/10000.json"
run hundred 5 1 "$ladder --catalogue $work/100000.yaml path $from100 $to100" \
    "$ladder --catalogue $work/100000.json path $from100 $to100" \
    "jq '.roles[] | select(.id == \"$to100\")' $work/100000.json"

# Peak resident memory, in kilobytes.
peak() { /usr/bin/time -v "$@" 2>&1 >/dev/null | sed -n 's/.*Maximum resident set size (kbytes): //p'; }
say "measuring peak memory"
rss_yaml=$(peak "$ladder" --catalogue "$work/100000.yaml" path "$from100" "$to100")
rss_json=$(peak "$ladder" --catalogue "$work/100000.json" path "$from100" "$to100")
size_yaml=$(stat -c %s "$work/100000.yaml")
size_json=$(stat -c %s "$work/100000.json")

# --- the report --------------------------------------------------------------------------------
median() { jq -r ".results[$2].median" "$work/$1.json"; }
ms() { awk -v s="$1" 'BEGIN { printf (s < 0.01 ? "%.2f ms" : "%.0f ms"), s * 1000 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
check() { awk -v v="$1" -v op="$2" -v limit="$3" \
    'BEGIN { ok = (op == "<=" ? v <= limit : op == ">=" ? v >= limit : v < limit); print (ok ? "met" : "**missed**") }'; }
mb() { awk -v b="$1" 'BEGIN { printf "%.0f MB", b / 1048576 }'; }

hello_s=$(median builtin 0); show_s=$(median builtin 1)
hello_static_s=$(median builtin 2); portable_s=$(median builtin 3)
l10_s=$(median ten 0); yq10_s=$(median ten 1); l10j_s=$(median ten 2); jq10_s=$(median ten 3)
l100_s=$(median hundred 0); l100j_s=$(median hundred 1); jq100_s=$(median hundred 2)
show_ratio=$(ratio "$show_s" "$hello_s")
static_ratio=$(ratio "$show_s" "$hello_static_s")
portable_ratio=$(ratio "$portable_s" "$hello_s")
yq_ratio=$(ratio "$yq10_s" "$l10_s")
jq_ratio=$(ratio "$jq100_s" "$l100j_s")
rss_yaml_ratio=$(ratio "$((rss_yaml * 1024))" "$size_yaml")
rss_json_ratio=$(ratio "$((rss_json * 1024))" "$size_json")

cpu=$(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)
{
    echo "# Whole-process timings"
    echo
    echo "Written by \`bench/compare.sh\` on $(date -u '+%Y-%m-%d %H:%M UTC'); medians of hyperfine runs"
    echo "(\`-N\`, no shell), all in the same run. Machine: $cpu, $(nproc) cores, $(uname -sr),"
    echo "$(rustc --version | cut -d' ' -f1-2); load average at the end $(cut -d' ' -f1-3 /proc/loadavg)."
    echo "The machine is shared, so the figures are noisy: compare ratios within a run, not across runs."
    echo "Page cache: $page_cache."
    echo
    echo "| Case | Command | Median | Target | |"
    echo "|---|---|---:|---|---|"
    echo "| floor | Rust hello-world (\`rustc -O\`) | $(ms "$hello_s") | | |"
    echo "| built-in | \`ladder show cpo\` (\`cargo build-static\`) | $(ms "$show_s") | at most 1.3× hello-world: **${show_ratio}×** | $(check "$show_ratio" "<=" 1.3) |"
    echo "| floor, static | Rust hello-world, statically linked | $(ms "$hello_static_s") | like for like, \`ladder show cpo\` is ${static_ratio}× | |"
    echo "| built-in | \`ladder show cpo\` (\`cargo build --release\`, dynamic) | $(ms "$portable_s") | ${portable_ratio}× hello-world | |"
    echo "| 10,000 roles | \`ladder --catalogue 10k.yaml path A B\` | $(ms "$l10_s") | at least 10× faster than yq: **${yq_ratio}×** | $(check "$yq_ratio" ">=" 10) |"
    echo "| 10,000 roles | \`yq '.roles[] \\| select(.id == \"B\")' 10k.yaml\` | $(ms "$yq10_s") | | |"
    echo "| 10,000 roles | \`ladder --catalogue 10k.json path A B\` | $(ms "$l10j_s") | | |"
    echo "| 10,000 roles | \`jq '.roles[] \\| select(.id == \"B\")' 10k.json\` | $(ms "$jq10_s") | | |"
    echo "| 100,000 roles, $(mb "$size_yaml") YAML | \`ladder --catalogue 100k.yaml path A B\` | $(ms "$l100_s") | under 3 s | $(check "$l100_s" "<" 3) |"
    echo "| 100,000 roles, $(mb "$size_json") JSON | \`ladder --catalogue 100k.json path A B\` | $(ms "$l100j_s") | under 0.5 s | $(check "$l100j_s" "<" 0.5) |"
    echo "| 100,000 roles, JSON | \`jq '.roles[] \\| select(.id == \"B\")' 100k.json\` | $(ms "$jq100_s") | ladder is ${jq_ratio}× faster | |"
    echo
    echo "| Peak memory (\`/usr/bin/time -v\`) | Resident | File | Ratio | Target | |"
    echo "|---|---:|---:|---:|---|---|"
    echo "| \`ladder --catalogue 100k.yaml path A B\` | $(mb "$((rss_yaml * 1024))") | $(mb "$size_yaml") | ${rss_yaml_ratio}× | under 4× the file | $(check "$rss_yaml_ratio" "<" 4) |"
    echo "| \`ladder --catalogue 100k.json path A B\` | $(mb "$((rss_json * 1024))") | $(mb "$size_json") | ${rss_json_ratio}× | under 4× the file | $(check "$rss_json_ratio" "<" 4) |"
    echo
    echo "\`ladder\` is the binary as distributed, \`target/dist/ladder\` from \`cargo build-static\` (the release"
    echo "profile, statically linked, start-up functions first); the plain \`cargo build --release\` binary is timed on the built-in catalogue too."
    echo "Catalogues: \`cargo run --release --example gen -- N [--json]\` (seed 1); A and B are the route"
    echo "the generator names on the file's second line (10k: \`$from10\` to \`$to10\`;"
    echo "100k: \`$from100\` to \`$to100\`). yq is Debian's \`yq\` ($(yq --version 2>&1 | head -1)), jq is $(jq --version)."
} >"$results"
say "wrote $results"
cat "$results"
