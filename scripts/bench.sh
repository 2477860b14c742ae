#!/usr/bin/env bash
# Side-by-side speed and memory of `directives` against its peers, on this machine.
#
#   scripts/bench.sh [SHARED_DIR]      # default: ../shared beside the repository
#
# Builds the 20 MB zh and en inputs with SHARED_DIR/bench/make_corpus.py, then measures in
# one run, single thread, `--format jsonl` to a pipe, whole process:
#   - directives vs the Python pipeline (SHARED_DIR/bench/peer_pipeline.py, needs
#     `pip install jieba`) vs `rg -c -i -F -f peer-dict.txt` (the floor for finding phrases);
#   - start-up: a 20 KB English and a 20 KB Chinese document;
#   - peak memory: one 200 MB file, and an archive of 2,000 small files;
#   - --jobs 1 vs --jobs 2 on the archive (the output must be byte-identical);
#   - growth: 5, 50 and 200 MB, and pathological inputs (one 50 MB line, 50 MB of 要,
#     50 MB without punctuation).
# Needs hyperfine, rg, python3 and GNU time. Prints Markdown tables; raw hyperfine JSON is
# left in target/bench/.
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
shared=${1:-$here/../shared}
bench=$shared/bench
out=$here/target/bench
mkdir -p "$out"
cd "$here"

for tool in hyperfine rg python3; do
  command -v "$tool" >/dev/null || { echo "bench.sh: needs $tool" >&2; exit 2; }
done
[ -x /usr/bin/time ] || { echo "bench.sh: needs GNU time at /usr/bin/time" >&2; exit 2; }
[ -f "$bench/make_corpus.py" ] || { echo "bench.sh: no $bench/make_corpus.py" >&2; exit 2; }

cargo build --release --quiet
bin=$here/target/release/directives
peer=skip
if python3 -c 'import jieba' 2>/dev/null; then peer=ok; else
  echo "bench.sh: python jieba missing (pip install jieba): the Python peer is left out" >&2
fi

echo "## Machine"
echo
echo "- $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
echo "- $(rg --version | head -1), $(hyperfine --version), $(python3 --version)"
echo

python3 "$bench/make_corpus.py" "$out/corpus" 20 >/dev/null
python3 "$bench/make_corpus.py" "$out/corpus200" 200 >/dev/null
python3 "$bench/make_corpus.py" "$out/corpus50" 50 >/dev/null
python3 "$bench/make_corpus.py" "$out/corpus5" 5 >/dev/null

run() { # name, then hyperfine commands; writes $out/$name.json
  local name=$1; shift
  hyperfine --style none --warmup 1 --min-runs "${RUNS:-5}" --output=pipe \
    --export-json "$out/$name.json" "$@" >/dev/null
}

echo "## Throughput (20 MB, one thread, jsonl to a pipe)"
echo
for lang in zh en; do
  f=$out/corpus/$lang.txt
  cmds=("$bin extract -j1 --format jsonl $f" "rg -c -i -F -f $bench/peer-dict.txt $f")
  [ $peer = ok ] && cmds+=("python3 $bench/peer_pipeline.py $bench/peer-dict.txt $f")
  RUNS=3 run "throughput-$lang" "${cmds[@]}"
done
python3 - "$out" <<'PY'
import json, sys, os
out = sys.argv[1]
print("| input | directives | Python peer | ratio | rg -c -F (floor) | directives / rg |")
print("|---|---:|---:|---:|---:|---:|")
for lang in ("zh", "en"):
    r = json.load(open(os.path.join(out, f"throughput-{lang}.json")))["results"]
    t = {x["command"].split()[0].split("/")[-1]: x["mean"] for x in r}
    d, g, p = t["directives"], t["rg"], t.get("python3")
    mb = os.path.getsize(os.path.join(out, "corpus", f"{lang}.txt")) / 1e6
    peer = f"{p:.2f} s" if p else "-"
    ratio = f"{p / d:.0f}x" if p else "-"
    print(f"| {lang} {mb:.0f} MB | {d:.3f} s ({mb / d:.0f} MB/s) | {peer} | {ratio} | {g:.3f} s | {d / g:.1f}x |")
PY
echo

echo "## Start-up (20 KB document, whole process)"
echo
for lang in zh en; do
  python3 - "$out/corpus/$lang.txt" "$out/$lang-20k.txt" <<'PY'
import sys
d = open(sys.argv[1], "rb").read()[:20000]
open(sys.argv[2], "wb").write(d[: d.rfind(b"\n") + 1])
PY
done
RUNS=30 run startup "$bin extract -j1 --format jsonl $out/en-20k.txt" "$bin extract -j1 --format jsonl $out/zh-20k.txt"
mem() { /usr/bin/time -f "%M" "$@" 2>&1 >/dev/null | tail -1; }
python3 - "$out" "$(mem "$bin" extract -j1 --format jsonl "$out/en-20k.txt")" "$(mem "$bin" extract -j1 --format jsonl "$out/zh-20k.txt")" <<'PY'
import json, sys, os
r = json.load(open(os.path.join(sys.argv[1], "startup.json")))["results"]
print("| input | time | peak memory |")
print("|---|---:|---:|")
for x, kb, lang in zip(r, sys.argv[2:], ("en", "zh")):
    print(f"| {lang} 20 KB | {x['mean'] * 1000:.1f} ms ± {x['stddev'] * 1000:.1f} | {int(kb) / 1024:.1f} MiB |")
