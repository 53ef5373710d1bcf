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

dotnet test Lathe.slnx "$@"
