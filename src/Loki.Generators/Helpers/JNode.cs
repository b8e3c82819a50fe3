using System.Collections.Generic;

namespace Loki.Generators.Helpers;

/// <summary>A JSON value with its position.</summary>
internal abstract record JNode(JPos Pos);

/// <summary>An object: members in document order.</summary>
internal sealed record JObject(IReadOnlyList<JMember> Members, JPos Pos) : JNode(Pos)
{
    public JNode? this[string key]
    {
        get
        {
            foreach (var m in Members)
            {
                if (m.Name == key)
                {
                    return m.Value;
                }
            }

            return null;
        }
    }
}

/// <summary>One member of an object.</summary>
internal sealed record JMember(string Name, JNode Value, JPos NamePos);

/// <summary>An array.</summary>
internal sealed record JArray(IReadOnlyList<JNode> Items, JPos Pos) : JNode(Pos);

/// <summary>A string.</summary>
internal sealed record JString(string Value, JPos Pos) : JNode(Pos);

/// <summary>A number: its text as written and its value.</summary>
internal sealed record JNumber(string Raw, double Value, JPos Pos) : JNode(Pos);

/// <summary>true or false.</summary>
internal sealed record JBool(bool Value, JPos Pos) : JNode(Pos);

/// <summary>null.</summary>
internal sealed record JNull(JPos Pos) : JNode(Pos);
