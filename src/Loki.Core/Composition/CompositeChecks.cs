using System.Text.Json;
using System.Text.Json.Nodes;
using Loki.Core.Config;
using Loki.Core.Diagnostics;

namespace Loki.Core.Composition;

/// <summary>
/// What must hold for a composite script to be one flow: every called node in the library, every input and output
/// it names declared, every value of a type the receiving input takes, constants valid widget values, required
/// sockets fed, and run()'s parameters and returned outputs those of the node's config. Problems are coded warnings
/// at the script's line (a refused composite keeps its one-node flow).
/// </summary>
internal sealed class CompositeChecks(CompositeScript script, NodeConfig config, IReadOnlyDictionary<string, NodeConfig> library)
{
    public List<LokiDiagnostic> Problems { get; } = [];

    /// <summary>Checks everything; returns output name → value (a returned call result spread by name), or null.</summary>
    public Dictionary<string, CompositeValue>? Run()
    {
        foreach (var parameter in script.Parameters.Where(p => config.Inputs.All(i => i.Name != p)))
        {
            Refuse(LokiCodes.ComposeUnknownParameter, $"run() parameter '{parameter}' is not an input of {config.NodeName}.json", script.RunLine);
        }

        for (var k = 0; k < script.Calls.Length; k++)
        {
            CheckCall(script.Calls[k]);
        }

        if (Problems.Count > 0)
        {
            return null;
        }

        var outputs = Outputs();
        if (outputs is null)
        {
            return null;
        }

        foreach (var (name, value) in outputs)
        {
            var port = config.Outputs.First(o => o.Name == name);
            if (value.Kind == CompositeValueKind.Constant)
            {
                Refuse(LokiCodes.ComposeNotACall, $"output '{name}' is a constant; a flow output must come from a node or an input", script.ReturnLine);
            }
            else if (TypeOf(value) is { } type && !Accepts(type, port.Type))
            {
                Refuse(LokiCodes.ComposeTypeMismatch, $"output '{name}' is {port.Type} in {config.NodeName}.json but run() returns a {type}", script.ReturnLine);
            }
        }

        return Problems.Count == 0 ? outputs : null;
    }

    private void CheckCall(CompositeCall call)
    {
        if (!library.TryGetValue(call.Node, out var callee))
        {
            Refuse(LokiCodes.ComposeUnknownNode, $"'{call.Node}' is not a node of this library (no {call.Node}/{call.Node}.json)", call.Line);
            return;
        }

        foreach (var (input, value) in call.Arguments)
        {
            var port = callee.Inputs.FirstOrDefault(p => p.Name == input);
            if (port is null)
            {
                Refuse(LokiCodes.ComposeUnknownInput, $"{call.Node} has no input '{input}' (it has: {string.Join(", ", callee.Inputs.Select(p => p.Name))})", call.Line);
                continue;
            }

            if (value.Kind == CompositeValueKind.Constant)
            {
                if (!port.IsWidget || !Fits(port, value.Constant))
                {
                    Refuse(LokiCodes.ComposeBadConstant, $"{call.Node}.{input} ({port.Type}) cannot take the constant {value.Constant?.ToJsonString() ?? "None"}", call.Line);
                }
            }
            else if (TypeOf(value) is { } type && !Accepts(type, port.Type))
            {
                Refuse(LokiCodes.ComposeTypeMismatch, $"{call.Node}.{input} takes {port.Type}, not the {type} given", call.Line);
            }
        }

        foreach (var port in callee.Inputs.Where(p => p is { Required: true, IsWidget: false, Default: null }))
        {
            if (call.Arguments.All(a => a.Key != port.Name))
            {
                Refuse(LokiCodes.ComposeMissingInput, $"{call.Node}.{port.Name} ({port.Type}) is required and given no value", call.Line);
            }
        }
    }

    private Dictionary<string, CompositeValue>? Outputs()
    {
        var outputs = new Dictionary<string, CompositeValue>(StringComparer.Ordinal);
        if (script.Outputs is [{ Key: "*", Value: { Kind: CompositeValueKind.Result } whole }])
        {
            var callee = library[script.Calls[whole.Call].Node];
            foreach (var port in callee.Outputs)
            {
                outputs[port.Name] = new CompositeValue(CompositeValueKind.Output, Name: port.Name, Call: whole.Call);
            }
        }
        else
        {
            foreach (var (name, value) in script.Outputs)
            {
                outputs[name] = value;
            }
        }

        var declared = config.Outputs.Select(o => o.Name).Order(StringComparer.Ordinal);
        if (!declared.SequenceEqual(outputs.Keys.Order(StringComparer.Ordinal)))
        {
            Refuse(LokiCodes.ComposeOutputsDiffer, $"run() returns [{string.Join(", ", outputs.Keys)}] but {config.NodeName}.json declares [{string.Join(", ", config.Outputs.Select(o => o.Name))}]", script.ReturnLine);
            return null;
        }

        return outputs;
    }

    /// <summary>The type of a linked value; null after a problem already reported.</summary>
    private string? TypeOf(CompositeValue value)
    {
        if (value.Kind == CompositeValueKind.Parameter)
        {
            return config.Inputs.FirstOrDefault(p => p.Name == value.Name)?.Type;
        }

        var call = script.Calls[value.Call];
        if (!library.TryGetValue(call.Node, out var callee))
        {
            return null;
        }

        if (callee.Outputs.FirstOrDefault(o => o.Name == value.Name) is { } output)
        {
            return output.Type;
        }

        Refuse(LokiCodes.ComposeUnknownOutput, $"{call.Node} has no output '{value.Name}' (it has: {string.Join(", ", callee.Outputs.Select(o => o.Name))})", call.Line);
        return null;
    }

    /// <summary>Link compatibility as the runtime coerces values: same type, a wildcard, INT into FLOAT, text into a combo.</summary>
    internal static bool Accepts(string from, string to) =>
        from == to || from == PortTypes.Any || to == PortTypes.Any
        || (from == PortTypes.Int && to == PortTypes.Float)
        || (from is PortTypes.Combo or PortTypes.String && to is PortTypes.Combo or PortTypes.String);

    /// <summary>True when <paramref name="value"/> is a valid widget value of <paramref name="port"/> (kind, range, options).</summary>
    internal static bool Fits(PortSpec port, JsonNode? value)
    {
        if (value is not JsonValue v)
        {
            return false;
        }

        var kind = v.GetValueKind();
        return port.Type switch
        {
            PortTypes.Int => kind == JsonValueKind.Number && v.GetValue<double>() is var d && d == Math.Floor(d) && InRange(port, d),
            PortTypes.Float => kind == JsonValueKind.Number && InRange(port, v.GetValue<double>()),
            PortTypes.Boolean => kind is JsonValueKind.True or JsonValueKind.False,
            PortTypes.String => kind == JsonValueKind.String,
            PortTypes.Combo => kind == JsonValueKind.String && port.OptionsOrEmpty.Contains(v.GetValue<string>()),
            _ => false,
        };
    }

    private static bool InRange(PortSpec port, double value) =>
        (port.Min is not { } min || value >= min) && (port.Max is not { } max || value <= max);

    private void Refuse(string code, string message, int line) =>
        Problems.Add(new LokiDiagnostic(code, DiagnosticSeverity.Warning, "not compiled to a flow: " + message, script.Path, Line: line));
}
