using System.Text.Json.Nodes;

namespace Loki.Core.Composition;

/// <summary>The outcome of compiling one composite script.</summary>
/// <param name="Script">What the script's run() does, as read.</param>
/// <param name="Flow">The flow (UI workflow without header) when it was built and proven equal; null when refused.</param>
public sealed record CompositeCompilation(CompositeScript Script, JsonObject? Flow);
