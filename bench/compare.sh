#!/usr/bin/env bash
# bench/compare.sh: the speed budgets of docs/performance.md, measured on whole processes.
#
#   bash bench/compare.sh                                 # everything (about ten minutes)
#   BENCH_DIR=/tmp/ladder-bench bash bench/compare.sh     # keep generated catalogues between runs
#
# Times `ladder` (cargo build --release) with hyperfine against a Rust hello-world built the same
# way, against yq on the same YAML, and against serde-saphyr alone parsing the same file; checks
# that every command grows about linearly with the catalogue, on generated ladders and on
# pathological shapes (bench/shapes.py); measures peak memory with GNU time. It rewrites the
# section between the `bench:` markers of docs/performance.md, the one place the figures live.
# Missing tools (hyperfine, yq, jq, GNU time) are installed with apt-get.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
work=${BENCH_DIR:-$(mktemp -d -t ladder-bench.XXXXXX)}
mkdir -p "$work"
say() { printf 'compare.sh: %s\n' "$*" >&2; }

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

say "building ladder, the generator and the parse-only program (release)"
cargo build --release --quiet --locked --bin ladder --example gen --example parse_only
ladder="$root/target/release/ladder"
gen="$root/target/release/examples/gen"
parse_only="$root/target/release/examples/parse_only"
# The hello-world is built the way ladder is: a cargo package, `cargo build --release`.
mkdir -p "$work/hello-world/src"
printf '[package]\nname = "hello"\nversion = "0.1.0"\nedition = "2024"\n\n[workspace]\n' >"$work/hello-world/Cargo.toml"
printf 'fn main() {\n    println!("Hello, world!");\n}\n' >"$work/hello-world/src/main.rs"
cargo build --release --quiet --manifest-path "$work/hello-world/Cargo.toml" --target-dir "$work/hello-world/target"
hello="$work/hello-world/target/release/hello"

for n in 1000 10000 100000; do
    [ -s "$work/$n.yaml" ] || { say "generating $n roles"; "$gen" "$n" >"$work/$n.yaml" 2>/dev/null; }
    [ -s "$work/$n.json" ] || "$gen" "$n" --json >"$work/$n.json" 2>/dev/null
done
# The route the generator names on the second line of its YAML: `... path FROM TO`.
route() { sed -n '2s/.* path //p' "$1"; }

# hyperfine -N: no shell, so the floor is the process itself. Prints the median in seconds.
median() { # RUNS COMMAND
    local runs=$1
    shift
    # -i: a refusal (exit 1, such as "no route") is an answer, and is timed like one.
    hyperfine -N -i --style none --warmup 1 --runs "$runs" --export-json "$work/t.json" "$1" >/dev/null 2>&1 \
        || { echo "nan"; return; }
    jq -r '.results[0].median' "$work/t.json"
}
ms() { awk -v s="$1" 'BEGIN { if (s == "nan") print "failed"; else printf (s < 0.01 ? "%.2f ms" : "%.0f ms"), s * 1000 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", a / b }'; }
verdict() { awk -v v="$1" -v op="$2" -v limit="$3" \
    'BEGIN { ok = (op == "<=" ? v <= limit : op == ">=" ? v >= limit : v < limit); print (ok ? "met" : "**missed**") }'; }
peak_kb() { /usr/bin/time -v "$@" 2>&1 >/dev/null | sed -n 's/.*Maximum resident set size (kbytes): //p'; }

rows=()
row() { local r="$*"; rows+=("| ${r% |} |"); }

say "built-in catalogue"
hello_s=$(hyperfine -N --style none --warmup 50 --runs 500 --export-json "$work/b.json" "$hello" \
    "$ladder show cpo" "$ladder path pm cpo" "$ladder compare vp head" >/dev/null 2>&1 \
    && jq -r '.results[0].median' "$work/b.json")
row "floor | Rust hello-world (\`cargo build --release\`) | $(ms "$hello_s") | | |"
for i in 1 2 3; do
    name=$(jq -r ".results[$i].command" "$work/b.json" | sed "s|$ladder|ladder|")
    s=$(jq -r ".results[$i].median" "$work/b.json")
    r=$(ratio "$s" "$hello_s")
    row "built-in | \`$name\` | $(ms "$s") | at most 3× hello-world: ${r}× | $(verdict "$r" "<=" 3) |"
done

say "10,000 roles: ladder against yq, and check against serde-saphyr alone"
read -r from to <<<"$(route "$work/10000.yaml")"
l10=$(median 5 "$ladder --catalogue $work/10000.yaml path $from $to")
yq10=$(median 3 "yq '.roles[] | select(.id == \"$to\")' $work/10000.yaml")
r=$(ratio "$yq10" "$l10")
row "10,000 roles | \`ladder path\` on YAML, against \`yq\` selecting one role ($(ms "$yq10")) | $(ms "$l10") | at least 10× faster than yq: ${r}× | $(verdict "$r" ">=" 10) |"
check10=$(median 5 "$ladder check $work/10000.yaml")
parse10=$(median 5 "$parse_only $work/10000.yaml")
r=$(ratio "$check10" "$parse10")
row "10,000 roles | \`ladder check\`, against serde-saphyr parsing to a generic value ($(ms "$parse10")) | $(ms "$check10") | at most 1.5×: ${r}× | $(verdict "$r" "<=" 1.5) |"

