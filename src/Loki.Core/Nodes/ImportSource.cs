using Loki.Core.Diagnostics;

namespace Loki.Core.Nodes;

/// <summary>What <c>loki import</c> starts a node from.</summary>
/// <param name="Kind">The kind of source.</param>
/// <param name="Path">The file or pack folder (full path); empty for <see cref="ImportSourceKind.Nothing"/>.</param>
/// <param name="Member">The function name (<c>file.py:func</c>) or node class (<c>PACK:Class</c>); null otherwise.</param>
public sealed record ImportSource(ImportSourceKind Kind, string Path, string? Member = null)
{
    /// <summary>
    /// Classifies an argument: nothing, <c>module.py:function</c>, <c>PACK_DIR:NodeClass</c>, or a saved workflow
    /// (<c>.json</c>, <c>.png</c>, <c>.webp</c>). Throws a coded <see cref="LokiException"/> for anything else.
    /// </summary>
    public static ImportSource Parse(string? argument)
    {
        if (string.IsNullOrWhiteSpace(argument))
        {
            return new ImportSource(ImportSourceKind.Nothing, string.Empty);
        }

        var ext = System.IO.Path.GetExtension(argument).ToLowerInvariant();
        if (ext is ".json" or ".png" or ".webp")
        {
            return File.Exists(argument)
                ? new ImportSource(ImportSourceKind.Workflow, System.IO.Path.GetFullPath(argument))
                : throw Fail(LokiCodes.FileNotFound, "workflow file not found", argument);
        }

        var colon = argument.LastIndexOf(':');
        if (colon > 0 && colon < argument.Length - 1)
        {
            var left = argument[..colon];
            var member = argument[(colon + 1)..];
            if (left.EndsWith(".py", StringComparison.OrdinalIgnoreCase))
            {
                return File.Exists(left)
                    ? new ImportSource(ImportSourceKind.PythonFunction, System.IO.Path.GetFullPath(left), member)
                    : throw Fail(LokiCodes.FileNotFound, "Python file not found", left);
            }

            return Directory.Exists(left)
                ? new ImportSource(ImportSourceKind.ComfyNode, System.IO.Path.GetFullPath(left), member)
                : throw Fail(LokiCodes.FileNotFound, "custom-node pack folder not found (PACK:Class needs the pack's folder)", left);
        }

        throw Fail(LokiCodes.ImportSourceUnknown, "not a source LOKI imports: give file.py:function, PACK_DIR:NodeClass, or a workflow (.json, .png, .webp)", argument);
    }

    private static LokiException Fail(string code, string message, string file) =>
        new(new LokiDiagnostic(code, DiagnosticSeverity.Error, message, file));
}