PY
echo

echo "## Memory and scaling"
echo
# An archive: the zh and en inputs cut into 2,000 files of about 20 KB.
rm -rf "$out/archive" && mkdir -p "$out/archive"
python3 - "$out/corpus" "$out/archive" <<'PY'
import sys, os
src, dst = sys.argv[1:]
n = 0
for lang in ("zh", "en"):
    data = open(os.path.join(src, f"{lang}.txt"), "rb").read()
    pos = 0
    for k in range(1000):
        end = data.find(b"\n", pos + 20000)
        if end < 0:
            break
        open(os.path.join(dst, f"{lang}-{k:04}.txt"), "wb").write(data[pos:end + 1])
        pos = end + 1
        n += 1
PY
"$bin" extract -j1 --format jsonl "$out/archive" > "$out/archive-j1.jsonl"
"$bin" extract -j2 --format jsonl "$out/archive" > "$out/archive-j2.jsonl"
same=$(cmp -s "$out/archive-j1.jsonl" "$out/archive-j2.jsonl" && echo identical || echo DIFFERENT)
RUNS=3 run jobs "$bin extract -j1 --format jsonl $out/archive" "$bin extract -j2 --format jsonl $out/archive"
big_mb=$(python3 -c "import os;print(round(os.path.getsize('$out/corpus200/zh.txt')/1e6))")
big() { mem "$bin" extract -j1 --max-bytes 300M --format jsonl "$1"; }
python3 - "$out" "$(big "$out/corpus200/zh.txt")" "$(big "$out/corpus200/en.txt")" "$(mem "$bin" extract -j1 --format jsonl "$out/archive")" "$same" "$big_mb" <<'PY'
import json, sys, os
out, zh, en, arc, same, mb = sys.argv[1:]
r = json.load(open(os.path.join(out, "jobs.json")))["results"]
n = len(os.listdir(os.path.join(out, "archive")))
print("| measure | value |")
print("|---|---:|")
print(f"| peak memory, one {mb} MB zh file | {int(zh) / 1024:.0f} MiB ({int(zh) * 1024 / (int(mb) * 1e6):.1f}x the file) |")
print(f"| peak memory, one {mb} MB en file | {int(en) / 1024:.0f} MiB ({int(en) * 1024 / (int(mb) * 1e6):.1f}x the file) |")
print(f"| peak memory, archive of {n} files | {int(arc) / 1024:.0f} MiB |")
print(f"| archive, --jobs 1 | {r[0]['mean']:.2f} s |")
print(f"| archive, --jobs 2 | {r[1]['mean']:.2f} s ({r[0]['mean'] / r[1]['mean']:.2f}x; output {same}) |")
PY
echo

echo "## Growth (time per MB should stay flat)"
echo
python3 - "$out" <<'PY'
import os, sys
out = sys.argv[1]
os.makedirs(os.path.join(out, "patho"), exist_ok=True)
n = 50 * 1000 * 1000
line = (b"All departments must strengthen supervision and report on progress " * (n // 68 + 1))[:n]
open(os.path.join(out, "patho", "one-line.txt"), "wb").write(line + b"\n")
yao = "要".encode() * (n // 3)
open(os.path.join(out, "patho", "yao.txt"), "wb").write(yao + b"\n")
zh = open(os.path.join(out, "corpus50", "zh.txt"), "rb").read().decode()
bare = "".join(c for c in zh if c not in "。！？；，、：,.;:!?\n")
open(os.path.join(out, "patho", "no-punctuation.txt"), "wb").write(bare.encode()[:n])
PY
files=()
for s in 5 50 200; do for lang in zh en; do files+=("$out/corpus$s/$lang.txt"); done; done
files+=("$out/patho/one-line.txt" "$out/patho/yao.txt" "$out/patho/no-punctuation.txt")
cmds=(); for f in "${files[@]}"; do cmds+=("$bin extract -j1 --max-bytes 300M --format jsonl $f"); done
RUNS=1 run growth "${cmds[@]}"
python3 - "$out" <<'PY'
import json, sys, os
r = json.load(open(os.path.join(sys.argv[1], "growth.json")))["results"]
print("| input | size | time | s per 100 MB |")
print("|---|---:|---:|---:|")
for x in r:
    f = x["command"].split()[-1]
    mb = os.path.getsize(f) / 1e6
    name = "/".join(f.split("/")[-2:])
    print(f"| {name} | {mb:.0f} MB | {x['mean']:.2f} s | {x['mean'] / mb * 100:.2f} |")
PY
