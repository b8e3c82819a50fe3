using Loki.Core.Diagnostics;
using Loki.Core.Nodes;
using Loki.Core.Python.Conversion;
using Loki.Core.Python.Environment;

namespace Loki.Core.Regeneration.Generators;

/// <summary>
/// Derives the LOKI Script <c>&lt;n&gt;.py</c> from a hand-written LOKI Node <c>&lt;n&gt;_node.py</c>: the node class is read
/// statically and the script runs it through <c>loki_runtime.comfy_host</c>.
/// </summary>
public sealed class ScriptFromNodeGenerator : ILayerGenerator
{
    /// <inheritdoc/>
    public string Name => "node→script";

    /// <inheritdoc/>
    public NodeLayer Source => NodeLayer.Node;

    /// <inheritdoc/>
    public NodeLayer Target => NodeLayer.Script;

    /// <inheritdoc/>
    public string? Generate(LayerGenerationContext context)
    {
        // A LOKI Node that wraps this node's own script (the generated kind: `from . import <n> as _script`) cannot
        // give the script back: the script would call the node, which calls the script.
        if (WrapsOwnScript(context.SourceText, context.NodeName))
        {
            context.Diagnostics.Info(LokiCodes.LayerNotDerivable, $"{context.NodeName}_node.py wraps {context.NodeName}.py, so it cannot regenerate it", context.SourcePath);
            return null;
        }

        try
        {
            var python = PythonLocator.FindAsync([]).GetAwaiter().GetResult();
            var files = NodeLayerConverter.NodeToScriptAsync(python, context.Folder.Directory, context.Diagnostics).GetAwaiter().GetResult();
            return files.FirstOrDefault(f => f.RelativePath == context.NodeName + ".py")?.Content;
        }
        catch (LokiException ex)
        {
            // The layer cannot be derived; that is a warning about this node, not a failed build.
            context.Diagnostics.Add(ex.Diagnostic with { Severity = DiagnosticSeverity.Warning });
            return null;
        }
    }

    private static bool WrapsOwnScript(string body, string nodeName) =>
        body.Contains($"from . import {nodeName} ", StringComparison.Ordinal)
        || body.Contains($"from . import {nodeName}\n", StringComparison.Ordinal)
        || body.Contains($"from .{nodeName} import", StringComparison.Ordinal);
}
