#!/usr/bin/env bash
# Creates a scratch org from config/project-scratch-def.json, deploys the package source (force-app, then the
# scratch-only unpackaged/ directory), assigns the admin and integration permission sets, imports the sample
# data plan from data/ when there is one (then data/sample-user-learning.apex), and opens the org. People and
# CI use the same script.
#
# Usage: scripts/install-scratch.sh [alias] [--dev-hub <alias|username>] [--days <1-30>] [--no-data] [--no-open]
# Needs an authorised Dev Hub: `npx sf org login web --set-default-dev-hub --alias devhub` (once).
set -euo pipefail
cd "$(dirname "$0")/.."
export SF_DISABLE_TELEMETRY=true SF_AUTOUPDATE_DISABLE=true SF_SKIP_NEW_VERSION_CHECK=true

alias_name="tlms-scratch"
dev_hub=()
days=7
load_data=1
open_org=1
[ -n "${CI:-}" ] && open_org=0

while [ $# -gt 0 ]; do
  case "$1" in
    --dev-hub) dev_hub=(--target-dev-hub "$2"); shift 2 ;;
    --days) days="$2"; shift 2 ;;
    --no-data) load_data=0; shift ;;
    --no-open) open_org=0; shift ;;
    -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
    -*) echo "install-scratch: unknown option $1 (see --help)" >&2; exit 2 ;;
    *) alias_name="$1"; shift ;;
  esac
done

sf() { npx --no-install sf "$@"; }
step() { echo "::: $*" >&2; }

if ! sf org list --json >/dev/null 2>&1; then
  echo "install-scratch: the sf CLI does not run; run \`npm ci\` first." >&2
  exit 1
fi

step "creating scratch org '$alias_name' for $days day(s)"
if ! sf org create scratch --definition-file config/project-scratch-def.json --alias "$alias_name" \
  --set-default --duration-days "$days" --wait 20 "${dev_hub[@]}"; then
  echo "install-scratch: scratch org creation failed. Is a Dev Hub authorised and set as default?" >&2
  echo "  npx sf org login web --set-default-dev-hub --alias devhub   (or pass --dev-hub <alias>)" >&2
  exit 1
fi

step "deploying force-app"
sf project deploy start --source-dir force-app --target-org "$alias_name" --wait 30
if [ -n "$(find unpackaged -type f -name '*-meta.xml' 2>/dev/null | head -1)" ]; then
  step "deploying unpackaged (scratch-only metadata)"
  sf project deploy start --source-dir unpackaged --target-org "$alias_name" --wait 30
fi

step "assigning permission sets TalentLMS_Admin and TalentLMS_Integration"
sf org assign permset --name TalentLMS_Admin --name TalentLMS_Integration --target-org "$alias_name"

plan="$(find data -maxdepth 1 -name '*plan*.json' 2>/dev/null | sort | head -1)"
if [ "$load_data" = 1 ] && [ -n "$plan" ]; then
  step "importing sample data from $plan"
  sf data import tree --plan "$plan" --target-org "$alias_name"
  if [ -f data/sample-user-learning.apex ]; then
    # What a tree import cannot do: real Contact ids on the sample learners, and learning for you (My Learning).
    step "linking the sample learners and giving you learning records (data/sample-user-learning.apex)"
    sf apex run --file data/sample-user-learning.apex --target-org "$alias_name"
  fi
elif [ "$load_data" = 1 ]; then
  step "no data/*plan*.json yet: skipping sample data"
fi

if [ "$open_org" = 1 ]; then
  step "opening the org"
  sf org open --target-org "$alias_name"
fi
step "scratch org '$alias_name' is ready"
