using System.Globalization;
using System.Text;

namespace Loki.Core.Text;

/// <summary>
/// Emits source text line by line with an indent level, the way the System.Text.Json generator's
/// <c>SourceWriter</c> does. Used for Python (4 spaces), C# and JavaScript. Lines always end in <c>\n</c>.
/// </summary>
public sealed class IndentedWriter
{
    private readonly StringBuilder _sb = new();
    private readonly string _indentUnit;
    private int _indent;

    /// <summary>Creates a writer whose indent step is <paramref name="indentUnit"/>.</summary>
    public IndentedWriter(string indentUnit = "    ") => _indentUnit = indentUnit;

    /// <summary>The current indent level.</summary>
    public int Indentation => _indent;

    /// <summary>Writes one line at the current indent (an empty line carries no indent).</summary>
    public IndentedWriter Line(string text = "")
    {
        if (text.Length > 0)
        {
            for (var i = 0; i < _indent; i++)
            {
                _sb.Append(_indentUnit);
            }

            _sb.Append(text);
        }

        _sb.Append('\n');
        return this;
    }

    /// <summary>Writes a line formatted with the invariant culture.</summary>
    public IndentedWriter Line(FormattableString text) => Line(text.ToString(CultureInfo.InvariantCulture));

    /// <summary>Writes every line of a block of text at the current indent.</summary>
    public IndentedWriter Lines(string block)
    {
        foreach (var line in block.Replace("\r\n", "\n").Split('\n'))
        {
            Line(line);
        }

        return this;
    }

    /// <summary>Increases the indent; dispose the result to decrease it again.</summary>
    public IDisposable Indent()
    {
        _indent++;
        return new Dedent(this);
    }

    /// <summary>Increases the indent by one level.</summary>
    public void PushIndent() => _indent++;

    /// <summary>Decreases the indent by one level.</summary>
    public void PopIndent() => _indent = Math.Max(0, _indent - 1);

    /// <summary>Returns everything written so far.</summary>
    public override string ToString() => _sb.ToString();

    private sealed class Dedent(IndentedWriter writer) : IDisposable
    {
        private bool _done;

        public void Dispose()
        {
            if (!_done)
            {
                writer.PopIndent();
                _done = true;
            }
        }
    }
}
