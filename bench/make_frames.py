"""Camera-like test frames with ground truth, made from codes we render ourselves.

Why: the shared sample set is 40 frames; a decoder tuned to it alone proves little. This
draws codes the till meets (member QR payloads, Code 128 card numbers, EAN-13/UPC-A/EAN-8
products) and spoils them the way a till camera does: small or far codes, rotation,
perspective, uneven light, low contrast, defocus and motion blur, sensor noise and JPEG
compression, plus frames with no code but bar-like clutter to provoke false positives.

Usage: ``python bench/make_frames.py N OUTDIR [--seed S]`` writes ``NNN.jpg`` and
``truth.json`` (file -> list of payloads, ``[]`` = none), the shared set's layout. The
tests import this module by path to make their own frames.
"""

from __future__ import annotations

import argparse
import json
import string
import sys
from dataclasses import dataclass
from pathlib import Path

import barcode
import cv2
import numpy as np
import qrcode

WIDTH, HEIGHT = 640, 480
KINDS = ("qr", "code128", "ean13", "upca", "ean8")
_ALNUM = string.ascii_uppercase + string.digits


def random_payload(rng: np.random.Generator, kind: str) -> str:
    """A payload of the shape the till sees for that symbology."""
    if kind == "qr":
        style = rng.integers(3)
        if style == 0:
            n = int(rng.integers(8, 15))
            return "LOYALTY:" + "".join(rng.choice(list(_ALNUM), n))
        if style == 1:
            n = int(rng.integers(12, 44))
            alphabet = list(string.ascii_lowercase + string.digits)
            return "https://rewards.example/m/" + "".join(rng.choice(alphabet, n))
        return "".join(rng.choice(list(string.digits), int(rng.integers(10, 17))))
    if kind == "code128":
        digits = "".join(rng.choice(list(string.digits), int(rng.integers(9, 17))))
        # python-barcode 0.16 drops a leading "99" pair (both libraries read the symbol
        # without it), which would make the truth wrong.
        return "1" + digits[1:] if digits.startswith("99") else digits
    count = {"ean13": 12, "upca": 11, "ean8": 7}[kind]
    body = "".join(rng.choice(list(string.digits), count))
    return _with_check_digit(body)


def _with_check_digit(body: str) -> str:
    """GS1 mod-10 check digit (weights 3,1 from the right)."""
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(body)))
    return body + str((10 - total % 10) % 10)


def code_modules(kind: str, payload: str) -> np.ndarray:
    """The code as a boolean module grid (True = dark), without quiet zone."""
    if kind == "qr":
        qr = qrcode.QRCode(border=0, error_correction=qrcode.constants.ERROR_CORRECT_M)
        qr.add_data(payload)
        qr.make(fit=True)
        return np.array(qr.get_matrix(), dtype=bool)
    name = {"code128": "code128", "ean13": "ean13", "upca": "upca", "ean8": "ean8"}[kind]
    data = payload if kind == "code128" else payload[:-1]
    row = barcode.get_barcode_class(name)(data).build()[0]
    return np.array([c == "1" for c in row], dtype=bool)[None, :]


