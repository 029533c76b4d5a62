#!/usr/bin/env bash
# Serialised commit for parallel work in one tree: commit.sh "message" path [path ...]
# Commits only the named paths (new files included), holding a lock so two committers never clash.
set -euo pipefail
msg="$1"; shift
[ "$#" -gt 0 ] || { echo "commit.sh: name the paths to commit" >&2; exit 2; }
exec 9>/tmp/nsc-git.lock
flock 9
git add -A -- "$@"
git commit -q -m "$msg" -- "$@"
git log --oneline -1
