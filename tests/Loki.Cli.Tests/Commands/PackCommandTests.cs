using Loki.Cli;
using Loki.Core.Diagnostics;
using Loki.Tests;

namespace Loki.Cli.Tests.Commands;

public class PackCommandTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("loki-cli-pack-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Node(string name, string requirements, string python = "")
    {
        var dir = Path.Combine(_root, "nodes", name);
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, name + ".py"), python);
        File.WriteAllText(Path.Combine(dir, "requirements.txt"), requirements);
        File.WriteAllText(Path.Combine(dir, "__init__.py"), "NODE_CLASS_MAPPINGS = {}\n");
        return dir;
    }

    private static async Task<(int Code, string Out, string Err)> Loki(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await CliApp.RunAsync(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task Pack_writes_the_folder_the_zip_and_its_checksum()
    {
        Node("text_upper", "numpy>=1.20\n", "import numpy\n");
        var outDir = Path.Combine(_root, "artifacts", "ComfyUI-LOKI");
        var zip = Path.Combine(_root, "artifacts", "pack.zip");

        var (code, stdout, stderr) = await Loki("pack", "--library", Path.Combine(_root, "nodes"), "--runtime", RepoPaths.InRepo("src", "python", "loki_runtime"), "--out", outDir, "--zip", zip);

        Assert.True(code == CliApp.Success, stderr);
        Assert.True(File.Exists(Path.Combine(outDir, "__init__.py")));
        Assert.Equal("numpy>=1.20", File.ReadAllLines(Path.Combine(outDir, "requirements.txt")).Last());
        Assert.StartsWith(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(zip))), File.ReadAllText(zip + ".sha256"), StringComparison.Ordinal);
        Assert.Contains("1 nodes", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pack_refuses_a_library_with_requirement_errors_and_writes_nothing()
    {
        Node("pins_torch", "torch==2.1.0\n");
        var outDir = Path.Combine(_root, "out");

        var (code, _, stderr) = await Loki("pack", "--library", Path.Combine(_root, "nodes"), "--runtime", RepoPaths.InRepo("src", "python", "loki_runtime"), "--out", outDir);

        Assert.Equal(CliApp.Failed, code);
        Assert.Contains($"error {LokiCodes.RequirementPinsTorch}", stderr, StringComparison.Ordinal);
        Assert.Contains("requirements.txt(1)", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public async Task Verify_reports_each_problem_with_its_code_node_and_line()
    {
        Node("a_node", "numpy==1.26.4\n");
        Node("b_node", "numpy>=2\n-e ./local\n");

        var (code, _, stderr) = await Loki("verify", "--library", Path.Combine(_root, "nodes"), "--no-imports");

        Assert.Equal(CliApp.Failed, code);
        Assert.Contains($"error {LokiCodes.RequirementUnsupportedOption}", stderr, StringComparison.Ordinal);
        Assert.Contains($"error {LokiCodes.RequirementConflict}", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_usage_and_a_missing_library_exit_2()
    {
        Assert.Equal(CliApp.BadUsage, (await Loki("pack", "--frobnicate")).Code);
        Assert.Equal(CliApp.BadUsage, (await Loki("verify", "--library", Path.Combine(_root, "nope"))).Code);
    }
}
