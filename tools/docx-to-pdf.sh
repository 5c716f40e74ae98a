#!/usr/bin/env sh
# Converts CongVu's DOCX reports to PDF with LibreOffice, headless (no display, no user profile clash).
# Usage: tools/docx-to-pdf.sh report.docx [more.docx ...] [--out DIR]
# Needs LibreOffice (`soffice`) and the Times New Roman font (e.g. the ttf-mscorefonts-installer package)
# so the Party format (HD 36-HD/VPTW) keeps its layout. Not run in CI: LibreOffice is not installed there.
set -eu

out=""
files=""
while [ $# -gt 0 ]; do
    case "$1" in
        --out) out="$2"; shift 2 ;;
        -h|--help) sed -n '2,5p' "$0"; exit 0 ;;
        *) files="$files
$1"; shift ;;
    esac
done

if [ -z "$files" ]; then
    echo "usage: $0 report.docx [more.docx ...] [--out DIR]" >&2
    exit 2
fi

soffice_bin=$(command -v soffice || command -v libreoffice || true)
if [ -z "$soffice_bin" ]; then
    echo "LibreOffice (soffice) is not installed: apt-get install libreoffice-writer-nogui" >&2
    exit 3
fi

# A private profile lets conversions run while someone has LibreOffice open, and in parallel.
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT

echo "$files" | while IFS= read -r f; do
    [ -z "$f" ] && continue
    if [ ! -f "$f" ]; then
        echo "not found: $f" >&2
        exit 4
    fi
    dir=${out:-$(dirname "$f")}
    mkdir -p "$dir"
    "$soffice_bin" -env:UserInstallation="file://$profile" --headless --convert-to pdf --outdir "$dir" "$f"
done
