namespace Loki.Core.Flows.Schemas;

/// <summary>
/// The LOKI marker nodes that declare a flow's signature (contracts §2.3): <c>LokiInput</c> (widgets
/// <c>name, type, default, min, max, description</c>; optional input <c>value</c>) and <c>LokiOutput</c>
/// (widget <c>name</c>; input <c>value</c>). Their schemas are in <see cref="LokiObjectInfo.Markers"/>.
/// </summary>
public static class FlowMarkers
{
    /// <summary>Class type of the input marker.</summary>
    public const string Input = "LokiInput";

    /// <summary>Class type of the output marker.</summary>
    public const string Output = "LokiOutput";

    /// <summary>True for either marker class.</summary>
    public static bool IsMarker(string classType) => classType is Input or Output;
}
