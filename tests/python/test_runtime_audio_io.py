"""WAV files ⇄ ComfyUI's AUDIO dict {"waveform": [B,C,T] float32, "sample_rate"}."""
import struct
import wave

import numpy as np
import pytest

from loki_runtime import audio_io


def write_raw_wav(path, samples_bytes, channels, rate, bits, tag=1, extensible=False):
    """A WAV writer independent of the runtime: PCM or float, plain or WAVE_FORMAT_EXTENSIBLE."""
    align = channels * bits // 8
    if extensible:
        fmt = struct.pack("<HHIIHHHHIH14s", 0xFFFE, channels, rate, rate * align, align, bits, 22, bits, 0, tag,
                          b"\x00\x00\x00\x00\x10\x00\x80\x00\x00\xaa\x00\x38\x9b\x71")
    else:
        fmt = struct.pack("<HHIIHH", tag, channels, rate, rate * align, align, bits)
    body = b"WAVE" + b"fmt " + struct.pack("<I", len(fmt)) + fmt + b"LIST" + struct.pack("<I", 4) + b"INFO"
    body += b"data" + struct.pack("<I", len(samples_bytes)) + samples_bytes
    path.write_bytes(b"RIFF" + struct.pack("<I", len(body)) + body)
    return path


def test_stereo_16_bit_reads_as_batch_channels_time(tmp_path):
    left = np.array([0, 16384, -16384, 32767], dtype="<i2")
    right = np.array([-32768, 0, 8192, 1], dtype="<i2")
    interleaved = np.stack([left, right], axis=1).tobytes()
    audio = audio_io.read_wav(write_raw_wav(tmp_path / "s.wav", interleaved, 2, 22050, 16))
    assert audio["sample_rate"] == 22050
    assert audio["waveform"].shape == (1, 2, 4) and audio["waveform"].dtype == np.float32
    np.testing.assert_array_equal(audio["waveform"][0, 0], left / np.float32(32768))
    np.testing.assert_array_equal(audio["waveform"][0, 1], right / np.float32(32768))


@pytest.mark.parametrize("bits, tag, extensible", [(8, 1, False), (24, 1, False), (32, 1, False), (32, 3, False),
                                                    (64, 3, False), (16, 1, True), (32, 3, True)])
def test_other_encodings_read_to_the_same_values(tmp_path, bits, tag, extensible):
    values = np.array([0.0, 0.5, -0.5, 0.25, -1.0], dtype=np.float64)
    if tag == 3:
        raw = values.astype("<f4" if bits == 32 else "<f8").tobytes()
    elif bits == 8:
        raw = (values * 128 + 128).astype(np.uint8).tobytes()
    elif bits == 24:
        ints = (values * (1 << 23)).astype(np.int32)
        raw = b"".join(struct.pack("<i", int(v))[:3] for v in ints)
    else:
        raw = (values * (1 << (bits - 1))).astype(f"<i{bits // 8}").tobytes()
    audio = audio_io.read_wav(write_raw_wav(tmp_path / "x.wav", raw, 1, 8000, bits, tag, extensible))
    np.testing.assert_allclose(audio["waveform"][0, 0], values, atol=1e-6)


def test_round_trip_through_a_16_bit_file(tmp_path):
    rng = np.random.default_rng(3)
    waveform = rng.uniform(-1, 1, (1, 2, 1000)).astype(np.float32)
    path = audio_io.write_wav({"waveform": waveform, "sample_rate": 44100}, tmp_path / "o.wav")
    with wave.open(path) as w:
        assert (w.getnchannels(), w.getsampwidth(), w.getframerate(), w.getnframes()) == (2, 2, 44100, 1000)
    again = audio_io.read_wav(path)
    np.testing.assert_allclose(again["waveform"], waveform, atol=1.0 / 32768)


def test_torch_waveforms_and_batches(tmp_path):
    import torch

    waveform = torch.linspace(-1, 1, 3 * 1 * 50).reshape(3, 1, 50)
    paths = audio_io.write_wav_batch({"waveform": waveform, "sample_rate": 16000}, tmp_path, "audio")
    assert [p.rsplit("/", 1)[1] for p in paths] == ["audio_0.wav", "audio_1.wav", "audio_2.wav"]
    batch = audio_io.read_wavs(paths)
    np.testing.assert_allclose(batch["waveform"], waveform.numpy(), atol=1.0 / 32768)


def test_not_a_wav_is_refused(tmp_path):
    (tmp_path / "x.wav").write_bytes(b"hello world, not audio")
    with pytest.raises(ValueError, match="RIFF"):
        audio_io.read_wav(tmp_path / "x.wav")
