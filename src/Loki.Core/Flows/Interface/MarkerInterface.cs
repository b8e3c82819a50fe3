using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Loki.Core.Config;
using Loki.Core.Diagnostics;
using Loki.Core.Flows.Schemas;

namespace Loki.Core.Flows.Interface;

/// <summary>The signature declared by <c>LokiInput</c>/<c>LokiOutput</c> marker nodes (contracts §2.3.1).</summary>
internal static class MarkerInterface
{
    public static FlowInterface Detect(DetectionContext context)
    {
        var file = context.Graph.File;
        var inputs = ImmutableArray.CreateBuilder<FlowInputPort>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var marker in FlowInterfaceDetector.InIdOrder(context.Graph.Nodes).Where(n => n.ClassType == FlowMarkers.Input))
        {
            if (ReadInput(context, marker) is not { } port)
            {
                continue;
            }

            if (!seen.Add(port.Name))
            {
                context.Diagnostics.Error(LokiCodes.FlowDuplicateInputName, $"two flow inputs are named '{port.Name}' (LokiInput node {marker.Id})", file, $"$['{marker.Id}'].inputs.name");
                continue;
            }

            inputs.Add(port);
        }

        var outputs = ImmutableArray.CreateBuilder<FlowOutputPort>();
        var outNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var marker in FlowInterfaceDetector.InIdOrder(context.Graph.Nodes).Where(n => n.ClassType == FlowMarkers.Output))
        {
            var name = MarkerName(context, marker, "output");
            if (name is null)
            {
                continue;
            }

            if (marker.Input("value")?.Link is not { } source)
            {
                context.Diagnostics.Error(LokiCodes.FlowOutputUnconnected, $"output marker '{name}' (node {marker.Id}) has nothing connected", file, $"$['{marker.Id}'].inputs.value");
                continue;
            }

            if (!outNames.Add(name))
            {
                context.Diagnostics.Error(LokiCodes.FlowDuplicateOutputName, $"two flow outputs are named '{name}' (LokiOutput node {marker.Id})", file, $"$['{marker.Id}'].inputs.name");
                continue;
            }

            outputs.Add(new FlowOutputPort(name, context.OutputType(source), source, ReplacesNode: marker.Id));
        }

        return new FlowInterface(FlowInterfaceSource.Markers, inputs.ToImmutable(), outputs.ToImmutable());
    }

    private static FlowInputPort? ReadInput(DetectionContext context, FlowNode marker)
    {
        var file = context.Graph.File;
        var name = MarkerName(context, marker, "input");
        if (name is null)
        {
            return null;
        }

        // What the marker feeds tells the type, range and options when the marker leaves them open.
        var consumers = context.Graph.ConsumersOf(marker.Id, 0);
        var target = consumers.Select(c => context.Graph.Node(c.NodeId) is { } n ? context.Schemas.Find(n.ClassType)?.Input(c.Input) : null).FirstOrDefault(s => s is not null);
        var declared = Text(marker, "type") is { Length: > 0 } t ? PortTypes.Normalize(t) : "*";
        var type = declared == "*" ? target?.Type ?? "*" : declared;
        var path = $"$['{marker.Id}'].inputs";

        var min = Number(context, marker, "min", path) ?? target?.Min;
        var max = Number(context, marker, "max", path) ?? target?.Max;
        var def = ParseDefault(context, marker, type, path);
        if (def is JsonValue dv && type is PortTypes.Int or PortTypes.Float && double.TryParse(dv.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
            && ((min is { } lo && d < lo) || (max is { } hi && d > hi)))
        {
            context.Diagnostics.Error(LokiCodes.FlowValueOutOfRange, $"default {dv.ToJsonString()} of flow input '{name}' lies outside [{min}, {max}]", file, path + ".default");
        }

        var bindings = ImmutableArray.CreateBuilder<FlowBinding>();
        bindings.Add(new FlowBinding(marker.Id, null, 0));
        if (marker.Input("value")?.Link is { } upstream && context.Graph.Node(upstream.NodeId) is { } loader && FileLoaders.FileInput(loader) is { } fileInput)
        {
            // A marker passing a loaded file through: a script hands the loader a path, a flow node replaces the loader's output.
            bindings.Add(new FlowBinding(loader.Id, fileInput, upstream.Slot));
        }

        return new FlowInputPort(
            name,
            type,
            def,
            min,
            max,
            target?.Step,
            target?.Options ?? [],
            Text(marker, "description") is { Length: > 0 } desc ? desc : null,
            target?.Multiline == true,
            target?.ControlAfterGenerate == true ? "fixed" : null,
            bindings.ToImmutable());
    }

    private static string? MarkerName(DetectionContext context, FlowNode marker, string fallback)
    {
        var raw = Text(marker, "name");
        if (string.IsNullOrWhiteSpace(raw))
        {
            context.Diagnostics.Error(LokiCodes.FlowMarkerBad, $"{marker.ClassType} node {marker.Id} has an empty name", context.Graph.File, $"$['{marker.Id}'].inputs.name");
            return null;
        }

        var name = PythonNames.Snake(raw);
        return name.Length == 0 ? fallback : name;
    }

    private static JsonNode? ParseDefault(DetectionContext context, FlowNode marker, string type, string path)
    {
        var text = Text(marker, "default");
        var raw = marker.Input("default")?.Constant;
        if (raw is JsonValue rv && rv.GetValueKind() != JsonValueKind.String)
        {
            return raw.DeepClone(); // an API prompt may carry the default already typed
        }

        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        JsonNode? value = type switch
        {
            PortTypes.Int => long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) ? JsonValue.Create(l)
                : ulong.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var u) ? JsonValue.Create(u) : null,
            PortTypes.Float => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var f) ? JsonValue.Create(f) : null,
            PortTypes.Boolean => text.Trim().ToLowerInvariant() switch
            {
                "true" or "1" or "yes" => JsonValue.Create(true),
                "false" or "0" or "no" => JsonValue.Create(false),
                _ => null,
            },
            _ => JsonValue.Create(text),
        };
        if (value is null)
        {
            context.Diagnostics.Error(LokiCodes.FlowMarkerBad, $"default '{text}' of LokiInput node {marker.Id} is not a valid {type}", context.Graph.File, path + ".default");
        }

        return value;
    }

    private static double? Number(DetectionContext context, FlowNode marker, string key, string path)
    {
        var raw = marker.Input(key)?.Constant;
        if (JsonNumbers.TryGetDouble(raw, out var number))
        {
            return number;
        }

        var text = Text(marker, key);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
        {
            return d;
        }

        context.Diagnostics.Error(LokiCodes.FlowMarkerBad, $"{key} '{text}' of LokiInput node {marker.Id} is not a number", context.Graph.File, $"{path}.{key}");
        return null;
    }

    private static string? Text(FlowNode node, string input) =>
        node.Input(input)?.Constant is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
}
