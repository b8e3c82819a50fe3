using Loki.Tests;
using Xunit.Abstractions;

namespace Loki.Core.Tests.Conversion;

/// <summary>UI to API conversion against prompts the real frontend made (the oracle pairs of the shared corpus).</summary>
public sealed class ConformanceTests(ITestOutputHelper output)
{
    [CorpusFact]
    public void Dump()
    {
        foreach (var o in ConformanceCorpus.Outcomes.Where(o => o.Strict is not null))
        {
            output.WriteLine($"{o.Set} | {o.Name} | covered={o.Covered} | {o.Strict} | semantic: {o.Semantic ?? "ok"}");
        }

        foreach (var set in new[] { "frontend-pairs", "pairs" })
        {
            var all = ConformanceCorpus.Outcomes.Where(o => o.Set == set).ToList();
            var covered = all.Where(o => o.Covered).ToList();
            output.WriteLine($"{set}: all strict {all.Count(o => o.Strict is null)}/{all.Count}, covered strict {covered.Count(o => o.Strict is null)}/{covered.Count}, covered semantic {covered.Count(o => o.Semantic is null)}/{covered.Count}");
        }
    }
}
