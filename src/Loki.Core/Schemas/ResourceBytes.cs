using System.Buffers;
using System.Reflection;

namespace Loki.Core.Schemas;

/// <summary>
/// The bytes of an embedded resource where the loaded assembly already holds them, not copied (issue 10: a short
/// run touches only the pages of the catalogue's classes it uses). Assemblies here are never unloaded, so the memory
/// stays valid for the life of the process.
/// </summary>
internal sealed unsafe class ResourceBytes : MemoryManager<byte>
{
    private readonly byte* _start;
    private readonly int _length;

    private ResourceBytes(byte* start, int length)
    {
        _start = start;
        _length = length;
    }

    /// <summary>The resource of <paramref name="assembly"/> whose name ends with <paramref name="fileName"/>.</summary>
    public static ReadOnlyMemory<byte> Of(Assembly assembly, string fileName)
    {
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith(fileName, StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(name)!;
        if (stream is UnmanagedMemoryStream mapped)
        {
            return new ResourceBytes(mapped.PositionPointer, checked((int)mapped.Length)).Memory;
        }

        // A resource not mapped with its assembly (another loader): a copy.
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return bytes;
    }

    /// <inheritdoc/>
    public override Span<byte> GetSpan() => new(_start, _length);

    /// <inheritdoc/>
    public override MemoryHandle Pin(int elementIndex = 0) => new(_start + elementIndex);

    /// <inheritdoc/>
    public override void Unpin()
    {
        // Nothing is pinned: the memory belongs to the loaded assembly.
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        // Nothing to free, as above.
    }
}
