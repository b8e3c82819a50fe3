namespace Loki.Core.Python.Environment;

/// <summary>A Python interpreter found on this machine.</summary>
/// <param name="Path">The executable to run.</param>
/// <param name="Version">Its version (<c>3.11.2</c>).</param>
public sealed record PythonInterpreter(string Path, Version Version)
{
    /// <summary>The oldest Python LOKI supports (the oldest ComfyUI users run).</summary>
    public static readonly Version Minimum = new(3, 10);
}
