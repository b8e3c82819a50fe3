using System.Collections;
using System.Collections.Immutable;
using System.Reflection;
using Loki.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Loki.Generators.Tests;

/// <summary>
/// Runs <see cref="LokiNodeGenerator"/> on in-memory configs, twice, and checks that the second run is served from
/// the cache and that no Roslyn symbol or compilation leaked into a pipeline model.
/// </summary>
internal static class GeneratorHarness
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(static p => p.EndsWith(".dll", StringComparison.Ordinal))
            .Select(static p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .Append(MetadataReference.CreateFromFile(typeof(CliWrap.Cli).Assembly.Location))
            .ToImmutableArray());

    /// <summary>The result of one generator run.</summary>
    public sealed record Run(GeneratorDriverRunResult Result, Compilation Output, ImmutableArray<Diagnostic> Diagnostics)
    {
        /// <summary>Generated text by hint name.</summary>
        public IReadOnlyDictionary<string, string> Sources => Result.Results.Single().GeneratedSources
            .ToDictionary(static s => s.HintName, static s => s.SourceText.ToString());
    }

    /// <summary>A compilation with or without a CliWrap reference.</summary>
    public static CSharpCompilation Compilation(bool withCliWrap = true) => CSharpCompilation.Create(
        "Consumer",
        [CSharpSyntaxTree.ParseText("namespace Consumer; public static class Anchor { }")],
        withCliWrap ? References.Value : References.Value.Where(static r => !r.Display!.Contains("CliWrap", StringComparison.Ordinal)),
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    /// <summary>Runs the generator on the given (path, text) configs; asserts cacheability of a second run.</summary>
    public static Run RunCached(IEnumerable<(string Path, string Text)> configs, bool withCliWrap = true, string? ns = null)
    {
        var texts = configs.Select(static c => (AdditionalText)new InMemoryText(c.Path, c.Text)).ToImmutableArray();
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            [new LokiNodeGenerator().AsSourceGenerator()],
            texts,
            parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
            optionsProvider: new OptionsProvider(ns),
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        var compilation = Compilation(withCliWrap);
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        var first = driver.GetRunResult();

        driver = driver.RunGeneratorsAndUpdateCompilation(compilation.Clone(), out _, out _);
        AssertCached(first, driver.GetRunResult());
        return new Run(first, output, diagnostics);
    }

    /// <summary>Runs once, then again with an edit; returns the reasons of the named step's outputs in the second run.</summary>
    public static IReadOnlyList<IncrementalStepRunReason> ReasonsAfterEdit(string path, string before, string after, string step)
    {
        var original = new InMemoryText(path, before);
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            [new LokiNodeGenerator().AsSourceGenerator()], [original], optionsProvider: new OptionsProvider(null),
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        var compilation = Compilation();
        driver = driver.RunGenerators(compilation);
        driver = driver.ReplaceAdditionalText(original, new InMemoryText(path, after));
        driver = driver.RunGenerators(compilation.Clone());
        return driver.GetRunResult().Results[0].TrackedSteps[step]
            .SelectMany(static s => s.Outputs).Select(static o => o.Reason).ToList();
    }

    private static void AssertCached(GeneratorDriverRunResult first, GeneratorDriverRunResult second)
    {
        var names = typeof(TrackingNames).GetFields().Select(static f => (string)f.GetRawConstantValue()!).ToList();
        var firstSteps = first.Results[0].TrackedSteps;
        var secondSteps = second.Results[0].TrackedSteps;
        foreach (var name in names.Where(firstSteps.ContainsKey))
        {
            var a = firstSteps[name].SelectMany(static s => s.Outputs).ToList();
            var b = secondSteps[name].SelectMany(static s => s.Outputs).ToList();
            Assert.Equal(a.Select(static o => o.Value), b.Select(static o => o.Value));
            Assert.All(b, o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"step {name} was {o.Reason}"));
            foreach (var output in a)
            {
                AssertNoBannedTypes(output.Value, name, 0);
            }
        }
    }

    private static void AssertNoBannedTypes(object? value, string step, int depth)
    {
        if (value is null || depth > 8 || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum)
        {
            return;
        }

        Assert.False(value is Compilation || value is ISymbol || value is SyntaxNode || value is AdditionalText || value is SemanticModel, $"step {step} holds a {value.GetType().Name}");
        if (value is IEnumerable items)
        {
            foreach (var item in items)
            {
                AssertNoBannedTypes(item, step, depth + 1);
            }

            return;
        }

        foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(static p => p.GetIndexParameters().Length == 0))
        {
            AssertNoBannedTypes(property.GetValue(value), step, depth + 1);
        }
    }

    private sealed class InMemoryText(string path, string text) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
    }

    private sealed class OptionsProvider(string? ns) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(ns is null ? [] : new() { ["build_property.LokiGeneratedNamespace"] = ns });

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Options([]);

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => new Options([]);
    }

    private sealed class Options(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
    }
}
