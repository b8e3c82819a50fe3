using Loki.Core.Composition;
using Loki.Core.Diagnostics;
using Loki.Core.Tests.Python;

namespace Loki.Core.Tests.Composition;

/// <summary>What a flow of nodes cannot say is refused, by code, at the script's line; nothing is half-compiled.</summary>
public sealed class CompositeRefusalTests
{
    private const string Levels = "    a = image_levels(image=image, gamma=1.2)[\"image\"]\n";

    public static TheoryData<string, string, string> Refused => new()
    {
        { "image", Levels + "    b = a * 0.5\n    return {\"image\": b}", LokiCodes.ComposeNotACall },
        { "image", Levels + "    if a is None:\n        a = image\n    return {\"image\": a}", LokiCodes.ComposeNotACall },
        { "image", Levels + "    for k in range(2):\n        a = image_blur(image=a)[\"image\"]\n    return {\"image\": a}", LokiCodes.ComposeNotACall },
        { "image", "    return {\"image\": image_levels(image=image)[\"image\"].clip(0, 1)}", LokiCodes.ComposeNotACall },
        { "image", "    return {\"image\": image_levels(image, 0.1)[\"image\"]}", LokiCodes.ComposePositional },
        { "image", "    return {\"image\": image_levels(image=picture)[\"image\"]}", LokiCodes.ComposeUnknownName },
        { "image", "    r = image_levels(image=image)\n    return {\"image\": image_sharpen(image=r)[\"image\"]}", LokiCodes.ComposeWholeResult },
        { "*args", "    return {\"image\": image_levels(image=args[0])[\"image\"]}", LokiCodes.ComposeNoRun },
        { "image", "    return {\"image\": image_levels(image=image, shadows=0.2)[\"image\"]}", LokiCodes.ComposeUnknownInput },
        { "image", "    return {\"image\": image_levels(image=image)[\"picture\"]}", LokiCodes.ComposeUnknownOutput },
        { "image", "    return {\"image\": image_levels(image=image, gamma=\"bright\")[\"image\"]}", LokiCodes.ComposeBadConstant },
        { "image", "    return {\"image\": image_levels(image=image, gamma=99.0)[\"image\"]}", LokiCodes.ComposeBadConstant },
        { "image", "    return {\"image\": image_levels(image=\"in.png\")[\"image\"]}", LokiCodes.ComposeBadConstant },
        { "image", "    return {\"picture\": image_levels(image=image)[\"image\"]}", LokiCodes.ComposeOutputsDiffer },
        { "image", "    return {\"image\": image_levels(gamma=1.2)[\"image\"]}", LokiCodes.ComposeMissingInput },
        { "image", "    return {\"image\": text_overlay(image=image, text=image_levels(image=image)[\"image\"])[\"image\"]}", LokiCodes.ComposeTypeMismatch },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void RefusedWithItsCode(string signature, string body, string code)
    {
        var library = CompositeLibrary.Create();
        var path = library.Node("refused", CompositeLibrary.Script(signature, body), CompositeLibrary.Config("refused"));
        var bag = new DiagnosticBag();
        var compiled = CompositeCompiler.Compile(PythonTestSupport.Python, path, library.Config("refused"), bag, prove: false);

        Assert.NotNull(compiled);
        Assert.Null(compiled.Flow);
        var refusal = Assert.Single(bag.Items);
        Assert.Equal(code, refusal.Code);
        Assert.Equal(DiagnosticSeverity.Warning, refusal.Severity);
        Assert.Equal(path, refusal.File);
        Assert.True(refusal.Line > 1, $"no line: {refusal}");
    }

    [Fact]
    public void UnknownNodeIsRefused()
    {
        var library = CompositeLibrary.Create();
        var script = "from loki_runtime import compose, script\nmystery = compose.node(\"mystery\", __file__)\n\n@script.entry(__file__)\ndef run(image):\n    return {\"image\": mystery(image=image)[\"image\"]}\n";
        var path = library.Node("unknown", script, CompositeLibrary.Config("unknown"));
        var bag = new DiagnosticBag();
        var compiled = CompositeCompiler.Compile(PythonTestSupport.Python, path, library.Config("unknown"), bag, prove: false);
        Assert.Null(compiled!.Flow);
        Assert.Equal(LokiCodes.ComposeUnknownNode, Assert.Single(bag.Items).Code);
        Assert.Equal(6, bag.Items[0].Line);
    }

    [Fact]
    public void AScriptThatCallsNoNodeIsNotAComposite()
    {
        var library = CompositeLibrary.Create();
        var path = library.Node("plain", "from loki_runtime import script\n\n@script.entry(__file__)\ndef run(image):\n    return {\"image\": image}\n", CompositeLibrary.Config("plain"));
        var bag = new DiagnosticBag();
        Assert.Null(CompositeCompiler.Compile(PythonTestSupport.Python, path, library.Config("plain"), bag, prove: false));
        Assert.Empty(bag.Items);
        Assert.False(CompositeScriptReader.MayBeComposite(File.ReadAllText(path)));
    }
}
