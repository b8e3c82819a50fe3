namespace Loki.Build.Tasks.Tests.EndToEnd;

/// <summary>An SDK class library consuming the Loki.Build targets: build grows the nodes, clean removes only obj/ state.</summary>
public sealed class SdkProjectTests : IDisposable
{
    private readonly TempTree _tree = new("loki-sdk-");

    public void Dispose() => _tree.Dispose();

    [Fact]
    public void BuildThenClean_ConfigsReachTheCompilerAndCleanKeepsEveryNodeFile()
    {
        // Given a class library with a nodes/ folder beside it.
        SampleNodes.WriteComplete(_tree, "blur", "Blur");
        var project = WriteLibrary("""
              <PropertyGroup>
                <EnableDefaultNoneItems>false</EnableDefaultNoneItems>
              </PropertyGroup>
              <Target Name="_ShowAdditionalFiles" AfterTargets="LokiBuild">
                <Message Importance="high" Text="additional: @(AdditionalFiles->'%(Filename)%(Extension) %(LokiKind) %(LokiNode)')" />
              </Target>
            """);

        // When it is built.
        var (exit, log) = DotnetBuild.RunVerb(project, "build");

        // Then the node grew, and its config went to the generator with its metadata.
        Assert.True(exit == 0, log);
        Assert.True(File.Exists(_tree.File("blur", "__init__.py")));
        Assert.Contains("additional: blur.json NodeConfig blur", log);
        var state = Path.Combine(_tree.Root, "obj", "Debug", "net10.0", "loki");
        Assert.True(File.Exists(Path.Combine(state, "build.stamp")));
        var nodeFiles = _tree.Snapshot();

        // When it is cleaned: LOKI's state under obj/ goes, every file in the node folders stays.
        (exit, log) = DotnetBuild.RunVerb(project, "clean");
        Assert.True(exit == 0, log);
        Assert.False(File.Exists(Path.Combine(state, "build.stamp")));
        Assert.False(File.Exists(Path.Combine(state, "inputs.cache")));
        Assert.Empty(Directory.Exists(Path.Combine(state, "nodes")) ? Directory.GetFiles(Path.Combine(state, "nodes")) : []);
        Assert.Equal(nodeFiles.Keys.Order(), _tree.Snapshot().Keys.Order());
    }

    [Fact]
    public void DefaultItems_NeverEnterTheNodesFolder_UnlessTurnedOffOrTheNodesAreTheProjectFolder()
    {
        // Given a class library with a C# file of its own and a stray one inside a node folder of nodes/.
        SampleNodes.WriteComplete(_tree, "blur", "Blur");
        _tree.Write("blur", "Stray.cs", "internal sealed class Stray;\n");
        File.WriteAllText(Path.Combine(_tree.Root, "Library.cs"), "internal sealed class Library;\n");
        var project = WriteLibrary(string.Empty);

        // When MSBuild evaluates it: the SDK's globs take the project's own C# file and leave nodes/ out (Compile and None).
        var (exit, log) = DotnetBuild.RunVerb(project, "msbuild", "-getItem:Compile", "-getItem:None");
        Assert.True(exit == 0, log);
        Assert.Contains("Library.cs", log);
        Assert.DoesNotContain("Stray.cs", log);
        Assert.DoesNotContain("blur.json", log);

        // Turned off, the globs are the SDK's own again.
        (exit, log) = DotnetBuild.RunVerb(project, "msbuild", "-getItem:Compile", "-p:LokiExcludeNodesFromDefaultItems=false");
        Assert.True(exit == 0, log);
        Assert.Contains("Stray.cs", log);

        // Node folders directly in the project's folder: nothing can be left out without the project, so nothing is.
        (exit, log) = DotnetBuild.RunVerb(project, "msbuild", "-getItem:Compile", $"-p:LokiNodesDirectory={_tree.Root}/");
        Assert.True(exit == 0, log);
        Assert.Contains("Library.cs", log);
        Assert.Contains("Stray.cs", log);
    }

    /// <summary>An SDK class library importing the Loki.Build targets, with <paramref name="body"/> inside it.</summary>
    private string WriteLibrary(string body)
    {
        var project = Path.Combine(_tree.Root, "Library.csproj");
        File.WriteAllText(project, $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <Import Project="{DotnetBuild.BuildFolder}/Loki.Build.props" />
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
              </PropertyGroup>
            {body}
              <Import Project="{DotnetBuild.BuildFolder}/Loki.Build.targets" />
            </Project>
            """);
        return project;
    }
}
