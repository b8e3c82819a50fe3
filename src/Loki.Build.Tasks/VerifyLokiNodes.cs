using Loki.Core.Library;

namespace Loki.Build.Tasks;

/// <summary>
/// Checks each changed node without writing anything: every diagnostic regeneration would give, plus an error for
/// each generated layer that is missing or out of date (for CI, with <c>LokiRegenerate=false</c>).
/// </summary>
public sealed class VerifyLokiNodes : LibraryBuildTask
{
    /// <inheritdoc/>
    private protected override LibraryBuildMode Mode => LibraryBuildMode.Verify;
}
