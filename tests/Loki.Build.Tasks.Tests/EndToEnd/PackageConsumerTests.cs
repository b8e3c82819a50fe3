using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using Loki.Tests;

namespace Loki.Build.Tasks.Tests.EndToEnd;

/// <summary>
/// Issue 9 item 9: the Loki.Build package gives a project everything the repository gets. The package is packed
/// from this build, restored from a local folder feed into a fresh project outside the repository (its own NuGet
/// cache, so nothing already cached can stand in for it), built, and its generated typed API called on a real node.
/// </summary>
public sealed class PackageConsumerTests
{
    // The configuration this test project was built in: pack takes the same build output (no second build).
    private static string Configuration => AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.OrdinalIgnoreCase)
        || AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";

    private static string GlobalPackages =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } p ? p : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    [Fact]
    public void PackShipsTheGeneratorItsCliWrapDependencyAndAReadme()
    {
        var feed = Pack(Directory.CreateTempSubdirectory("loki-pack-").FullName);
        using var zip = ZipFile.OpenRead(Path.Combine(feed, "Loki.Build.0.1.0.nupkg"));
        var names = zip.Entries.Select(e => e.FullName).ToList();
        Assert.Contains("analyzers/dotnet/cs/Loki.Generators.dll", names);
        Assert.Contains("tasks/net10.0/Loki.Build.Tasks.dll", names);
        Assert.Contains("build/Loki.Build.targets", names);
        Assert.Contains("README.md", names);
        Assert.DoesNotContain(names, n => n.StartsWith("buildTransitive/", StringComparison.Ordinal));
        using var nuspec = new StreamReader(zip.GetEntry("Loki.Build.nuspec")!.Open());
        var text = nuspec.ReadToEnd();
        Assert.Contains("<readme>README.md</readme>", text, StringComparison.Ordinal);
        Assert.Contains("<dependency id=\"CliWrap\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Loki.Core", text, StringComparison.Ordinal);
        Assert.DoesNotContain("developmentDependency", text, StringComparison.Ordinal);
    }

    [Fact]
    public void AFreshLibraryGrowsItsNodesAndAnAppCallsItsGeneratedRunAsync()
    {
        var root = Directory.CreateTempSubdirectory("loki-consumer-").FullName;
        var feed = Pack(Path.Combine(root, "feed"));
        var library = Path.Combine(root, "NodesLib");
        var node = Path.Combine(library, "nodes", "text_case");
        Directory.CreateDirectory(node);
        // Only the layers a person wrote: the build derives the LOKI Node, the flow and __init__.py.
        foreach (var layer in new[] { "text_case.py", "text_case.json", "text_case.md" })
        {
            File.Copy(RepoPaths.InRepo("nodes", "text_case", layer), Path.Combine(node, layer));
        }

        File.WriteAllText(Path.Combine(library, "NodesLib.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <LokiGeneratedNamespace>NodesLib.Nodes</LokiGeneratedNamespace>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Loki.Build" Version="0.1.0" />
              </ItemGroup>
            </Project>
            """);

        // An app that uses the library: it gets the typed API and CliWrap, and no node build of its own folders.
        var app = Path.Combine(root, "App");
        Directory.CreateDirectory(Path.Combine(app, "Assets"));
        File.WriteAllText(Path.Combine(app, "Assets", "notes.txt"), "not a node\n");
        File.WriteAllText(Path.Combine(app, "App.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
                <ProjectReference Include="../NodesLib/NodesLib.csproj" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(app, "Program.cs"), """
            using NodesLib.Nodes;

            var result = await TextCase.RunAsync("Hello LOKI World", TextCase.ModeOption.Snake, new LokiRunOptions { OutputDirectory = args[0] });
            Console.WriteLine("text=" + result.Text);
            """);
        // Offline: the package from the local feed only; everything else (CliWrap) from the machine's package folder
        // read as a feed. The restore goes to a cache of its own.
        File.WriteAllText(Path.Combine(root, "NuGet.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="loki" value="{feed}" />
                <add key="machine" value="{GlobalPackages}" />
              </packageSources>
              <packageSourceMapping>
                <packageSource key="loki"><package pattern="Loki.Build" /></packageSource>
                <packageSource key="machine"><package pattern="*" /></packageSource>
              </packageSourceMapping>
            </configuration>
            """);

        var env = new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(root, "packages") };
        var build = Dotnet(app, env, "build", Path.Combine(app, "App.csproj"), "-nodeReuse:false", "-tl:off");
        Assert.True(build.Exit == 0, build.Output);
        Assert.True(File.Exists(Path.Combine(root, "packages", "loki.build", "0.1.0", "analyzers", "dotnet", "cs", "Loki.Generators.dll")), build.Output);
        Assert.True(File.Exists(Path.Combine(node, "text_case_node.py")), build.Output);
        Assert.True(File.Exists(Path.Combine(node, "__init__.py")), build.Output);
        Assert.True(Directory.Exists(Path.Combine(library, "obj", "Debug", "net10.0", "loki")), build.Output);
        Assert.False(Directory.Exists(Path.Combine(app, "obj", "Debug", "net10.0", "loki")), "the app ran a LOKI node build of its own folders");
        Assert.Equal(["notes.txt"], Directory.GetFiles(Path.Combine(app, "Assets")).Select(Path.GetFileName));

        // The scripts need the runtime: here the repository's, as an installed loki-runtime would provide it.
        var run = Dotnet(app, new Dictionary<string, string> { ["PYTHONPATH"] = RepoPaths.InRepo("src", "python"), ["LOKI_PYTHON"] = RepoPaths.Python },
            Path.Combine(app, "bin", "Debug", "net10.0", "App.dll"), Path.Combine(root, "out"));
        Assert.True(run.Exit == 0, run.Output);
        Assert.Contains("text=hello_loki_world", run.Output, StringComparison.Ordinal);
    }

    /// <summary>Packs the Loki.Build package from this build into <paramref name="feed"/> and returns it.</summary>
    private static string Pack(string feed)
    {
        var pack = Dotnet(RepoPaths.Root, null, "pack", RepoPaths.InRepo("src", "Loki.Build.Tasks", "Loki.Build.Tasks.csproj"), "-c", Configuration, "--no-build", "-p:BuildProjectReferences=false", "-o", feed, "-nodeReuse:false", "-tl:off");
        Assert.True(pack.Exit == 0, pack.Output);
        Assert.True(File.Exists(Path.Combine(feed, "Loki.Build.0.1.0.nupkg")), pack.Output);
        return feed;
    }

    private static (int Exit, string Output) Dotnet(string cwd, IReadOnlyDictionary<string, string>? env, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = cwd };
        args.ToList().ForEach(psi.ArgumentList.Add);
        psi.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (k, v) in env ?? new Dictionary<string, string>())
        {
            psi.Environment[k] = v;
        }

        var output = new StringBuilder();
        using var p = new Process { StartInfo = psi };
        p.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        p.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        p.Start();
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        if (!p.WaitForExit(TimeSpan.FromMinutes(8)))
        {
            p.Kill(entireProcessTree: true);
            return (-1, "timed out:\n" + output);
        }

        p.WaitForExit();
        lock (output)
        {
            return (p.ExitCode, output.ToString());
        }
    }
}
