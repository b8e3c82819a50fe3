namespace Loki.Core.Requirements;

/// <summary>One <c>import</c> statement found in a node's Python.</summary>
/// <param name="Module">The top-level module (<c>PIL</c> for <c>from PIL import Image</c>).</param>
/// <param name="File">The Python file.</param>
/// <param name="Line">The 1-based line.</param>
/// <param name="Optional">True inside a <c>try</c> that catches <c>ImportError</c>: the code copes without it.</param>
/// <param name="Stdlib">True for standard-library modules.</param>
public sealed record PythonImport(string Module, string File, int Line, bool Optional, bool Stdlib);
