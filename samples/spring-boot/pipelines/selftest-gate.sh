#!/usr/bin/env bash
# Deployment gate: runs a selection of the deployed service's scenarios through its control API, writes the run's
# JUnit XML for the pipeline's test report, and exits 0 when the run passed, 1 when it failed, 2 when the gate
# could not get a verdict (service unreachable, refused, timed out).
#
#   SELFTEST_URL=https://orders.staging.example.com/selftest SELFTEST_TOKEN=... \
#     selftest-gate.sh [tag expression (default: smoke)] [report file (default: selftest-junit.xml)]
#
# Optional: SELFTEST_WAIT (default 5m), SELFTEST_LABELS (JSON object, such as {"commit":"abc123"}).
set -uo pipefail

url="${SELFTEST_URL:?set SELFTEST_URL to the control API, such as http://localhost:8080/selftest}"
token="${SELFTEST_TOKEN:?set SELFTEST_TOKEN to the service token}"
tags="${1:-smoke}"
report="${2:-selftest-junit.xml}"
wait="${SELFTEST_WAIT:-5m}"
labels="${SELFTEST_LABELS:-{\}}"

request=$(jq -cn --arg tags "$tags" --argjson labels "$labels" '{tags: $tags, trigger: "deploy", labels: $labels}') \
  || { echo "selftest gate: SELFTEST_LABELS is not a JSON object" >&2; exit 2; }
body=$(mktemp)
trap 'rm -f "$body"' EXIT

status=$(curl -sS -o "$body" -w '%{http_code}' --max-time 660 -X POST "$url/runs?wait=$wait" \
  -H "Authorization: Bearer $token" -H 'Content-Type: application/json' --data "$request") \
  || { echo "selftest gate: $url is unreachable" >&2; exit 2; }
if [ "$status" != 201 ]; then
  echo "selftest gate: the service refused the run ($status): $(jq -r '.detail // .' "$body" 2>/dev/null)" >&2
  exit 2
fi

id=$(jq -r .id "$body")
run_status=$(jq -r .status "$body")
echo "selftest gate: run $id is $run_status ($(jq -c .counts "$body"))"
jq -r '.scenarios[] | "  \(.outcome)\t\(.id)\(if .failure then ": " + .failure.message else "" end)"' "$body"

curl -sS -f -o "$report" --max-time 60 "$url/runs/$id/junit.xml" -H "Authorization: Bearer $token" \
  || echo "selftest gate: could not fetch the JUnit XML of run $id" >&2

case "$run_status" in
  PASSED) exit 0 ;;
  RUNNING) echo "selftest gate: run $id did not finish within $wait" >&2; exit 2 ;;
  *) exit 1 ;;
esac
