using System.Collections.Immutable;

namespace Loki.Core.Python.Decomposition;

/// <summary>One node of a decomposition: the function itself or a step cut from it.</summary>
/// <param name="Name">The node (folder) name.</param>
/// <param name="IsComposite">True when the node runs other steps (the function, or a step cut again at a deeper level).</param>
/// <param name="Description">One sentence: the comment above the step, or what it computes from what.</param>
/// <param name="Inputs">Its input names, in order.</param>
/// <param name="Outputs">Its output names, in order (empty for the function itself: its interface comes from its signature).</param>
/// <param name="OutputPorts">The output port of each of <paramref name="Outputs"/>.</param>
/// <param name="FirstLine">First line of the original it covers (1-based).</param>
/// <param name="LastLine">Last line of the original it covers.</param>
/// <param name="Code">A leaf step's Python module (the body of <c>src/&lt;n&gt;_code.py</c>); null for a composite.</param>
/// <param name="UsesModule">True when the step's code imports names from the original module itself.</param>
/// <param name="External">The external package function a leaf step calls, or empty.</param>
/// <param name="Calls">A composite's steps in call order.</param>
/// <param name="Returns">The names of the values the function returns, one per output (<c>result</c>, or <c>a, b</c> for a <c>tuple[...]</c>); empty for a composite step, which returns its outputs.</param>
public sealed record PlannedNode(
    string Name,
    bool IsComposite,
    string Description,
    ImmutableArray<string> Inputs,
    ImmutableArray<string> Outputs,
    ImmutableArray<string> OutputPorts,
    int FirstLine,
    int LastLine,
    string? Code,
    bool UsesModule,
    string External,
    ImmutableArray<PlannedCall> Calls,
    ImmutableArray<string> Returns);
