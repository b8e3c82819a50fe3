using Loki.Core.Diagnostics;
using Loki.Core.Packaging;
using Loki.Core.World;
using Loki.Tests;

namespace Loki.Core.Tests.World;

/// <summary>The repository's own library read for the World, once per test run.</summary>
internal static class WorldSupport
{
    private static readonly Lazy<WorldModel> RepoModel = new(() => WorldBuilder.Model(RepoLibrary()));

    public static string LibraryPath => RepoPaths.InRepo("nodes");

    public static WorldLibrary RepoLibrary()
    {
        var diagnostics = new DiagnosticBag();
        var pack = PackMetadataReader.Read(RepoPaths.InRepo("pack.json"), diagnostics)!;
        var library = WorldLibraryReader.Read(LibraryPath, pack, diagnostics);
        Assert.False(diagnostics.HasErrors, string.Join("\n", diagnostics.Items));
        return library!;
    }

    public static WorldModel Model => RepoModel.Value;
}
