namespace Loki.Core.Conversion.ApiToUi;

/// <summary>One link of the UI workflow: <c>[id, origin, origin_slot, target, target_slot, type]</c>.</summary>
internal sealed record UiLinkPlan(int Id, string Origin, int OriginSlot, string Target, int TargetSlot, string Type);
