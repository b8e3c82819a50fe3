using System.Text.Encodings.Web;
using System.Text.Json;

namespace Loki.Core.Text;

/// <summary>
/// JavaScript string literals safe anywhere in a script, including inside an HTML <c>&lt;script&gt;</c>
/// element: the default JSON encoder escapes <c>&lt;</c>, <c>&gt;</c>, <c>&amp;</c>, quotes and U+2028/U+2029.
/// </summary>
public static class JsLiteral
{
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.Default };

    /// <summary>A double-quoted JavaScript string literal.</summary>
    public static string String(string value) => JsonSerializer.Serialize(value, Options);
}
