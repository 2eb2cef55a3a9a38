#!/usr/bin/env bash
# End-to-end run of the tlms-sync runner against a real (scratch) org in access-token mode, with the
# TalentLMS side served by the local emulator. Used by .github/workflows/ci.yml; runnable by hand:
#   scripts/ci/runner-e2e.sh <org alias or username>
# Needs: the package deployed to the org, `npm run build` done, and `npm run -s emulators` available.
set -euo pipefail
cd "$(dirname "$0")/../.."
export SF_DISABLE_TELEMETRY=true SF_AUTOUPDATE_DISABLE=true SF_SKIP_NEW_VERSION_CHECK=true
org="${1:?usage: scripts/ci/runner-e2e.sh <org alias or username>}"
work="$(mktemp -d)"
emulator_pid=""
cleanup() {
  if [ -n "$emulator_pid" ]; then kill "$emulator_pid" 2>/dev/null || true; wait "$emulator_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

json_field() { node -e 'const d=JSON.parse(require("fs").readFileSync(0,"utf8")); const v=process.argv[1].split(".").reduce((o,k)=>o?.[k],d); if(v===undefined||v===null){process.exit(3)} process.stdout.write(String(v))' "$1"; }

# Salesforce: the org's own access token and instance URL (never printed; masked in GitHub logs).
npx --no-install sf org display --target-org "$org" --json > "$work/org.json"
TLMS_SF_ACCESS_TOKEN="$(json_field result.accessToken < "$work/org.json")"
TLMS_SF_INSTANCE_URL="$(json_field result.instanceUrl < "$work/org.json")"
[ -n "${GITHUB_ACTIONS:-}" ] && echo "::add-mask::$TLMS_SF_ACCESS_TOKEN"
export TLMS_SF_ACCESS_TOKEN TLMS_SF_INSTANCE_URL
# A scratch org reports itself as a sandbox; the binding guard must let this one through.
export TLMS_ALLOW_SANDBOX=1

# TalentLMS: the emulator's ready line (contracts/emulators-ready.schema.json) carries the env to use.
npm run -s emulators -- --seed demo --json > "$work/ready.out" 2> "$work/emulators.log" &
emulator_pid=$!
for _ in $(seq 1 120); do
  grep -q '^{' "$work/ready.out" 2>/dev/null && break
  kill -0 "$emulator_pid" 2>/dev/null || { cat "$work/emulators.log" >&2; echo "runner-e2e: the emulators exited before they were ready" >&2; exit 1; }
  sleep 0.5
done
grep -m1 '^{' "$work/ready.out" > "$work/ready.json" || { echo "runner-e2e: no ready line from the emulators within 60 s" >&2; exit 1; }
for key in TLMS_DOMAIN TLMS_API_KEY TLMS_BASE_URL TLMS_ALLOW_LOOPBACK; do
  value="$(json_field "env.$key" < "$work/ready.json")" || { echo "runner-e2e: ready line lacks env.$key" >&2; exit 1; }
  export "$key=$value"
done

run_runner() {
  local name="$1"; shift
  set +e
  node sync/dist/cli.js "$@" --json > "$work/$name.json"
  local status=$?
  set -e
  echo "::: tlms-sync $* → exit $status" >&2
  node -e 'const s=JSON.parse(require("fs").readFileSync(process.argv[1],"utf8")); console.error(JSON.stringify({status:s.status, stopReason:s.stopReason, counts:s.counts}))' "$work/$name.json" || true
  return $status
}

# 0 = ok, 1 = partial (per-record failures are reported, not fatal); anything else fails the job.
run_runner check check
status=0; run_runner first run || status=$?
[ "$status" -le 1 ] || { echo "runner-e2e: first run failed with exit $status" >&2; exit 1; }
status=0; run_runner second run || status=$?
[ "$status" -le 1 ] || { echo "runner-e2e: second run failed with exit $status" >&2; exit 1; }

# The runs are recorded in the org (namespaced: the scratch org was created from the namespaced project).
count="$(npx --no-install sf data query --target-org "$org" --query "SELECT COUNT() FROM tlms__SyncRun__c" --json | json_field result.totalSize)"
echo "::: SyncRun__c records in the org: $count" >&2
[ "$count" -ge 2 ] || { echo "runner-e2e: expected at least 2 SyncRun__c records, found $count" >&2; exit 1; }
echo "runner-e2e: ok" >&2
