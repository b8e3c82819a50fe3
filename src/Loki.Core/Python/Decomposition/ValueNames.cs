namespace Loki.Core.Python.Decomposition;

/// <summary>
/// The variable names of a composite's <c>run</c>: each value keeps the name it has in the original code, except
/// that a name is bound once (a flow cannot rebind a value): a later value of the same name is qualified by the
/// step that makes it (<c>text_strip</c>).
/// </summary>
internal sealed class ValueNames
{
    private readonly HashSet<string> _bound;
    private readonly Dictionary<string, string> _current = new(StringComparer.Ordinal);

    public ValueNames(IEnumerable<string> parameters, IEnumerable<string> bindings)
    {
        _bound = new HashSet<string>(parameters, StringComparer.Ordinal);
        _bound.UnionWith(bindings);
        _bound.UnionWith(["compose", "script", "sys", "Path", "run", "annotations"]);
    }

    /// <summary>The variable that holds value <paramref name="name"/> now.</summary>
    public string Current(string name) => _current.GetValueOrDefault(name, name);

    /// <summary>A new variable for value <paramref name="name"/> made by step <paramref name="step"/>.</summary>
    public string Bind(string name, string step)
    {
        var variable = Free(name, step);
        _current[name] = variable;
        return variable;
    }

    /// <summary>A variable for the whole result of step <paramref name="step"/> (its name without the function's prefix).</summary>
    public string Result(string step, string function)
    {
        var shortName = step.StartsWith(function + "_", StringComparison.Ordinal) ? step[(function.Length + 1)..] : step;
        return Free(shortName, step);
    }

    private string Free(string name, string step)
    {
        var candidate = name;
        var suffix = step.Split('_').Last();
        while (_bound.Contains(candidate))
        {
            candidate = candidate == name ? $"{name}_{suffix}" : candidate + "_";
        }

        _bound.Add(candidate);
        return candidate;
    }
}
