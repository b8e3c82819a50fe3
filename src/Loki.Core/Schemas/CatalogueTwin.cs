using System.Buffers;

namespace Loki.Core.Schemas;

/// <summary>
/// Tells whether a <c>--schemas</c> dump is the shipped catalogue's own dump (issue 10: "no work twice"): the file
/// read in small chunks and compared with the compact form's JSON, white space between tokens skipped. A file that is
/// the same JSON (the reference 0.3.64 dump, pretty-printed or not) then reuses the catalogue's index and parsed
/// definitions instead of being read, indexed and parsed again; anything else (another dump, different escapes,
/// a byte order mark, an unreadable file) goes the ordinary way, which also reports its problems.
/// </summary>
internal static class CatalogueTwin
{
    private const int ChunkBytes = 64 * 1024;

    /// <summary>True when <paramref name="file"/> holds the JSON <paramref name="compact"/> (written without white space) and nothing else.</summary>
    public static bool Matches(string file, ReadOnlySpan<byte> compact)
    {
        try
        {
            using var handle = File.OpenHandle(file);
            var length = RandomAccess.GetLength(handle);

            // The JSON with white space cannot be shorter than without it, nor (for a dump this size) more than a few times longer.
            if (length < compact.Length || length > 8L * compact.Length + 4096)
            {
                return false;
            }

            var buffer = new byte[ChunkBytes];
            var state = new Comparison(compact);
            for (long offset = 0; offset < length;)
            {
                var read = RandomAccess.Read(handle, buffer, offset);
                if (read == 0)
                {
                    break;
                }

                offset += read;
                if (!state.Take(buffer.AsSpan(0, read)))
                {
                    return false;
                }
            }

            return state.AtEnd;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    // Runs of ordinary bytes are compared whole (vectorised); only white space, quotes and escapes are looked at one by one.
    private ref struct Comparison(ReadOnlySpan<byte> compact)
    {
        private static readonly SearchValues<byte> WhiteSpace = SearchValues.Create(" \t\n\r"u8);
        private static readonly SearchValues<byte> OutsideStops = SearchValues.Create(" \t\n\r\""u8);
        private static readonly SearchValues<byte> InsideStops = SearchValues.Create("\"\\"u8);
        private readonly ReadOnlySpan<byte> _compact = compact;
        private int _at;
        private bool _inString;
        private bool _escaped;

        public readonly bool AtEnd => _at == _compact.Length && !_inString;

        public bool Take(ReadOnlySpan<byte> chunk)
        {
            while (!chunk.IsEmpty)
            {
                if (_escaped)
                {
                    // The byte after a backslash, whatever it is.
                    if (!Same(chunk[..1]))
                    {
                        return false;
                    }

                    _escaped = false;
                    chunk = chunk[1..];
                    continue;
                }

                if (!_inString)
                {
                    var start = chunk.IndexOfAnyExcept(WhiteSpace);
                    if (start < 0)
                    {
                        return true;
                    }

                    chunk = chunk[start..];
                }

                var stop = chunk.IndexOfAny(_inString ? InsideStops : OutsideStops);
                var run = stop < 0 ? chunk.Length : stop;
                if (!Same(chunk[..run]))
                {
                    return false;
                }

                chunk = chunk[run..];
                if (chunk.IsEmpty || (!_inString && chunk[0] != (byte)'"'))
                {
                    continue;
                }

                // A quote (opening or closing a string) or, inside a string, a backslash.
                if (!Same(chunk[..1]))
                {
                    return false;
                }

                (_inString, _escaped) = chunk[0] == (byte)'"' ? (!_inString, false) : (true, true);
                chunk = chunk[1..];
            }

            return true;
        }

        private bool Same(ReadOnlySpan<byte> bytes)
        {
            if (_at + bytes.Length > _compact.Length || !bytes.SequenceEqual(_compact.Slice(_at, bytes.Length)))
            {
                return false;
            }

            _at += bytes.Length;
            return true;
        }
    }
}
