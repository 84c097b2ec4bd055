#!/usr/bin/env bash
# Re-renders the committed PNG sizes of Dubao's icon from the SVG sources (the build never runs this).
# Needs rsvg-convert (Debian: apt-get install librsvg2-bin). 16 px has its own pixel-grid drawing.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
id=io.github.dubao.Dubao
rsvg-convert -w 16 -h 16 "$id-16.svg" -o "$id-16.png"
for size in 32 48 64 128 256; do
    rsvg-convert -w "$size" -h "$size" "$id.svg" -o "$id-$size.png"
done
