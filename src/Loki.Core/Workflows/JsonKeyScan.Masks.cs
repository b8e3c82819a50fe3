using System.Numerics;
using System.Runtime.Intrinsics;

namespace Loki.Core.Workflows;

// The scan's bit masks of a 64-byte block: which bytes are quotes, backslashes and structure, which are escaped, which
// sit inside strings.
internal static partial class JsonKeyScan
{
    private static void Masks(ReadOnlySpan<byte> block, int width, out ulong quotes, out ulong backslashes, out ulong structure)
    {
        if (width == 512)
        {
            var v = Vector512.Create(block);
            quotes = Vector512.Equals(v, Vector512.Create((byte)'"')).ExtractMostSignificantBits();
            backslashes = Vector512.Equals(v, Vector512.Create((byte)'\\')).ExtractMostSignificantBits();
            structure = (Vector512.Equals(v, Vector512.Create((byte)'{')) | Vector512.Equals(v, Vector512.Create((byte)'}'))
                | Vector512.Equals(v, Vector512.Create((byte)':'))).ExtractMostSignificantBits();
            return;
        }

        if (width == 256)
        {
            var lo = Vector256.Create(block);
            var hi = Vector256.Create(block[32..]);
            quotes = Bits(Vector256.Equals(lo, Vector256.Create((byte)'"')), Vector256.Equals(hi, Vector256.Create((byte)'"')));
            backslashes = Bits(Vector256.Equals(lo, Vector256.Create((byte)'\\')), Vector256.Equals(hi, Vector256.Create((byte)'\\')));
            structure = Bits(Structure(lo), Structure(hi));
            return;
        }

        quotes = backslashes = structure = 0;
        for (var i = 0; i < 4; i++)
        {
            var v = Vector128.Create(block[(16 * i)..]);
            var shift = 16 * i;
            quotes |= (ulong)Vector128.Equals(v, Vector128.Create((byte)'"')).ExtractMostSignificantBits() << shift;
            backslashes |= (ulong)Vector128.Equals(v, Vector128.Create((byte)'\\')).ExtractMostSignificantBits() << shift;
            structure |= (ulong)(Vector128.Equals(v, Vector128.Create((byte)'{')) | Vector128.Equals(v, Vector128.Create((byte)'}'))
                | Vector128.Equals(v, Vector128.Create((byte)':'))).ExtractMostSignificantBits() << shift;
        }
    }

    private static Vector256<byte> Structure(Vector256<byte> v) =>
        Vector256.Equals(v, Vector256.Create((byte)'{')) | Vector256.Equals(v, Vector256.Create((byte)'}')) | Vector256.Equals(v, Vector256.Create((byte)':'));

    private static ulong Bits(Vector256<byte> lo, Vector256<byte> hi) => lo.ExtractMostSignificantBits() | ((ulong)hi.ExtractMostSignificantBits() << 32);

    // The bytes a backslash escapes (a backslash that is itself escaped escapes nothing); the carry crosses blocks.
    private static ulong Escaped(ulong backslashes, ref bool carry)
    {
        var escaped = carry ? 1UL : 0UL;
        carry = false;
        for (var rest = backslashes; rest != 0; rest &= rest - 1)
        {
            var p = BitOperations.TrailingZeroCount(rest);
            if (((escaped >> p) & 1) != 0)
            {
                continue;
            }

            if (p == 63)
            {
                carry = true;
            }
            else
            {
                escaped |= 1UL << (p + 1);
            }
        }

        return escaped;
    }

    // Bit i set when an odd number of quotes sit at or before i: the bytes from an opening quote to its closing one.
    private static ulong PrefixXor(ulong x)
    {
        x ^= x << 1;
        x ^= x << 2;
        x ^= x << 4;
        x ^= x << 8;
        x ^= x << 16;
        x ^= x << 32;
        return x;
    }
}
