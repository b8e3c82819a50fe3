using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Loki.Generators.Models;

/// <summary>
/// A place in a config file. <see cref="Location"/> is not equatable across runs, so pipeline models carry this
/// instead and turn it into a location only when reporting.
/// </summary>
/// <param name="FilePath">The file.</param>
/// <param name="Span">Character span.</param>
/// <param name="LineSpan">Line/column span (0-based, as Roslyn wants).</param>
public sealed record LocationInfo(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
{
    /// <summary>The Roslyn location for a diagnostic.</summary>
    public Location ToLocation() => Location.Create(FilePath, Span, LineSpan);

    /// <summary>A one-character location at a 1-based line and column.</summary>
    public static LocationInfo At(string file, int offset, int line, int column)
    {
        var start = new LinePosition(line - 1, column - 1);
        return new LocationInfo(file, new TextSpan(offset, 1), new LinePositionSpan(start, new LinePosition(line - 1, column)));
    }
}
