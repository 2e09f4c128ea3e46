#!/usr/bin/env bash
# The whole test suite, as the README gives it and as CI runs it: installs what it needs, then pytest.
# Dovecot (for the real-IMAP tests) comes from Debian's dovecot-imapd, PostgreSQL (every store test runs on
# it too) from Debian's postgresql, iptables for one network fault, systemd for systemd-analyze;
# with CI=true a missing one fails.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v dovecot >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing dovecot-imapd for the IMAP tests..."
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq dovecot-imapd >/dev/null) \
    || echo "could not install dovecot-imapd; IMAP tests will skip (or fail under CI=true)"
fi
if ! command -v initdb >/dev/null 2>&1 && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 \
    && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  # the package may start a cluster of its own on port 5432; the suite's runs on a free port of its own
  echo "installing postgresql for the store tests..."
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null) \
    || echo "could not install postgresql; PostgreSQL tests will skip (or fail under CI=true)"
fi
if ! command -v iptables >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing iptables (the test of a link that dies silently drops packets with it)..."
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq iptables >/dev/null) \
    || echo "could not install iptables; that test will skip (or fail under CI=true)"
fi
if ! command -v systemd-analyze >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing systemd (its systemd-analyze checks the unit of \`certmerge service install\`)..."
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends systemd >/dev/null) \
    || echo "could not install systemd; that check will skip (or fail under CI=true)"
fi
if ! command -v openssl >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openssl >/dev/null || true
fi

python3 -m pip install --quiet --disable-pip-version-check -e '.[test]'
exec python3 -m pytest "$@"
