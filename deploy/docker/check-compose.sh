#!/usr/bin/env bash
# deploy/docker/check-compose.sh - validate docker-compose.yml (and deploy/otel/collector.yaml
# as YAML) without a Docker engine.
#   - with the Compose v2 plugin:  docker compose config --quiet
#   - else with Debian's docker-compose 1.29 (apt-get install docker-compose): it predates the
#     top-level 'name:' key, so that one line is dropped from a temporary copy first.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"

if docker compose version > /dev/null 2>&1; then
  docker compose -f docker-compose.yml config --quiet
  echo "docker compose config: OK"
elif command -v docker-compose > /dev/null; then
  tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
  grep -v '^name:' docker-compose.yml > "$tmp/docker-compose.yml"
  docker-compose -f "$tmp/docker-compose.yml" --project-directory "$ROOT" config --quiet
  echo "docker-compose $(docker-compose version --short) config (without 'name:'): OK"
else
  echo "neither 'docker compose' nor 'docker-compose' found (Debian: apt-get install docker-compose)" >&2
  exit 2
fi

/usr/bin/python3 - deploy/otel/collector.yaml <<'PY'
import sys, yaml
doc = yaml.safe_load(open(sys.argv[1]))
for p, pipe in doc["service"]["pipelines"].items():
    for kind in ("receivers", "processors", "exporters"):
        for name in pipe.get(kind, []):
            assert name in (doc.get(kind) or {}), f"pipeline {p}: {kind[:-1]} {name} is not defined"
print(f"{sys.argv[1]}: YAML OK, pipelines reference defined components")
PY
