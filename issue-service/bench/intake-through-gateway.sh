#!/usr/bin/env bash
# Sustained issue submissions through the gateway, with p50/p99 (see IntakeLoad.java).
# Usage: TOKEN=<bearer token of a RESIDENT or admin> [GW=http://localhost:8080] [LAT=.. LNG=..] \
#        [CLIENTS=16] [WARMUP=60] [DURATION=60] issue-service/bench/intake-through-gateway.sh
# LAT/LNG: a point inside a grid issue-service knows (after the grid demo), so each report is routed
# to a grid worker; the default is the pinned example grid of the contracts. Each submission creates a
# real issue (and IssueReported/IssueDispatched events): run it against a throwaway stack.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
: "${TOKEN:?TOKEN is required}"
exec java "$here/IntakeLoad.java"
