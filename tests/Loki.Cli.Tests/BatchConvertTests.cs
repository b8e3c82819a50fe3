using System.Text.Json.Nodes;
using Loki.Cli.Commands;
using Loki.Core.Diagnostics;
using Loki.Core.Text;
using Loki.Tests;

namespace Loki.Cli.Tests;

/// <summary><c>loki convert INPUT... -o OUTDIR</c>: many files in one process, per-file diagnostics, the worst exit code.</summary>
public sealed class BatchConvertTests
{
    private static string Canonical(string json) => CanonicalJson.WriteCompact(CanonicalJson.SortKeys(JsonNode.Parse(json)));

    /// <summary>A prompt as the conformance report's strict comparison sees it: without <c>_meta</c>, numbers as numbers (1.0 is 1).</summary>
    private static string PromptCore(string json)
    {
        var prompt = JsonNode.Parse(json)!.AsObject();
        foreach (var (_, node) in prompt)
        {
            node?.AsObject().Remove("_meta");
        }

        return CanonicalJson.WriteCompact(CanonicalJson.SortKeys(Numbers(prompt)));
    }

    private static JsonNode? Numbers(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.Select(p => KeyValuePair.Create(p.Key, Numbers(p.Value)))),
        JsonArray a => new JsonArray([.. a.Select(Numbers)]),
        JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.Number => JsonValue.Create(v.GetValue<double>()),
        _ => node?.DeepClone(),
    };

    private static TempDir MixedFolder()
    {
        var dir = new TempDir();
        Directory.CreateDirectory(dir.File("in/sub/deeper"));
        dir.Write("in/good.json", Workflows.Chain);
        dir.Write("in/sub/prompt.json", Workflows.ChainPrompt);
        dir.Write("in/sub/deeper/also-good.json", Workflows.Chain);
        dir.Write("in/sub/notes.txt", "not a workflow, not picked up from a folder");
        return dir;
    }

    [Fact]
    public async Task Folder_IsConvertedRecursively_KeepingTheLayout()
    {
        using var dir = MixedFolder();

        var run = await CliRun.InProcessAsync("convert", dir.File("in"), "--to", "api", "-o", dir.File("out"));

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Equal(["deeper/also-good.json", "prompt.json"], Directory.GetFiles(dir.File("out/sub"), "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(dir.File("out/sub"), f).Replace('\\', '/')).Order(StringComparer.Ordinal));
        Assert.Equal(Canonical(Workflows.ChainPrompt), Canonical(File.ReadAllText(dir.File("out/good.json"))));
        Assert.Equal(Canonical(Workflows.ChainPrompt), Canonical(File.ReadAllText(dir.File("out/sub/deeper/also-good.json"))));
        Assert.Matches(@"^convert: 3 of 3 files to api in .*out \(\d+\.\d\d s\)\n$", run.Stdout);
        Assert.Equal(string.Empty, run.Stderr);
    }

    [Fact]
    public async Task MixedGoodAndBad_EachFileReportedWithItsCode_ExitIsTheWorst()
    {
        using var dir = MixedFolder();
        var notConvertible = dir.Write("in/link.json", Workflows.ChainWith("[1, 1, 0, 2, 0, \"IMAGE\"]", "[1, 9, 0, 2, 0, \"IMAGE\"]"));

        var failedOnly = await CliRun.InProcessAsync("convert", dir.File("in"), "--to", "api", "-o", dir.File("out1"));
        var broken = dir.Write("in/sub/broken.json", Workflows.Chain[..100]);
        var unreadableToo = await CliRun.InProcessAsync("convert", dir.File("in"), "--to", "api", "-o", dir.File("out2"));

        failedOnly.AssertError(LokiCodes.WorkflowLinkToMissingNode, 1, notConvertible);
        Assert.Contains("3 of 4 files", failedOnly.Stdout, StringComparison.Ordinal);
        Assert.Contains(", 1 failed", failedOnly.Stdout, StringComparison.Ordinal);
        Assert.False(File.Exists(dir.File("out1/link.json")));
        Assert.True(File.Exists(dir.File("out1/good.json")));

        unreadableToo.AssertError(LokiCodes.WorkflowInvalidJson, 2, broken);
        Assert.Contains(LokiCodes.WorkflowLinkToMissingNode, unreadableToo.Codes);
        Assert.Contains("3 of 5 files", unreadableToo.Stdout, StringComparison.Ordinal);
        Assert.Equal(3, Directory.GetFiles(dir.File("out2"), "*", SearchOption.AllDirectories).Length);
    }

    [Fact]
    public async Task Glob_MatchesBelowItsBase_AndOutputsAreRelativeToIt()
    {
        using var dir = MixedFolder();
        dir.Write("in/sub/skip.prompt.txt", Workflows.ChainPrompt);

        var run = await CliRun.InProcessAsync("convert", dir.File("in") + "/sub/**/*.json", "--to", "ui", "-o", dir.File("out"));

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Equal(["deeper/also-good.json", "prompt.json"], Directory.GetFiles(dir.File("out"), "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(dir.File("out"), f).Replace('\\', '/')).Order(StringComparer.Ordinal));
        Assert.Equal(Canonical(Workflows.Chain), Canonical(File.ReadAllText(dir.File("out/deeper/also-good.json"))));
        Assert.True(JsonNode.Parse(File.ReadAllText(dir.File("out/prompt.json")))!["extra"]!["loki"]!["generated"]!.GetValue<bool>());
    }

    [Fact]
    public async Task SeveralFiles_MissingOnes_AndClashingOutputs_AreCoded()
    {
        using var dir = MixedFolder();
        var missing = dir.File("in/nope.json");

        var run = await CliRun.InProcessAsync("convert", dir.File("in/good.json"), missing, dir.File("in/sub/deeper/also-good.json"), dir.File("in/sub/deeper/../../good.json"), dir.File("in/sub/prompt.json"), "--to", "api", "-o", dir.File("out"));

        run.AssertError(LokiCodes.FileNotFound, 2, missing);
        Assert.Contains("3 of 3 files", run.Stdout, StringComparison.Ordinal); // the same file named twice counts once
        Assert.True(File.Exists(dir.File("out/also-good.json")) && File.Exists(dir.File("out/prompt.json")));
        Assert.DoesNotContain(LokiCodes.BatchOutputClash, run.Codes);

        Directory.CreateDirectory(dir.File("in2"));
        var twin = dir.Write("in2/good.json", Workflows.Chain);
        var clashing = await CliRun.InProcessAsync("convert", dir.File("in/good.json"), twin, "--to", "api", "-o", dir.File("out3"));
        clashing.AssertError(LokiCodes.BatchOutputClash, 1, twin);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task SeveralInputsOrAFolder_WithoutOutDir_IsBadUsage(bool folder)
    {
        using var dir = MixedFolder();
        string[] inputs = folder ? [dir.File("in")] : [dir.File("in/good.json"), dir.File("in/sub/prompt.json")];

        var run = await CliRun.InProcessAsync(["convert", .. inputs, "--to", "api"]);

        run.AssertError(LokiCodes.BadUsage, 2);
    }

    [Fact]
    public async Task ProgressBar_OnlyOnATerminal()
    {
        using var dir = MixedFolder();

        var terminal = await RunWith(new CliConsole(ProgressOnStderr: true), "convert", dir.File("in"), "--to", "api", "-o", dir.File("out1"));
        var redirected = await CliRun.InProcessAsync("convert", dir.File("in"), "--to", "api", "-o", dir.File("out2"));
        var process = await CliRun.ProcessAsync("convert", dir.File("in"), "--to", "api", "-o", dir.File("out3"));

        Assert.Equal(0, terminal.ExitCode);
        Assert.Contains("converting", terminal.Stderr, StringComparison.Ordinal);
        Assert.Contains("\u001b[", terminal.Stderr, StringComparison.Ordinal);
        foreach (var run in new[] { redirected, process })
        {
            Assert.True(run.ExitCode == 0, run.Stderr);
            Assert.Equal(string.Empty, run.Stderr);
            Assert.DoesNotContain("\u001b", run.Stdout, StringComparison.Ordinal);
            Assert.StartsWith("convert: 3 of 3 files", run.Stdout, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("out/")]
    [InlineData("existing")]
    public async Task OneFile_IntoAFolder_IsABatchOfOne(string output)
    {
        using var dir = MixedFolder();
        Directory.CreateDirectory(dir.File("existing"));

        var run = await CliRun.InProcessAsync("convert", dir.File("in/good.json"), "--to", "api", "-o", dir.File(output));

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Equal(Canonical(Workflows.ChainPrompt), Canonical(File.ReadAllText(Path.Combine(dir.File(output), "good.json"))));
        Assert.StartsWith("convert: 1 of 1 file to api in ", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OneFile_ToANodeFolder_IsNotABatch()
    {
        using var dir = MixedFolder();
        Directory.CreateDirectory(dir.File("node"));

        var run = await CliRun.InProcessAsync("convert", dir.File("in/good.json"), "--to", "node", "-o", dir.File("node"));

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.DoesNotContain("convert:", run.Stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(dir.File("node/node.json")), string.Join(", ", Directory.GetFiles(dir.File("node"), "*", SearchOption.AllDirectories)));
    }

    [Fact]
    public async Task AFileWhereAnOutputFolderGoes_FailsTheFilesBelowIt_WithItsCode()
    {
        using var dir = MixedFolder();
        Directory.CreateDirectory(dir.File("out"));
        dir.Write("out/sub", "a file where the folder sub/ would go");

        var run = await CliRun.InProcessAsync("convert", dir.File("in"), "--to", "api", "-o", dir.File("out"));

        Assert.Equal(2, run.Codes.Count(c => c == LokiCodes.WriteFailed));
        Assert.NotEqual(0, run.ExitCode);
        Assert.True(File.Exists(dir.File("out/good.json")), run.Stderr);
        Assert.Contains("1 of 3 files", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AgainIntoTheSameFolder_UnchangedOutputsAreNotRewritten_ChangedOnesAre()
    {
        using var dir = MixedFolder();
        var first = await CliRun.InProcessAsync("convert", dir.File("in"), "--to", "api", "-o", dir.File("out"));
        Assert.Equal(0, first.ExitCode);
        var kept = dir.File("out/sub/deeper/also-good.json");
        var old = new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(kept, old);
        File.SetLastWriteTimeUtc(dir.File("out/good.json"), old);
        File.WriteAllText(dir.File("out/good.json"), "{}");

        // The folders exist now: each output is compared with what is there (a timestamp drives downstream builds).
        var second = await CliRun.InProcessAsync("convert", dir.File("in"), "--to", "api", "-o", dir.File("out"));

        Assert.Equal(0, second.ExitCode);
        Assert.Equal(old, File.GetLastWriteTimeUtc(kept));
        Assert.Equal(File.ReadAllText(kept), File.ReadAllText(dir.File("out/good.json")));
    }

    [Fact]
    public void BatchWriter_WritesEachResult_AndAddsAFailedWriteToItsFilesOutcome()
    {
        using var dir = new TempDir();
        dir.Write("taken", "a file where the folder taken/ would go");
        var warning = new LokiDiagnostic(LokiCodes.WorkflowInvalidJson, DiagnosticSeverity.Warning, "kept", "in/b.json");
        ConvertOutcome[] outcomes = [new(0, [], null), new(0, [warning], null), new(0, [], null)];
        var steps = 0;
        var writer = new BatchWriter(outcomes, new ConvertSettings(new ApiConvertTarget(), Loki.Core.Schemas.SchemaSet.Catalogue, null), () => Interlocked.Increment(ref steps));

        writer.Add(0, dir.File("out/a/a.json"), Pooled("{}\n"u8));
        writer.Add(1, dir.File("taken/b.json"), Pooled("{}\n"u8));
        writer.Add(2, dir.File("out/c.json"), Pooled("[]\n"u8));
        writer.Complete();

        Assert.Equal(3, steps);
        Assert.Equal("{}\n", File.ReadAllText(dir.File("out/a/a.json")));
        Assert.Equal("[]\n", File.ReadAllText(dir.File("out/c.json")));
        Assert.Equal([LokiCodes.WorkflowInvalidJson, LokiCodes.WriteFailed], outcomes[1].Diagnostics.Select(d => d.Code));
        Assert.NotEqual(0, outcomes[1].ExitCode);
        Assert.Equal(0, outcomes[0].ExitCode);
        Assert.Empty(outcomes[2].Diagnostics);
    }

    // Results reach the writer in arrays rented from the shared pool, longer than the result: only the result is written.
    private static ArraySegment<byte> Pooled(ReadOnlySpan<byte> bytes)
    {
        var rented = System.Buffers.ArrayPool<byte>.Shared.Rent(bytes.Length);
        rented.AsSpan().Fill((byte)'x');
        bytes.CopyTo(rented);
        return new ArraySegment<byte>(rented, 0, bytes.Length);
    }

    [Fact]
    public void OutputFolders_MakeMissingFoldersTopDown_AndKnowWhichTheyMade()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir.File("there"));
        var folders = new OutputFolders();

        Assert.True(folders.Ensure(dir.File("new/a/b/x.json")));
        Assert.True(folders.Ensure(dir.File("new/a/y.json")));
        Assert.True(folders.Ensure(dir.File("new/a/b/c/z.json")));
        Assert.False(folders.Ensure(dir.File("there/x.json")));
        Assert.True(folders.Ensure(dir.File("there/new/x.json")));
        Assert.False(folders.Ensure(dir.File("x.json")));
        Assert.True(Directory.Exists(dir.File("new/a/b/c")));
        Assert.True(Directory.Exists(dir.File("there/new")));
        Assert.Throws<IOException>(() => new OutputFolders().Ensure(dir.Write("file", "a file where a folder goes") + "/x.json"));
    }

    [Fact]
    public void Summary_CountsEachKindOnce_InTheRightNumber()
    {
        LokiDiagnostic Of(DiagnosticSeverity severity) => new(LokiCodes.WorkflowInvalidJson, severity, "m", "f");
        ConvertOutcome[] outcomes =
        [
            new(0, [Of(DiagnosticSeverity.Info), Of(DiagnosticSeverity.Info), Of(DiagnosticSeverity.Warning)], null),
            new(1, [Of(DiagnosticSeverity.Error), Of(DiagnosticSeverity.Info)], null),
            new(0, [], null),
        ];

        Assert.Equal("convert: 2 of 3 files to api in out, 1 failed, 1 input not found, 1 warning, 3 notes (1.50 s)", ConvertBatch.Summary(3, outcomes, 1, "api", "out", TimeSpan.FromSeconds(1.5)));
        Assert.Equal("convert: 1 of 1 file to ui in o (0.00 s)", ConvertBatch.Summary(1, [new(0, [], null)], 0, "ui", "o", TimeSpan.Zero));
        Assert.Equal("convert: 0 of 0 files to ui in o, 2 inputs not found (0.00 s)", ConvertBatch.Summary(0, [], 2, "ui", "o", TimeSpan.Zero));
    }

    [CorpusFact]
    public async Task FrontendPairs_AsOneBatch_MatchTheFrontendsPrompts()
    {
        var pairs = Path.Combine(RepoPaths.Corpus!, "frontend-pairs");
        using var dir = new TempDir();

        var run = await CliRun.InProcessAsync("convert", pairs + "/**/*.workflow.json", "--to", "api", "-o", dir.File("out"));

        var workflows = Directory.GetFiles(pairs, "*.workflow.json", SearchOption.AllDirectories);
        var exact = workflows.Count(w =>
        {
            var output = Path.Combine(dir.File("out"), Path.GetRelativePath(pairs, w));
            return File.Exists(output) && PromptCore(File.ReadAllText(output)) == PromptCore(File.ReadAllText(w.Replace(".workflow.json", ".prompt.json", StringComparison.Ordinal)));
        });
        Assert.Equal(249, workflows.Length);
        Assert.DoesNotContain(LokiCodes.InternalError, run.Codes);
        Assert.True(exact >= 247, // docs/conformance-report.md: 247/249 strict
             $"{exact} of {workflows.Length} exact; stderr: {run.Stderr}");
        Assert.StartsWith($"convert: {Directory.GetFiles(dir.File("out"), "*", SearchOption.AllDirectories).Length} of 249 files", run.Stdout, StringComparison.Ordinal);
    }

    private static async Task<CliResult> RunWith(CliConsole console, params string[] args)
    {
        using var stdout = new StringWriter { NewLine = "\n" };
        using var stderr = new StringWriter { NewLine = "\n" };
        var code = await CliApp.RunAsync(args, stdout, stderr, console);
        return new CliResult(code, stdout.ToString(), stderr.ToString());
    }
}
