namespace Loki.Core.World;

/// <summary>An input or output slot of a World node.</summary>
/// <param name="Name">The slot's name (the input's name in the API prompt).</param>
/// <param name="Type">Its ComfyUI type.</param>
/// <param name="Widget">True for an input that is also a widget (its socket is linked only to chain text).</param>
/// <param name="Required">True for a required input.</param>
public sealed record WorldSlot(string Name, string Type, bool Widget = false, bool Required = true);
