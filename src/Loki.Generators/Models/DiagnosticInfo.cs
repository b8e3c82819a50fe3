using Loki.Generators.Helpers;

namespace Loki.Generators.Models;

/// <summary>An equatable description of a diagnostic to report later. Immutable and equatable.</summary>
/// <param name="Id">The descriptor id (<c>LOKI42xx</c>).</param>
/// <param name="Location">Where, or null for the project.</param>
/// <param name="Arguments">Message format arguments.</param>
public sealed record DiagnosticInfo(string Id, LocationInfo? Location, EquatableArray<string> Arguments);
