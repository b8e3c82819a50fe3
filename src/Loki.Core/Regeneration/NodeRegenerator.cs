using System.Collections.Immutable;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Loki.Core.Config;
using Loki.Core.Diagnostics;
using Loki.Core.IO;
using Loki.Core.Naming;
using Loki.Core.Nodes;

namespace Loki.Core.Regeneration;

/// <summary>
/// Grows one node folder: from whichever layers a person wrote, derives the missing ones (and refreshes the ones
/// LOKI generated earlier) through the registered <see cref="ILayerGenerator"/>s. Never touches a file without a
/// LOKI header or a generated file someone edited; every write is atomic and only when the content changed.
/// </summary>
public sealed partial class NodeRegenerator
{
    /// <summary>The layers the build may write, in the order they are derived.</summary>
    public static readonly IReadOnlyList<NodeLayer> GeneratableLayers = [NodeLayer.Config, NodeLayer.Script, NodeLayer.Node, NodeLayer.Flow, NodeLayer.Init];

    private readonly IReadOnlyList<ILayerGenerator> _generators;
    private readonly IReadOnlyList<ILayerInterfaceReader> _interfaceReaders;

    /// <summary>Creates a regenerator over the given converters and interface readers.</summary>
    public NodeRegenerator(IReadOnlyList<ILayerGenerator> generators, IReadOnlyList<ILayerInterfaceReader> interfaceReaders)
    {
        _generators = generators;
        _interfaceReaders = interfaceReaders;
    }

    /// <summary>A regenerator with every converter this build of LOKI has (<see cref="LayerGenerators"/>).</summary>
    public static NodeRegenerator CreateDefault() => new(LayerGenerators.All, LayerGenerators.InterfaceReaders);

    /// <summary>
    /// Regenerates the node in <paramref name="directory"/>. With <paramref name="dryRun"/> nothing is written (the
    /// report says what would be). Never throws for bad input: problems come back as coded diagnostics.
    /// </summary>
    public NodeGrowth Regenerate(string directory, bool dryRun = false)
    {
        var diagnostics = new DiagnosticBag();
        var folder = NodeFolderReader.Read(directory, diagnostics);
        if (folder is null)
        {
            return new NodeGrowth(Path.GetFileName(Path.GetFullPath(directory).TrimEnd('/')), Path.GetFullPath(directory), [], [], [.. diagnostics.Items]);
        }

        RemoveTemporaryFiles(folder, dryRun, diagnostics);
        var existing = GeneratableLayers.ToDictionary(l => l, l => ExistingLayer.Read(folder, l, diagnostics));
        foreach (var e in existing.Values.Where(e => e?.State == LayerState.Edited && !e.NeedsVerification))
        {
            ReportEdited(folder, e!, diagnostics);
        }

        var run = new Run(folder, existing, dryRun, diagnostics);
        DecideRoots(run);
        CheckAgreement(run);
        foreach (var target in GeneratableLayers.Where(l => !run.Roots.Contains(l)))
        {
            Grow(run, target);
        }

        // Read the config and name layers even when nothing was derived, so their problems are always reported.
        run.Config();
        run.Name();
        if (!folder.FunctionalityLayers.Any() && !run.Produced.Keys.Any(LayerCatalog.Functionality.Contains))
        {
            diagnostics.Info(LokiCodes.NoFunctionalityLayer, "the node has no script, node or flow layer yet: nothing to derive", folder.Directory);
        }

        return Report(run);
    }

    private static void ReportEdited(NodeFolder folder, ExistingLayer e, DiagnosticBag diagnostics) =>
        diagnostics.Warning(
            LokiCodes.GeneratedFileEdited,
            $"{folder.FileOf(e.Layer)} was generated from {e.Mark!.Source} and has been edited since; it is kept as is and no longer regenerated (remove its LOKI header to make it yours)",
            e.Path,
            line: 1);

    private void DecideRoots(Run run)
    {
        // A root is a layer the build reads and never writes: a person's file, or a generated one that nothing
        // else can replace because its source is gone.
        foreach (var (layer, e) in run.Existing)
        {
            if (e is null)
            {
                continue;
            }

            if (e.IsPersons)
            {
                run.Roots.Add(layer);
            }
        }

        foreach (var (layer, e) in run.Existing)
        {
            if (e is { State: LayerState.Generated } && !run.Roots.Contains(layer) && !CanRegenerate(run, layer))
            {
                run.Roots.Add(layer);
                run.Orphans.Add(layer);
                run.Diagnostics.Warning(
                    LokiCodes.GeneratedSourceMissing,
                    $"{run.Folder.FileOf(layer)} was generated from {e.Mark!.Source}, which no longer exists, and no other layer can regenerate it; it is kept as is",
                    e.Path,
                    line: 1);
            }
        }
    }

