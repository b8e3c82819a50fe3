namespace Loki.Core.Workflows;

/// <summary>
/// One link as the loader read it (<see cref="UiLinkTable"/> holds them): the parts of a <see cref="UiLink"/>, and where
/// it sits in its graph's <c>links</c> array. The converter and the loader's checks read these; a <see cref="UiLink"/> is
/// made only when a caller asks for one.
/// </summary>
/// <param name="Id">The link id.</param>
/// <param name="OriginId">The node the link leaves.</param>
/// <param name="OriginSlot">The output slot it leaves.</param>
/// <param name="TargetId">The node it enters.</param>
/// <param name="TargetSlot">The input slot it enters.</param>
/// <param name="Type">The link type as text (empty when absent).</param>
/// <param name="Index">Its entry in the <c>links</c> array.</param>
internal readonly record struct UiLinkFields(long Id, string OriginId, int OriginSlot, string TargetId, int TargetSlot, string Type, int Index);
