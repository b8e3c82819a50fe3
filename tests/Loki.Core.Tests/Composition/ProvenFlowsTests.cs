using Loki.Core.Composition;
using Loki.Core.Diagnostics;
using Loki.Core.Tests.Python;
using Loki.Core.Text;

namespace Loki.Core.Tests.Composition;

/// <summary>
/// A verdict reached on generated inputs (<c>loki decompose</c>) holds in the build's proof for that very flow only,
/// and only inside its scope: it stands in for missing examples, and a difference refuses the flow.
/// </summary>
public sealed class ProvenFlowsTests
{
    [Fact]
    public void AnEqualVerdictStandsInForMissingExamplesForThatFlowOnly()
    {
        var library = CompositeLibrary.Create();
        var path = library.Node("bare", CompositeLibrary.Script("image", "    return {\"image\": image_levels(image=image, gamma=1.2)[\"image\"]}"),
            CompositeLibrary.Config("bare", examples: false));
        var flow = CompositeCompiler.Compile(PythonTestSupport.Python, path, library.Config("bare"), new DiagnosticBag(), prove: false)!.Flow!;
        var verdict = new ProvenFlows.Verdict(CanonicalJson.Write(flow), Equal: true, "24 generated inputs");

        using (ProvenFlows.Accept(new Dictionary<string, ProvenFlows.Verdict> { [path] = verdict }))
        {
            var bag = new DiagnosticBag();
            Assert.True(CompositeEquivalence.Prove(path, library.Config("bare"), flow, bag), string.Join("\n", bag.Items));
            Assert.Empty(bag.Items);

            // Another flow (one widget changed) is not the flow the verdict is on: no examples, nothing proven.
            var other = flow.DeepClone().AsObject();
            other["nodes"]!.AsArray().Single(n => n!["type"]!.GetValue<string>() == "LokiImageLevels")!["widgets_values"]!.AsArray()[2] = 1.3;
            var otherBag = new DiagnosticBag();
            Assert.False(CompositeEquivalence.Prove(path, library.Config("bare"), other, otherBag));
            Assert.Equal(LokiCodes.ComposeNoExamples, Assert.Single(otherBag.Items).Code);
        }

        var after = new DiagnosticBag();
        Assert.False(CompositeEquivalence.Prove(path, library.Config("bare"), flow, after));
        Assert.Equal(LokiCodes.ComposeNoExamples, Assert.Single(after.Items).Code);
    }

    [Fact]
    public void ADifferenceOnGeneratedInputsRefusesTheFlowEvenWhenItsExamplesAgree()
    {
        var (library, path) = CompositeEquivalenceTests.Finish();
        var flow = CompositeCompiler.Compile(PythonTestSupport.Python, path, library.Config("finish"), new DiagnosticBag(), prove: false)!.Flow!;
        var verdict = new ProvenFlows.Verdict(CanonicalJson.Write(flow), Equal: false, "generated inputs {'image': ...}");
        using var scope = ProvenFlows.Accept(new Dictionary<string, ProvenFlows.Verdict> { [path] = verdict });
        var bag = new DiagnosticBag();
        Assert.False(CompositeEquivalence.Prove(path, library.Config("finish"), flow, bag));
        var refusal = Assert.Single(bag.Items);
        Assert.Equal(LokiCodes.ComposeNotEqual, refusal.Code);
        Assert.Contains("generated inputs", refusal.Message, StringComparison.Ordinal);
    }
}
