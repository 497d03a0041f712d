#!/usr/bin/env bash
# Generates every app icon from one drawing: the 1024 px master (assets/icon-1024.png), the window
# icon (assets/icon.png, 256 px, compiled into the app), the PNG sizes the Linux package and the
# macOS bundle use, a multi-size Windows .ico and a macOS .icns, all in packaging/icons/.
#
# Needs ImageMagick (`convert`, or `magick` from ImageMagick 7) and, for the .icns, `png2icns`
# (Debian/Ubuntu: apt-get install icnsutils) or `iconutil` (macOS). The outputs are committed:
# run this only after changing the drawing.
set -euo pipefail
cd "$(dirname "$0")/.."

if command -v magick >/dev/null 2>&1; then IM=(magick); else IM=(convert); fi
out=packaging/icons
mkdir -p "$out"

# The drawing at 1024 px: the 256 px original's commands with every coordinate and width times 4.
# A blue rounded square, two radar rings, a sweep hand and an orange blip.
"${IM[@]}" -size 1024x1024 xc:none \
    -fill '#0b5cad' -draw 'roundrectangle 32,32 992,992 192,192' \
    -fill none -stroke '#9fd3ff' -strokewidth 32 -draw 'circle 512,544 512,224' -draw 'circle 512,544 512,384' \
    -stroke '#ffffff' -strokewidth 40 -draw 'line 512,544 760,304' \
    -fill '#ff7a45' -stroke none -draw 'circle 704,688 704,640' \
    -strip PNG32:assets/icon-1024.png

# Smaller sizes are downscaled from the master (sharper than drawing small).
resize() { "${IM[@]}" assets/icon-1024.png -filter Lanczos -resize "$1x$1" -strip "PNG32:$2"; }
resize 256 assets/icon.png
for size in 16 24 32 48 64 128 256 512; do
    resize "$size" "$out/${size}x${size}.png"
done
cp assets/icon-1024.png "$out/1024x1024.png"

# Windows: one .ico with the sizes Explorer, the taskbar and the installer ask for.
"${IM[@]}" "$out/16x16.png" "$out/24x24.png" "$out/32x32.png" "$out/48x48.png" "$out/64x64.png" "$out/128x128.png" \
    "$out/256x256.png" "$out/icon.ico"

# macOS: an .icns with 16 to 1024 px (1024 is the 512 px Retina size).
if command -v png2icns >/dev/null 2>&1; then
    png2icns "$out/icon.icns" "$out/16x16.png" "$out/32x32.png" "$out/48x48.png" "$out/128x128.png" \
        "$out/256x256.png" "$out/512x512.png" "$out/1024x1024.png" >/dev/null
elif command -v iconutil >/dev/null 2>&1; then
    set_dir=$(mktemp -d)/icon.iconset
    mkdir -p "$set_dir"
    for size in 16 32 128 256 512; do
        cp "$out/${size}x${size}.png" "$set_dir/icon_${size}x${size}.png"
        double=$((size * 2))
        [ -f "$out/${double}x${double}.png" ] && cp "$out/${double}x${double}.png" "$set_dir/icon_${size}x${size}@2x.png"
    done
    iconutil -c icns -o "$out/icon.icns" "$set_dir"
else
    echo "icons.sh: neither png2icns nor iconutil found; $out/icon.icns left as it was" >&2
fi

ls -l assets/icon.png assets/icon-1024.png "$out"
