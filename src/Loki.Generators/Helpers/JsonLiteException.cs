using System;

namespace Loki.Generators.Helpers;

/// <summary>A parse failure with its position.</summary>
internal sealed class JsonLiteException(string message, int offset, int line, int column) : Exception(message)
{
    public int Offset { get; } = offset;

    public int Line { get; } = line;

    public int Column { get; } = column;
}
