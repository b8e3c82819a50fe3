"""Image and mask files ⇄ arrays with ComfyUI's layouts: RGB IMAGE [B,H,W,3], MASK [B,H,W] = 1 - alpha, 16 bits."""
import struct
import zlib

import numpy as np
import pytest
from PIL import Image

from conftest import write_rgba_png
from loki_runtime import image_io, png16


@pytest.fixture
def rng():
    return np.random.default_rng(1234)


def test_rgb_png_reads_as_one_image_batch_float32(tmp_path, rng):
    pixels = rng.integers(0, 256, (5, 7, 3), dtype=np.uint8)
    image, mask = image_io.read_image(write_rgba_png(tmp_path / "a.png", pixels))
    assert image.shape == (1, 5, 7, 3) and image.dtype == np.float32
    np.testing.assert_array_equal(image[0], pixels.astype(np.float32) / 255.0)
    assert mask.shape == (1, 5, 7) and not mask.any()


def test_alpha_becomes_a_mask_of_one_minus_alpha_and_the_image_stays_rgb(tmp_path, rng):
    pixels = rng.integers(0, 256, (4, 6, 4), dtype=np.uint8)
    image, mask = image_io.read_image(write_rgba_png(tmp_path / "a.png", pixels))
    assert image.shape == (1, 4, 6, 3)
    np.testing.assert_array_equal(image[0], pixels[:, :, :3] / np.float32(255.0))
    np.testing.assert_allclose(mask[0], 1.0 - pixels[:, :, 3] / 255.0, atol=1e-7)


def test_palette_transparency_becomes_a_mask(tmp_path):
    img = Image.new("P", (3, 2))
    img.putpalette([255, 0, 0, 0, 255, 0] + [0] * 762)
    img.putdata([0, 1, 0, 1, 0, 1])
    img.save(tmp_path / "p.png", transparency=1)
    image, mask = image_io.read_image(tmp_path / "p.png")
    np.testing.assert_array_equal(mask[0], [[0, 1, 0], [1, 0, 1]])
    np.testing.assert_array_equal(image[0, 0, 0], [1, 0, 0])


def test_greyscale_is_spread_to_rgb(tmp_path):
    grey = np.arange(12, dtype=np.uint8).reshape(3, 4) * 20
    image, _ = image_io.read_image(write_rgba_png(tmp_path / "g.png", grey[:, :, None]))
    assert image.shape == (1, 3, 4, 3)
    for c in range(3):
        np.testing.assert_array_equal(image[0, :, :, c], grey / np.float32(255.0))


def test_exif_orientation_is_applied(tmp_path):
    pixels = np.zeros((2, 4, 3), dtype=np.uint8)
    pixels[0, 0] = 255  # top-left red-white marker
    img = Image.fromarray(pixels)
    exif = img.getexif()
    exif[0x0112] = 6  # rotate 90° clockwise on display
    img.save(tmp_path / "r.jpg", exif=exif, quality=100)
    image, _ = image_io.read_image(tmp_path / "r.jpg")
    assert image.shape[1:3] == (4, 2)


def test_animated_gif_frames_become_a_batch(tmp_path):
    frames = [Image.new("RGB", (4, 3), color) for color in [(255, 0, 0), (0, 255, 0), (0, 0, 255)]]
    frames[0].save(tmp_path / "a.gif", save_all=True, append_images=frames[1:])
    image, mask = image_io.read_image(tmp_path / "a.gif")
    assert image.shape == (3, 3, 4, 3) and mask.shape == (3, 3, 4)
    np.testing.assert_array_equal(image[:, 0, 0], np.eye(3, dtype=np.float32))


def test_several_files_make_one_batch_and_sizes_must_agree(tmp_path, rng):
    a = write_rgba_png(tmp_path / "a.png", rng.integers(0, 256, (4, 4, 3), dtype=np.uint8))
    b = write_rgba_png(tmp_path / "b.png", rng.integers(0, 256, (4, 4, 3), dtype=np.uint8))
    c = write_rgba_png(tmp_path / "c.png", rng.integers(0, 256, (5, 4, 3), dtype=np.uint8))
    images, masks = image_io.read_images([a, b, a])
    assert images.shape == (3, 4, 4, 3) and masks.shape == (3, 4, 4)
    np.testing.assert_array_equal(images[0], images[2])
    with pytest.raises(ValueError, match="one size"):
        image_io.read_images([a, c])


