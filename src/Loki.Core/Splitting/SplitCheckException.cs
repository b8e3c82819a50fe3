namespace Loki.Core.Splitting;

/// <summary>Stops the inlining of a split at a broken link between a flow and its use (reported as LOKI6004).</summary>
internal sealed class SplitCheckException(string message) : Exception(message);
