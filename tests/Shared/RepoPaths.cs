namespace Loki.Tests;

/// <summary>Locates the repository, its test data and the shared corpus from a running test.</summary>
internal static class RepoPaths
{
    private static readonly Lazy<string> RootLazy = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Loki.Build.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Loki.Build.sln not found above " + AppContext.BaseDirectory);
    });

    /// <summary>The repository root (the folder holding Loki.Build.sln).</summary>
    public static string Root => RootLazy.Value;

    /// <summary>
    /// The shared corpus of real ComfyUI workflows: <c>$LOKI_CORPUS</c>, else <c>../shared/corpus</c> beside the
    /// repository. Null when absent; tests that need it skip (see <see cref="CorpusFactAttribute"/>).
    /// </summary>
    public static string? Corpus
    {
        get
        {
            var env = Environment.GetEnvironmentVariable("LOKI_CORPUS");
            if (!string.IsNullOrEmpty(env) && Directory.Exists(env))
            {
                return env;
            }

            var sibling = Path.GetFullPath(Path.Combine(Root, "..", "shared", "corpus"));
            return Directory.Exists(sibling) ? sibling : null;
        }
    }

    /// <summary>The shared docs folder (<c>../shared/docs</c>), or null when absent.</summary>
    public static string? SharedDocs
    {
        get
        {
            var dir = Path.GetFullPath(Path.Combine(Root, "..", "shared", "docs"));
            return Directory.Exists(dir) ? dir : null;
        }
    }

    /// <summary>
    /// The real ComfyUI 0.3.64 for tests (its README: <c>ComfyUI/</c>, <c>stubs/ shims/ vendor/</c>,
    /// <c>start-server.sh</c>): <c>$LOKI_COMFYUI_TOOL</c>, else <c>shared/tools/comfyui</c> in a folder above the
    /// repository (CI: <c>../shared</c>). Read-only: copy it before running it (tests/python/comfyui_tool.py does).
    /// Null when absent.
    /// </summary>
    public static string? ComfyUITool
    {
        get
        {
            static bool IsTool(string d) => File.Exists(Path.Combine(d, "start-server.sh")) && File.Exists(Path.Combine(d, "ComfyUI", "nodes.py"));
            if (Environment.GetEnvironmentVariable("LOKI_COMFYUI_TOOL") is { Length: > 0 } env)
            {
                return IsTool(env) ? Path.GetFullPath(env) : null;
            }

            for (var dir = new DirectoryInfo(Root); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared", "tools", "comfyui");
                if (IsTool(candidate))
                {
                    return candidate;
                }
            }

            return null;
        }
    }

    /// <summary>The Python interpreter tests use: <c>$LOKI_PYTHON</c>, else <c>/usr/bin/python3</c>.</summary>
    public static string Python => Environment.GetEnvironmentVariable("LOKI_PYTHON") is { Length: > 0 } p ? p : "/usr/bin/python3";

    /// <summary>A path under the repository root.</summary>
    public static string InRepo(params string[] parts) => Path.Combine([Root, .. parts]);
}

/// <summary>A fact that skips, saying why, when the shared corpus is absent.</summary>
internal sealed class CorpusFactAttribute : FactAttribute
{
    public CorpusFactAttribute()
    {
        if (RepoPaths.Corpus is null)
        {
            Skip = "the shared corpus (../shared/corpus or $LOKI_CORPUS) is absent";
        }
    }
}

/// <summary>A theory that skips, saying why, when the shared corpus is absent.</summary>
internal sealed class CorpusTheoryAttribute : TheoryAttribute
{
    public CorpusTheoryAttribute()
    {
        if (RepoPaths.Corpus is null)
        {
            Skip = "the shared corpus (../shared/corpus or $LOKI_CORPUS) is absent";
        }
    }
}
