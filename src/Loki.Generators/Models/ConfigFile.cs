namespace Loki.Generators.Models;

/// <summary>
/// A node config layer (<c>nodes/&lt;n&gt;/&lt;n&gt;.json</c>) handed to the generator as an additional file, projected to
/// plain strings at once so no <c>AdditionalText</c> leaks into the pipeline. Immutable and equatable.
/// </summary>
/// <param name="Path">Full path of the config file.</param>
/// <param name="Text">Its content.</param>
public sealed record ConfigFile(string Path, string Text);
