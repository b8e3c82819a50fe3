using System.Collections.Immutable;

namespace Loki.Core.Python.Decomposition;

/// <summary>One call of a composite's <c>run</c>: the step node, the values it takes and the values it hands on (by name).</summary>
/// <param name="Node">The step's node name.</param>
/// <param name="Inputs">The names passed in, in the step's input order (each a value of the composite's scope).</param>
/// <param name="Outputs">The names the step binds in the composite's scope, in its output order.</param>
/// <param name="OutputPorts">The step's output port for each of <paramref name="Outputs"/> (the same name unless it starts with a capital).</param>
public sealed record PlannedCall(string Node, ImmutableArray<string> Inputs, ImmutableArray<string> Outputs, ImmutableArray<string> OutputPorts)
{
    /// <summary>
    /// The step's input port for each of <see cref="Inputs"/>: the same names, except for a call of the module's
    /// own function decomposed in turn, whose ports are its parameters (<c>normalise(cleaned, scale)</c> passes
    /// <c>cleaned</c> to <c>values</c>).
    /// </summary>
    public ImmutableArray<string> InputPorts { get; init; } = Inputs;
}
