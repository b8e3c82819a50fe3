using System.Text.RegularExpressions;

namespace Loki.Core.Workflows;

/// <summary>Builds the JSON paths diagnostics point at (<c>$.nodes[3].inputs[0]</c>, <c>$["12"].inputs</c>).</summary>
public static partial class JsonPathText
{
    /// <summary>Appends an object key, bracketed and quoted unless it is a plain identifier.</summary>
    public static string Key(string parent, string key) =>
        Identifier().IsMatch(key) ? $"{parent}.{key}" : $"{parent}[\"{key.Replace("\\", "\\\\").Replace("\"", "\\\"")}\"]";

    /// <summary>Appends an array index.</summary>
    public static string Index(string parent, int index) => $"{parent}[{index}]";

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex Identifier();
}
