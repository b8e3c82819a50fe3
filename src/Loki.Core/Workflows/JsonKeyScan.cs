using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Loki.Core.Workflows;

/// <summary>
/// Says whether some object of a JSON text writes a key twice, from the bytes alone: the loader parses with duplicates
/// allowed and sends only the texts this scan cannot clear to the strict parse, whose own check was a fifth of the load.
/// </summary>
/// <remarks>
/// The text is read 64 bytes at a time as bit masks (quotes, backslashes, braces, colons): the escaped quotes are
/// dropped, a running XOR of the quotes marks the bytes inside strings, and what is left outside them is the structure.
/// A colon's key is the string just before it (its two quotes are the last two before the colon), and belongs to the
/// innermost open brace (arrays need no tracking: keys live only in objects). Keys are compared as written, so a key
/// holding an escape (<c>"a"</c> and <c>"\u0061"</c> are one key) answers <see cref="Result.Unsure"/>. On text that is
/// not JSON the answer means nothing, but the scan always ends; the parse then rejects the text.
/// </remarks>
internal static class JsonKeyScan
{
    /// <summary>What the scan found.</summary>
    public enum Result
    {
        /// <summary>Every object's keys are distinct.</summary>
        Unique,

        /// <summary>Some object writes a key twice.</summary>
        Repeated,

        /// <summary>A key holds an escape: the strict parse decides.</summary>
        Unsure,
    }

    // Objects with more keys than this (an API prompt's ids, a big widget dictionary) are checked through a hash set.
    private const int LinearLimit = 16;

    [ThreadStatic]
    private static State? _state;

    // The widest vectors the machine runs natively (a Native AOT build targets a baseline without 256-bit vectors,
    // where Vector256 would be emulated one element at a time).
    private static readonly int NativeWidth = Vector512.IsHardwareAccelerated ? 512 : Vector256.IsHardwareAccelerated ? 256 : 128;

    /// <summary>Scans <paramref name="json"/> (UTF-8).</summary>
    public static Result Scan(ReadOnlySpan<byte> json) => Scan(json, NativeWidth);

    /// <summary>Scans <paramref name="json"/> with vectors of <paramref name="width"/> bits (512, 256 or 128: tests run each).</summary>
    internal static Result Scan(ReadOnlySpan<byte> json, int width)
    {
        var state = _state ??= new State();
        state.Reset();
        var escapeCarry = false;
        var inString = false;

        // The last two quotes and the last backslash before the current block (absolute positions), for a key that
        // starts in an earlier block.
        long lastQuote = -1, quoteBefore = -1, lastBackslash = -1;
        Span<byte> tail = stackalloc byte[64];
        for (var at = 0; at < json.Length; at += 64)
        {
            scoped ReadOnlySpan<byte> block;
            if (json.Length - at >= 64)
            {
                block = json.Slice(at, 64);
            }
            else
            {
                // The last bytes, padded with spaces (which are nothing to the scan).
                tail.Fill((byte)' ');
                json[at..].CopyTo(tail);
                block = tail;
            }

            Masks(block, width, out var quotes, out var backslashes, out var structure);
            if (backslashes != 0 || escapeCarry)
            {
                quotes &= ~Escaped(backslashes, ref escapeCarry);
            }

            var inside = PrefixXor(quotes);
            if (inString)
            {
                inside = ~inside;
            }

            inString = (long)inside < 0;
            var events = structure & ~inside;
            while (events != 0)
            {
                var p = BitOperations.TrailingZeroCount(events);
                events &= events - 1;
                switch (block[p])
                {
                    case (byte)'{':
                        state.Open();
                        continue;
                    case (byte)'}':
                        state.Close();
                        continue;
                }

                // A colon: its key's closing and opening quotes are the last two quotes before it.
                var before = quotes & ((1UL << p) - 1);
                long close, open;
                if (before == 0)
                {
                    (close, open) = (lastQuote, quoteBefore);
                }
                else
                {
                    close = at + 63 - BitOperations.LeadingZeroCount(before);
                    before &= ~(1UL << (int)(close - at));
                    open = before != 0 ? at + 63 - BitOperations.LeadingZeroCount(before) : lastQuote;
                }

                if (open < 0 || close <= open || !state.InObject)
                {
                    continue;
                }

                // A backslash between the quotes (they can only sit inside the key, right before the colon).
                var slashes = backslashes & ((1UL << p) - 1);
                if ((slashes != 0 ? at + 63 - BitOperations.LeadingZeroCount(slashes) : lastBackslash) > open)
                {
                    return Result.Unsure;
                }

                if (!state.Add(json, (int)open + 1, (int)(close - open - 1)))
                {
                    return Result.Repeated;
                }
            }

            if (backslashes != 0)
            {
                lastBackslash = at + 63 - BitOperations.LeadingZeroCount(backslashes);
            }

            // Shift this block's last two quotes in.
            if (quotes != 0)
            {
                var top = 63 - BitOperations.LeadingZeroCount(quotes);
                var rest = quotes & ~(1UL << top);
                quoteBefore = rest != 0 ? at + 63 - BitOperations.LeadingZeroCount(rest) : lastQuote;
                lastQuote = at + top;
            }
        }

        return Result.Unique;
    }

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

