using System.Text.Json.Nodes;

namespace Loki.Core.Composition;

/// <summary>One value of a composite script: a constant, a parameter, or an output of a call.</summary>
/// <param name="Kind">Where it comes from.</param>
/// <param name="Constant">The literal (for <see cref="CompositeValueKind.Constant"/>).</param>
/// <param name="Name">The parameter name, or the output name of the call.</param>
/// <param name="Call">The index of the call in <see cref="CompositeScript.Calls"/> (outputs and results).</param>
public sealed record CompositeValue(CompositeValueKind Kind, JsonNode? Constant = null, string? Name = null, int Call = -1)
{
    /// <summary>Reads the helper's JSON form (<c>{"kind": "output", "call": 0, "output": "image"}</c>).</summary>
    public static CompositeValue FromJson(JsonObject json) => json["kind"]?.GetValue<string>() switch
    {
        "constant" => new(CompositeValueKind.Constant, Constant: json["value"]?.DeepClone()),
        "parameter" => new(CompositeValueKind.Parameter, Name: json["name"]!.GetValue<string>()),
        "output" => new(CompositeValueKind.Output, Name: json["output"]!.GetValue<string>(), Call: json["call"]!.GetValue<int>()),
        "result" => new(CompositeValueKind.Result, Call: json["call"]!.GetValue<int>()),
        var other => throw new FormatException($"unknown composite value kind '{other}'"),
    };
}
