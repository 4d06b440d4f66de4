# Shared by bin/demo and bin/test: create .venv and install the locked dependencies once,
# again only when requirements.lock changes. Needs nothing but Python 3.11+ with venv and pip.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
    echo "==> Création de l'environnement virtuel (.venv)"
    "$PYTHON" -m venv .venv
fi
STAMP=.venv/.requirements.lock.sha
WANT="$(sha256sum requirements.lock | cut -d' ' -f1)"
if [ "$(cat "$STAMP" 2>/dev/null || true)" != "$WANT" ]; then
    echo "==> Installation des dépendances (requirements.lock)"
    .venv/bin/python -m pip install --quiet --upgrade pip
    .venv/bin/python -m pip install --quiet -r requirements.lock
    echo "$WANT" > "$STAMP"
fi
export PATH="$ROOT/.venv/bin:$PATH"
