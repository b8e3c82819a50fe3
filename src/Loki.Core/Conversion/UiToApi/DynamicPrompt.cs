using System.Text;
using System.Text.RegularExpressions;

namespace Loki.Core.Conversion.UiToApi;

/// <summary>
/// The frontend's dynamic-prompt processing (<c>processDynamicPrompt</c>, v1.27.10): <c>//</c> and <c>/* */</c>
/// comments are removed and <c>{a|b|c}</c> picks one choice (nested, <c>\</c> escapes kept until the end).
/// The frontend picks at random; here the choice comes from a seeded generator, or the text is left as written.
/// </summary>
public static partial class DynamicPrompt
{
    /// <summary>True when <paramref name="text"/> holds a choice block with more than one option.</summary>
    public static bool HasChoices(string text)
    {
        if (!text.Contains('{'))
        {
            return false; // a choice needs a block
        }

        var any = false;
        Process(text, count =>
        {
            any |= count > 1;
            return 0;
        });
        return any;
    }

    /// <summary>Processes <paramref name="text"/>, choosing options with a generator seeded by <paramref name="seed"/>.</summary>
    public static string Resolve(string text, long seed)
    {
        var random = new Random(unchecked((int)(seed ^ (seed >> 32))));
        return Process(text, count => random.Next(count));
    }

    /// <summary>Processes <paramref name="text"/>; <paramref name="choose"/> picks an index among n options.</summary>
    public static string Process(string text, Func<int, int> choose)
    {
        if (!MayChange(text))
        {
            return text; // no comment, block or escape: nothing to do (most prompts)
        }

        var input = Comments().Replace(text, string.Empty);
        var i = 0;
        var result = ParseSequence(input, ref i, choose, topLevel: true);
        return Unescape().Replace(result, "$1");
    }

    /// <summary>
    /// True when <paramref name="value"/> is a string of the document that processing leaves as it is, told from its JSON
    /// text without reading it into a string: no <c>/</c> or <c>{</c>, and no escape but <c>\n \t \r \b \f \"</c> (so
    /// the string holds no <c>/</c>, <c>{</c> or <c>\</c>); such a string is written from the document as it was read.
    /// </summary>
    internal static bool IsPlain(in PromptInput value)
    {
        ReadOnlySpan<byte> raw;
        if (value.Kind == PromptInputKind.Saved && value.SavedRaw is [(byte)'"', ..] saved)
        {
            raw = saved;
        }
        else if (value.Kind == PromptInputKind.Element && value.Element.ValueKind == System.Text.Json.JsonValueKind.String)
        {
            raw = System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(value.Element);
        }
        else
        {
            return false;
        }

        return raw.IndexOfAny((byte)'/', (byte)'{') < 0 && raw.IndexOf("\\u"u8) < 0 && raw.IndexOf("\\\\"u8) < 0;
    }

    /// <summary>False when processing leaves <paramref name="text"/> as it is: it holds no comment, block or escape.</summary>
    public static bool MayChange(string text) => text.AsSpan().IndexOfAny(Special) >= 0;

    private static readonly System.Buffers.SearchValues<char> Special = System.Buffers.SearchValues.Create("/{\\");

    private static string ParseSequence(string input, ref int i, Func<int, int> choose, bool topLevel)
    {
        var result = new StringBuilder();
        while (i < input.Length)
        {
            var c = input[i++];
            if (c == '\\')
            {
                result.Append('\\');
                if (i < input.Length)
                {
                    result.Append(input[i++]);
                }
            }
            else if (c == '{')
            {
                result.Append(ParseChoice(input, ref i, choose));
            }
            else
            {
                result.Append(c);
            }
        }

        return result.ToString();
    }

    private static string ParseChoice(string input, ref int i, Func<int, int> choose)
    {
        var options = new List<string>();
        var choice = new StringBuilder();
        var depth = 0;
        while (i < input.Length)
        {
            var c = input[i++];
            if (c == '\\')
            {
                choice.Append('\\');
                if (i < input.Length)
                {
                    choice.Append(input[i++]);
                }

                continue;
            }

            if (c == '{')
            {
                depth++;
            }
            else if (c == '}')
            {
                if (depth == 0)
                {
                    break;
                }

                depth--;
            }
            else if (c == '|' && depth == 0)
            {
                options.Add(choice.ToString());
                choice.Clear();
                continue;
            }

            choice.Append(c);
        }

        options.Add(choice.ToString());
        var chosen = options[Math.Clamp(choose(options.Count), 0, options.Count - 1)];

        // The frontend re-processes the chosen option as a whole prompt (comments, escapes, nested blocks).
        var inner = Comments().Replace(chosen, string.Empty);
        var j = 0;
        return ParseSequence(inner, ref j, choose, topLevel: false);
    }

    [GeneratedRegex(@"/\*[\s\S]*?\*/|//.*")]
    private static partial Regex Comments();

    [GeneratedRegex(@"\\([{}|])")]
    private static partial Regex Unescape();
}
