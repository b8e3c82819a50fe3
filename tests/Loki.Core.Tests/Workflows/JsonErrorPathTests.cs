using Loki.Core.Diagnostics;
using Loki.Core.Workflows;

namespace Loki.Core.Tests.Workflows;

public sealed class JsonErrorPathTests
{
    [Theory]
    [InlineData("""{"nodes": [{"id": 1, "x": ]}""", "$.nodes[0].x")]
    [InlineData("""{"nodes": [{"id": 1}, {"id": 2,""", "$.nodes[1].id")]
    [InlineData("""{"3": {"inputs": {"seed": 1,, "steps": 2}}}""", "$[\"3\"].inputs.seed")]
    [InlineData("""[1, 2, ]""", "$[1]")]
    [InlineData("""nope""", "$")]
    public void Parse_SyntaxError_NamesWhereItIs(string json, string path)
    {
        var ex = Assert.Throws<LokiException>(() => JsonSource.Parse(json, "w.json", LokiCodes.WorkflowInvalidJson));

        Assert.Equal(LokiCodes.WorkflowInvalidJson, ex.Diagnostic.Code);
        Assert.Equal(path, ex.Diagnostic.JsonPath);
        Assert.True(ex.Diagnostic.Line >= 1 && ex.Diagnostic.Column >= 1);
        Assert.DoesNotContain("LineNumber", ex.Diagnostic.Message, StringComparison.Ordinal);
    }
}
