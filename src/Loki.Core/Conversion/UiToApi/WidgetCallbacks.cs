using System.Globalization;
using System.Text.Json.Nodes;
using Loki.Core.Schemas;
using Loki.Core.Workflows;

namespace Loki.Core.Conversion.UiToApi;

/// <summary>
/// The value callbacks of the frontend's number widgets (1.27.10 <c>useFloatWidget</c>/<c>useIntWidget</c>), which run
/// when a PrimitiveNode pushes its value into a widget: floats are rounded to the widget's <c>round</c> (by default
/// the precision of its <c>step</c>) and clamped; integers are rounded to their step.
/// </summary>
internal static class WidgetCallbacks
{
    /// <summary>The value the widget holds after its callback ran on <paramref name="value"/>.</summary>
    public static JsonNode? Apply(InputSpec input, JsonNode? value)
    {
        if (JsonRead.Number(value) is not { } v)
        {
            return value;
        }

        return input.WidgetType switch
        {
            "FLOAT" => RoundFloat(input, v) is { } f ? JsonValue.Create(f) : value,
            // A saved 1e400 reads as Infinity, which rounds to itself: JSON.stringify writes it as null.
            "INT" => RoundInt(input, v) is var i && double.IsFinite(i) ? JsonValue.Create(i) : null,
            _ => value,
        };
    }

    private static double? RoundFloat(InputSpec input, double v)
    {
        var step = JsonRead.Number(input.Options?["step"]) ?? 0.5;
        var precision = Math.Max(0, -(int)Math.Floor(Math.Log10(step)));
        var specRound = input.Options?["round"];
        double round;
        if (precision != 0 && specRound is null)
        {
            round = Math.Pow(10, -precision);
        }
        else if (JsonRead.Number(specRound) is { } r && r != 0)
        {
            round = r;
            precision = Math.Max(0, -(int)Math.Floor(Math.Log10(round)));
        }
        else
        {
            return null;
        }

        var rounded = Math.Floor(v / round + 0.5) * round;
        var fixedText = rounded.ToString("F" + precision.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        var result = double.Parse(fixedText, CultureInfo.InvariantCulture);
        var min = JsonRead.Number(input.Options?["min"]) ?? 0;
        var max = JsonRead.Number(input.Options?["max"]) ?? 2048;
        return Math.Clamp(result, min, max);
    }

    private static double RoundInt(InputSpec input, double v)
    {
        var step = JsonRead.Number(input.Options?["step"]) is { } s && s != 0 ? s : 1;
        if (step == 1)
        {
            return Math.Floor(v + 0.5);
        }

        var min = JsonRead.Number(input.Options?["min"]) ?? 0;
        var offset = min % step;
        return Math.Floor((v - offset) / step + 0.5) * step + offset;
    }
}
