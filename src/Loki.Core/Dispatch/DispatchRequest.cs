using System.Collections.Immutable;

namespace Loki.Core.Dispatch;

/// <summary>
/// One <c>loki run</c>: the jobs and where they run. The dispatcher itself is Python (Dask distributed,
/// <c>loki_runtime.dispatch</c>); this is what the command line hands it.
/// </summary>
/// <param name="Jobs">A JSONL file of jobs, or (with <paramref name="Csv"/>) the flow every CSV row runs.</param>
/// <param name="Csv">A CSV of inputs, one job per row; null for a JSONL file.</param>
/// <param name="Workers">Workers of the embedded LocalCluster; null for the dispatcher's default.</param>
/// <param name="Scheduler">A running Dask scheduler (<c>tcp://HOST:8786</c>); null for the embedded cluster.</param>
/// <param name="Backend">loki, comfyui or server; null keeps each flow's own default.</param>
/// <param name="ComfyUI">ComfyUI folders for the in-process backend, spread over the workers.</param>
/// <param name="Servers">ComfyUI server URLs for the server backend, spread over the workers.</param>
/// <param name="Report">The JSON report file; null writes it to standard output.</param>
/// <param name="Output">The folder of the jobs' output folders; null for the dispatcher's default.</param>
/// <param name="Events">A JSON-lines events log; null for none.</param>
/// <param name="Resources">Resources each local worker declares (<c>GPU=1</c>).</param>
/// <param name="Progress">Whether to draw a progress bar.</param>
public sealed record DispatchRequest(
    string Jobs,
    string? Csv = null,
    int? Workers = null,
    string? Scheduler = null,
    string? Backend = null,
    ImmutableArray<string> ComfyUI = default,
    ImmutableArray<string> Servers = default,
    string? Report = null,
    string? Output = null,
    string? Events = null,
    ImmutableArray<string> Resources = default,
    bool Progress = false);
