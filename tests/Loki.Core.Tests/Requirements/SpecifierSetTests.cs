using Loki.Core.Requirements;

namespace Loki.Core.Tests.Requirements;

public class SpecifierSetTests
{
    private static VersionSpecifier[] Specs(string text) =>
        [.. text.Split(',').Select(p => p.Trim()).Where(p => p.Length > 0)
            .Select(p => { var op = new string(p.TakeWhile(c => "=!<>~".Contains(c)).ToArray()); return new VersionSpecifier(op, p[op.Length..]); })];

    [Theory]
    [InlineData(">=1.20,<2", true)]
    [InlineData("==1.26.4,>=2.0", false)]
    [InlineData("==1.26.4,==1.26.4", true)]
    [InlineData("==1.26.4,==1.26.5", false)]
    [InlineData("==1.26.*,>=1.26.3", true)]
    [InlineData("==1.26.*,>=1.27", false)]
    [InlineData("~=1.4.2,>=1.5", false)]
    [InlineData("~=1.4,>=1.9", true)]
    [InlineData("<2,>2", false)]
    [InlineData("<=2,>=2", true)]
    [InlineData("<=2,>=2,!=2.0", false)]
    [InlineData(">1.0,<1.0.0", false)]
    [InlineData("==1.0,<=1.0.0", true)]
    public void Decides_joint_satisfiability(string specs, bool satisfiable) =>
        Assert.Equal(satisfiable, SpecifierSet.IsSatisfiable(Specs(specs)));

    [Theory]
    [InlineData("1.0", "1.0.0", 0)]
    [InlineData("1.0a1", "1.0", -1)]
    [InlineData("1.0.dev1", "1.0a1", -1)]
    [InlineData("1.0.post1", "1.0", 1)]
    [InlineData("2.1.0+cu121", "2.1.0", 0)]
    [InlineData("1.10", "1.9", 1)]
    [InlineData("1.0rc2", "1.0b9", 1)]
    public void Compares_versions_like_pip(string a, string b, int sign) =>
        Assert.Equal(sign, Math.Sign(PackageVersion.TryParse(a)!.CompareTo(PackageVersion.TryParse(b))));
}

public class ImportNamesTests
{
    [Theory]
    [InlineData("pillow", "PIL", true)]
    [InlineData("opencv-python-headless", "cv2", true)]
    [InlineData("opencv-contrib-python", "cv2", true)]
    [InlineData("pyyaml", "yaml", true)]
    [InlineData("scikit-image", "skimage", true)]
    [InlineData("typing-extensions", "typing_extensions", true)]
    [InlineData("numpy", "numpy", true)]
    [InlineData("numpy", "scipy", false)]
    [InlineData("pillow", "cv2", false)]
    public void A_distribution_covers_the_modules_it_installs(string distribution, string module, bool covers) =>
        Assert.Equal(covers, Loki.Core.Requirements.ImportNames.Provides(distribution, module));
}
