using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Loki.Generators.Helpers;

/// <summary>
/// A small JSON reader that keeps the position of every value. The generator cannot load System.Text.Json
/// inside every compiler host (roslyn#52017), and it needs positions to put diagnostics on the config file.
/// </summary>
internal static class JsonLite
{
    /// <summary>Parses a whole document (comments and trailing commas are accepted, as NodeConfigReader does).</summary>
    public static JNode Parse(string text)
    {
        var reader = new Reader(text);
        reader.SkipSpace();
        var value = reader.ReadValue();
        reader.SkipSpace();
        if (!reader.AtEnd)
        {
            throw reader.Error("unexpected text after the JSON value");
        }

        return value;
    }

    private sealed class Reader
    {
        private readonly string _text;
        private int _pos;
        private int _line = 1;
        private int _lineStart;

        public Reader(string text) => _text = text;

        public bool AtEnd => _pos >= _text.Length;

        public JsonLiteException Error(string message) => new(message, _pos, _line, _pos - _lineStart + 1);

        public void SkipSpace()
        {
            while (_pos < _text.Length)
            {
                var c = _text[_pos];
                if (c == '\n')
                {
                    _pos++;
                    _line++;
                    _lineStart = _pos;
                }
                else if (c is ' ' or '\t' or '\r' or '\uFEFF')
                {
                    _pos++;
                }
                else if (c == '/' && _pos + 1 < _text.Length && _text[_pos + 1] == '/')
                {
                    while (_pos < _text.Length && _text[_pos] != '\n')
                    {
                        _pos++;
                    }
                }
                else if (c == '/' && _pos + 1 < _text.Length && _text[_pos + 1] == '*')
                {
                    var end = _text.IndexOf("*/", _pos + 2, StringComparison.Ordinal);
                    if (end < 0)
                    {
                        throw Error("unterminated comment");
                    }

                    for (; _pos < end + 2; _pos++)
                    {
                        if (_text[_pos] == '\n')
                        {
                            _line++;
                            _lineStart = _pos + 1;
                        }
                    }
                }
                else
                {
                    return;
                }
            }
        }

        public JNode ReadValue()
        {
            if (AtEnd)
            {
                throw Error("unexpected end of JSON");
            }

            var pos = new JPos(_pos, _line, _pos - _lineStart + 1);
            var c = _text[_pos];
            switch (c)
            {
                case '{': return ReadObject(pos);
                case '[': return ReadArray(pos);
                case '"': return new JString(ReadString(), pos);
                case 't': Expect("true"); return new JBool(true, pos);
                case 'f': Expect("false"); return new JBool(false, pos);
                case 'n': Expect("null"); return new JNull(pos);
                default:
                    if (c == '-' || char.IsDigit(c))
                    {
                        return ReadNumber(pos);
                    }

                    throw Error($"unexpected character '{c}'");
            }
        }

        private void Expect(string word)
        {
            if (string.CompareOrdinal(_text, _pos, word, 0, word.Length) != 0)
            {
                throw Error($"expected '{word}'");
            }

            _pos += word.Length;
        }

        private JObject ReadObject(JPos pos)
        {
            _pos++;
            var members = new List<JMember>();
            SkipSpace();
            while (!AtEnd && _text[_pos] != '}')
            {
                if (_text[_pos] != '"')
                {
                    throw Error("expected a property name in double quotes");
                }

                var keyPos = new JPos(_pos, _line, _pos - _lineStart + 1);
                var key = ReadString();
                SkipSpace();
                if (AtEnd || _text[_pos] != ':')
                {
                    throw Error("expected ':' after a property name");
                }

                _pos++;
                SkipSpace();
                members.Add(new JMember(key, ReadValue(), keyPos));
                SkipSpace();
                if (!AtEnd && _text[_pos] == ',')
                {
                    _pos++;
                    SkipSpace();
                }
                else if (AtEnd || _text[_pos] != '}')
                {
                    throw Error("expected ',' or '}'");
                }
            }

            if (AtEnd)
            {
                throw Error("unterminated object");
            }

            _pos++;
            return new JObject(members, pos);
        }

        private JArray ReadArray(JPos pos)
        {
            _pos++;
            var items = new List<JNode>();
            SkipSpace();
            while (!AtEnd && _text[_pos] != ']')
            {
                items.Add(ReadValue());
                SkipSpace();
                if (!AtEnd && _text[_pos] == ',')
                {
                    _pos++;
                    SkipSpace();
                }
                else if (AtEnd || _text[_pos] != ']')
                {
                    throw Error("expected ',' or ']'");
                }
            }

            if (AtEnd)
            {
                throw Error("unterminated array");
            }

            _pos++;
            return new JArray(items, pos);
        }

        private string ReadString()
        {
            _pos++;
            var sb = new StringBuilder();
            while (true)
            {
                if (AtEnd)
                {
                    throw Error("unterminated string");
                }

                var c = _text[_pos++];
                if (c == '"')
                {
                    return sb.ToString();
                }

                if (c == '\n')
                {
                    throw Error("newline in a string");
                }

                if (c != '\\')
                {
                    sb.Append(c);
                    continue;
                }

                if (AtEnd)
                {
                    throw Error("unterminated escape");
                }

                var e = _text[_pos++];
                switch (e)
                {
                    case '"': sb.Append('"'); break;
                    case '\\': sb.Append('\\'); break;
                    case '/': sb.Append('/'); break;
                    case 'b': sb.Append('\b'); break;
                    case 'f': sb.Append('\f'); break;
                    case 'n': sb.Append('\n'); break;
                    case 'r': sb.Append('\r'); break;
                    case 't': sb.Append('\t'); break;
                    case 'u':
                        if (_pos + 4 > _text.Length || !int.TryParse(_text.Substring(_pos, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code))
                        {
                            throw Error("bad \\u escape");
                        }

                        sb.Append((char)code);
                        _pos += 4;
                        break;
                    default: throw Error($"bad escape '\\{e}'");
                }
            }
        }

        private JNumber ReadNumber(JPos pos)
        {
            var start = _pos;
            while (!AtEnd && (char.IsDigit(_text[_pos]) || _text[_pos] is '-' or '+' or '.' or 'e' or 'E'))
            {
                _pos++;
            }

            var raw = _text.Substring(start, _pos - start);
            if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                throw Error($"bad number '{raw}'");
            }

            return new JNumber(raw, value, pos);
        }
    }
}
