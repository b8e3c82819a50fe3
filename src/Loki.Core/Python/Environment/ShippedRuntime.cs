namespace Loki.Core.Python.Environment;

/// <summary>
/// The <c>loki_runtime</c> a LOKI program carries beside itself (<c>python/loki_runtime</c>, as the packed
/// <c>loki</c> tool and the CLI's build output have it). One place for it, so every front-end that runs Python
/// finds the same runtime when a user works outside a repository.
/// </summary>
public static class ShippedRuntime
{
    /// <summary>The folder holding the shipped <c>loki_runtime/</c> (a PYTHONPATH entry); null when none ships.</summary>
    public static string? Parent()
    {
        var parent = Path.Combine(AppContext.BaseDirectory, "python");
        return File.Exists(Path.Combine(parent, "loki_runtime", "__init__.py")) ? parent : null;
    }
}
