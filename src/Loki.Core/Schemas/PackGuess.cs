namespace Loki.Core.Schemas;

/// <summary>The custom-node pack a node type most likely comes from.</summary>
/// <param name="Id">The pack's folder name under <c>custom_nodes/</c> (or its registry id), e.g. <c>ComfyUI-Impact-Pack</c>.</param>
/// <param name="Name">A readable name, e.g. <c>ComfyUI Impact Pack</c>.</param>
/// <param name="Repository">Where to get it (a GitHub or registry URL), or null when unknown.</param>
/// <param name="Evidence">Why this pack was picked (an <c>/object_info</c> fact, a workflow's <c>cnr_id</c>, a naming rule).</param>
public sealed record PackGuess(string Id, string Name, string? Repository, string Evidence)
{
    /// <summary>True when the guess is ComfyUI itself (a core node missing from the schemas in use: a newer ComfyUI).</summary>
    public bool IsCore => Id == "comfy-core";

    /// <summary><c>Name (Repository)</c>, for messages.</summary>
    public override string ToString() => Repository is null ? Name : $"{Name} ({Repository})";
}
