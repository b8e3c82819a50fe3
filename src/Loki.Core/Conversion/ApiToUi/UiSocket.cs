namespace Loki.Core.Conversion.ApiToUi;

/// <summary>One input socket of a node being built.</summary>
/// <param name="Name">The input name (the key in the prompt's <c>inputs</c>).</param>
/// <param name="Type">The socket type.</param>
/// <param name="IsWidget">True for the socket the frontend adds for a widget (<c>widget: {name}</c>).</param>
/// <param name="Source">The link feeding it (<c>["id", slot]</c> in the prompt), or null.</param>
internal sealed record UiSocket(string Name, string Type, bool IsWidget, LinkSource? Source);

/// <summary>The origin of a prompt link: node id and output slot.</summary>
internal sealed record LinkSource(string NodeId, int Slot);
