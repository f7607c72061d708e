#!/usr/bin/env bash
# Installs Debian's chromium for ReleaseReportTest (which renders report.html headless), only when
# /usr/bin/chromium is missing. Idempotent and quiet; needs root (or sudo) and apt.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
sudo_cmd=""
if [ "$(id -u)" -ne 0 ]; then
  sudo_cmd="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$sudo_cmd apt-get update -qq >/dev/null
$sudo_cmd apt-get install -y -qq --no-install-recommends chromium >/dev/null
/usr/bin/chromium --version
