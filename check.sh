#!/usr/bin/env bash
# The checks CI runs, for running locally before a push: formatting, lints, tests.
set -euo pipefail
cd "$(dirname "$0")"
cargo fmt --all -- --check
cargo clippy --all-targets -- -D warnings
cargo test
