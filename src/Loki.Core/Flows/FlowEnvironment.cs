using System.Collections.Immutable;
using Loki.Core.Config;
using Loki.Core.Flows.Schemas;
using Loki.Core.Schemas;

namespace Loki.Core.Flows;

/// <summary>
/// The node classes flows are read against, built once and reused for every flow: ComfyUI's schemas plus the LOKI
/// markers and the library's nodes, as the converter needs them and as the flow tools read them.
/// </summary>
public sealed class FlowEnvironment
{
    /// <summary>Creates the environment from ComfyUI's schemas and the library's node configs.</summary>
    public FlowEnvironment(SchemaSet comfySchemas, ImmutableArray<NodeConfig> library)
    {
        Library = library;
        Schemas = FlowLoader.WithLoki(comfySchemas, library);
        _catalog = new(() => FlowLoader.Catalog(Schemas));
    }

    // The flow tools' view copies every definition; UI → API conversion never needs it, so it is built on first use.
    private readonly Lazy<FlowSchemaCatalog> _catalog;

    /// <summary>The library's node configs.</summary>
    public ImmutableArray<NodeConfig> Library { get; }

    /// <summary>Every schema, for UI → API conversion.</summary>
    public SchemaSet Schemas { get; }

    /// <summary>Every class, for the flow tools.</summary>
    public FlowSchemaCatalog Catalog => _catalog.Value;
}