    /// <summary>The keys of the open objects, innermost last; reused by each scan on a thread.</summary>
    private sealed class State
    {
        private readonly HashSet<ulong> _big = [];
        private Key[] _keys = new Key[256];
        private Frame[] _frames = new Frame[64];
        private int _count;
        private int _depth;
        private int _hashedDepth = -1;

        // One bit per key hash of the innermost object: a key whose bit is clear is new without looking at the others.
        private ulong _seen;

        public bool InObject => _depth > 0;

        public void Reset() => (_count, _depth, _hashedDepth, _seen) = (0, 0, -1, 0);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Open()
        {
            if (_depth == _frames.Length)
            {
                Array.Resize(ref _frames, _depth * 2);
            }

            _frames[_depth++] = new Frame(_count, _seen);
            _seen = 0;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Close()
        {
            if (_depth == 0)
            {
                return;
            }

            if (_hashedDepth == _depth)
            {
                _hashedDepth = -1;
            }

            (_count, _seen) = _frames[--_depth];
        }

        // False when the innermost object already holds the key json[start..start+length].
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool Add(ReadOnlySpan<byte> json, int start, int length)
        {
            var key = Key.Of(json, start, length);
            var first = _frames[_depth - 1].First;
            var bit = 1UL << (int)(key.Hash >> 58);
            if (_count - first < LinearLimit)
            {
                if ((_seen & bit) != 0)
                {
                    for (var k = first; k < _count; k++)
                    {
                        if (_keys[k].SameAs(key, json))
                        {
                            return false;
                        }
                    }
                }
            }
            else
            {
                if (_hashedDepth != _depth)
                {
                    // This object just grew past the linear limit (or an inner big object closed): hash what it has.
                    _big.Clear();
                    for (var k = first; k < _count; k++)
                    {
                        _big.Add(_keys[k].Hash);
                    }

                    _hashedDepth = _depth;
                }

                if (!_big.Add(key.Hash))
                {
                    for (var k = first; k < _count; k++)
                    {
                        if (_keys[k].SameAs(key, json))
                        {
                            return false;
                        }
                    }
                }
            }

            _seen |= bit;
            if (_count == _keys.Length)
            {
                Array.Resize(ref _keys, _count * 2);
            }

            _keys[_count++] = key;
            return true;
        }
    }

    private readonly record struct Frame(int First, ulong Seen);

    // A key by its first and last eight bytes and its length, which say it all up to sixteen bytes.
    private readonly record struct Key(int Start, int Length, ulong Head, ulong Last)
    {
        public ulong Hash { get; } = ((Head ^ (Last * 0xC2B2AE3D27D4EB4FUL) ^ (ulong)Length) * 0x9E3779B97F4A7C15UL) ^ (ulong)Length;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Key Of(ReadOnlySpan<byte> json, int start, int length)
        {
            ulong head, last = 0;
            if (length >= 8)
            {
                head = MemoryMarshal.Read<ulong>(json[start..]);
                last = length > 8 ? MemoryMarshal.Read<ulong>(json[(start + length - 8)..]) : 0;
            }
            else if (start + 8 <= json.Length)
            {
                head = MemoryMarshal.Read<ulong>(json[start..]) & ((1UL << (8 * length)) - 1);
            }
            else
            {
                head = 0;
                for (var i = 0; i < length; i++)
                {
                    head |= (ulong)json[start + i] << (8 * i);
                }
            }

            return new Key(start, length, head, last);
        }

        public bool SameAs(in Key other, ReadOnlySpan<byte> json) =>
            Head == other.Head && Last == other.Last && Length == other.Length
            && (Length <= 16 || json.Slice(Start, Length).SequenceEqual(json.Slice(other.Start, other.Length)));
    }
}
