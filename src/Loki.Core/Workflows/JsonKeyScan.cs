using System.Numerics;
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
internal static partial class JsonKeyScan
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
}