    private bool CanRegenerate(Run run, NodeLayer target) =>
        _generators.Any(g => g.Target == target && g.Source != target && run.Existing.GetValueOrDefault(g.Source) is { } s
                             && (s.IsPersons || File.Exists(Path.Combine(run.Folder.Directory, s.Mark?.Source ?? string.Empty))));

    private void CheckAgreement(Run run)
    {
        var interfaces = new List<(string File, NodeInterface Interface)>();
        foreach (var reader in _interfaceReaders)
        {
            if (run.Existing.GetValueOrDefault(reader.Layer) is { IsPersons: true } e
                && reader.Read(run.Folder, e.Path, e.Body, run.Diagnostics) is { } iface)
            {
                interfaces.Add((run.Folder.FileOf(reader.Layer), iface));
            }
        }

        for (var i = 1; i < interfaces.Count; i++)
        {
            if (interfaces[0].Interface.DifferenceFrom(interfaces[i].Interface) is { } difference)
            {
                run.Diagnostics.Error(
                    LokiCodes.LayersDisagree,
                    $"{interfaces[0].File} and {interfaces[i].File} declare different interfaces: {difference}",
                    Path.Combine(run.Folder.Directory, interfaces[i].File),
                    line: 1);
            }
        }
    }

    private void Grow(Run run, NodeLayer target)
    {
        var current = run.Existing[target];
        if (current is { State: LayerState.Edited })
        {
            return;
        }

        var candidates = _generators
            .Where(g => g.Target == target && g.Source != target && run.HasSource(g.Source))
            .OrderBy(g => run.Roots.Contains(g.Source) ? 0 : 1)
            .ToList();
        if (candidates.Count == 0)
        {
            return;
        }

        // Try each converter in turn: the first that succeeds wins and the failures before it are forgotten.
        ILayerGenerator? generator = null;
        (string Path, string Text, string Body) source = (string.Empty, string.Empty, string.Empty);
        string? content = null;
        var failures = new List<(ILayerGenerator Generator, string SourcePath, bool Contract, IReadOnlyList<LokiDiagnostic> Diagnostics)>();
        foreach (var candidate in candidates)
        {
            source = run.SourceOf(candidate.Source);
            var bag = new DiagnosticBag();
            content = Attempt(run, candidate, source, bag);
            if (content is not null)
            {
                generator = candidate;
                run.Diagnostics.AddRange(bag.Items);
                break;
            }

            // Null without a word means "does not apply to this node": not a failure.
            if (bag.Items.Count > 0)
            {
                failures.Add((candidate, source.Path, FollowsContract(candidate.Source, source.Body), bag.Items));
            }
        }

        if (generator is null && failures.Count == 0)
        {
            return;
        }

        if (generator is null)
        {
            // A hand-kept file outside LOKI's contracts (a script without loki_runtime) may not convert: that leaves
            // the layer missing with warnings; a LOKI layer that does not convert is an error.
            foreach (var (failed, sourcePath, contract, items) in failures)
            {
                run.Diagnostics.AddRange(contract ? items : items.Select(d => d.IsError ? d with { Severity = DiagnosticSeverity.Warning } : d));
                run.Diagnostics.Add(new LokiDiagnostic(
                    LokiCodes.GenerationFailed,
                    contract ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
                    $"{failed.Name} could not derive {run.Folder.FileOf(target)} from {run.Folder.FileOf(failed.Source)}",
                    sourcePath));
            }

            run.Failed.Add(target);
            return;
        }

        if (content is null)
        {
            return;
        }

        var sourceFile = run.Folder.FileOf(generator.Source);
        var sourceSha = Sha256Hex.Of(AtomicFile.Utf8.GetBytes(source.Text));
        var text = Wrap(target, content, sourceFile, sourceSha, source.Path);
        if (current is { NeedsVerification: true } && !SameBody(target, current, content))
        {
            ReportEdited(run.Folder, current, run.Diagnostics);
            run.Existing[target] = current with { State = LayerState.Edited };
            return;
        }

        var path = run.Folder.PathOf(target);
        var changed = current?.Text != text;
        if (changed && !run.DryRun)
        {
            AtomicFile.WriteIfChanged(path, text);
        }

        if (changed)
        {
            run.Written.Add(path);
            run.Diagnostics.Info(LokiCodes.LayerGenerated, $"{(current is null ? "generated" : "regenerated")} {run.Folder.FileOf(target)} from {sourceFile} ({generator.Name})", path);
        }

        run.Produced[target] = new ProducedLayer(path, text, StripHeader(target, text), sourceFile, changed);
    }

