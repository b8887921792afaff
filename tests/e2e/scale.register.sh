#!/usr/bin/env bash
# The register of scale.test.mjs: 10,000 organisations (the Dalarna template and 9,970 more),
# two people each, built through the core by examples/scale_register.rs at the path given.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
cargo run --quiet --example scale_register -- "$1" 10000 2
