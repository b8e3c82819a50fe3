using System.Text.Json.Nodes;

namespace Loki.Core.Schemas;

/// <summary>
/// Guesses which custom-node pack a node type without a schema comes from, so that a user can be told what to
/// install. The shipped catalogue (<c>Resources/Packs/pack-catalogue.json</c>, derived from real
/// <c>/object_info</c> dumps and workflows by <c>build/scripts/derive_pack_catalogue.py</c>) holds exact types and
/// the naming conventions of well-known packs (<c> (rgthree)</c>, <c>VHS_</c>, <c>Searge</c>, ...).
/// </summary>
public static class PackCatalogue
{
    private const string ResourceName = "Loki.Core.Resources.Packs/pack-catalogue.json";
    private const string RegistryUrl = "https://registry.comfy.org/nodes/";

    private static readonly Lazy<Catalogue> Data = new(Load);

    /// <summary>The likely pack of <paramref name="classType"/>, or null when nothing points anywhere.</summary>
    public static PackGuess? Guess(string classType) => Guess(classType, cnrId: null, auxId: null);

    /// <summary>
    /// The likely pack of <paramref name="classType"/>, using what a UI node records about its origin first:
    /// <c>properties.aux_id</c> (<c>owner/repo</c>) and <c>properties.cnr_id</c> (a Comfy registry id).
    /// </summary>
    public static PackGuess? Guess(string classType, string? cnrId, string? auxId)
    {
        var data = Data.Value;
        if (auxId is { Length: > 2 } && auxId.Count(c => c == '/') == 1 && !auxId.StartsWith('/') && !auxId.EndsWith('/'))
        {
            var folder = auxId[(auxId.IndexOf('/') + 1)..];
            var known = data.Packs.GetValueOrDefault(folder);
            return new PackGuess(folder, known?.Name ?? folder, "https://github.com/" + auxId, $"the node's properties.aux_id '{auxId}'");
        }

        if (data.Types.TryGetValue(classType, out var fact) && data.Packs.TryGetValue(fact.Pack, out var pack))
        {
            return new PackGuess(fact.Pack, pack.Name, pack.Repository, fact.Evidence);
        }

        if (cnrId is { Length: > 0 })
        {
            var byRegistry = data.Packs.FirstOrDefault(p => string.Equals(p.Value.CnrId, cnrId, StringComparison.OrdinalIgnoreCase));
            return byRegistry.Value is { } p
                ? new PackGuess(byRegistry.Key, p.Name, p.Repository, $"the node's properties.cnr_id '{cnrId}'")
                : new PackGuess(cnrId, cnrId, RegistryUrl + Uri.EscapeDataString(cnrId), $"the node's properties.cnr_id '{cnrId}'");
        }

        foreach (var rule in data.Rules)
        {
            var hit = rule.Kind == "suffix"
                ? classType.EndsWith(rule.Text, StringComparison.Ordinal) && classType.Length > rule.Text.Length
                : classType.StartsWith(rule.Text, StringComparison.Ordinal) && classType.Length > rule.Text.Length;
            if (hit && data.Packs.TryGetValue(rule.Pack, out var rulePack))
            {
                return new PackGuess(rule.Pack, rulePack.Name, rulePack.Repository, $"the type name's {rule.Kind} '{rule.Text}'");
            }
        }

        return null;
    }

    /// <summary>The likely pack for a UI node object (reads <c>type</c> and <c>properties.cnr_id</c>/<c>aux_id</c>).</summary>
    public static PackGuess? GuessForUiNode(string classType, JsonObject? properties) =>
        Guess(classType, Text(properties?["cnr_id"]), Text(properties?["aux_id"]));

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue(out string? s) ? s : null;

    private static Catalogue Load()
    {
        using var stream = typeof(PackCatalogue).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing from Loki.Core");
        var root = JsonNode.Parse(stream)!.AsObject();
        var packs = new Dictionary<string, PackEntry>(StringComparer.Ordinal);
        foreach (var (id, value) in root["packs"]!.AsObject())
        {
            packs[id] = new PackEntry(Text(value?["name"]) ?? id, Text(value?["repository"]), Text(value?["cnr_id"]));
        }

        var types = new Dictionary<string, TypeFact>(StringComparer.Ordinal);
        foreach (var (type, value) in root["types"]!.AsObject())
        {
            types[type] = new TypeFact(Text(value?["pack"])!, Text(value?["evidence"]) ?? "catalogue");
        }

        var rules = root["rules"]!.AsArray()
            .Select(r => new Rule(Text(r?["kind"])!, Text(r?["text"])!, Text(r?["pack"])!))
            .ToList();
        return new Catalogue(packs, types, rules);
    }

    private sealed record Catalogue(Dictionary<string, PackEntry> Packs, Dictionary<string, TypeFact> Types, List<Rule> Rules);

    private sealed record PackEntry(string Name, string? Repository, string? CnrId);

    private sealed record TypeFact(string Pack, string Evidence);

    private sealed record Rule(string Kind, string Text, string Pack);
}
