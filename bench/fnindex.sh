#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# fnindex: `splatd git index` on the full Linux 6.1 tree side by side with
# `ctags -R` (universal-ctags) on the same tree: wall and CPU time, peak RSS,
# definitions found. Figures only, no pass/fail. Called by bench/run.sh.
#
# Environment: SPLATD (default build/splatd), KTREE (default
# /var/tmp/splatd-linux-6.1, unpacked from linux-source-6.1 when missing),
# BENCH_OUT (default bench/out).
set -u
cd "$(dirname "$0")/.." || exit 1
SPLATD=${SPLATD:-build/splatd}
KTREE=${KTREE:-/var/tmp/splatd-linux-6.1}
OUT=${BENCH_OUT:-bench/out}
TIME=/usr/bin/time
mkdir -p "$OUT"

if [ ! -f "$KTREE/MAINTAINERS" ]; then
	tarball=/usr/src/linux-source-6.1.tar.xz
	if [ ! -f "$tarball" ]; then
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
			apt-get install -y -qq --no-install-recommends \
			linux-source-6.1 >/dev/null || exit 1
	fi
	mkdir -p "$KTREE" &&
		tar xJf "$tarball" -C "$KTREE" --strip-components=1 || exit 1
fi
command -v ctags >/dev/null || { echo "ctags missing: make deps"; exit 1; }

nc=$(find "$KTREE" -name '*.c' | wc -l)
nh=$(find "$KTREE" -name '*.h' | wc -l)
echo "tree: $KTREE ($nc .c, $nh .h files)"
# warm the page cache so both read from memory
cat $(find "$KTREE" -name '*.[ch]' | head -n 100000) >/dev/null 2>&1

rm -f "$OUT/fnindex.db"*
$TIME -f "%e %U %S %M" -o "$OUT/fnindex.time" \
	"$SPLATD" git index --tree "$KTREE" --db "$OUT/fnindex.db" \
	>"$OUT/fnindex.out" || exit 1
read -r e u s rss <"$OUT/fnindex.time"
defs=$(awk '/^files/ { print $4 }' "$OUT/fnindex.out")
printf '%-26s %8.2f s wall %8.2f s cpu  peak RSS %7.1f MB  %s definitions\n' \
	"splatd git index" "$e" "$(awk -v u="$u" -v s="$s" 'BEGIN { print u + s }')" \
	"$(awk -v k="$rss" 'BEGIN { print k / 1024 }')" "$defs"

$TIME -f "%e %U %S %M" -o "$OUT/ctags.time" \
	ctags -R -f "$OUT/tags" "$KTREE" 2>/dev/null
read -r e u s rss <"$OUT/ctags.time"
defs=$(awk -F'\t' '$4 ~ /^f/' "$OUT/tags" | wc -l)
printf '%-26s %8.2f s wall %8.2f s cpu  peak RSS %7.1f MB  %s function tags\n' \
	"ctags -R" "$e" "$(awk -v u="$u" -v s="$s" 'BEGIN { print u + s }')" \
	"$(awk -v k="$rss" 'BEGIN { print k / 1024 }')" "$defs"
rm -f "$OUT/tags" "$OUT/fnindex.db"*
