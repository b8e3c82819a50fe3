using System.Text.Json.Nodes;
using Loki.Core.Composition;
using Loki.Core.Diagnostics;
using Loki.Core.Tests.Python;
using Loki.Tests;

namespace Loki.Core.Tests.Composition;

/// <summary>
/// The proof runs the script and the compiled flow (on the LOKI executor) on the node's examples: it holds for the
/// real compilation and fails as soon as one step of the flow is altered.
/// </summary>
public sealed class CompositeEquivalenceTests
{
    [Fact]
    public void TheCompiledFlowIsProvenEqual()
    {
        var (library, path) = Finish();
        var bag = new DiagnosticBag();
        var compiled = CompositeCompiler.Compile(PythonTestSupport.Python, path, library.Config("finish"), bag);
        Assert.True(compiled?.Flow is not null, string.Join("\n", bag.Items));
        Assert.Equal(LokiCodes.ComposeCompiled, Assert.Single(bag.Items).Code);
    }

    [Theory]
    [InlineData("sharpened", 1, 2.5)] // the sharpen radius
    [InlineData("leveled", 2, 1.0)] // the levels gamma
    [InlineData("captioned", 3, 15)] // the caption's font size
    public void AnAlteredStepFailsTheProof(string title, int widget, double value)
    {
        var (library, path) = Finish();
        var bag = new DiagnosticBag();
        var flow = CompositeCompiler.Compile(PythonTestSupport.Python, path, library.Config("finish"), bag, prove: false)!.Flow!;
        Assert.True(CompositeEquivalence.Prove(path, library.Config("finish"), flow, bag), string.Join("\n", bag.Items));

        var node = flow["nodes"]!.AsArray().Single(n => n!["title"]?.GetValue<string>() == title)!;
        var widgets = node["widgets_values"]!.AsArray();
        widgets[widget] = title == "captioned" ? JsonValue.Create((int)value) : JsonValue.Create(value);
        var altered = new DiagnosticBag();
        Assert.False(CompositeEquivalence.Prove(path, library.Config("finish"), flow, altered));
        var refusal = Assert.Single(altered.Items);
        Assert.Equal(LokiCodes.ComposeNotEqual, refusal.Code);
        Assert.Contains("'caption'", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ABypassedStepFailsTheProof()
    {
        var (library, path) = Finish();
        var flow = CompositeCompiler.Compile(PythonTestSupport.Python, path, library.Config("finish"), new DiagnosticBag(), prove: false)!.Flow!;
        var node = flow["nodes"]!.AsArray().Single(n => n!["title"]?.GetValue<string>() == "sharpened")!;
        node["mode"] = 4; // bypassed in the editor: its image passes through unsharpened
        var bag = new DiagnosticBag();
        Assert.False(CompositeEquivalence.Prove(path, library.Config("finish"), flow, bag));
        Assert.Equal(LokiCodes.ComposeNotEqual, Assert.Single(bag.Items).Code);
    }

    [Fact]
    public void WithoutExamplesNothingIsProven()
    {
        var library = CompositeLibrary.Create();
        var path = library.Node("bare", CompositeLibrary.Script("image", "    return {\"image\": image_levels(image=image, gamma=1.2)[\"image\"]}"),
            CompositeLibrary.Config("bare", examples: false));
        var bag = new DiagnosticBag();
        var compiled = CompositeCompiler.Compile(PythonTestSupport.Python, path, library.Config("bare"), bag);
        Assert.Null(compiled!.Flow);
        Assert.Equal(LokiCodes.ComposeNoExamples, Assert.Single(bag.Items).Code);
    }

    /// <summary>A copy of the library's image_finish composite, as node <c>finish</c>.</summary>
    internal static (CompositeLibrary Library, string Path) Finish()
    {
        var library = CompositeLibrary.Create();
        var config = File.ReadAllText(RepoPaths.InRepo("nodes", "image_finish", "image_finish.json")).Replace("\"image_finish\"", "\"finish\"", StringComparison.Ordinal);
        var path = library.Node("finish", File.ReadAllText(RepoPaths.InRepo("nodes", "image_finish", "image_finish.py")), config);
        File.Copy(RepoPaths.InRepo("nodes", "image_finish", "examples", "tiles.png"), Path.Combine(Path.GetDirectoryName(path)!, "examples", "tiles.png"));
        return (library, path);
    }
}
