using System.Text.Json;
using System.Text.Json.Nodes;
using Loki.Core.Config;
using Loki.Core.Text;

namespace Loki.Core.Python.Emit;

/// <summary>Python literals for port values, typed by the port: a FLOAT's <c>0</c> is written <c>0.0</c>, an INT's <c>4.0</c> is <c>4</c>.</summary>
public static class PortLiterals
{
    /// <summary>A number of <paramref name="port"/> (default, min, max, step) as a Python literal of the port's type.</summary>
    public static string Number(PortSpec port, double value) =>
        port.Type == PortTypes.Int && value == Math.Floor(value) && Math.Abs(value) < 9.2e18
            ? PythonLiteral.Int((long)value)
            : PythonLiteral.Float(value);

    /// <summary>Any JSON value of <paramref name="port"/> as a Python literal; numbers follow the port's type.</summary>
    public static string Value(PortSpec port, JsonNode? value) =>
        value is JsonValue v && v.GetValueKind() == JsonValueKind.Number && port.Type is PortTypes.Int or PortTypes.Float
            && v.TryGetValue<double>(out var d) && !(port.Type == PortTypes.Int && d != Math.Floor(d))
            && !(port.Type == PortTypes.Int && Math.Abs(d) >= 9.2e18)
            ? Number(port, d)
            : PythonLiteral.From(value);
}
