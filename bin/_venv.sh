# Shared by bin/demo, bin/test and bin/prodcheck: create .venv and install the locked
# dependencies once, again only when a lock file changes. Needs nothing but Python 3.11+ with
# venv and pip. Installs requirements-dev.lock, which includes requirements.lock (the runtime
# packages, all the production image gets) and adds the test and lint tools.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
    echo "==> Création de l'environnement virtuel (.venv)"
    "$PYTHON" -m venv .venv
fi
STAMP=.venv/.requirements.lock.sha
WANT="$(cat requirements.lock requirements-dev.lock | sha256sum | cut -d' ' -f1)"
if [ "$(cat "$STAMP" 2>/dev/null || true)" != "$WANT" ]; then
    echo "==> Installation des dépendances (requirements.lock, requirements-dev.lock)"
    .venv/bin/python -m pip install --quiet --upgrade pip
    .venv/bin/python -m pip install --quiet -r requirements-dev.lock
    echo "$WANT" > "$STAMP"
fi
export PATH="$ROOT/.venv/bin:$PATH"
