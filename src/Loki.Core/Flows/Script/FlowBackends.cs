using Loki.Core.Flows.Schemas;

namespace Loki.Core.Flows.Script;

/// <summary>Which backends can run a flow (contracts §2.3): <c>loki</c> needs LOKI nodes and the runtime's built-ins only.</summary>
public static class FlowBackends
{
    /// <summary>The backends a flow script accepts.</summary>
    public static readonly IReadOnlyList<string> All = ["loki", "comfyui", "server"];

    private static readonly HashSet<string> BuiltIns = ["LoadImage", "LoadImageMask", "LoadAudio", FlowMarkers.Input, FlowMarkers.Output];

    /// <summary>True when the runtime's own executor can run <paramref name="classType"/>.</summary>
    public static bool LokiCanRun(string classType, FlowSchemaCatalog schemas) =>
        BuiltIns.Contains(classType) || classType.StartsWith("Primitive", StringComparison.Ordinal)
        || schemas.Find(classType)?.IsLoki == true || classType.StartsWith("Loki", StringComparison.Ordinal);

    /// <summary>The default backend of a plan: <c>loki</c> when every needed node allows it, else <c>comfyui</c>.</summary>
    public static string Default(FlowPlan plan, FlowSchemaCatalog schemas) =>
        plan.Order.All(n => LokiCanRun(n.ClassType, schemas)) ? "loki" : "comfyui";
}
