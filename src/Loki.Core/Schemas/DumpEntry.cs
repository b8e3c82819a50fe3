namespace Loki.Core.Schemas;

/// <summary>One class of a dump as <see cref="DumpIndex"/> found it: where its definition's text is, and whether it is one.</summary>
/// <param name="ClassType">The key (the class type).</param>
/// <param name="Start">The byte offset of the definition's value.</param>
/// <param name="Length">The length of the value in bytes.</param>
/// <param name="Problem">Why it is not a node definition (it is then skipped with a warning), or null.</param>
/// <param name="Check">For an entry of a cached index, <see cref="DumpIndexFile.Check"/> of the definition's text when it was indexed (0 otherwise).</param>
/// <param name="CatalogueTwin">For an entry of a cached index, true when the definition's text is the shipped catalogue's, white space aside.</param>
/// <param name="WeighsAsCatalogue">For an entry of a cached index, true when the definition differs from the shipped
/// catalogue's but has its <see cref="WidgetFitKey"/> (fits every node's widgets as it does).</param>
internal readonly record struct DumpEntry(string ClassType, int Start, int Length, string? Problem, uint Check = 0, bool CatalogueTwin = false, bool WeighsAsCatalogue = false);
