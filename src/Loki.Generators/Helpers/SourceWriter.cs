using System;
using System.Text;

namespace Loki.Generators.Helpers;

/// <summary>
/// Indented writer for generated C#, after the System.Text.Json generator's <c>SourceWriter</c>:
/// four-space indent, <c>\n</c> line ends, no trailing whitespace.
/// </summary>
internal sealed class SourceWriter
{
    private readonly StringBuilder _sb = new();
    private int _indent;

    /// <summary>Writes one line at the current indent; an empty line carries no indent.</summary>
    public void WriteLine(string text = "")
    {
        if (text.Length > 0)
        {
            _sb.Append(' ', _indent * 4).Append(text);
        }

        _sb.Append('\n');
    }

    /// <summary>Writes <c>{</c> and indents.</summary>
    public void OpenBlock()
    {
        WriteLine("{");
        _indent++;
    }

    /// <summary>Dedents and writes <c>}</c> plus an optional suffix.</summary>
    public void CloseBlock(string suffix = "")
    {
        _indent = Math.Max(0, _indent - 1);
        WriteLine("}" + suffix);
    }

    /// <summary>Increases the indent.</summary>
    public void Indent() => _indent++;

    /// <summary>Decreases the indent.</summary>
    public void Dedent() => _indent = Math.Max(0, _indent - 1);

    /// <inheritdoc />
    public override string ToString() => _sb.ToString();
}
