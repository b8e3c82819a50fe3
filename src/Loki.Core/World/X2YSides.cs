using Loki.Core.Config;

namespace Loki.Core.World;

/// <summary>
/// The two sides of an X2Y format (<c>IIM2I_Composite</c>: takes I, I, M, gives I). Letters: I image, M mask,
/// T text, N number, A audio, L latent. The World chains a node's output into another's input only where the
/// origin's Y side holds the type's letter, and links a text (STRING) input only for the T letters of the X side.
/// </summary>
/// <param name="Takes">The X side (<c>IIM</c>).</param>
/// <param name="Gives">The Y side (<c>I</c>).</param>
public sealed record X2YSides(string Takes, string Gives)
{
    /// <summary>The sides of <paramref name="format"/>, or null when it is absent or not <c>X2Y</c> shaped.</summary>
    public static X2YSides? Parse(string? format)
    {
        if (string.IsNullOrWhiteSpace(format))
        {
            return null;
        }

        var head = format.Split('_', 2)[0].Trim();
        var two = head.IndexOf('2', StringComparison.Ordinal);
        if (two <= 0 || two == head.Length - 1 || !head.Remove(two, 1).All(char.IsAsciiLetterUpper))
        {
            return null;
        }

        return new X2YSides(head[..two], head[(two + 1)..]);
    }

    /// <summary>The letter of a ComfyUI type, or null for types the formats do not name.</summary>
    public static char? Letter(string type) => type switch
    {
        PortTypes.Image => 'I',
        PortTypes.Mask => 'M',
        PortTypes.String => 'T',
        PortTypes.Int or PortTypes.Float => 'N',
        PortTypes.Audio => 'A',
        "LATENT" => 'L',
        _ => null,
    };

    /// <summary>How many inputs of <paramref name="type"/> the X side names.</summary>
    public int TakesCount(string type) => Letter(type) is { } l ? Takes.Count(c => c == l) : 0;

    /// <summary>True when the Y side names <paramref name="type"/>.</summary>
    public bool GivesType(string type) => Letter(type) is { } l && Gives.Contains(l, StringComparison.Ordinal);
}
