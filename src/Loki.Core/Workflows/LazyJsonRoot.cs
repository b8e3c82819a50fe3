using System.Text.Json;
using System.Text.Json.Nodes;
using Loki.Core.Diagnostics;

namespace Loki.Core.Workflows;

/// <summary>
/// A UI workflow's bytes, read by <see cref="UiDirectReader"/> without a whole-file document: the mutable root object
/// (<see cref="WorkflowFile.Ui"/>, <see cref="UiWorkflow.Raw"/>) and the parsed root element are made from them only when
/// someone asks, by <see cref="JsonSource.ParseLazy(ReadOnlyMemory{byte}, string, string, out JsonElement?)"/>, the
/// loader's own path, so they are what the loader would have made (repeated keys kept last, as before).
/// </summary>
/// <remarks>Not safe to resolve from two threads at once: one workflow, one thread (as the lazy nodes).</remarks>
internal sealed class LazyJsonRoot
{
    private JsonObject? _object;
    private JsonElement _element;

    /// <summary>
    /// The file's bytes (after a byte order mark), already known to be one valid JSON object, read with
    /// <paramref name="memory"/> (the thread's scratch or lent memory).
    /// </summary>
    public LazyJsonRoot(ReadOnlyMemory<byte> utf8, string file, WorkflowMemory memory)
    {
        Utf8 = utf8;
        File = file;
        Memory = memory;
    }

    /// <summary>The memory the direct reader reads the file's graphs with (see <see cref="WorkflowMemory"/>).</summary>
    internal WorkflowMemory Memory { get; }

    /// <summary>The bytes of the whole file.</summary>
    public ReadOnlyMemory<byte> Utf8 { get; }

    /// <summary>The file, for diagnostics.</summary>
    public string File { get; }

    /// <summary>True once the root has been made.</summary>
    public bool IsBuilt => _object is not null;

    /// <summary>The root object.</summary>
    public JsonObject Object
    {
        get
        {
            Build();
            return _object!;
        }
    }

    /// <summary>The root element (of the parsed document, or of the object's JSON when the text path made it).</summary>
    public JsonElement Element
    {
        get
        {
            Build();
            return _element;
        }
    }

    /// <summary>The element of the value at <paramref name="start"/> (<paramref name="length"/> bytes) of the file.</summary>
    public JsonElement Slice(int start, int length) => JsonSource.ParseElement(Utf8.Slice(start, length), File, LokiCodes.WorkflowInvalidJson);

    /// <summary>The value at <paramref name="start"/> (<paramref name="length"/> bytes) of the file as nodes, read as the root object's would be.</summary>
    public JsonNode SliceNode(int start, int length) => JsonSource.ParseLazy(Utf8.Slice(start, length), File, LokiCodes.WorkflowInvalidJson);

    private void Build()
    {
        if (_object is not null)
        {
            return;
        }

        var node = JsonSource.ParseLazy(Utf8, File, LokiCodes.WorkflowInvalidJson, out var element);
        _element = element ?? JsonSource.ElementOf(node);
        _object = (JsonObject)node;
    }
}
