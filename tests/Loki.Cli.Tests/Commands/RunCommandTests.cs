using System.Text.Json.Nodes;
using Loki.Core.Diagnostics;
using Loki.Tests;

namespace Loki.Cli.Tests.Commands;

/// <summary>
/// <c>loki run</c>: options checked before Python starts, jobs-file problems named by file and line (the dispatcher
/// reports them), and one real run on the embedded Dask cluster whose report and exit code reflect a failed job.
/// The ComfyUI workers and a killed worker are tests/python/test_dispatch_comfyui.py's.
/// </summary>
public sealed class RunCommandTests
{
    private static string PhotoFinish => RepoPaths.InRepo("nodes", "photo_finish", "photo_finish.py");

    private static string Png => RepoPaths.InRepo("nodes", "image_blur", "examples", "ramp.png");

    [Fact]
    public async Task Bad_options_are_refused_before_any_python_runs()
    {
        using var tmp = new TempDir();
        var jobs = tmp.Write("jobs.jsonl", "{}\n");
        var result = await CliRun.InProcessAsync("run", jobs, "--workers", "0", "--server", "localhost:8188", "--resources", "GPU");
        result.AssertError(LokiCodes.DispatchBadOptions, 2);
        Assert.Equal(3, result.Codes.Count(c => c == LokiCodes.DispatchBadOptions));
        (await CliRun.InProcessAsync("run", jobs, "--workers", "2", "--scheduler", "tcp://127.0.0.1:8786")).AssertError(LokiCodes.DispatchBadOptions, 2);
        (await CliRun.InProcessAsync("run", tmp.File("missing.jsonl"))).AssertError(LokiCodes.FileNotFound, 2, "missing.jsonl");
        (await CliRun.InProcessAsync("run", jobs, "--backend", "gpu")).AssertError(LokiCodes.BadUsage, 2);
    }

    [Fact]
    public async Task Jsonl_problems_are_named_by_file_and_line()
    {
        using var tmp = new TempDir();
        var jobs = tmp.Write("jobs.jsonl", string.Join("\n",
            Line(PhotoFinish, new JsonObject { ["image"] = Png }),
            """{"flow": "x.py", "inputs": {"image": """,
            Line("nowhere.py", new JsonObject()),
            Line(PhotoFinish, new JsonObject { ["picture"] = "a.png" })) + "\n");
        var result = await CliRun.InProcessAsync("run", jobs);
        result.AssertError(LokiCodes.DispatchJobsInvalidJson, 2);
        Assert.Contains($"{jobs}(2): error {LokiCodes.DispatchJobsInvalidJson}", result.Stderr, StringComparison.Ordinal);
        Assert.Contains($"{jobs}(3): error {LokiCodes.DispatchFlowNotFound}", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("(4)", result.Stderr, StringComparison.Ordinal); // inputs are checked once the file reads
    }

    [Fact]
    public async Task Csv_problems_are_named_by_file_and_line()
    {
        using var tmp = new TempDir();
        var csv = tmp.Write("in.csv", "image,caption\nramp.png,a,extra\n");
        var result = await CliRun.InProcessAsync("run", PhotoFinish, "--csv", csv);
        result.AssertError(LokiCodes.DispatchCsvMalformed, 2);
        Assert.Contains($"{csv}(2): error {LokiCodes.DispatchCsvMalformed}", result.Stderr, StringComparison.Ordinal);
        var unknown = tmp.Write("unknown.csv", "picture\nramp.png\n");
        (await CliRun.InProcessAsync("run", PhotoFinish, "--csv", unknown)).AssertError(LokiCodes.DispatchUnknownInput, 2, "unknown.csv(2)");
    }

    [Fact]
    public async Task A_run_reports_every_job_in_order_and_exits_1_when_one_failed()
    {
        using var tmp = new TempDir();
        var broken = tmp.Write("broken.png", "not a PNG");
        var jobs = tmp.Write("jobs.jsonl", string.Join("\n",
            Line(PhotoFinish, new JsonObject { ["image"] = Png, ["caption"] = "one" }),
            Line(PhotoFinish, new JsonObject { ["image"] = "broken.png" }),
            Line(PhotoFinish, new JsonObject { ["image"] = Png, ["caption"] = "three" }, "third")));
        var report = tmp.File("report.json");
        var result = await CliRun.InProcessAsync("run", jobs, "--workers", "1", "--backend", "loki", "--report", report, "--output", tmp.File("out"));
        Assert.True(result.ExitCode == 1, result.Stderr);
        Assert.Contains($"{jobs}(2): error {LokiCodes.DispatchJobFailed}", result.Stderr, StringComparison.Ordinal);
        Assert.Contains(LokiCodes.DispatchJobsFailed, result.Codes);
        var entries = JsonNode.Parse(File.ReadAllText(report))!.AsArray();
        Assert.Equal(["job-0001", "job-0002", "third"], entries.Select(e => e!["id"]!.GetValue<string>()));
        Assert.Equal(["ok", "failed", "ok"], entries.Select(e => e!["status"]!.GetValue<string>()));
        Assert.Equal("0", entries[0]!["worker"]!["name"]!.GetValue<string>());
        Assert.True(File.Exists(entries[2]!["outputs"]!["image"]!.GetValue<string>()));
        Assert.Equal(tmp.File(Path.Combine("out", "third", "image.png")), entries[2]!["outputs"]!["image"]!.GetValue<string>());
        Assert.False(Directory.Exists(tmp.File(Path.Combine("out", "job-0002"))));
        _ = broken;
    }

    private static string Line(string flow, JsonObject inputs, string? id = null)
    {
        var job = new JsonObject { ["flow"] = flow, ["inputs"] = inputs };
        if (id is not null)
        {
            job["id"] = id;
        }

        return job.ToJsonString();
    }
}
