using System.Text.Json.Nodes;

namespace Loki.Core.Config;

/// <summary>One smoke example of a node: inputs to run with, and optionally what to expect.</summary>
/// <param name="Name">A short name (<c>basic</c>).</param>
/// <param name="Inputs">Input values; file-typed inputs are paths relative to the node folder.</param>
/// <param name="Expect">Expected outputs (values, or for files e.g. <c>{"shape": [1, 64, 64, 3]}</c>); may be null.</param>
public sealed record NodeExample(string Name, JsonObject Inputs, JsonObject? Expect = null);