def test_file_to_array_to_file_round_trip_is_lossless_at_8_bits(tmp_path, rng):
    pixels = rng.integers(0, 256, (9, 11, 4), dtype=np.uint8)
    image, mask = image_io.read_image(write_rgba_png(tmp_path / "in.png", pixels))
    rgba = np.concatenate([image, 1.0 - mask[..., None]], axis=-1)
    out = image_io.write_image(rgba, tmp_path / "out.png")
    with Image.open(out) as written:
        assert written.mode == "RGBA"
        np.testing.assert_array_equal(np.asarray(written), pixels)


def test_writing_clips_and_rounds(tmp_path):
    values = np.array([[[-0.5, 0.5, 1.5], [0.2, 0.998, 0.002]]], dtype=np.float32)
    with Image.open(image_io.write_image(values, tmp_path / "c.png")) as written:
        np.testing.assert_array_equal(np.asarray(written), [[[0, 128, 255], [51, 254, 1]]])


def test_batches_are_written_as_numbered_files_and_read_back_in_order(tmp_path, rng):
    batch = rng.random((12, 3, 5, 3), dtype=np.float32)
    paths = image_io.write_image_batch(batch, tmp_path / "out", "image")
    assert [p.rsplit("/", 1)[1] for p in paths] == [f"image_{i}.png" for i in range(12)]
    again, _ = image_io.read_images(image_io.expand_paths([tmp_path / "out"]))
    np.testing.assert_allclose(again, batch, atol=0.5 / 255 + 1e-6)
    assert image_io.write_image_batch(batch[:1], tmp_path / "one", "image")[0].endswith("/one/image.png")


def test_16_bit_greyscale_keeps_its_precision(tmp_path):
    values = np.array([[0, 1, 257], [32768, 65534, 65535]], dtype=np.uint16)
    Image.fromarray(values, mode="I;16").save(tmp_path / "g16.png")
    image, _ = image_io.read_image(tmp_path / "g16.png")
    np.testing.assert_allclose(image[0, :, :, 0], values / 65535.0, rtol=0, atol=1e-7)
    mask = image_io.read_mask(tmp_path / "g16.png")
    np.testing.assert_allclose(mask[0], values / 65535.0, rtol=0, atol=1e-7)


@pytest.mark.parametrize("channels", [3, 4])
def test_16_bit_colour_round_trip_is_exact(tmp_path, rng, channels):
    values = rng.integers(0, 65536, (6, 5, channels), dtype=np.uint16)
    image = values.astype(np.float64) / 65535.0
    path = image_io.write_image(image.astype(np.float32), tmp_path / "c16.png", bits=16)
    assert png16.header(path)["bit_depth"] == 16
    np.testing.assert_array_equal(png16.read(path), values)
    read, mask = image_io.read_image(path)
    np.testing.assert_allclose(read[0], values[:, :, :3] / 65535.0, atol=1e-7)
    if channels == 4:
        np.testing.assert_allclose(mask[0], 1.0 - values[:, :, 3] / 65535.0, atol=1e-6)


def encode_png16_with_filters(pixels, filters):
    """An independent 16-bit PNG encoder that uses the given filter type on each row (cycling)."""
    height, width, channels = pixels.shape
    bpp = channels * 2
    rows = [bytearray(pixels[y].astype(">u2").tobytes()) for y in range(height)]
    out = bytearray()
    for y, row in enumerate(rows):
        kind = filters[y % len(filters)]
        prev = rows[y - 1] if y else bytearray(len(row))
        line = bytearray([kind])
        for x in range(len(row)):
            a = row[x - bpp] if x >= bpp else 0
            b = prev[x]
            c = prev[x - bpp] if x >= bpp else 0
            if kind == 0:
                pred = 0
            elif kind == 1:
                pred = a
            elif kind == 2:
                pred = b
            elif kind == 3:
                pred = (a + b) // 2
            else:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else b if pb <= pc else c
            line.append((row[x] - pred) & 0xFF)
        out += line
    color = {1: 0, 2: 4, 3: 2, 4: 6}[channels]

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    ihdr = struct.pack(">IIBBBBB", width, height, 16, color, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(bytes(out))) + chunk(b"IEND", b"")


