using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Loki.Tests;

/// <summary>
/// The real ComfyUI 0.3.64 of <see cref="RepoPaths.ComfyUITool"/>, started for a test: the read-only tool folder is
/// copied to a temp folder (packs dropped into its <c>custom_nodes/</c>), <c>start-server.sh</c> runs on a free
/// loopback port without COMFYUI_PATH or PYTHONPATH, <see cref="StartAsync"/> returns once <c>GET /object_info</c>
/// answers, and <see cref="DisposeAsync"/> stops it by its process id and removes the copy. The Python twin is
/// tests/python/comfyui_tool.py (docs/comfyui-verification.md).
/// </summary>
internal sealed class ComfyUIServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _copy;

    private ComfyUIServer(Process process, string copy, int port)
    {
        _process = process;
        _copy = copy;
        Url = $"http://127.0.0.1:{port}";
    }

    /// <summary>The server's base URL.</summary>
    public string Url { get; }

    /// <summary>The ComfyUI folder of the copy (input/, output/, custom_nodes/).</summary>
    public string ComfyUI => Path.Combine(_copy, "comfyui", "ComfyUI");

    /// <summary>One HTTP client for the server.</summary>
    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromMinutes(5) };

    /// <summary>Starts a copy of the tool with <paramref name="packs"/> (custom_nodes folder name → pack folder).</summary>
    public static async Task<ComfyUIServer> StartAsync(IReadOnlyDictionary<string, string>? packs = null, TimeSpan? startup = null)
    {
        var tool = RepoPaths.ComfyUITool ?? throw new InvalidOperationException("the real ComfyUI tool is absent");
        var copy = Directory.CreateTempSubdirectory("loki-comfyui-").FullName;
        CopyWritable(tool, Path.Combine(copy, "comfyui"));
        foreach (var (name, pack) in packs ?? new Dictionary<string, string>())
        {
            CopyWritable(pack, Path.Combine(copy, "comfyui", "ComfyUI", "custom_nodes", name));
        }

        var port = FreePort();
        var psi = new ProcessStartInfo("sh") { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(Path.Combine(copy, "comfyui", "start-server.sh"));
        psi.ArgumentList.Add(port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        psi.Environment.Remove("COMFYUI_PATH");
        psi.Environment.Remove("PYTHONPATH");
        var log = new System.Text.StringBuilder();
        var process = Process.Start(psi)!;
        process.OutputDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new ComfyUIServer(process, copy, port);
        var deadline = DateTime.UtcNow + (startup ?? TimeSpan.FromMinutes(4));
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                await server.DisposeAsync();
                throw new InvalidOperationException($"ComfyUI exited {process.ExitCode}:\n{Tail(log)}");
            }

            try
            {
                using var answer = await server.Http.GetAsync(server.Url + "/object_info");
                if (answer.IsSuccessStatusCode)
                {
                    return server;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(500);
        }

        await server.DisposeAsync();
        throw new TimeoutException($"ComfyUI did not answer /object_info:\n{Tail(log)}");
    }

    /// <summary>GET a path of the server's API as text.</summary>
    public Task<string> GetStringAsync(string path) => Http.GetStringAsync(Url + path);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: false); // start-server.sh execs python: this pid is ComfyUI's
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Http.Dispose();
        try
        {
            Directory.Delete(_copy, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static string Tail(System.Text.StringBuilder log)
    {
        lock (log)
        {
            var text = log.ToString();
            return text.Length > 4000 ? text[^4000..] : text;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void CopyWritable(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var dir in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        }

        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            File.Copy(file, target);
            if (!OperatingSystem.IsWindows()) // the tool's files are read-only; the copy's must not be
            {
                File.SetUnixFileMode(target, File.GetUnixFileMode(file) | UnixFileMode.UserWrite);
            }
        }
    }
}
