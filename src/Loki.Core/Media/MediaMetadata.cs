namespace Loki.Core.Media;

/// <summary>
/// The workflow and prompt a media file carries, as the raw JSON text it stores (parse it with the workflow readers).
/// </summary>
/// <param name="Workflow">The UI workflow JSON text (<c>workflow</c> key), or null when absent.</param>
/// <param name="Prompt">The API prompt JSON text (<c>prompt</c> key), or null when absent.</param>
public sealed record MediaMetadata(string? Workflow, string? Prompt)
{
    /// <summary>True when the file carries neither a workflow nor a prompt.</summary>
    public bool IsEmpty => Workflow is null && Prompt is null;
}