def test_16_bit_decoder_handles_every_png_filter(tmp_path, rng):
    pixels = rng.integers(0, 65536, (10, 7, 3), dtype=np.uint16)
    path = tmp_path / "filters.png"
    path.write_bytes(encode_png16_with_filters(pixels, [0, 1, 2, 3, 4]))
    np.testing.assert_array_equal(png16.read(path), pixels)


def test_mask_files_grey_alpha_and_red(tmp_path, rng):
    grey = rng.integers(0, 256, (3, 4, 1), dtype=np.uint8)
    np.testing.assert_array_equal(image_io.read_mask(write_rgba_png(tmp_path / "g.png", grey))[0],
                                  grey[:, :, 0] / np.float32(255))
    rgba = rng.integers(0, 256, (3, 4, 4), dtype=np.uint8)
    np.testing.assert_allclose(image_io.read_mask(write_rgba_png(tmp_path / "a.png", rgba))[0],
                               1.0 - rgba[:, :, 3] / 255.0, atol=1e-7)
    rgb = rng.integers(0, 256, (3, 4, 3), dtype=np.uint8)
    np.testing.assert_array_equal(image_io.read_mask(write_rgba_png(tmp_path / "r.png", rgb))[0],
                                  rgb[:, :, 0] / np.float32(255))


def test_mask_round_trip_8_and_16_bits(tmp_path, rng):
    mask = rng.random((2, 5, 6), dtype=np.float32)
    for bits, tolerance in [(8, 0.5 / 255), (16, 0.5 / 65535)]:
        paths = image_io.write_mask_batch(mask, tmp_path / str(bits), "mask", bits=bits)
        with Image.open(paths[0]) as written:
            assert written.mode in (("L",) if bits == 8 else ("I", "I;16"))
        np.testing.assert_allclose(image_io.read_masks(paths), mask, atol=tolerance + 1e-7)


def test_natural_order_of_numbered_files(tmp_path):
    for i in (10, 2, 1):
        write_rgba_png(tmp_path / f"f_{i}.png", np.full((1, 1, 3), i, dtype=np.uint8))
    (tmp_path / "notes.txt").write_text("x")
    assert [p.rsplit("/", 1)[1] for p in image_io.expand_paths([tmp_path])] == ["f_1.png", "f_2.png", "f_10.png"]


def test_without_pillow_pngs_are_still_read_and_written(tmp_path, rng):
    import json
    import textwrap

    from conftest import RUNTIME, run_python

    rgb = rng.integers(0, 256, (37, 29, 3), dtype=np.uint8)  # Pillow picks its own row filters (Paeth included)
    grey = rng.integers(0, 256, (8, 9, 1), dtype=np.uint8)
    write_rgba_png(tmp_path / "rgb.png", rgb)
    write_rgba_png(tmp_path / "grey.png", grey)
    probe = textwrap.dedent(f"""
        import json, sys
        sys.modules["PIL"] = None  # as if Pillow were not installed
        sys.path.insert(0, {str(RUNTIME.parent)!r})
        import numpy as np
        from loki_runtime import image_io
        image, mask = image_io.read_image({str(tmp_path / "rgb.png")!r})
        grey = image_io.read_mask({str(tmp_path / "grey.png")!r})
        rgba = np.concatenate([image, np.full(image.shape[:3] + (1,), 0.5, np.float32)], axis=-1)
        image_io.write_image(rgba, {str(tmp_path / "out.png")!r})
        image_io.write_mask(grey, {str(tmp_path / "mask.png")!r})
        print(json.dumps({{"image": (image * 255).round().astype(int).tolist(), "mask": float(mask.max()),
                          "grey": (grey * 255).round().astype(int).tolist()}}))
    """)
    result = run_python(["-c", probe])
    assert result.returncode == 0, result.stderr
    shown = json.loads(result.stdout)
    np.testing.assert_array_equal(np.array(shown["image"])[0], rgb)
    np.testing.assert_array_equal(np.array(shown["grey"])[0], grey[:, :, 0])
    assert shown["mask"] == 0.0
    with Image.open(tmp_path / "out.png") as written:  # files written without Pillow, read by Pillow
        assert written.mode == "RGBA"
        np.testing.assert_array_equal(np.asarray(written)[:, :, :3], rgb)
        assert (np.asarray(written)[:, :, 3] == 128).all()
    with Image.open(tmp_path / "mask.png") as written:
        assert written.mode == "L"
        np.testing.assert_array_equal(np.asarray(written), grey[:, :, 0])
