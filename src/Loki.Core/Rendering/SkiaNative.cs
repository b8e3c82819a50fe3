using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Runtime.InteropServices;
using SkiaSharp;

namespace Loki.Core.Rendering;

/// <summary>
/// Finds SkiaSharp's native library where NuGet's runtime assets put it (<c>runtimes/&lt;rid&gt;/native/</c>)
/// beside SkiaSharp.dll or Loki.Core.dll. An application finds it through its <c>deps.json</c>, but MSBuild loads
/// the LOKI tasks (and so this library) without one, and then only the process's own folders are searched.
/// </summary>
internal static class SkiaNative
{
    private static int _registered;

    /// <summary>Registers the resolver once per process; call before the first SkiaSharp call.</summary>
    public static void Ensure()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 1)
        {
            return;
        }

        try
        {
            NativeLibrary.SetDllImportResolver(typeof(SKObject).Assembly, Resolve);
        }
        catch (InvalidOperationException)
        {
            // The host already set a resolver for SkiaSharp: it knows where the library is.
        }
    }

    /// <summary>Registers the resolver, then runs <paramref name="action"/>.</summary>
    public static T EnsureThen<T>(Func<T> action)
    {
        Ensure();
        return action();
    }

    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (NativeLibrary.TryLoad(name, assembly, searchPath, out var handle))
        {
            return handle;
        }

        var file = (name.StartsWith("lib", StringComparison.Ordinal) ? name : "lib" + name) + (name.EndsWith(".so", StringComparison.Ordinal) ? string.Empty : ".so");
        foreach (var folder in new[] { FolderOf(assembly), FolderOf(typeof(SkiaNative).Assembly), AppContext.BaseDirectory }.OfType<string>().Where(f => f.Length > 0).Select(Path.TrimEndingDirectorySeparator).Distinct())
        {
            foreach (var candidate in new[] { Path.Combine(folder, "runtimes", RuntimeInformation.RuntimeIdentifier, "native", file), Path.Combine(folder, "runtimes", Rid(), "native", file), Path.Combine(folder, file) })
            {
                if (File.Exists(candidate) && NativeLibrary.TryLoad(candidate, out handle))
                {
                    return handle;
                }
            }
        }

        return IntPtr.Zero;
    }

    // In a single-file or Native AOT app an assembly has no location (an empty string, hence no folder); the app's own
    // folder, AppContext.BaseDirectory, then stands in for it, which is where the native publish puts libSkiaSharp.so.
    [UnconditionalSuppressMessage("SingleFile", "IL3000", Justification = "An empty location is handled: the folder is skipped and AppContext.BaseDirectory is searched.")]
    private static string? FolderOf(Assembly assembly) => Path.GetDirectoryName(assembly.Location);

    private static string Rid() => "linux-" + RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant();
}
