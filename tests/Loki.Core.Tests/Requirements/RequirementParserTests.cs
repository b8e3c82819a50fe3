using Loki.Core.Diagnostics;
using Loki.Core.Requirements;

namespace Loki.Core.Tests.Requirements;

public class RequirementParserTests
{
    private static (List<Requirement> Reqs, DiagnosticBag Diags) Parse(string text)
    {
        var diags = new DiagnosticBag();
        return ([.. RequirementParser.Parse("demo", "/lib/demo/requirements.txt", text, diags)], diags);
    }

    [Theory]
    [InlineData("numpy", "numpy", "")]
    [InlineData("Pillow>=9.0  # images", "Pillow", ">=9.0")]
    [InlineData("opencv-python-headless >= 4.8, < 5", "opencv-python-headless", ">=4.8,<5")]
    [InlineData("requests[socks,security]~=2.31", "requests", "~=2.31")]
    [InlineData("scipy (>=1.10)", "scipy", ">=1.10")]
    [InlineData("numpy==1.26.*", "numpy", "==1.26.*")]
    public void Parses_installable_lines(string line, string name, string spec)
    {
        var (reqs, diags) = Parse(line);
        Assert.Empty(diags.Items);
        var r = Assert.Single(reqs);
        Assert.Equal(name, r.Name);
        Assert.Equal(spec, string.Join(",", r.Specifiers));
    }

    [Fact]
    public void Keeps_the_marker_and_normalises_the_name()
    {
        var (reqs, _) = Parse("\uFEFFtyping_Extensions>=4; python_version < \"3.11\"\n");
        var r = Assert.Single(reqs);
        Assert.Equal("python_version < \"3.11\"", r.Marker);
        Assert.Equal("typing-extensions", r.Key);
        Assert.Equal("typing_Extensions>=4; python_version < \"3.11\"", r.ToLine());
    }

    [Theory]
    [InlineData("-e ./vendor/lib", LokiCodes.RequirementUnsupportedOption)]
    [InlineData("-r other.txt", LokiCodes.RequirementUnsupportedOption)]
    [InlineData("--extra-index-url https://example.org/simple", LokiCodes.RequirementUnsupportedOption)]
    [InlineData("torch --index-url https://download.pytorch.org/whl/cu121", LokiCodes.RequirementUnsupportedOption)]
    [InlineData("numpy \\", LokiCodes.RequirementUnsupportedOption)]
    [InlineData("./wheels/foo-1.0-py3-none-any.whl", LokiCodes.RequirementNotAPackage)]
    [InlineData("/abs/path/pkg", LokiCodes.RequirementNotAPackage)]
    [InlineData("git+https://github.com/x/y.git", LokiCodes.RequirementNotAPackage)]
    [InlineData("foo @ https://example.org/foo.zip", LokiCodes.RequirementNotAPackage)]
    [InlineData("numpy>>1", LokiCodes.RequirementSyntax)]
    [InlineData("numpy>=1.*", LokiCodes.RequirementSyntax)]
    [InlineData("numpy~=1", LokiCodes.RequirementSyntax)]
    [InlineData("numpy>=banana", LokiCodes.RequirementSyntax)]
    [InlineData("numpy; windows please", LokiCodes.RequirementSyntax)]
    public void Rejects_what_the_manager_cannot_install_naming_node_and_line(string line, string code)
    {
        var (reqs, diags) = Parse("# header\n\n" + line + "\n");
        Assert.Empty(reqs);
        var d = Assert.Single(diags.Items);
        Assert.Equal(code, d.Code);
        Assert.Equal(3, d.Line);
        Assert.Equal("/lib/demo/requirements.txt", d.File);
        Assert.Contains("'demo'", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_package_listed_twice_is_an_error()
    {
        var (reqs, diags) = Parse("numpy\nPillow\nNumPy>=1.2\n");
        Assert.Equal(2, reqs.Count);
        var d = Assert.Single(diags.Items);
        Assert.Equal(LokiCodes.RequirementDuplicate, d.Code);
        Assert.Equal(3, d.Line);
    }
}
