namespace Loki.Core.Schemas;

/// <summary>One output of a node definition.</summary>
/// <param name="Name">The output name (<c>output_name</c>, else the type).</param>
/// <param name="Type">The output type; <c>COMBO</c> when the dump gives a list of choices.</param>
/// <param name="IsList">The <c>output_is_list</c> flag.</param>
public sealed record OutputSpec(string Name, string Type, bool IsList);
