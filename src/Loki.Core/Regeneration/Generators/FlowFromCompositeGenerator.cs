using Loki.Core.Composition;
using Loki.Core.Flows.Ui;
using Loki.Core.Nodes;
using Loki.Core.Python.Environment;
using Loki.Core.Text;

namespace Loki.Core.Regeneration.Generators;

/// <summary>
/// Derives the LOKI Flow of a composite LOKI Script (a <c>run()</c> that calls other library nodes): the flow of
/// those nodes, proven equal to the script (<see cref="CompositeCompiler"/>). A composite that cannot become a flow
/// keeps the one-node flow, with the coded reason as a warning. Not applicable to other scripts, which get their
/// one-node flow from <see cref="FlowFromNodeGenerator"/>.
/// </summary>
public sealed class FlowFromCompositeGenerator : ILayerGenerator
{
    /// <inheritdoc/>
    public string Name => "script→flow";

    /// <inheritdoc/>
    public NodeLayer Source => NodeLayer.Script;

    /// <inheritdoc/>
    public NodeLayer Target => NodeLayer.Flow;

    /// <inheritdoc/>
    public string? Generate(LayerGenerationContext context)
    {
        if (context.Config is not { } config || !CompositeScriptReader.MayBeComposite(context.SourceText))
        {
            return null;
        }

        config = config with { NodeName = context.NodeName };
        var python = PythonLocator.FindAsync([]).GetAwaiter().GetResult();
        var compiled = CompositeCompiler.Compile(python, context.SourcePath, config, context.Diagnostics);
        return compiled is null
            ? null
            : CanonicalJson.Write(compiled.Flow ?? NodeFlowBuilder.Build(config, markers: true));
    }
}
