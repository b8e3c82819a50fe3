using System.Collections.Immutable;

namespace Loki.Core.Python.Emit;

/// <summary>What a generated LOKI Script's <c>run</c> does: the three kinds of code a script can wrap.</summary>
public abstract record ScriptBody;

/// <summary>Calls a Python function imported from the node folder (or its <c>src/</c>).</summary>
/// <param name="ImportRoot">The folder to put on <c>sys.path</c>, relative to the node folder (<c>src</c>, <c>src/repo</c>, or empty for the node folder).</param>
/// <param name="Module">The dotted module name under that root (<c>blur</c>, <c>pkg.filters</c>).</param>
/// <param name="Function">The function (or <c>Class.method</c> of a static method) to call.</param>
/// <param name="Arguments">How each input is passed, in call order.</param>
/// <param name="IsAsync">True for an <c>async def</c>: the call is run with <c>asyncio.run</c>.</param>
/// <param name="PilInputs">Inputs the function takes as single PIL images: it is called once per batch index through <c>loki_runtime.pil_bridge</c>.</param>
public sealed record FunctionCallBody(
    string ImportRoot,
    string Module,
    string Function,
    ImmutableArray<CallArgument> Arguments,
    bool IsAsync = false,
    ImmutableArray<string> PilInputs = default) : ScriptBody;

/// <summary>One argument of a wrapped call: the input's name and whether it is passed by position.</summary>
public sealed record CallArgument(string Name, bool Positional);

/// <summary>Runs a ComfyUI node (core or from a pack) with ComfyUI on the path.</summary>
/// <param name="ClassType">The node's class type (<c>ImageBlur</c>).</param>
/// <param name="Pack"><c>comfyui</c> for core nodes, else the pack folder name under <c>custom_nodes/</c>.</param>
public sealed record ComfyNodeBody(string ClassType, string Pack) : ScriptBody;

/// <summary>Runs the hand-written LOKI Node of the same folder (registered under <paramref name="MappingKey"/>).</summary>
public sealed record LokiNodeBody(string MappingKey) : ScriptBody;
