#!/usr/bin/env bash
# Runs the whole test suite. The end-to-end IDX test reads Fashion-MNIST from Debian's
# dataset-fashion-mnist package; this installs it when missing and we are root.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -d /usr/share/datasets/fashion-mnist ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "installing dataset-fashion-mnist (Fashion-MNIST IDX files) for the end-to-end tests"
    apt-get update -q >/dev/null && apt-get install -y -q dataset-fashion-mnist >/dev/null
  else
    echo "warning: /usr/share/datasets/fashion-mnist is missing; run 'sudo apt-get install dataset-fashion-mnist' or one test will fail" >&2
  fi
fi

# The report test opens report.html in Debian's chromium (through Microsoft.Playwright).
if ! command -v chromium >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "installing chromium (headless browser for the report test)"
    apt-get update -q >/dev/null && apt-get install -y -q chromium >/dev/null
  else
    echo "warning: chromium is missing; run 'sudo apt-get install chromium' or the report test will fail" >&2
  fi
fi

# The tuning tests run against a real PostgreSQL server: start a throwaway one (needs root and PostgreSQL 15),
# export its connection string, and stop it when the tests end. Without it those tests skip (fail under CI=true).
if [ "$(id -u)" = 0 ] && [ ! -x /usr/lib/postgresql/15/bin/initdb ] && command -v apt-get >/dev/null; then
  echo "installing postgresql-15 for the tuning storage tests"
  apt-get update -q >/dev/null && apt-get install -y -q postgresql-15 >/dev/null || true
fi
if [ -z "${LATHE_TEST_POSTGRES:-}" ] && [ "$(id -u)" = 0 ] && [ -x /usr/lib/postgresql/15/bin/initdb ]; then
  eval "$(bash scripts/start-postgres.sh)"
  trap 'bash scripts/start-postgres.sh --stop "$LATHE_TEST_POSTGRES_DIR"' EXIT
fi

dotnet test Lathe.slnx "$@"