say "100,000 roles: load time and peak memory"
read -r from to <<<"$(route "$work/100000.yaml")"
for kind in yaml json; do
    file="$work/100000.$kind"
    s=$(median 3 "$ladder --catalogue $file path $from $to")
    kb=$(peak_kb "$ladder" --catalogue "$file" path "$from" "$to")
    bytes=$(stat -c %s "$file")
    mem=$(ratio "$((kb * 1024))" "$bytes")
    row "100,000 roles, $((bytes / 1048576)) MB $kind | \`ladder path\` | $(ms "$s") | under 4 s | $(verdict "$s" "<" 4) |"
    row "100,000 roles, $kind | peak memory $((kb / 1024)) MB | ${mem}× the file | under 5× | $(verdict "$mem" "<" 5) |"
done

# Every command at two sizes, ten times apart: about 10× the time is linear, 100× quadratic.
# The growth is measured above a floor of 20 ms, so start-up does not hide it.
growth() { # LABEL SMALL BIG COMMAND-WITH-@ (the catalogue file goes where @ is)
    local label=$1 small=$2 big=$3 cmd=$4
    local a b
    a=$(median 3 "${cmd//@/$small}")
    b=$(median 3 "${cmd//@/$big}")
    local g
    g=$(ratio "$b" "$a")
    local shown=${cmd//@/FILE}
    row "$label | \`${shown//$ladder/ladder}\` | $(ms "$a") → $(ms "$b") | about 10× (linear): ${g}× | $(verdict "$g" "<=" 20) |"
}
say "scale: every command at 10,000 and 100,000 roles"
read -r from to <<<"$(route "$work/100000.yaml")"
read -r from10 to10 <<<"$(route "$work/10000.yaml")"
for cmd in "list" "search engineer" "tree -o json" "graph -o dot" "graph -o mermaid" "check"; do
    growth "generated, 10k → 100k" "$work/10000.json" "$work/100000.json" "$ladder --catalogue @ $cmd"
done

say "pathological shapes (bench/shapes.py)"
shape() { # SHAPE N
    local f="$work/$1-$2.json"
    [ -s "$f" ] || python3 "$root/bench/shapes.py" "$1" "$2" "$f"
    echo "$f"
}
shape_growth() { # SHAPE SMALL BIG ARGS… (the last role is r(N-1))
    local s=$1 small=$2 big=$3
    shift 3
    local a b
    a=$(shape "$s" "$small")
    b=$(shape "$s" "$big")
    local args="$*"
    local ta tb
    ta=$(median 3 "$ladder --catalogue $a ${args//LAST/r$((small - 1))}")
    tb=$(median 3 "$ladder --catalogue $b ${args//LAST/r$((big - 1))}")
    row "$s, $small → $big roles | \`ladder $args\` | $(ms "$ta") → $(ms "$tb") | seconds at most | $(verdict "$tb" "<" 5) |"
}
shape_growth dense 50 100 "path r1 LAST --via r0 --all --limit 1000"
shape_growth dense 50 100 "path r0 LAST --all --limit 10000"
shape_growth clique 150 300 "path r0 LAST --via r5 --all --limit 10000"
shape_growth clique 150 300 "graph -o mermaid"
shape_growth chain 10000 100000 "path r0 LAST --all"
shape_growth chain 10000 100000 "graph -o dot"
shape_growth rungs 4001 40001 "path r0 LAST --all --limit 10 -o json"
shape_growth fan 2000 20000 "path r0 LAST --all --limit 4000"
shape_growth reports 10000 100000 "tree -o json"
shape_growth reports 10000 100000 "tree -o dot"

say "writing docs/performance.md"
cpu=$(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)
{
    echo "<!-- bench:start: written by bash bench/compare.sh; edits here are overwritten -->"
    echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC') on $cpu, $(nproc) cores, $(uname -sr),"
    echo "$(rustc --version | cut -d' ' -f1-2), load average at the end $(cut -d' ' -f1-3 /proc/loadavg)."
    echo "Medians of hyperfine runs (\`-N\`, no shell); compare ratios within one run, not across runs."
    echo
    echo "| Case | Command | Median | Budget | |"
    echo "|---|---|---:|---|---|"
    printf '%s\n' "${rows[@]}"
    echo
    echo "<!-- bench:end -->"
} >"$work/section.md"
python3 - "$root/docs/performance.md" "$work/section.md" <<'PY'
import re, sys
doc, section = sys.argv[1], open(sys.argv[2]).read()
text = open(doc).read()
new, count = re.subn(r"<!-- bench:start.*?<!-- bench:end -->\n", lambda _: section, text, flags=re.S)
if count != 1:
    sys.exit("docs/performance.md has no bench:start ... bench:end section")
open(doc, "w").write(new)
PY
cat "$work/section.md"
