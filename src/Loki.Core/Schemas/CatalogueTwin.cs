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
    /// <summary>How much of the file is read at a time.</summary>
    internal const int ChunkBytes = 16 * 1024;

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

            Span<byte> buffer = stackalloc byte[ChunkBytes];
            var state = new Comparison(compact);
            for (long offset = 0; offset < length;)
            {
                var read = RandomAccess.Read(handle, buffer, offset);
                if (read == 0)
                {
                    break;
                }

                offset += read;
                if (!state.Take(buffer[..read]))
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

    // Inside strings (most of a dump's bytes: tooltips, option lists) runs up to the next quote or backslash are compared
    // whole (vectorised); between strings (short tokens and indentation) one byte at a time.
    private ref struct Comparison(ReadOnlySpan<byte> compact)
    {
        private static readonly SearchValues<byte> InsideStops = SearchValues.Create("\"\\"u8);
        private readonly ReadOnlySpan<byte> _compact = compact;
        private int _at;
        private bool _inString;
        private bool _escaped;

        public readonly bool AtEnd => _at == _compact.Length && !_inString;

        public bool Take(scoped ReadOnlySpan<byte> chunk)
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
                }
                else if (_inString)
                {
                    var stop = chunk.IndexOfAny(InsideStops);
                    var run = stop < 0 ? chunk.Length : stop + 1;
                    if (!Same(chunk[..run]))
                    {
                        return false;
                    }

                    if (stop >= 0)
                    {
                        (_inString, _escaped) = chunk[stop] == (byte)'"' ? (false, false) : (true, true);
                    }

                    chunk = chunk[run..];
                }
                else
                {
                    var i = 0;
                    while (i < chunk.Length)
                    {
                        var b = chunk[i++];
                        if (b is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r')
                        {
                            continue;
                        }

                        if (_at >= _compact.Length || _compact[_at++] != b)
                        {
                            return false;
                        }

                        if (b == (byte)'"')
                        {
                            _inString = true;
                            break;
                        }
                    }

                    chunk = chunk[i..];
                }
            }

            return true;
        }

        private bool Same(scoped ReadOnlySpan<byte> bytes)
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
