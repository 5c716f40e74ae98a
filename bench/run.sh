#!/usr/bin/env bash
# CongVu benchmark: publishes Release (ReadyToRun), starts CongVu and its bare baselines as real processes on 127.0.0.1,
# loads them (wrk for GETs, CongVu.LoadGen for form posts), writes bench/results/<date>.json and .md.
#   bench/run.sh            full run (~10 min on 2 cores): commune scale, import, province scale, commune GETs on PostgreSQL
#   bench/run.sh --smoke    one short scenario end to end; exits 0 when the harness works (for CI)
#   bench/run.sh --national [--national-factor F] [--national-drop-indexes]
#                           the national run only, on a throwaway PostgreSQL (F=1: 3,321 communes, 5.6 M members)
#   --database sqlite|postgres|both   full run on SQLite; only the commune GETs on PostgreSQL; or both (default)
#   extra options go to the driver: --seconds N (≤ 10), --factor F (import rows = 20,000 × F, default 5),
#   --import-format xlsx|csv, --communes N (province size, 0 skips), --seed N, --out DIR, --only import|staff|feedback|visits
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

echo "==> [$(date -u +%H:%M:%S)] publishing Release (ReadyToRun) and building the driver"
# The app and its baseline are measured as they are deployed (docs/operations.md): published Release with
# ReadyToRun code for this machine, framework-dependent. CI=false: an analyzer warning in the bench must not
# stop a measurement (CI builds the app with warnings as errors).
case "$(uname -m)" in
    aarch64 | arm64) RID=linux-arm64 ;;
    *) RID=linux-x64 ;;
esac
publish() {
    rm -rf "$2"
    CI=false dotnet publish "$1" -c Release -r "$RID" --self-contained false -p:PublishReadyToRun=true -o "$2" --nologo -v quiet -clp:ErrorsOnly
}
publish src/CongVu/CongVu.csproj bench/out/congvu
publish bench/Baselines/CongVu.Baseline/CongVu.Baseline.csproj bench/out/baseline
CI=false dotnet build bench/CongVu.Bench/CongVu.Bench.csproj -c Release --nologo -v quiet -clp:ErrorsOnly

echo "==> [$(date -u +%H:%M:%S)] running"
dotnet bench/CongVu.Bench/bin/Release/net10.0/CongVu.Bench.dll --root "$ROOT" --pid-file "$PIDS" "$@" &
DRIVER=$!
wait "$DRIVER"
