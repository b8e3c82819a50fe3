using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace Loki.Core.Python.Analysis;

/// <summary>A function as read statically from its source by <c>loki_pyast.py signature</c>.</summary>
/// <param name="Name">The function's name.</param>
/// <param name="QualifiedName">As asked for: <c>blur</c> or <c>Class.method</c>.</param>
/// <param name="Line">1-based line of the <c>def</c>.</param>
/// <param name="IsAsync">True for <c>async def</c>.</param>
/// <param name="Summary">The docstring's first paragraph on one line (may be empty).</param>
/// <param name="Parameters">Parameters in order (<c>self</c>/<c>cls</c> of a method left out).</param>
/// <param name="ReturnTypes">LOKI types of the return annotation: one per value of a <c>tuple[...]</c>, else one; empty when none.</param>
/// <param name="ReturnDocs">The docstring's Returns entries (name, type, description), in order.</param>
/// <param name="HasReturnAnnotation">True when the function has a return annotation (<c>-&gt; None</c> included).</param>
public sealed record PythonFunction(
    string Name,
    string QualifiedName,
    int Line,
    bool IsAsync,
    string Summary,
    ImmutableArray<PythonParameter> Parameters,
    ImmutableArray<PythonType> ReturnTypes,
    ImmutableArray<ReturnDoc> ReturnDocs,
    bool HasReturnAnnotation = false);

/// <summary>One parameter of a <see cref="PythonFunction"/>.</summary>
/// <param name="Name">Its name.</param>
/// <param name="Kind"><c>positional</c>, <c>keyword_only</c>, <c>var_positional</c> or <c>var_keyword</c>.</param>
/// <param name="Annotation">The annotation's source text, or null.</param>
/// <param name="Type">The LOKI type derived from the annotation (or the docstring), or null when neither says.</param>
/// <param name="Default">The default as a JSON value when it is a literal.</param>
/// <param name="HasDefault">True when the parameter has a default (literal or not).</param>
/// <param name="DefaultSource">The default's source text when it is not a literal.</param>
/// <param name="Description">From the docstring (Google, NumPy or reST), or null.</param>
/// <param name="PositionalOnly">True for parameters before <c>/</c>.</param>
public sealed record PythonParameter(
    string Name,
    string Kind,
    string? Annotation,
    PythonType? Type,
    JsonNode? Default,
    bool HasDefault,
    string? DefaultSource,
    string? Description,
    bool PositionalOnly = false);

/// <summary>A LOKI type read from an annotation: <c>INT</c> with a range, <c>COMBO</c> with options, <c>IMAGE</c>, or <c>*</c>.</summary>
/// <param name="Type">The ComfyUI type name.</param>
/// <param name="Understood">False when the annotation was not understood (then <see cref="Type"/> is <c>*</c>).</param>
/// <param name="Optional">True for <c>T | None</c> / <c>Optional[T]</c>.</param>
/// <param name="Assumed">True when the type is a convention rather than certain (an <c>ndarray</c> taken as an image batch).</param>
/// <param name="Min">Range minimum (<c>Annotated[int, Range(...)]</c>).</param>
/// <param name="Max">Range maximum.</param>
/// <param name="Step">Range step.</param>
/// <param name="Options">COMBO options (<c>Literal[...]</c>).</param>
/// <param name="Multiline">True for <c>Annotated[str, Multiline()]</c>.</param>
/// <param name="Description">A description carried by the annotation.</param>
/// <param name="Pil">True for a PIL image (<c>PIL.Image.Image</c>): the function takes one image, not a batch.</param>
public sealed record PythonType(
    string Type,
    bool Understood = true,
    bool Optional = false,
    bool Assumed = false,
    double? Min = null,
    double? Max = null,
    double? Step = null,
    ImmutableArray<string> Options = default,
    bool Multiline = false,
    string? Description = null,
    bool Pil = false);

/// <summary>One entry of a docstring's Returns section.</summary>
public sealed record ReturnDoc(string? Name, string? Type, string Description);
