using Loki.Core.Diagnostics;
using Loki.Core.Dispatch;

namespace Loki.Core.Tests.Dispatch;

/// <summary>What <c>loki run</c> checks before Python starts, and the dispatcher's command line it builds.</summary>
public sealed class DispatchArgumentsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("loki-dispatch-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Touch(string name, string text = "")
    {
        var path = Path.Combine(_dir, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void A_plain_request_becomes_the_module_call_with_paths_as_given()
    {
        var jobs = Touch("jobs.jsonl");
        var request = new DispatchRequest(jobs, Workers: 2, Backend: "comfyui", ComfyUI: ["/a", "/b"], Report: "r.json", Resources: ["GPU=1"]);
        Assert.Equal(
            ["-m", "loki_runtime.dispatch", jobs, "--workers", "2", "--backend", "comfyui", "--comfyui", "/a", "--comfyui", "/b",
             "--resources", "GPU=1", "--report", "r.json", "--no-progress"],
            DispatchArguments.For(request));
        Assert.Equal("--progress", DispatchArguments.For(request with { Progress = true })[^1]);
    }

    [Fact]
    public void A_good_request_has_no_problem()
    {
        var comfy = Path.GetDirectoryName(Touch(Path.Combine("ComfyUI", "nodes.py")))!;
        var request = new DispatchRequest(Touch("jobs.jsonl"), Scheduler: "tcp://10.0.0.5:8786", ComfyUI: [comfy],
            Servers: ["http://127.0.0.1:8188"], Resources: ["GPU=0.5"]);
        Assert.Empty(DispatchArguments.Check(request));
    }

    [Fact]
    public void Each_bad_option_is_one_coded_problem()
    {
        var request = new DispatchRequest(Touch("jobs.jsonl"), Workers: 0, Scheduler: "10.0.0.5:8786", ComfyUI: [_dir],
            Servers: ["127.0.0.1:8188"], Resources: ["GPU"]);
        var problems = DispatchArguments.Check(request);
        Assert.Equal(6, problems.Count); // workers 0, both --workers and --scheduler, the scheduler, the server, the folder, the resource
        Assert.All(problems, p => Assert.Equal(LokiCodes.DispatchBadOptions, p.Code));
    }

    [Fact]
    public void Missing_files_are_named()
    {
        var missing = Path.Combine(_dir, "none.jsonl");
        Assert.Equal([(LokiCodes.FileNotFound, missing)], DispatchArguments.Check(new DispatchRequest(missing)).Select(p => (p.Code, p.File)));
        var csv = Path.Combine(_dir, "none.csv");
        var flow = Path.Combine(_dir, "none.py");
        Assert.Equal([(LokiCodes.FileNotFound, csv), (LokiCodes.DispatchFlowNotFound, flow)],
            DispatchArguments.Check(new DispatchRequest(flow, Csv: csv)).Select(p => (p.Code, p.File)));
    }
}
