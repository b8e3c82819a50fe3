using System.Runtime;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;

namespace Loki.Benchmarks;

/// <summary>
/// The runtime a measure was taken in, as the process itself sees it: JIT or Native AOT, the collector's mode, the
/// settings `loki` sets (src/Loki.Cli/RuntimeSettings.props) and the young-generation cap the collector actually uses.
/// Printed with every <c>passes</c> summary, so that a number never travels without the runtime that made it.
/// </summary>
internal static class RuntimeReport
{
    // The runtime options the CLI sets or could set: what the host handed the process (null: not set).
    private static readonly string[] Options = ["System.GC.Gen0MaxBudget", "System.GC.Server", "System.GC.Concurrent", "System.Runtime.TieredPGO", "System.Runtime.TieredCompilation", "System.IO.DisableFileLocking"];

    public static JsonObject Describe()
    {
        var gc = GC.GetConfigurationVariables();
        var options = new JsonObject();
        foreach (var name in Options)
        {
            options[name] = AppContext.GetData(name)?.ToString();
        }

        return new JsonObject
        {
            ["kind"] = RuntimeFeature.IsDynamicCodeCompiled ? "jit" : "native-aot",
            ["gc_server"] = GCSettings.IsServerGC,
            ["gc_latency_mode"] = GCSettings.LatencyMode.ToString(),
            // What the collector took as its young-generation cap (0: its own default, which scales with the cache size).
            ["gc_gen0_max_budget"] = gc.TryGetValue("GCGen0MaxBudget", out var budget) ? System.Convert.ToInt64(budget, System.Globalization.CultureInfo.InvariantCulture) : null,
            ["gc_concurrent"] = gc.TryGetValue("GCConcurrent", out var concurrent) ? System.Convert.ToBoolean(concurrent, System.Globalization.CultureInfo.InvariantCulture) : null,
            ["options"] = options,
        };
    }
}
