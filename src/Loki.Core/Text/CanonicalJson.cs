using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Loki.Core.Text;

/// <summary>
/// The one way LOKI writes JSON files: two-space indent, <c>\n</c> line ends, a final newline, UTF-8
/// kept readable (non-ASCII is not escaped), key order as held by the node (callers sort where order is free).
/// </summary>
public static class CanonicalJson
{
    /// <summary>Options for writing files people read.</summary>
    public static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        IndentSize = 2,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    // What ToJsonString(Indented) writes with (JsonSerializerOptions' writer options: depth 64, no validation).
    private static readonly JsonWriterOptions WriterOptions = new() { Indented = true, IndentSize = 2, NewLine = "\n", Encoder = Indented.Encoder, MaxDepth = 64, SkipValidation = true };

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? _buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? _writer;

    /// <summary>Options for compact output (one line).</summary>
    public static readonly JsonSerializerOptions Compact = new()
    {
        WriteIndented = false,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Serialises <paramref name="node"/> as an indented document ending in a newline.</summary>
    public static string Write(JsonNode? node) => (node?.ToJsonString(Indented) ?? "null") + "\n";

    /// <summary>
    /// <see cref="Write"/> as UTF-8 bytes, the same bytes <c>Utf8.GetBytes(Write(node))</c> gives, written straight from
    /// the nodes without the UTF-16 text in between (a file's worth of string and its copy, per converted file).
    /// </summary>
    public static byte[] WriteUtf8(JsonNode? node) =>
        WriteUtf8(node, static (writer, n) => n!.WriteTo(writer, Indented), node is null);

    /// <summary><see cref="WriteUtf8(JsonNode?)"/>'s bytes appended to <paramref name="output"/> (no array of their own).</summary>
    public static void WriteUtf8(JsonNode? node, IBufferWriter<byte> output) =>
        WriteUtf8(node, static (writer, n) => n!.WriteTo(writer, Indented), output, node is null);

    /// <summary>
    /// What <paramref name="write"/> writes to a writer with <see cref="Indented"/>'s settings, followed by the final
    /// newline, as UTF-8 bytes (<c>null</c> when <paramref name="isNull"/>): how a writer of typed values gives the
    /// same bytes as <see cref="Write"/> of the equal tree.
    /// </summary>
    internal static byte[] WriteUtf8<TState>(TState state, Action<Utf8JsonWriter, TState> write, bool isNull = false)
    {
        // One buffer per thread, kept between calls: growing a fresh buffer for every large prompt left a trail of
        // large-object-heap arrays behind; only the result is allocated.
        var buffer = _buffer ??= new ArrayBufferWriter<byte>(64 * 1024);
        buffer.ResetWrittenCount();
        WriteUtf8(state, write, buffer, isNull);
        var bytes = buffer.WrittenSpan.ToArray();
        if (buffer.Capacity > 8 << 20)
        {
            // A rare huge prompt does not pin its buffer for the thread's life (nor does the writer that wrote into it).
            _buffer = null;
            _writer = null;
        }

        return bytes;
    }

    /// <summary>
    /// As <see cref="WriteUtf8{TState}(TState, Action{Utf8JsonWriter, TState}, bool)"/>, appended to
    /// <paramref name="output"/> instead of returned as a new array: a caller that keeps its buffer (a converting thread,
    /// file after file) neither allocates nor copies the bytes.
    /// </summary>
    internal static void WriteUtf8<TState>(TState state, Action<Utf8JsonWriter, TState> write, IBufferWriter<byte> output, bool isNull = false)
    {
        if (isNull)
        {
            output.Write("null"u8);
        }
        else
        {
            // One writer per thread, pointed at each output in turn (its settings are fixed; Reset clears any state a
            // failed write left).
            var writer = _writer ??= new Utf8JsonWriter(output, WriterOptions);
            writer.Reset(output);
            write(writer, state);
            writer.Flush();
        }

        output.Write("\n"u8);
    }

    /// <summary>Serialises <paramref name="node"/> on one line.</summary>
    public static string WriteCompact(JsonNode? node) => node?.ToJsonString(Compact) ?? "null";

    /// <summary>Returns a deep copy of <paramref name="node"/> with every object's keys sorted ordinally.</summary>
    public static JsonNode? SortKeys(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, SortKeys(p.Value)))),
        JsonArray arr => new JsonArray(arr.Select(SortKeys).ToArray()),
        _ => node?.DeepClone(),
    };
}
