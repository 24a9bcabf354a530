#!/bin/sh
# Renders icon.svg to the committed PNG sizes and icon.ico (run by hand after editing the SVG;
# builds never run it, so neither CI nor `npm run dist` needs librsvg or ImageMagick).
# Needs rsvg-convert (Debian: librsvg2-bin) and ImageMagick's convert.
set -eu
cd "$(dirname "$0")"
for s in 16 24 32 48 64 128 192 256 512 1024; do rsvg-convert -w "$s" -h "$s" icon.svg -o "icon-$s.png"; done
convert icon-16.png icon-24.png icon-32.png icon-48.png icon-64.png icon-128.png icon-256.png icon.ico
rm icon-24.png icon-64.png icon-128.png
