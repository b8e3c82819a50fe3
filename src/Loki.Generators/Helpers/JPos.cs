namespace Loki.Generators.Helpers;

/// <summary>Where a JSON value starts: offset, 1-based line and column.</summary>
internal readonly record struct JPos(int Offset, int Line, int Column);
