using System.Globalization;
using Loki.Core.Diagnostics;

namespace Loki.Core.Dispatch;

/// <summary>
/// Checks a <see cref="DispatchRequest"/> before any Python starts (files exist, options fit together) and turns it
/// into the arguments of <c>python3 -m loki_runtime.dispatch</c>. The jobs file's content is checked by the
/// dispatcher itself, which names the file and line of each problem (LOKI8040-8046, LOKI8054).
/// </summary>
public static class DispatchArguments
{
    /// <summary>The module the interpreter runs.</summary>
    public const string Module = "loki_runtime.dispatch";

    private static readonly string[] SchedulerSchemes = ["tcp", "tls", "ucx", "inproc", "ws", "wss"];

    /// <summary>The problems of <paramref name="request"/>; empty when it can be launched.</summary>
    public static IReadOnlyList<LokiDiagnostic> Check(DispatchRequest request)
    {
        var problems = new List<LokiDiagnostic>();
        if (request.Csv is null && !File.Exists(request.Jobs))
        {
            problems.Add(Error(LokiCodes.FileNotFound, "jobs file not found", request.Jobs));
        }

        if (request.Csv is not null)
        {
            if (!File.Exists(request.Csv))
            {
                problems.Add(Error(LokiCodes.FileNotFound, "CSV of inputs not found", request.Csv));
            }

            if (!File.Exists(request.Jobs) && !Directory.Exists(request.Jobs))
            {
                problems.Add(Error(LokiCodes.DispatchFlowNotFound, "no flow script or node folder here", request.Jobs));
            }
        }

        if (request.Workers is < 1)
        {
            problems.Add(Error(LokiCodes.DispatchBadOptions, string.Create(CultureInfo.InvariantCulture, $"--workers must be 1 or more; got {request.Workers}")));
        }

        if (request.Workers is not null && request.Scheduler is not null)
        {
            problems.Add(Error(LokiCodes.DispatchBadOptions, "--workers starts a local cluster and --scheduler uses a running one: give one of them"));
        }

        if (request.Scheduler is { } scheduler && !(Uri.TryCreate(scheduler, UriKind.Absolute, out var uri) && SchedulerSchemes.Contains(uri.Scheme)))
        {
            problems.Add(Error(LokiCodes.DispatchBadOptions, $"--scheduler takes a Dask scheduler address such as tcp://HOST:8786; got '{scheduler}'"));
        }

        foreach (var server in request.Servers.IsDefault ? [] : request.Servers)
        {
            if (!Uri.TryCreate(server, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            {
                problems.Add(Error(LokiCodes.DispatchBadOptions, $"--server takes a ComfyUI URL such as http://127.0.0.1:8188; got '{server}'"));
            }
        }

        foreach (var folder in request.ComfyUI.IsDefault ? [] : request.ComfyUI)
        {
            if (!File.Exists(Path.Combine(folder, "nodes.py")))
            {
                problems.Add(Error(LokiCodes.DispatchBadOptions, "--comfyui takes a ComfyUI folder (holding nodes.py)", folder));
            }
        }

        foreach (var resource in request.Resources.IsDefault ? [] : request.Resources)
        {
            var parts = resource.Split('=', 2);
            if (parts.Length != 2 || parts[0].Trim().Length == 0 || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            {
                problems.Add(Error(LokiCodes.DispatchBadOptions, $"--resources takes NAME=AMOUNT such as GPU=1; got '{resource}'"));
            }
        }

        return problems;
    }

    /// <summary>
    /// The arguments after <c>python3</c>: <c>-m loki_runtime.dispatch ...</c>. Paths stay as the user gave them
    /// (the dispatcher runs in the same folder), so its messages name files as the user wrote them.
    /// </summary>
    public static IReadOnlyList<string> For(DispatchRequest request)
    {
        var args = new List<string> { "-m", Module, request.Jobs };
        void Add(string flag, string? value)
        {
            if (value is not null)
            {
                args.Add(flag);
                args.Add(value);
            }
        }

        Add("--csv", request.Csv);
        Add("--workers", request.Workers?.ToString(CultureInfo.InvariantCulture));
        Add("--scheduler", request.Scheduler);
        Add("--backend", request.Backend);
        foreach (var folder in request.ComfyUI.IsDefault ? [] : request.ComfyUI)
        {
            Add("--comfyui", folder);
        }

        foreach (var server in request.Servers.IsDefault ? [] : request.Servers)
        {
            Add("--server", server);
        }

        foreach (var resource in request.Resources.IsDefault ? [] : request.Resources)
        {
            Add("--resources", resource);
        }

        Add("--report", request.Report);
        Add("--output", request.Output);
        Add("--events", request.Events);
        args.Add(request.Progress ? "--progress" : "--no-progress");
        return args;
    }

    private static LokiDiagnostic Error(string code, string message, string? file = null) =>
        new(code, DiagnosticSeverity.Error, message, file);
}
