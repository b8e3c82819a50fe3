using Loki.Core.Diagnostics;
using Loki.Core.Requirements;

namespace Loki.Core.Tests.Requirements;

/// <summary>Resolution with the real pip against a folder of wheels the test writes itself (offline).</summary>
public class PipResolverTests
{
    private static string Wheels(SampleLibrary lib)
    {
        var dir = Path.Combine(lib.Root, "wheels");
        WheelFactory.Write(dir, "alpha", "1.0.0");
        WheelFactory.Write(dir, "alpha", "2.0.0", "beta>=1.1");
        WheelFactory.Write(dir, "beta", "1.0.0");
        WheelFactory.Write(dir, "beta", "1.2.0");
        WheelFactory.Write(dir, "gamma", "1.0.0", "beta<1.1");
        return dir;
    }

    [Fact]
    public void Resolves_requested_packages_and_their_dependencies()
    {
        using var lib = new SampleLibrary();
        lib.Node("uses_alpha", "", "alpha>=1.5\n");
        var wheels = Wheels(lib);
        var report = RequirementsVerifier.Verify(lib.Library, checkImports: false);
        var diags = new DiagnosticBag();

        var resolved = PipResolver.Resolve(report.Merged, new PackageIndex(FindLinks: wheels), diags);

        Assert.Empty(diags.Items);
        Assert.Equal([("alpha", "2.0.0", true), ("beta", "1.2.0", false)], resolved.Select(p => (p.Name, p.Version, p.Requested)));
    }

    [Fact]
    public void A_version_the_index_lacks_names_the_node_and_line()
    {
        using var lib = new SampleLibrary();
        lib.Node("fine", "", "beta\n");
        var dir = lib.Node("too_new", "", "# needs the future\nalpha>=3\n");
        var report = RequirementsVerifier.Verify(lib.Library, checkImports: false);
        var diags = new DiagnosticBag();

        var resolved = PipResolver.Resolve(report.Merged, new PackageIndex(FindLinks: Wheels(lib)), diags);

        Assert.Empty(resolved);
        var d = Assert.Single(diags.Items);
        Assert.Equal(LokiCodes.RequirementUnresolvable, d.Code);
        Assert.Equal(Path.Combine(dir, "requirements.txt"), d.File);
        Assert.Equal(2, d.Line);
        Assert.Contains("'too_new'", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_conflict_only_dependencies_reveal_names_both_nodes()
    {
        using var lib = new SampleLibrary();
        lib.Node("wants_alpha", "", "alpha>=2\n");
        lib.Node("wants_gamma", "", "gamma\n");
        var report = RequirementsVerifier.Verify(lib.Library, checkImports: false);
        Assert.True(report.Ok);
        var diags = new DiagnosticBag();

        PipResolver.Resolve(report.Merged, new PackageIndex(FindLinks: Wheels(lib)), diags);

        Assert.All(diags.Items, d => Assert.Equal(LokiCodes.RequirementUnresolvable, d.Code));
        Assert.Contains(diags.Items, d => d.Message.Contains("'wants_alpha'", StringComparison.Ordinal));
        Assert.Contains(diags.Items, d => d.Message.Contains("'wants_gamma'", StringComparison.Ordinal));
    }
}
