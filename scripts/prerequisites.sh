#!/bin/sh
# System prerequisites of the archive. Installs what is missing with apt-get when run as root on Debian/Ubuntu;
# otherwise names the exact command to run and stops.
#   scripts/prerequisites.sh          what building needs (Python 3.11+, venv, PyICU's build tools, node/npm)
#   scripts/prerequisites.sh --test   the same, plus chromium for the browser tests ($CHROMIUM, if set), the
#                                     Lao fonts the test PDFs are printed in (Phetsarath OT, Noto Sans/Serif Lao)
#                                     and Tesseract with its Lao and English models (a test reads a page with it)
#   scripts/prerequisites.sh --ocr    the same as building, plus Tesseract and its models (`invoke ocr` runs it)
set -eu

missing=""
need() { missing="$missing $1"; }

python3 -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null || need python3
python3 -c 'import venv, ensurepip' 2>/dev/null || need python3-venv
command -v pkg-config >/dev/null 2>&1 || need pkg-config
pkg-config --exists icu-i18n 2>/dev/null || need libicu-dev
command -v g++ >/dev/null 2>&1 || need g++
python3 -c 'import sysconfig, os, sys; sys.exit(not os.path.exists(os.path.join(sysconfig.get_paths()["include"], "Python.h")))' \
  2>/dev/null || need python3-dev
command -v node >/dev/null 2>&1 || need nodejs
command -v npm >/dev/null 2>&1 || need npm
need_tesseract() {
  command -v tesseract >/dev/null 2>&1 || need tesseract-ocr
  for model in lao eng; do
    tesseract --list-langs 2>/dev/null | grep -qx "$model" || need "tesseract-ocr-$model"
  done
}
if [ "${1:-}" = "--test" ] || [ "${1:-}" = "--ocr" ]; then
  need_tesseract
fi
if [ "${1:-}" = "--test" ]; then
  # CHROMIUM may name another Chromium or Chrome; otherwise Debian's, found on the PATH as tools/browser.py finds it
  if [ -n "${CHROMIUM:-}" ]; then [ -x "$CHROMIUM" ] || need chromium; else command -v chromium >/dev/null 2>&1 || need chromium; fi
  has_font() { command -v fc-list >/dev/null 2>&1 && [ -n "$(fc-list "$1" family)" ]; }
  has_font "Phetsarath OT" || need fonts-lao
  has_font "Noto Sans Lao" && has_font "Noto Serif Lao" || need fonts-noto-core
fi

[ -z "$missing" ] && exit 0

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing system packages:$missing"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  # shellcheck disable=SC2086
  apt-get install -y -qq --no-install-recommends $missing >/dev/null
  exit 0
fi

echo "Missing system packages:$missing" >&2
echo "Install them, then run make again:" >&2
echo "  sudo apt-get install -y$missing" >&2
exit 1