    private static string? Attempt(Run run, ILayerGenerator generator, (string Path, string Text, string Body) source, DiagnosticBag bag)
    {
        var produced = run.Produced.ToDictionary(p => run.Folder.FileOf(p.Key), p => p.Value.Text);
        var context = new LayerGenerationContext(run.Folder, source.Path, source.Body, run.Config(), run.Name(), bag, produced);
        try
        {
            return generator.Generate(context);
        }
        catch (LokiException ex)
        {
            bag.Add(ex.Diagnostic);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A converter bug must not stop the other nodes: report it, coded, against this node.
            bag.Error(LokiCodes.InternalError, $"{generator.Name} crashed: {ex.GetType().Name}: {ex.Message}", source.Path);
        }

        return null;
    }

    /// <summary>True when a source layer is written to LOKI's contracts, so a failed conversion is the build's error.</summary>
    private static bool FollowsContract(NodeLayer layer, string text) =>
        layer is not (NodeLayer.Script or NodeLayer.Node) || text.Contains("loki_runtime", StringComparison.Ordinal);

    private static string Wrap(NodeLayer target, string content, string sourceFile, string sourceSha, string sourcePath)
    {
        if (!ExistingLayer.IsJson(target))
        {
            var body = GeneratedHeader.StripPython(content.Replace("\r\n", "\n"));
            return GeneratedHeader.WrapPython(body.EndsWith('\n') ? body : body + "\n", sourceFile, sourceSha);
        }

        if (JsonNode.Parse(content) is not JsonObject doc)
        {
            throw new LokiException(new LokiDiagnostic(LokiCodes.InternalError, DiagnosticSeverity.Error, $"a converter produced a {target} layer that is not a JSON object", sourcePath));
        }

        return GeneratedHeader.WrapJson(doc, ExistingLayer.IsWorkflow(target), sourceFile, sourceSha);
    }

    private static bool SameBody(NodeLayer target, ExistingLayer current, string content) =>
        ExistingLayer.IsJson(target)
            ? GeneratedHeader.ReadJson(Wrap(target, content, "x", new string('0', 64), current.Path), ExistingLayer.IsWorkflow(target), out var body, out _) is not null && body == current.Body
            : GeneratedHeader.StripPython(content.Replace("\r\n", "\n")).TrimEnd('\n') == current.Body.TrimEnd('\n');

    private static string StripHeader(NodeLayer target, string text)
    {
        if (ExistingLayer.IsJson(target))
        {
            return text;
        }

        GeneratedHeader.ReadPython(text, out var body, out _);
        return body;
    }

    private static void RemoveTemporaryFiles(NodeFolder folder, bool dryRun, DiagnosticBag diagnostics)
    {
        foreach (var file in Directory.EnumerateFiles(folder.Directory, ".*.tmp"))
        {
            var name = Path.GetFileName(file);
            if (AtomicTemp().Match(name) is { Success: true } m && GeneratableLayers.Any(l => folder.FileOf(l) == m.Groups[1].Value))
            {
                diagnostics.Info(LokiCodes.StaleTemporaryFile, $"removed {name}, left by an interrupted write", file);
                if (!dryRun)
                {
                    File.Delete(file);
                }
            }
        }
    }

    private static NodeGrowth Report(Run run)
    {
        var statuses = ImmutableArray.CreateBuilder<LayerStatus>();
        foreach (var def in LayerCatalog.All)
        {
            var layer = def.Layer;
            var file = run.Folder.Layers.GetValueOrDefault(layer);
            var e = run.Existing.GetValueOrDefault(layer);
            LayerStatus status;
            if (run.Failed.Contains(layer))
            {
                status = new LayerStatus(layer, LayerState.Failed, file);
            }
            else if (run.Produced.TryGetValue(layer, out var p))
            {
                status = new LayerStatus(layer, p.Changed ? LayerState.Written : LayerState.Generated, run.Folder.FileOf(layer), p.Source);
            }
            else if (e is not null)
            {
                status = new LayerStatus(layer, run.Orphans.Contains(layer) ? LayerState.Orphaned : e.State, file, e.Mark?.Source);
            }
            else
            {
                status = new LayerStatus(layer, file is null ? LayerState.Missing : LayerState.Authored, file);
            }

            statuses.Add(status);
        }

        return new NodeGrowth(run.Folder.Name, run.Folder.Directory, statuses.ToImmutable(), [.. run.Written], [.. run.Diagnostics.Items]);
    }

    [GeneratedRegex(@"^\.(.+)\.[0-9a-f]{8}\.tmp$")]
    private static partial Regex AtomicTemp();
}
