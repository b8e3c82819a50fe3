using System.Text;
using System.Text.Json;

namespace Loki.Core.Workflows;

/// <summary>
/// Finds where in the document a JSON syntax error sits, as a JSON path (<c>$.nodes[3].widgets_values</c>): the
/// parser only gives a line and a column, but people and tools navigate workflows by path.
/// </summary>
internal static class JsonErrorPath
{
    /// <summary>The path of the last value the reader reached in <paramref name="json"/> before it failed.</summary>
    public static string Find(string json)
    {
        var frames = new List<Frame>();
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json), new JsonReaderOptions { MaxDepth = 512 });
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                    case JsonTokenType.StartArray:
                        Advance(frames);
                        frames.Add(new Frame(reader.TokenType == JsonTokenType.StartArray));
                        break;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        frames.RemoveAt(frames.Count - 1);
                        break;
                    case JsonTokenType.PropertyName:
                        frames[^1].Key = reader.GetString();
                        break;
                    default:
                        Advance(frames);
                        break;
                }
            }
        }
        catch (JsonException)
        {
            // the error itself: the frames say where it happened
        }

        var path = "$";
        foreach (var frame in frames)
        {
            if (frame.IsArray && frame.Index >= 0)
            {
                path = JsonPathText.Index(path, frame.Index);
            }
            else if (!frame.IsArray && frame.Key is not null)
            {
                path = JsonPathText.Key(path, frame.Key);
            }
        }

        return path;
    }

    private static void Advance(List<Frame> frames)
    {
        if (frames.Count > 0 && frames[^1].IsArray)
        {
            frames[^1].Index++;
        }
    }

    private sealed class Frame(bool isArray)
    {
        public bool IsArray { get; } = isArray;

        public int Index { get; set; } = -1;

        public string? Key { get; set; }
    }
}
