using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Loki.Core.Workflows;

// The scan's memory of the keys seen in each open object, and how a key is told from another.
internal static partial class JsonKeyScan
{
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
