namespace Loki.Core.Packaging.Flows;

/// <summary>
/// A small baseline JPEG encoder (JFIF, 4:4:4, the standard tables of ITU T.81 Annex K), because ComfyUI's template
/// browser asks for <c>example_workflows/&lt;name&gt;.jpg</c>. Integer-free of platform state: the same pixels give the
/// same bytes.
/// </summary>
public static class JpegWriter
{
    private static readonly int[] ZigZag =
    [
        0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7, 14, 21, 28,
        35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51, 58, 59, 52, 45, 38, 31, 39, 46, 53, 60, 61, 54, 47, 55, 62, 63,
    ];

    private static readonly byte[] LumaQuant =
    [
        16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55, 14, 13, 16, 24, 40, 57, 69, 56, 14, 17, 22, 29, 51, 87, 80, 62,
        18, 22, 37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113, 92, 49, 64, 78, 87, 103, 121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99,
    ];

    private static readonly byte[] ChromaQuant =
    [
        17, 18, 24, 47, 99, 99, 99, 99, 18, 21, 26, 66, 99, 99, 99, 99, 24, 26, 56, 99, 99, 99, 99, 99, 47, 66, 99, 99, 99, 99, 99, 99,
        99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99,
    ];

    private static readonly HuffmanTable DcLuma = new([0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0], [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    private static readonly HuffmanTable DcChroma = new([0, 3, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0], [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);

    private static readonly HuffmanTable AcLuma = new([0, 2, 1, 3, 3, 2, 4, 3, 5, 5, 4, 4, 0, 0, 1, 0x7d], Convert.FromHexString(
        "01020300041105122131410613516107227114328191A1082342B1C11552D1F02433627282090A161718191A25262728292A3435363738393A434445464748494A" +
        "535455565758595A636465666768696A737475767778797A838485868788898A92939495969798999AA2A3A4A5A6A7A8A9AAB2B3B4B5B6B7B8B9BAC2C3C4C5C6C7" +
        "C8C9CAD2D3D4D5D6D7D8D9DAE1E2E3E4E5E6E7E8E9EAF1F2F3F4F5F6F7F8F9FA"));

    private static readonly HuffmanTable AcChroma = new([0, 2, 1, 2, 4, 4, 3, 4, 7, 5, 4, 4, 0, 1, 2, 0x77], Convert.FromHexString(
        "000102031104052131061241510761711322328108144291A1B1C109233352F0156272D10A162434E125F11718191A262728292A35363738393A434445464748" +
        "494A535455565758595A636465666768696A737475767778797A82838485868788898A92939495969798999AA2A3A4A5A6A7A8A9AAB2B3B4B5B6B7B8B9BAC2C3C4" +
        "C5C6C7C8C9CAD2D3D4D5D6D7D8D9DAE2E3E4E5E6E7E8E9EAF2F3F4F5F6F7F8F9FA"));

    private static readonly double[,] Cos = BuildCos();

    /// <summary>Encodes <paramref name="rgb"/> (<paramref name="width"/> × <paramref name="height"/> × 3 bytes) at <paramref name="quality"/> (1-100).</summary>
    public static byte[] Encode(int width, int height, byte[] rgb, int quality = 90)
    {
        var lq = Scale(LumaQuant, quality);
        var cq = Scale(ChromaQuant, quality);
        using var s = new MemoryStream();
        s.Write([0xFF, 0xD8]);
        Segment(s, 0xE0, [(byte)'J', (byte)'F', (byte)'I', (byte)'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]);
        Segment(s, 0xDB, [0, .. ZigZag.Select(i => lq[i]), 1, .. ZigZag.Select(i => cq[i])]);
        Segment(s, 0xC0, [8, (byte)(height >> 8), (byte)height, (byte)(width >> 8), (byte)width, 3, 1, 0x11, 0, 2, 0x11, 1, 3, 0x11, 1]);
        Segment(s, 0xC4, [0x00, .. DcLuma.Spec, 0x10, .. AcLuma.Spec, 0x01, .. DcChroma.Spec, 0x11, .. AcChroma.Spec]);
        Segment(s, 0xDA, [3, 1, 0x00, 2, 0x11, 3, 0x11, 0, 63, 0]);

        var bits = new BitWriter(s);
        var previous = new int[3];
        var block = new double[64];
        for (var by = 0; by < height; by += 8)
        {
            for (var bx = 0; bx < width; bx += 8)
            {
                for (var c = 0; c < 3; c++)
                {
                    for (var y = 0; y < 8; y++)
                    {
                        for (var x = 0; x < 8; x++)
                        {
                            var i = ((Math.Min(by + y, height - 1) * width) + Math.Min(bx + x, width - 1)) * 3;
                            double r = rgb[i], g = rgb[i + 1], b = rgb[i + 2];
                            block[(y * 8) + x] = c switch
                            {
                                0 => (0.299 * r) + (0.587 * g) + (0.114 * b),
                                1 => (-0.168736 * r) - (0.331264 * g) + (0.5 * b) + 128,
                                _ => (0.5 * r) - (0.418688 * g) - (0.081312 * b) + 128,
                            } - 128;
                        }
                    }

                    EncodeBlock(bits, block, c == 0 ? lq : cq, ref previous[c], c == 0 ? DcLuma : DcChroma, c == 0 ? AcLuma : AcChroma);
                }
            }
        }

        bits.Flush();
        s.Write([0xFF, 0xD9]);
        return s.ToArray();
    }

    private static void EncodeBlock(BitWriter bits, double[] block, byte[] quant, ref int previousDc, HuffmanTable dc, HuffmanTable ac)
    {
        var coefficients = new int[64];
        for (var v = 0; v < 8; v++)
        {
            for (var u = 0; u < 8; u++)
            {
                var sum = 0.0;
                for (var y = 0; y < 8; y++)
                {
                    for (var x = 0; x < 8; x++)
                    {
                        sum += block[(y * 8) + x] * Cos[x, u] * Cos[y, v];
                    }
                }

                var cu = u == 0 ? Math.Sqrt(0.5) : 1.0;
                var cv = v == 0 ? Math.Sqrt(0.5) : 1.0;
                coefficients[(v * 8) + u] = (int)Math.Round(0.25 * cu * cv * sum / quant[(v * 8) + u], MidpointRounding.AwayFromZero);
            }
        }

        var diff = coefficients[0] - previousDc;
        previousDc = coefficients[0];
        var size = BitSize(diff);
        bits.Write(dc.Codes[size], dc.Lengths[size]);
        bits.Write(Amplitude(diff, size), size);

        var run = 0;
        for (var k = 1; k < 64; k++)
        {
            var value = coefficients[ZigZag[k]];
            if (value == 0)
            {
                run++;
                continue;
            }

            while (run > 15)
            {
                bits.Write(ac.Codes[0xF0], ac.Lengths[0xF0]);
                run -= 16;
            }

            size = BitSize(value);
            var symbol = (run << 4) | size;
            bits.Write(ac.Codes[symbol], ac.Lengths[symbol]);
            bits.Write(Amplitude(value, size), size);
            run = 0;
        }

        if (run > 0)
        {
            bits.Write(ac.Codes[0x00], ac.Lengths[0x00]);
        }
    }

    private static int BitSize(int value)
    {
        var v = Math.Abs(value);
        var n = 0;
        while (v > 0)
        {
            n++;
            v >>= 1;
        }

        return n;
    }

    // Negative values are written as their one's complement in `size` bits (T.81 F.1.2.1).
    private static int Amplitude(int value, int size) => value >= 0 ? value : (value - 1) & ((1 << size) - 1);

    private static byte[] Scale(byte[] table, int quality)
    {
        quality = Math.Clamp(quality, 1, 100);
        var scale = quality < 50 ? 5000 / quality : 200 - (quality * 2);
        return [.. table.Select(t => (byte)Math.Clamp(((t * scale) + 50) / 100, 1, 255))];
    }

    private static void Segment(Stream s, byte marker, byte[] payload)
    {
        s.Write([0xFF, marker, (byte)((payload.Length + 2) >> 8), (byte)(payload.Length + 2)]);
        s.Write(payload);
    }

    private static double[,] BuildCos()
    {
        var table = new double[8, 8];
        for (var x = 0; x < 8; x++)
        {
            for (var u = 0; u < 8; u++)
            {
                table[x, u] = Math.Cos(((2 * x) + 1) * u * Math.PI / 16);
            }
        }

        return table;
    }

    private sealed class HuffmanTable
    {
        public HuffmanTable(byte[] counts, byte[] symbols)
        {
            Spec = [.. counts, .. symbols];
            var code = 0;
            var k = 0;
            for (var length = 1; length <= 16; length++)
            {
                for (var i = 0; i < counts[length - 1]; i++)
                {
                    Codes[symbols[k]] = code++;
                    Lengths[symbols[k]] = length;
                    k++;
                }

                code <<= 1;
            }
        }

        public byte[] Spec { get; }

        public int[] Codes { get; } = new int[256];

        public int[] Lengths { get; } = new int[256];
    }

    private sealed class BitWriter(Stream stream)
    {
        private int _buffer;
        private int _count;

        public void Write(int bits, int length)
        {
            for (var i = length - 1; i >= 0; i--)
            {
                _buffer = (_buffer << 1) | ((bits >> i) & 1);
                if (++_count == 8)
                {
                    Emit();
                }
            }
        }

        // Pad the last byte with ones (T.81 F.1.2.3).
        public void Flush()
        {
            while (_count != 0)
            {
                Write(1, 1);
            }
        }

        private void Emit()
        {
            stream.WriteByte((byte)_buffer);
            if (_buffer == 0xFF)
            {
                stream.WriteByte(0); // byte stuffing: 0xFF in entropy-coded data is followed by 0x00
            }

            _buffer = 0;
            _count = 0;
        }
    }
}