def render_code(kind: str, payload: str, module_px: float, bar_height_px: int = 0) -> np.ndarray:
    """A crisp gray label (0 ink, 255 paper) with a quiet zone, ``module_px`` per module."""
    grid = code_modules(kind, payload)
    quiet = 4 if kind == "qr" else 10
    grid = np.pad(
        grid, ((quiet, quiet), (quiet, quiet)) if kind == "qr" else ((0, 0), (quiet, quiet))
    )
    scale = 8
    img = np.where(grid, 0, 255).astype(np.uint8)
    img = np.repeat(np.repeat(img, scale, axis=0), scale, axis=1)
    w = max(1, round(grid.shape[1] * module_px))
    if kind == "qr":
        h = w
    else:
        h = bar_height_px or max(12, round(w * 0.35))
        img = np.repeat(img[:1], 8, axis=0)
    out = cv2.resize(img, (w, h), interpolation=cv2.INTER_AREA)
    if kind != "qr":
        out = np.pad(out, ((max(2, h // 10),) * 2, (0, 0)), constant_values=255)
    return out


@dataclass(frozen=True)
class Spoil:
    """How a frame is spoiled; each field drawn independently per frame."""

    module_px: float = 3.0
    angle_deg: float = 0.0
    perspective: float = 0.0  # corner jitter as a fraction of the label size
    blur_sigma: float = 0.0
    motion_px: int = 0
    contrast: float = 1.0  # 1: black ink on white paper; lower: washed out
    noise_sigma: float = 0.0


def random_spoil(rng: np.random.Generator, kind: str) -> Spoil:
    small = rng.random() < 0.3
    if kind == "qr":
        module_px = float(rng.uniform(1.4, 2.4) if small else rng.uniform(2.4, 6.0))
    else:
        module_px = float(rng.uniform(1.1, 1.8) if small else rng.uniform(1.8, 3.5))
    upright = kind != "qr" and rng.random() < 0.5
    angle = float(rng.normal(0, 6) if upright else rng.uniform(-180, 180))
    return Spoil(
        module_px=module_px,
        angle_deg=angle,
        perspective=float(rng.uniform(0, 0.12)),
        blur_sigma=float(rng.choice([0.0, rng.uniform(0.5, 2.2)], p=[0.35, 0.65])),
        motion_px=int(rng.choice([0, int(rng.integers(3, 8))], p=[0.85, 0.15])),
        contrast=float(rng.choice([1.0, rng.uniform(0.2, 0.6)], p=[0.6, 0.4])),
        noise_sigma=float(rng.choice([0.0, rng.uniform(2, 14)], p=[0.4, 0.6])),
    )


def background(rng: np.random.Generator, clutter: bool = True) -> np.ndarray:
    """Uneven light and desk clutter; with ``clutter``, bar-like stripes that are no code."""
    base = float(rng.uniform(70, 200))
    gx, gy = rng.uniform(-60, 60, 2)
    yy, xx = np.mgrid[0:HEIGHT, 0:WIDTH].astype(np.float32)
    img = base + gx * (xx / WIDTH - 0.5) + gy * (yy / HEIGHT - 0.5)
    for _ in range(int(rng.integers(0, 6))):
        x0, y0 = int(rng.integers(0, WIDTH)), int(rng.integers(0, HEIGHT))
        x1, y1 = x0 + int(rng.integers(20, 300)), y0 + int(rng.integers(20, 250))
        level = float(rng.uniform(30, 230))
        thick = -1 if rng.random() < 0.5 else int(rng.integers(1, 4))
        cv2.rectangle(img, (x0, y0), (x1, y1), level, thick)
    if clutter and rng.random() < 0.5:
        # Text-like or stripe clutter: what a product box or a receipt shows the camera.
        x0, y0 = int(rng.integers(0, WIDTH - 200)), int(rng.integers(0, HEIGHT - 80))
        x = x0
        for _ in range(int(rng.integers(8, 40))):
            w = int(rng.integers(1, 6))
            cv2.rectangle(img, (x, y0), (x + w, y0 + int(rng.integers(10, 70))), 40.0, -1)
            x += w + int(rng.integers(1, 9))
    return np.asarray(img, dtype=np.float32)


def place(img: np.ndarray, label: np.ndarray, spoil: Spoil, rng: np.random.Generator) -> bool:
    """Warp the label into the frame (rotation, perspective); False if it does not fit."""
    h, w = label.shape
    src = np.array([[0, 0], [w, 0], [w, h], [0, h]], dtype=np.float32)
    centre = np.array([w / 2, h / 2], dtype=np.float32)
    theta = np.deg2rad(spoil.angle_deg)
    rot = np.array(
        [[np.cos(theta), -np.sin(theta)], [np.sin(theta), np.cos(theta)]], dtype=np.float32
    )
    jitter = rng.uniform(-spoil.perspective, spoil.perspective, (4, 2)) * np.array(
        [w, h], dtype=np.float32
    )
    dst = (src - centre + jitter.astype(np.float32)) @ rot.T
    span = dst.max(axis=0) - dst.min(axis=0)
    if span[0] > WIDTH - 8 or span[1] > HEIGHT - 8:
        return False
    low = -dst.min(axis=0) + 4
    high = np.array([WIDTH, HEIGHT], dtype=np.float32) - dst.max(axis=0) - 4
    offset = np.array(
        [rng.uniform(low[0], high[0]), rng.uniform(low[1], high[1])], dtype=np.float32
    )
    dst = (dst + offset).astype(np.float32)
    matrix = cv2.getPerspectiveTransform(src, dst)
    paper = float(rng.uniform(200, 255))
    ink = float(rng.uniform(0, 50))
    toned = ink + (label.astype(np.float32) / 255.0) * (paper - ink)
    warped = cv2.warpPerspective(toned, matrix, (WIDTH, HEIGHT), flags=cv2.INTER_LINEAR)
    mask = cv2.warpPerspective(np.ones_like(toned), matrix, (WIDTH, HEIGHT))
    img[:] = img * (1 - mask) + warped * mask
    return True


def finish(img: np.ndarray, spoil: Spoil, rng: np.random.Generator) -> np.ndarray:
    """Optics and sensor: contrast, blur, noise; returns a BGR uint8 frame."""
    mean = float(img.mean())
    img = mean + (img - mean) * spoil.contrast
    if spoil.blur_sigma > 0:
        img = cv2.GaussianBlur(img, (0, 0), spoil.blur_sigma)
    if spoil.motion_px > 0:
        k = np.zeros((spoil.motion_px, spoil.motion_px), np.float32)
        k[spoil.motion_px // 2, :] = 1.0 / spoil.motion_px
        centre = (spoil.motion_px / 2 - 0.5, spoil.motion_px / 2 - 0.5)
        rot = cv2.getRotationMatrix2D(centre, float(rng.uniform(0, 180)), 1.0)
        k = np.asarray(cv2.warpAffine(k, rot, k.shape[::-1]), dtype=np.float32)
        k /= max(float(k.sum()), 1e-6)
        img = cv2.filter2D(img, -1, k)
    if spoil.noise_sigma > 0:
        img = img + rng.normal(0, spoil.noise_sigma, img.shape)
    gray = np.clip(img, 0, 255).astype(np.uint8)
    tint = rng.uniform(0.85, 1.0, 3)
    bgr = np.clip(gray[..., None].astype(np.float32) * tint, 0, 255).astype(np.uint8)
    return bgr


def jpeg_roundtrip(bgr: np.ndarray, quality: int) -> np.ndarray:
    """The frame as a camera's JPEG stream would deliver it."""
    ok, buf = cv2.imencode(".jpg", bgr, [cv2.IMWRITE_JPEG_QUALITY, quality])
    decoded = cv2.imdecode(buf, cv2.IMREAD_COLOR) if ok else None
    if decoded is None:
        raise ValueError("JPEG round trip failed")
    return np.asarray(decoded, dtype=np.uint8)


def make_frame(
    rng: np.random.Generator, kind: str | None, spoil: Spoil | None = None, payload: str = ""
) -> tuple[np.ndarray, list[str]]:
    """One BGR frame and its truth; ``kind`` None draws a frame with no code."""
    img = background(rng)
    truth: list[str] = []
    used = spoil or Spoil(
        blur_sigma=float(rng.uniform(0, 1.5)), noise_sigma=float(rng.uniform(0, 10))
    )
    if kind is not None:
        text = payload or random_payload(rng, kind)
        for _attempt in range(20):
            used = spoil or random_spoil(rng, kind)
            label = render_code(kind, text, used.module_px)
            if place(img, label, used, rng):
                truth.append(text)
                break
        else:
            raise ValueError(f"{kind} code {text!r} does not fit in a {WIDTH}x{HEIGHT} frame")
    return finish(img, used, rng), truth


def make_set(n: int, outdir: Path, seed: int = 1) -> dict[str, list[str]]:
    """``n`` JPEG frames plus ``truth.json`` in ``outdir``; about one in six has no code."""
    rng = np.random.default_rng(seed)
    outdir.mkdir(parents=True, exist_ok=True)
    truth: dict[str, list[str]] = {}
    for i in range(n):
        kind = (
            None if rng.random() < 0.16 else str(rng.choice(KINDS, p=[0.45, 0.2, 0.2, 0.1, 0.05]))
        )
        frame, payloads = make_frame(rng, kind)
        name = f"{i:03d}.jpg"
        quality = int(rng.integers(45, 92))
        ok = cv2.imwrite(str(outdir / name), frame, [cv2.IMWRITE_JPEG_QUALITY, quality])
        if not ok:
            raise OSError(f"could not write {outdir / name}")
        truth[name] = payloads
    (outdir / "truth.json").write_text(json.dumps(truth, indent=1) + "\n", encoding="utf-8")
    return truth


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int, help="number of frames")
    parser.add_argument("outdir", type=Path, help="folder for the frames and truth.json")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    args = parser.parse_args(argv)
    truth = make_set(args.count, args.outdir, args.seed)
    codes = sum(len(v) for v in truth.values())
    print(f"wrote {len(truth)} frames with {codes} codes to {args.outdir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
