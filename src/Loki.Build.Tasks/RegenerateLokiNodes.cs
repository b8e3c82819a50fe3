using Loki.Core.Library;

namespace Loki.Build.Tasks;

/// <summary>Derives each changed node's missing layers and refreshes its generated ones.</summary>
public sealed class RegenerateLokiNodes : LibraryBuildTask
{
    /// <inheritdoc/>
    private protected override LibraryBuildMode Mode => LibraryBuildMode.Regenerate;
}
