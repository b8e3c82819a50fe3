using System.Collections.Immutable;
using System.Diagnostics;
using Loki.Core.Config;
using Loki.Core.Diagnostics;
using Loki.Core.Flows;
using Loki.Core.Flows.Interface;
using Loki.Core.Flows.Schemas;
using Loki.Core.Flows.Script;
using Loki.Core.Schemas;
using Loki.Tests;
using Xunit.Abstractions;

namespace Loki.Core.Tests.Flows;

/// <summary>Signature detection on real workflows: every corpus workflow that converts gets an interface and a script.</summary>
public class FlowCorpusTests(ITestOutputHelper output)
{
    private static readonly Lazy<FlowEnvironment> Environment = new(() => new FlowEnvironment(
        SchemaSet.Load([Path.Combine(RepoPaths.Corpus!, "schemas")], includeCatalogue: false).Merge(SchemaSet.Catalogue),
        ImmutableArray<NodeConfig>.Empty));

    [CorpusFact]
    public void Every_corpus_workflow_that_converts_gets_an_interface_and_a_parsable_script()
    {
        var files = Directory.GetFiles(Path.Combine(RepoPaths.Corpus!, "workflows"), "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        int converted = 0, unreadable = 0, notConverted = 0, valid = 0;
        var sources = new Dictionary<FlowInterfaceSource, int>();
        var scripts = new List<string>();
        var watch = Stopwatch.StartNew();
        foreach (var file in files)
        {
            var bag = new DiagnosticBag();
            FlowDocument? doc;
            var catalog = Environment.Value.Catalog;
            try
            {
                doc = FlowLoader.Load(file, Environment.Value, bag);
            }
            catch (LokiException ex)
            {
                Assert.StartsWith("LOKI", ex.Diagnostic.Code);
                unreadable++;
                continue;
            }

            if (doc is null)
            {
                notConverted++;
                continue;
            }

            converted++;
            sources[doc.Interface.Source] = sources.GetValueOrDefault(doc.Interface.Source) + 1;
            Assert.Equal(doc.Interface.Inputs.Length, doc.Interface.Inputs.Select(i => i.Name).Distinct().Count());
            Assert.All(doc.Interface.Inputs, i => Assert.True(PythonNames.IsIdentifier(i.Name), $"{file}: input name '{i.Name}'"));
            Assert.All(doc.Interface.Outputs, o => Assert.True(PythonNames.IsIdentifier(o.Name), $"{file}: output name '{o.Name}'"));
            if (doc.Validate(catalog, bag))
            {
                valid++;
                var script = FlowScriptEmitter.Emit(doc.Plan, catalog, new FlowScriptOptions("flow", Path.GetFileName(file)));
                if (scripts.Count < 400)
                {
                    scripts.Add(script);
                }
            }
        }

        output.WriteLine($"{files.Count} files: {converted} converted ({valid} valid flows), {notConverted} not converted, {unreadable} unreadable; {watch.ElapsedMilliseconds} ms");
        output.WriteLine(string.Join(", ", sources.OrderBy(p => p.Key).Select(p => $"{p.Key}: {p.Value}")));
        Assert.True(converted > files.Count / 2, $"only {converted} of {files.Count} converted");
        Assert.True(valid > 0);
        PythonCheck.AssertParsesAll(scripts);
    }
}
