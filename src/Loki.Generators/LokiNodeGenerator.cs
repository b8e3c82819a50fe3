using System.Collections.Immutable;
using System.Linq;
using Loki.Generators.Helpers;
using Loki.Generators.Models;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Loki.Generators;

/// <summary>
/// Turns the LOKI node library into a typed C# API: one static class per node with a <c>RunAsync</c> whose
/// parameters are the node's inputs (typed, defaults, combo options as enums) and which runs the node's LOKI
/// Script through CliWrap. Config files arrive as AdditionalFiles (the Loki.Build package adds every node's
/// <c>&lt;n&gt;.json</c> with <c>LokiKind=NodeConfig</c>).
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed partial class LokiNodeGenerator : IIncrementalGenerator
{
    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var options = context.AnalyzerConfigOptionsProvider
            .Select(static (provider, _) => ReadOptions(provider.GlobalOptions))
            .WithTrackingName(TrackingNames.Options);

        var configs = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, ct) => Parser.ToConfigFile(pair.Left, pair.Right.GetOptions(pair.Left), ct))
            .Where(static file => file is not null)
            .Select(static (file, _) => file!)
            .WithTrackingName(TrackingNames.ConfigFiles);

        var parsed = configs
            .Select(static (file, ct) => Parser.Parse(file, ct))
            .WithTrackingName(TrackingNames.Parsed);

        var hasCliWrap = context.CompilationProvider
            .Select(static (compilation, _) => compilation.ReferencedAssemblyNames.Any(static a => a.Name == "CliWrap"))
            .WithTrackingName(TrackingNames.HasCliWrap);

        // Pipeline 1: diagnostics of each config; re-fires when positions move, without re-emitting source.
        context.RegisterSourceOutput(parsed.Select(static (r, _) => r.Diagnostics), static (spc, diagnostics) =>
        {
            foreach (var d in diagnostics)
            {
                spc.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.ById(d.Id), d.Location?.ToLocation(), d.Arguments.Cast<object>().ToArray()));
            }
        });

        // Pipeline 2: source, only from structurally changed models.
        var models = parsed
            .Where(static r => r.Node is not null)
            .Select(static (r, _) => r.Node!)
            .Combine(options)
            .Combine(hasCliWrap)
            .WithTrackingName(TrackingNames.Models);
        context.RegisterSourceOutput(models, static (spc, input) =>
        {
            var ((node, opts), cliWrap) = input;
            if (cliWrap)
            {
                spc.AddSource(node.NodeName + ".g.cs", Emitter.EmitNode(node, opts));
            }
        });

        var all = parsed.Select(static (r, _) => r.Node).Where(static n => n is not null).Collect();
        context.RegisterSourceOutput(all.Combine(options).Combine(hasCliWrap), static (spc, input) =>
        {
            var ((nodes, opts), cliWrap) = input;
            if (nodes.IsEmpty)
            {
                return;
            }

            if (!cliWrap)
            {
                spc.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.MissingCliWrap, Location.None));
                return;
            }

            ReportDuplicateClasses(spc, nodes!);
            spc.AddSource("LokiRuntime.g.cs", Emitter.EmitRuntime(opts));
        });
    }

    private static GenerationOptions ReadOptions(AnalyzerConfigOptions global)
    {
        var ns = global.TryGetValue(LokiMSBuildProperties.Namespace, out var n) && !string.IsNullOrWhiteSpace(n) ? n.Trim() : "Loki.Nodes";
        var python = global.TryGetValue(LokiMSBuildProperties.Python, out var p) && !string.IsNullOrWhiteSpace(p) ? p.Trim() : null;
        return new GenerationOptions(ns, python);
    }

    private static void ReportDuplicateClasses(SourceProductionContext spc, ImmutableArray<NodeModel?> nodes)
    {
        foreach (var group in nodes.GroupBy(static n => n!.ClassName).Where(static g => g.Count() > 1))
        {
            var pair = group.OrderBy(static n => n!.ConfigPath, System.StringComparer.Ordinal).Take(2).ToArray();
            spc.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.DuplicateClass, Location.None, pair[0]!.NodeName, pair[1]!.NodeName, group.Key));
        }
    }
}
