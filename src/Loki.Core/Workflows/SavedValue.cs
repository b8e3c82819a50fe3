using System.Text.Json;

namespace Loki.Core.Workflows;

/// <summary>
/// One value of a node's <c>widgets_values</c> array as <see cref="UiDirectReader"/> found it in the file: where its
/// token sits (a string's quotes included) and what it is, read without a document per node.
/// </summary>
/// <param name="Start">The offset of the value's first byte in the file.</param>
/// <param name="Length">Its length in bytes (a nested list or object: the whole of it).</param>
/// <param name="Kind">What it is.</param>
/// <param name="Plain">
/// True when its bytes are what a writer makes of it: a number, <c>true</c>, <c>false</c>, <c>null</c>, or a string of
/// printable ASCII without a backslash (no escape to read, none to write).
/// </param>
internal readonly record struct SavedValue(int Start, int Length, JsonValueKind Kind, bool Plain);
