using System.Text;
using Loki.Core.Conversion.UiToApi;
using Loki.Core.Diagnostics;
using Loki.Core.Schemas;
using Loki.Core.Tests.Conversion;
using Loki.Core.Workflows;
using Loki.Tests;

namespace Loki.Core.Tests.Schemas;

/// <summary>
/// The lazy schema set (issue 10: a dump is indexed, a class's definitions parsed when first asked for) gives what the
/// eager load gives (every dump parsed whole, every class ranked at once, issue 9's candidate-keeping set): the same
/// classes, candidates in the same order, the same warnings and errors, and byte-identical prompts.
/// </summary>
public sealed class LazySchemaSetTests
{
    private static string SchemaDir => Path.Combine(RepoPaths.Corpus!, "schemas");

    private static string Reference => Path.Combine(SchemaDir, "reference", "comfyui-0.3.64-core.object_info.json");

    [CorpusFact]
    public void EveryCorpusDump_LoadsLazilyAsItLoadsEagerly_AloneAndOverTheCatalogue()
    {
        var files = Directory.EnumerateFiles(SchemaDir, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        Assert.True(files.Count >= 10, $"only {files.Count} dumps");
        foreach (var file in files)
        {
            foreach (var catalogue in new[] { false, true })
            {
                Assert.Equal(Outcome(() => SchemaSet.Load([file], catalogue, lazy: false)), Outcome(() => SchemaSet.Load([file], catalogue, lazy: true)));
            }
        }

        // The whole folder, in two file orders: the lazily ranked candidates equal the eagerly ranked ones.
        var eager = Outcome(() => SchemaSet.Load([SchemaDir], true, lazy: false));
        Assert.Equal(eager, Outcome(() => SchemaSet.Load([SchemaDir], true, lazy: true)));
        Assert.Equal(eager, Outcome(() => SchemaSet.Load(Enumerable.Reverse(files).Where(f => !f.EndsWith("system_stats.json", StringComparison.Ordinal)), true, lazy: true)));
        Assert.Equal(Outcome(() => SchemaSet.Load([], true, lazy: false)), Outcome(() => SchemaSet.Catalogue));
    }

    [CorpusFact]
    public void ThePairs_ConvertToTheSameBytes_WithLazyAndEagerSets()
    {
        var cases = new[]
        {
            ("frontend-pairs", "catalogue", SchemaSet.Load([], true, lazy: false), SchemaSet.Catalogue),
            ("frontend-pairs", "--schemas reference", SchemaSet.Load([Reference], true, lazy: false), SchemaSet.Load([Reference])),
            ("frontend-pairs", "--schemas folder", SchemaSet.Load([SchemaDir], true, lazy: false), SchemaSet.Load([SchemaDir])),
            ("pairs", "--schemas folder", SchemaSet.Load([SchemaDir], true, lazy: false), SchemaSet.Load([SchemaDir])),
        };
        var compared = 0;
        var differences = new List<string>();
        foreach (var (set, name, eager, lazy) in cases)
        {
            foreach (var file in ConformanceCorpus.PairFiles(set))
            {
                compared++;
                var (expected, actual) = (Convert(file, eager), Convert(file, lazy));
                if (expected != actual)
                {
                    differences.Add($"{name}: {Path.GetRelativePath(RepoPaths.Corpus!, file)}");
                }
            }
        }

        Assert.True(compared > 900, $"only {compared} conversions");
        Assert.True(differences.Count == 0, string.Join("\n", differences.Take(20)));
    }

    [CorpusFact]
    public void A_class_is_parsed_only_when_asked_for()
    {
        var set = SchemaSet.Load([SchemaDir]);
        Assert.False(set.IsResolved("KSampler"));
        Assert.NotEmpty(set.Candidates("KSampler"));
        Assert.True(set.IsResolved("KSampler"));
        Assert.False(set.IsResolved("CheckpointLoaderSimple"));
        Assert.True(set.Count > SchemaSet.Catalogue.Count);
    }

    /// <summary>Everything a set says (classes, candidates in order with all they hold, warnings), or the error it threw.</summary>
    internal static string Outcome(Func<SchemaSet> load)
    {
        SchemaSet set;
        try
        {
            set = load();
        }
        catch (LokiException e)
        {
            return "error " + e.Diagnostic;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return "exception " + e.GetType().Name + ": " + e.Message;
        }

        var text = new StringBuilder();
        text.AppendLine($"{set.Count} classes");
        foreach (var d in set.Diagnostics)
        {
            text.AppendLine(d.ToString());
        }

        foreach (var classType in set.ClassTypes)
        {
            text.AppendLine($"{classType} contains={set.Contains(classType)} newest={set.Find(classType)!.Raw.ToJsonString().GetHashCode(StringComparison.Ordinal)}");
            foreach (var c in set.Candidates(classType))
            {
                text.AppendLine($"  {c.Origin?.Source} {c.Origin?.ComfyVersion} {c.ClassType} '{c.DisplayName}' output={c.IsOutputNode} {c.Raw.ToJsonString()}");
                foreach (var i in c.Inputs)
                {
                    text.AppendLine($"    in {i.Name} {i.Type} {i.Section} {i.Options?.ToJsonString()} {i.Choices?.ToJsonString()}");
                }

                foreach (var o in c.Outputs)
                {
                    text.AppendLine($"    out {o.Name} {o.Type} {o.IsList}");
                }
            }
        }

        return text.ToString();
    }

    internal static string Convert(string file, SchemaSet schemas)
    {
        try
        {
            var result = UiToApiConverter.Convert(WorkflowLoader.Load(file).Ui!, schemas, UiToApiOptions.Default, file);
            return (result.Prompt?.ToJsonString() ?? "no prompt") + "\n" + string.Join("\n", result.Diagnostics);
        }
        catch (LokiException e)
        {
            return "error " + e.Diagnostic;
        }
    }
}
