#!/usr/bin/env bash
# Sets up everything Jiwon needs on a Debian-like machine with Python 3.11+:
# the system libraries Qt needs, a virtual environment in .venv with the package and its test
# tools, and the compiled translations. Safe to run again: what is there already is kept.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(
  # Qt's xcb/offscreen platform plugins and OpenGL/EGL
  libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3
  libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0
  libxcb-randr0 libxcb-render-util0 libxcb-image0 libxcb-xfixes0 libxcb-xkb1
  # tests: PDF to text and images; a virtual screen for screenshots
  poppler-utils xvfb
  # the desktop bundle build (PyInstaller reads binaries with objdump)
  binutils
)

if command -v apt-get >/dev/null 2>&1 && command -v dpkg-query >/dev/null 2>&1; then
  missing=()
  for p in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    SUDO=""
    [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    echo "Installing system packages: ${missing[*]}"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
fi

PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
.venv/bin/python -m pip install -q --disable-pip-version-check -e ".[test,screen]"
.venv/bin/python -m desktop.tools.build_translations
.venv/bin/python -m desktop.tools.build_validators
