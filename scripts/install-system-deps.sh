#!/usr/bin/env bash
# Install the system packages sphinx-orgchart needs, when they are missing.
#   scripts/install-system-deps.sh graphviz [latex] [chromium]
# As root it installs them with apt-get; otherwise it prints the exact command to run.
# graphviz includes the charts' one font, Liberation Sans (sphinx_orgchart/graph/fonts.py):
# its check fails when fontconfig gives another family for it, so that a machine with dot
# but without the font gets the font.
set -euo pipefail

CHART_FONT="Liberation Sans"

declare -A CHECK=(
  [graphviz]="command -v dot && [[ \"\$(fc-match -f '%{family[0]}' '$CHART_FONT')\" == '$CHART_FONT' ]]"
  [latex]="command -v latexmk && command -v xelatex && command -v xindy && kpsewhich french.ldf && kpsewhich pdflscape.sty && fc-list | grep -q FreeSerif"
  [chromium]="command -v chromium"
  [poppler]="command -v pdftotext"
)
declare -A PACKAGES=(
  [graphviz]="graphviz fontconfig fonts-liberation"
  [latex]="latexmk texlive-latex-recommended texlive-latex-extra texlive-xetex texlive-lang-french texlive-fonts-recommended fonts-freefont-otf tex-gyre xindy"
  [chromium]="chromium chromium-driver"
  [poppler]="poppler-utils"
)

missing=()
failing=()
for component in "$@"; do
  if [[ -z "${CHECK[$component]:-}" ]]; then
    echo "install-system-deps: unknown component '$component' (known: ${!CHECK[*]})" >&2
    exit 2
  fi
  if ! bash -c "${CHECK[$component]}" >/dev/null 2>&1; then
    missing+=(${PACKAGES[$component]})
    failing+=("$component")
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
# What was installed must now pass its check (a font that fontconfig still does not give,
# for instance, because of a local fontconfig setting).
for component in "${failing[@]}"; do
  if ! bash -c "${CHECK[$component]}" >/dev/null 2>&1; then
    echo "install-system-deps: '$component' still fails its check after the install: ${CHECK[$component]}" >&2
    exit 1
  fi
done
