using Loki.Core.Config;

namespace Loki.Core.Splitting;

/// <summary>The node interface a sub-flow's flow node has (what the build will grow as its config).</summary>
public static class SubflowConfig
{
    /// <summary>Sockets and parameters as inputs (parameters with the first use's value as default), outputs in marker order.</summary>
    public static NodeConfig For(Subflow flow, string workflow) => new()
    {
        NodeName = flow.Name,
        Description = $"{flow.Title}: a part of {workflow} that loki split cut out as its own flow.",
        Category = "split",
        Inputs = [.. flow.Inputs.Select(p => new PortSpec(p.Name, p.Type, Default: p.IsParameter ? p.Default?.DeepClone() : null))],
        Outputs = [.. flow.Outputs.Select(p => new PortSpec(p.Name, p.Type))],
    };
}
