namespace Loki.Core.Flows;

/// <summary>Hands out names that are unique within one scope, adding <c>_2</c>, <c>_3</c>… on a clash.</summary>
internal sealed class UniqueNames
{
    private readonly HashSet<string> _taken;

    public UniqueNames(IEnumerable<string>? reserved = null) => _taken = new HashSet<string>(reserved ?? [], StringComparer.Ordinal);

    public bool IsTaken(string name) => _taken.Contains(name);

    public string Take(string wanted)
    {
        var name = wanted;
        for (var i = 2; !_taken.Add(name); i++)
        {
            name = wanted + "_" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return name;
    }
}
