namespace Loki.Core.Workflows;

/// <summary>
/// A read-only view of one link, from either form: a 0.4 array <c>[id, origin_id, origin_slot, target_id,
/// target_slot, type]</c> or a schema-1 object. Node ids are kept as text (<c>"5"</c>, <c>"-10"</c>).
/// </summary>
/// <param name="Id">The link id.</param>
/// <param name="OriginId">The node the link leaves.</param>
/// <param name="OriginSlot">The output slot it leaves.</param>
/// <param name="TargetId">The node it enters.</param>
/// <param name="TargetSlot">The input slot it enters.</param>
/// <param name="Type">The link type as text (empty when absent).</param>
/// <param name="JsonPath">Where it was read.</param>
public sealed record UiLink(long Id, string OriginId, int OriginSlot, string TargetId, int TargetSlot, string Type, string JsonPath);
