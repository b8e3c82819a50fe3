using System.Text.Encodings.Web;
using System.Text.Json;
using Loki.Core.Conversion.UiToApi;

namespace Loki.Core.Tests.Conversion;

/// <summary>
/// The thread's table of encoded property names (<see cref="EncodedNames"/>): a name comes back as the encoder it
/// was asked with escapes it, a second encoder is not answered from the first one's table, and the table never
/// holds more than its bound however many names pass through it. (That prompts write names as the tree does is
/// <see cref="OddNamesWrittenTests"/>'.)
/// </summary>
public sealed class EncodedNamesTests
{
    private static readonly JavaScriptEncoder Relaxed = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    [Fact]
    public void Each_encoder_gets_its_own_escapes_for_the_same_name()
    {
        // Run on a thread of its own: the table is the thread's, and the first encoder asked is the one it keeps.
        RunOnNewThread(() =>
        {
            foreach (var name in new[] { "<b>", "a\"b", "é", "😀", "plain" })
            {
                Assert.Equal(JsonEncodedText.Encode(name, Relaxed).ToString(), EncodedNames.Of(name, Relaxed).ToString());
                Assert.Equal(JsonEncodedText.Encode(name, JavaScriptEncoder.Default).ToString(), EncodedNames.Of(name, JavaScriptEncoder.Default).ToString());
                Assert.Equal(JsonEncodedText.Encode(name, Relaxed).ToString(), EncodedNames.Of(name, Relaxed).ToString());
            }

            Assert.NotEqual(EncodedNames.Of("<b>", Relaxed).ToString(), EncodedNames.Of("<b>", JavaScriptEncoder.Default).ToString());
        });
    }

    [Fact]
    public void The_table_stays_within_its_bound()
    {
        RunOnNewThread(() =>
        {
            for (var i = 0; i < EncodedNames.Most + 1500; i++)
            {
                var name = "input_" + i;
                Assert.Equal(name, EncodedNames.Of(name, Relaxed).ToString());
                Assert.InRange(EncodedNames.Count, 1, EncodedNames.Most);
            }
        });
    }

    private static void RunOnNewThread(Action action)
    {
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                action();
            }
            catch (Exception e)
            {
                failure = e;
            }
        });
        thread.Start();
        thread.Join();
        if (failure is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
        }
    }
}
