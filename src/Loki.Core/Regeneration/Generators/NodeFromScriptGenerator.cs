using Loki.Core.Diagnostics;
using Loki.Core.Nodes;
using Loki.Core.Python.Analysis;
using Loki.Core.Python.Conversion;
using Loki.Core.Python.Emit;
using Loki.Core.Python.Environment;

namespace Loki.Core.Regeneration.Generators;

/// <summary>
/// Derives the LOKI Node <c>&lt;n&gt;_node.py</c> from the LOKI Script <c>&lt;n&gt;.py</c>: the interface is the config
/// layer when there is one, else the script's <c>run</c> signature read statically (loki_pyast, no import).
/// </summary>
public sealed class NodeFromScriptGenerator : ILayerGenerator
{
    /// <inheritdoc/>
    public string Name => "script→node";

    /// <inheritdoc/>
    public NodeLayer Source => NodeLayer.Script;

    /// <inheritdoc/>
    public NodeLayer Target => NodeLayer.Node;

    /// <inheritdoc/>
    public string? Generate(LayerGenerationContext context)
    {
        var config = context.Config;
        if (config is null)
        {
            try
            {
                // The build runs synchronously; the helper is one short process.
                var python = PythonLocator.FindAsync([]).GetAwaiter().GetResult();
                var fn = StaticPythonReader.ReadFunctionAsync(python, context.SourcePath, "run").GetAwaiter().GetResult();
                config = FunctionWrapper.BuildConfig(context.NodeName, fn, Path.GetFileName(context.SourcePath), string.Empty, context.SourcePath, context.Diagnostics);
            }
            catch (LokiException ex)
            {
                context.Diagnostics.Add(ex.Diagnostic);
                return null;
            }
        }

        return NodeEmitter.EmitNode(config with { NodeName = context.NodeName });
    }
}
