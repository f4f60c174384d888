#!/usr/bin/env bash
# bench/history.sh: what reading git for the register of changes
# ([record] changes = "git") adds to a build, as ratios of paired runs.
# Builds a corpus of ENTRIES entries with a git history of COMMITS commits
# for every file (ratusz-corpus -git-commits) on tmpfs, then builds it
# RUNS times in turn: without git ("none"), reading the whole history
# ("git", -no-cache) and finding it in the build cache ("git-cached"), and
# prints each one's median wall time and its ratio to "none".
# See docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."

ENTRIES=${ENTRIES:-10000}
COMMITS=${COMMITS:-2}
RUNS=${RUNS:-5}
DIR=${DIR:-/dev/shm/ratusz-history}
GO=${GO:-go}

mkdir -p "$DIR/bin"
$GO build -o "$DIR/bin/ratusz" ./cmd/ratusz
$GO build -o "$DIR/bin/ratusz-corpus" ./bench/ratusz-corpus
site="$DIR/site-$ENTRIES-$COMMITS"
if [[ ! -d $site/.git ]]; then
	rm -rf "$site"
	"$DIR/bin/ratusz-corpus" -n "$ENTRIES" -git-commits "$COMMITS" -out "$site"
fi
for changes in none git; do
	printf 'title = "Bench"\n[publisher]\nname = "Urząd Gminy"\n[record]\nproduced_by = "Referat Rozwoju"\nchanges = "%s"\n' "$changes" >"$DIR/$changes.toml"
done
build() { # build NAME FLAGS...: one build, its wall time in seconds on stdout
	local name=$1
	shift
	local start end
	start=$(date +%s.%N)
	(cd "$site" && "$DIR/bin/ratusz" build -quiet -now 2026-12-07 -out "$DIR/out-$name" "$@") >/dev/null
	end=$(date +%s.%N)
	awk -v a="$start" -v b="$end" 'BEGIN {printf "%.3f", b - a}'
}
build git -config "$DIR/git.toml" >/dev/null # fills the cache
declare -A times
for ((i = 0; i < RUNS; i++)); do
	times[none]+="$(build none -config "$DIR/none.toml") "
	times[git]+="$(build git -config "$DIR/git.toml" -no-cache) "
	times[git-cached]+="$(build cached -config "$DIR/git.toml") "
done
median() { tr ' ' '\n' | grep . | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
base=$(median <<<"${times[none]}")
for name in none git git-cached; do
	m=$(median <<<"${times[$name]}")
	printf '%-11s median %.3f s  ratio %.3f  runs %s\n' "$name" "$m" "$(awk -v m="$m" -v b="$base" 'BEGIN {print m / b}')" "${times[$name]}"
done
