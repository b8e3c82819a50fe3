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
        var project = Path.Combine(_tree.Root, "Library.csproj");
        File.WriteAllText(project, $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <Import Project="{DotnetBuild.BuildFolder}/Loki.Build.props" />
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <EnableDefaultNoneItems>false</EnableDefaultNoneItems>
              </PropertyGroup>
              <Target Name="_ShowAdditionalFiles" AfterTargets="LokiBuild">
                <Message Importance="high" Text="additional: @(AdditionalFiles->'%(Filename)%(Extension) %(LokiKind) %(LokiNode)')" />
              </Target>
              <Import Project="{DotnetBuild.BuildFolder}/Loki.Build.targets" />
            </Project>
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
}
