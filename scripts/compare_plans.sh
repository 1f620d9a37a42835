#!/usr/bin/env bash
# Plan the reference weeks with a base commit and with the work tree, and compare plan.json,
# summary.txt and changes.txt byte for byte: a refactor must change none of them.
#
#   scripts/compare_plans.sh [BASE]      (default BASE: origin/main, else HEAD~1)
#
# Reference weeks (all stopped by solution counts, so repeatable on any machine): the sample
# district's 2026-W48 with OR-Tools and with PyVRP, the two tiny test districts' 2026-W49, and
# a replan of the sample week from Wednesday without team T2.
set -euo pipefail
repo=$(git rev-parse --show-toplevel)
base=${1:-$(git rev-parse --verify -q origin/main || git rev-parse HEAD~1)}
python=${PYTHON:-$repo/.venv/bin/python}
work=$(mktemp -d)
trap 'git -C "$repo" worktree remove --force "$work/base" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
git -C "$repo" worktree add -q --detach "$work/base" "$base"

plans() {  # plans TREE OUT
  local tree=$1 out=$2 copy=$2/district
  run() { (cd "$tree" && PYTHONPATH="$tree" "$python" -c 'from planner.__main__ import main; main()' "$@"); }
  mkdir -p "$out"; cp -r "$tree/data" "$copy"; cp -r "$tree/maps" "$copy/maps"
  sed -i 's%^maps = "../maps"%maps = "maps"%' "$copy/planner.toml"
  local fixed=(--no-progress --time-limit 900)
  run plan --week 2026-W48 --no-ledger "${fixed[@]}" --solution-limit 30 --out "$out/sample" >/dev/null 2>&1
  run plan --week 2026-W48 --no-ledger "${fixed[@]}" --solution-limit 5 --engine pyvrp --out "$out/pyvrp" >/dev/null 2>&1
  run plan --week 2026-W49 --no-ledger "${fixed[@]}" --solution-limit 30 --data tests/data/io_tiny_id --out "$out/tiny_id" >/dev/null 2>&1
  run plan --week 2026-W49 --no-ledger "${fixed[@]}" --solution-limit 30 --data tests/data/io_tiny_en --out "$out/tiny_en" >/dev/null 2>&1
  run replan --from 2026-11-25 --without-team T2 "${fixed[@]}" --solution-limit 30 --out "$out/sample" --data "$copy" >/dev/null 2>&1
}

plans "$work/base" "$work/before"
plans "$repo" "$work/after"
status=0
while read -r file; do
  # data_dir (the district folder a plan was made from) names each tree's own folder.
  if cmp -s <(grep -v '^ "data_dir": ' "$work/before/$file") <(grep -v '^ "data_dir": ' "$work/after/$file"); then
    echo "same $file"; else echo "DIFF $file"; status=1; fi
done < <(cd "$work/before" && find . -path ./district -prune -o \( -name 'plan*.json' -o -name summary.txt -o -name changes.txt \) -print | sort)
exit $status
