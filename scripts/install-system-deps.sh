#!/usr/bin/env bash
# Install the system packages sphinx-orgchart needs, when they are missing.
#   scripts/install-system-deps.sh graphviz [latex] [chromium]
# As root it installs them with apt-get; otherwise it prints the exact command to run.
set -euo pipefail

declare -A CHECK=(
  [graphviz]="command -v dot"
  [latex]="command -v latexmk && command -v xelatex && command -v xindy && kpsewhich french.ldf && kpsewhich pdflscape.sty && fc-list | grep -q FreeSerif"
  [chromium]="command -v chromium"
  [poppler]="command -v pdftotext"
)
declare -A PACKAGES=(
  [graphviz]="graphviz"
  [latex]="latexmk texlive-latex-recommended texlive-latex-extra texlive-xetex texlive-lang-french texlive-fonts-recommended fonts-freefont-otf tex-gyre xindy"
  [chromium]="chromium chromium-driver"
  [poppler]="poppler-utils"
)

missing=()
for component in "$@"; do
  if [[ -z "${CHECK[$component]:-}" ]]; then
    echo "install-system-deps: unknown component '$component' (known: ${!CHECK[*]})" >&2
    exit 2
  fi
  if ! bash -c "${CHECK[$component]}" >/dev/null 2>&1; then
    missing+=(${PACKAGES[$component]})
  fi
done

if [[ ${#missing[@]} -eq 0 ]]; then
  exit 0
fi

command="apt-get install -y --no-install-recommends ${missing[*]}"
if [[ $(id -u) -ne 0 ]] || ! command -v apt-get >/dev/null 2>&1; then
  echo "sphinx-orgchart needs system packages that are missing. Run:" >&2
  echo "    sudo apt-get update && sudo $command" >&2
  exit 1
fi
echo "Installing system packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
