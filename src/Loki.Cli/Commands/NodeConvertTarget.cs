using Loki.Core.Diagnostics;
using Loki.Core.Flows.Node;
using Loki.Core.Naming;
using Loki.Core.Nodes;

namespace Loki.Cli.Commands;

/// <summary>
/// <c>--to node -o DIR [--name NAME] [--library DIR]...</c>: the flow as a LOKI Node folder (contracts §2.3): the flow
/// script, <c>&lt;n&gt;_node.py</c> built by the runtime's flow-node factory, <c>__init__.py</c> and <c>&lt;n&gt;.json</c>.
/// </summary>
internal sealed class NodeConvertTarget : ConvertTarget
{
    /// <inheritdoc />
    public override string Name => "node";

    /// <inheritdoc />
    public override bool WritesFile(ConvertRequest request) => true;

    /// <inheritdoc />
    public override bool WritesBatchOutputs => true;

    /// <inheritdoc />
    public override string BatchOutput(string relative) => Path.Combine(Path.GetDirectoryName(relative) ?? string.Empty, FlowCommandSupport.NameOf(relative));

    /// <inheritdoc />
    public override string? Convert(ConvertRequest request, DiagnosticBag diagnostics)
    {
        var dir = request.OutputPath is null or "-" ? throw CliUsage.Error("convert", "--to node needs -o DIR (the node folder)") : Path.GetFullPath(request.OutputPath);
        var name = request.NodeName ?? Path.GetFileName(Path.TrimEndingDirectorySeparator(dir));
        if (!NodeFolderReader.IsValidName(name))
        {
            throw CliUsage.Error("convert", $"the node name '{name}' is not lowercase snake_case (give --name, or name the folder so)");
        }

        var doc = FlowCommandSupport.Load(request.InputPath, request.Schemas, request.Libraries, diagnostics, out var environment, request.Environments);
        if (doc is null || !doc.Validate(environment.Catalog, diagnostics) || diagnostics.HasErrors)
        {
            return null;
        }

        var source = Path.GetRelativePath(dir, Path.GetFullPath(request.InputPath));
        var nameLayer = Path.Combine(dir, name + "_name.md");
        var names = File.Exists(nameLayer) ? NameLayerReader.ReadFile(nameLayer, diagnostics) : null;
        var files = FlowNodeEmitter.Emit(doc, environment.Catalog, name, source, names: names);
        files.WriteTo(dir, source, doc.SourceSha256, diagnostics);
        return string.Empty;
    }
}
