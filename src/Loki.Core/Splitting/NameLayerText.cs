using System.Text;
using Loki.Core.Naming;

namespace Loki.Core.Splitting;

/// <summary>
/// The name layer (<c>&lt;n&gt;_name.md</c>) of a sub-flow: official name from the group title or stage, an emoji
/// for what it makes, a recipe and an X2Y format from the types that cross its border.
/// </summary>
internal static class NameLayerText
{
    public static string For(string name, string title, RegionKind kind, IEnumerable<string> inputTypes, IEnumerable<string> outputTypes)
    {
        var outs = outputTypes.ToList();
        var ins = inputTypes.ToList();
        var emoji = Emoji(outs.FirstOrDefault() ?? "*");
        var official = NodeNames.ToTitle(name);
        var sb = new StringBuilder();
        sb.Append("# ").Append(official).Append("\n\n");
        sb.Append("- **Official Name**: ").Append(official).Append('\n');
        sb.Append("- **TOKEN**: ").Append(emoji).Append(NodeNames.ToPascal(name)).Append('\n');
        sb.Append("- **EMOJI_ICON**: ").Append(emoji).Append('\n');
        sb.Append("- **RECIPE**: ").Append(ins.Count == 0 ? "∅" : string.Concat(ins.Select(Emoji).Distinct())).Append(" => ").Append(outs.Count == 0 ? "∅" : string.Concat(outs.Select(Emoji).Distinct())).Append('\n');
        sb.Append("- **X2Y_FORMAT**: ").Append(Letters(ins)).Append('2').Append(Letters(outs)).Append('_').Append(NodeNames.ToPascal(name)).Append('\n');
        sb.Append("- **ALIASES**: ").Append(title.Replace('\n', ' ')).Append('\n');
        sb.Append("- **TAGS**: flow, split, ").Append(kind.ToString().ToLowerInvariant()).Append('\n');
        sb.Append("- **METAPHORS**: one step of a larger workflow\n");
        return sb.ToString();
    }

    private static string Letters(List<string> types) =>
        types.Count == 0 ? "X" : string.Concat(types.Select(t => t switch
        {
            "IMAGE" => "I", "MASK" => "M", "LATENT" => "L", "CONDITIONING" => "C", "MODEL" => "D", "CLIP" => "P", "VAE" => "V",
            "STRING" => "T", "INT" or "FLOAT" => "N", "AUDIO" => "A", _ => "O",
        }).Distinct());

    private static string Emoji(string type) => type switch
    {
        "IMAGE" => "🖼️", "MASK" => "🎭", "LATENT" => "🌫️", "CONDITIONING" => "🧭", "MODEL" => "🧠", "CLIP" => "📎", "VAE" => "🧬",
        "STRING" => "📝", "INT" or "FLOAT" => "🔢", "AUDIO" => "🔊", _ => "🦊",
    };
}
