namespace Loki.Core.Conversion.UiToApi;

/// <summary>LiteGraph's slot type compatibility (<c>LiteGraph.isValidConnection</c>).</summary>
internal static class SlotTypes
{
    /// <summary>True when a link of type <paramref name="a"/> may meet a slot of type <paramref name="b"/>.</summary>
    public static bool IsValidConnection(string a, string b)
    {
        if (a is "" or "*" || b is "" or "*" || a == b)
        {
            return true;
        }

        var la = a.ToLowerInvariant();
        var lb = b.ToLowerInvariant();
        if (!la.Contains(',') && !lb.Contains(','))
        {
            return la == lb;
        }

        var sa = la.Split(',');
        var sb = lb.Split(',');
        return sa.Any(x => sb.Any(y => IsValidConnection(x, y)));
    }
}
