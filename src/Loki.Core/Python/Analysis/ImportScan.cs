using System.Collections.Immutable;

namespace Loki.Core.Python.Analysis;

/// <summary>The top-level imports of a module or folder, by origin.</summary>
/// <param name="ThirdParty">Modules that are neither standard library nor part of the scanned sources.</param>
/// <param name="StandardLibrary">Standard-library modules (never requirements).</param>
/// <param name="Local">Modules found beside the sources.</param>
public sealed record ImportScan(
    ImmutableArray<ThirdPartyImport> ThirdParty,
    ImmutableArray<string> StandardLibrary,
    ImmutableArray<string> Local);

/// <summary>One third-party import.</summary>
/// <param name="Module">The top-level import name (<c>cv2</c>).</param>
/// <param name="Files">The files importing it, relative to the scanned path.</param>
/// <param name="Optional">True when every import of it is guarded (try/except, TYPE_CHECKING).</param>
public sealed record ThirdPartyImport(string Module, ImmutableArray<string> Files, bool Optional);
