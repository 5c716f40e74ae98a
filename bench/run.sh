#!/usr/bin/env bash
# CongVu benchmark: builds Release, starts CongVu and its bare baselines as real processes on 127.0.0.1,
# loads them (wrk for GETs, CongVu.LoadGen for form posts), writes bench/results/<date>.json and .md.
#   bench/run.sh            full run (~10 min on 2 cores): commune scale, import, province scale, commune GETs on PostgreSQL
#   bench/run.sh --smoke    one short scenario end to end; exits 0 when the harness works (for CI)
#   bench/run.sh --national [--national-factor F] [--national-drop-indexes]
#                           the national run only, on a throwaway PostgreSQL (F=1: 3,321 communes, 5.6 M members)
#   --database sqlite|postgres|both   full run on SQLite; only the commune GETs on PostgreSQL; or both (default)
#   extra options go to the driver: --seconds N (≤ 10), --factor F (import rows = 20,000 × F),
#   --import-format xlsx|csv, --communes N (province size, 0 skips), --seed N, --out DIR, --only import
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT="$(pwd)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

if ! command -v wrk > /dev/null; then
    echo "==> installing wrk"
    if [[ $(id -u) -eq 0 ]]; then
        apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends wrk
    else
        sudo apt-get update && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends wrk
    fi
fi

PIDS="$(mktemp /tmp/congvu-bench-pids.XXXXXX)"
DRIVER=""
# Stop everything this script started, by PID: the driver first (it stops its servers), then any server it left.
cleanup() {
    if [[ -n "$DRIVER" ]] && kill -0 "$DRIVER" 2> /dev/null; then
        kill -TERM "$DRIVER" 2> /dev/null || true
        for _ in $(seq 1 50); do kill -0 "$DRIVER" 2> /dev/null || break; sleep 0.2; done
        kill -KILL "$DRIVER" 2> /dev/null || true
    fi
    while read -r pid; do
        [[ -n "$pid" ]] && kill -KILL "$pid" 2> /dev/null || true
    done < "$PIDS"
    rm -f "$PIDS"
}
trap cleanup EXIT INT TERM

echo "==> [$(date -u +%H:%M:%S)] building Release"
# CI=false: an analyzer warning in the bench must not stop a measurement (CI builds the app with warnings as errors).
build() { CI=false dotnet build "$1" -c Release --nologo -v quiet -clp:ErrorsOnly; }
build src/CongVu/CongVu.csproj
build bench/Baselines/CongVu.Baseline/CongVu.Baseline.csproj
build bench/CongVu.Bench/CongVu.Bench.csproj

echo "==> [$(date -u +%H:%M:%S)] running"
dotnet bench/CongVu.Bench/bin/Release/net10.0/CongVu.Bench.dll --root "$ROOT" --pid-file "$PIDS" "$@" &
DRIVER=$!
wait "$DRIVER"
