#!/usr/bin/env bash
# Serialised dependency install for parallel work in one tree: npm-add.sh [-D] pkg[@range] ...
set -euo pipefail
exec 9>/tmp/nsc-npm.lock
flock 9
npm install --no-audit --no-fund "$@"
