using System.Collections.Immutable;
using Loki.Core.Python.Conversion;

namespace Loki.Core.Python.Decomposition;

/// <summary>The files of one node folder of a decomposition, relative to <c>&lt;library&gt;/&lt;Name&gt;/</c>.</summary>
public sealed record PlannedFolder(string Name, ImmutableArray<GeneratedFile> Files);
