#!/usr/bin/python3
"""Draws the master images of DCE Unique's icons (needs python3-pil).

Writes, relative to src-tauri/:
  icons/icon-source.png                      1024x1024 app icon master, input of `npx tauri icon`
  packaging/linux/hicolor/<N>x<N>/mimetypes/application-x-dce-unique.png
                                             the .dce document icon, N = 16 ... 256, installed
                                             as is under /usr/share/icons/hicolor by the .deb

The generated files are committed; run this only to change the drawing:
  src-tauri/packaging/icons/make-icons.py && (cd ui && npx tauri icon ../src-tauri/icons/icon-source.png -o ../src-tauri/icons)
"""
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

SRC_TAURI = Path(__file__).resolve().parents[2]
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"

NAVY = (30, 58, 95, 255)
NAVY_LIGHT = (39, 76, 122, 255)
GOLD = (242, 193, 78, 255)
PAPER = (255, 255, 255, 255)
FOLD = (214, 224, 236, 255)
LINE = (196, 206, 219, 255)
EDGE = (140, 156, 176, 255)

SS = 4  # supersampling factor: draw big, scale down for smooth edges


def canvas(size):
    return Image.new("RGBA", (size * SS, size * SS), (0, 0, 0, 0))


def s(v):
    return int(round(v * SS))


def centered_text(draw, box, text, fill, max_width):
    """Draws bold text centred in box, as large as fits max_width and the box height."""
    x0, y0, x1, y1 = box
    size = s(y1 - y0)
    while size > 8:
        font = ImageFont.truetype(FONT, size)
        l, t, r, b = draw.textbbox((0, 0), text, font=font)
        if r - l <= s(max_width) and b - t <= s(y1 - y0):
            break
        size -= 4
    cx, cy = s((x0 + x1) / 2), s((y0 + y1) / 2)
    draw.text((cx - (l + r) / 2, cy - (t + b) / 2), text, font=font, fill=fill)


def page(draw, x0, y0, x1, y1, fold, outline=None, width=0):
    """A sheet of paper with its top-right corner folded down."""
    body = [(s(x0), s(y0)), (s(x1 - fold), s(y0)), (s(x1), s(y0 + fold)), (s(x1), s(y1)), (s(x0), s(y1))]
    draw.polygon(body, fill=PAPER)
    if outline:
        draw.line(body + [body[0]], fill=outline, width=s(width), joint="curve")
    corner = [(s(x1 - fold), s(y0)), (s(x1 - fold), s(y0 + fold)), (s(x1), s(y0 + fold))]
    draw.polygon(corner, fill=FOLD)
    if outline:
        draw.line(corner + [corner[0]], fill=outline, width=s(width), joint="curve")


def app_icon():
    img = canvas(1024)
    d = ImageDraw.Draw(img)
    # Rounded square with a soft vertical gradient.
    mask = canvas(1024).convert("L")
    ImageDraw.Draw(mask).rounded_rectangle([s(48), s(48), s(976), s(976)], radius=s(200), fill=255)
    grad = Image.new("RGBA", img.size)
    gd = ImageDraw.Draw(grad)
    for y in range(img.size[1]):
        t = y / img.size[1]
        c = tuple(int(NAVY_LIGHT[i] * (1 - t) + NAVY[i] * t) for i in range(3)) + (255,)
        gd.line([(0, y), (img.size[0], y)], fill=c)
    img.paste(grad, (0, 0), mask)
    # The document.
    page(d, 232, 150, 792, 874, 170)
    centered_text(d, (262, 380, 762, 560), "DCE", NAVY, 470)
    d.rectangle([s(300), s(610), s(724), s(650)], fill=GOLD)
    for y in (712, 776):
        d.rounded_rectangle([s(300), s(y), s(724), s(y + 24)], radius=s(12), fill=LINE)
    for y in (236, 296):
        d.rounded_rectangle([s(300), s(y), s(560), s(y + 24)], radius=s(12), fill=LINE)
    return img.resize((1024, 1024), Image.LANCZOS)


def mime_icon():
    img = canvas(1024)
    d = ImageDraw.Draw(img)
    page(d, 168, 40, 856, 984, 230, outline=EDGE, width=18)
    for y in (330, 400):
        d.rounded_rectangle([s(250), s(y), s(774), s(y + 30)], radius=s(15), fill=LINE)
    d.rounded_rectangle([s(250), s(190), s(560), s(220)], radius=s(15), fill=LINE)
    d.rectangle([s(177), s(500), s(847), s(790)], fill=NAVY)
    centered_text(d, (230, 540, 794, 750), "DCE", PAPER, 560)
    d.rectangle([s(177), s(790), s(847), s(830)], fill=GOLD)
    return img.resize((1024, 1024), Image.LANCZOS)


def main():
    icons = SRC_TAURI / "icons"
    app_icon().save(icons / "icon-source.png", optimize=True)
    mime = mime_icon()
    for n in (16, 22, 24, 32, 48, 64, 128, 256):
        out = SRC_TAURI / "packaging/linux/hicolor" / f"{n}x{n}" / "mimetypes" / "application-x-dce-unique.png"
        out.parent.mkdir(parents=True, exist_ok=True)
        mime.resize((n, n), Image.LANCZOS).save(out, optimize=True)
    print("written:", icons / "icon-source.png", "and", SRC_TAURI / "packaging/linux/hicolor")


if __name__ == "__main__":
    main()
