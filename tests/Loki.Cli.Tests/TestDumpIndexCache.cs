using System.Runtime.CompilerServices;

namespace Loki.Cli.Tests;

/// <summary>
/// The CLI keeps each <c>--schemas</c> dump's index in the per-user cache (<c>DumpIndexCache.ForUser</c>). Tests never
/// write the real one, nor find what an earlier run left there: this test process (and every <c>loki</c> it starts)
/// gets a cache folder of its own, empty at the start and removed at the end.
/// </summary>
internal static class TestDumpIndexCache
{
    [ModuleInitializer]
    internal static void UseAFolderOfThisRun()
    {
        var folder = Directory.CreateTempSubdirectory("loki-cli-tests-cache-").FullName;
        Environment.SetEnvironmentVariable("LOKI_CACHE_DIR", folder);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A loki still running holds nothing open there; a leftover temporary folder is harmless.
            }
        };
    }
}
