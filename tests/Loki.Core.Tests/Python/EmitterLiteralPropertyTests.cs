using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Loki.Core.Config;
using Loki.Core.Naming;
using Loki.Core.Python.Comfy;
using Loki.Core.Python.Emit;
using Loki.Tests;

namespace Loki.Core.Tests.Python;

/// <summary>
/// Random strings (quotes, backslashes, newlines, control characters, lone surrogates, non-ASCII, emoji) through
/// every Python emitter; one Python process parses every file with <c>ast</c> and reads the values back.
/// </summary>
public sealed class EmitterLiteralPropertyTests
{
    private static readonly string[] Pieces =
    [
        "\"", "'", "\"\"\"", "'''", "\\", "\\n", "\n", "\r\n", "\r", "\t", "\0", "\u001b", "\u2028", "\u2029", "\u0085",
        "\ufeff", "\ud800", "\udc00", "🦊", "🎚️", "é", "中文", "{", "}", "{0}", "%s", "#", " ", "a", "Z", "9", "\\N{BULLET}",
        "\\x41", "\\u0041", "\u00a0", "\u200b", "\u0301", "end\"", "\"start",
    ];

    private static string RandomText(Random random)
    {
        var sb = new StringBuilder();
        var n = random.Next(0, 9);
        for (var i = 0; i < n; i++)
        {
            sb.Append(Pieces[random.Next(Pieces.Length)]);
        }

        return sb.ToString();
    }

    [Fact]
    public void EveryEmittedStringParsesBackToItself()
    {
        var random = new Random(20261125);
        var dir = PythonTestSupport.NewFolder("prop");
        var expected = new JsonArray();
        const int cases = 150;
        for (var i = 0; i < cases; i++)
        {
            var t = Enumerable.Range(0, 12).Select(_ => RandomText(random)).ToArray();
            t[0] = "D" + t[0];  // an empty description gets a default text instead
            var option2 = t[6] == t[5] ? t[6] + "x" : t[6];
            var config = new NodeConfig
            {
                NodeName = "prop_node",
                Description = t[0],
                Category = t[1],
                Inputs =
                [
                    new PortSpec("text", PortTypes.String, t[2], Default: JsonValue.Create(t[3]), Multiline: true),
                    new PortSpec("choice", PortTypes.Combo, t[4], Default: JsonValue.Create(t[5]), Options: [t[5], option2],
                        Extra: new JsonObject { ["placeholder"] = t[7] }),
                ],
                Outputs = [new PortSpec("out", PortTypes.Image, t[8])],
            };
            var names = NameLayer.Empty with { OfficialName = t[9], Token = "🦊x" };
            var body = new FunctionCallBody("src", "mod", "fn", [new CallArgument("text", false), new CallArgument("choice", false)]);
            File.WriteAllText(Path.Combine(dir, $"{i}_script.py"), ScriptEmitter.Emit(config, body), new UTF8Encoding(false));
            File.WriteAllText(Path.Combine(dir, $"{i}_comfy.py"), ScriptEmitter.Emit(config, new ComfyNodeBody(t[10], t[11])), new UTF8Encoding(false));
            File.WriteAllText(Path.Combine(dir, $"{i}_node.py"), NodeEmitter.EmitNode(config), new UTF8Encoding(false));
            File.WriteAllText(Path.Combine(dir, $"{i}_init.py"), NodeEmitter.EmitInit(config, names), new UTF8Encoding(false));
            var pack = new ExtractedPack(dir, [new ExtractedNode(t[10], "C", "f.py", 1, "v1", "f", false,
                new JsonObject { ["name"] = t[10], ["description"] = t[0], ["input"] = new JsonObject { ["required"] = new JsonObject { [t[11].Length == 0 ? "k" : t[11]] = new JsonArray("STRING") } } })], []);
            File.WriteAllText(Path.Combine(dir, $"{i}_info.json"), ObjectInfoDocument.Write(pack), new UTF8Encoding(false));
            expected.Add(new JsonArray(t.Select(s => (JsonNode)JsonValue.Create(s)).Append(JsonValue.Create(option2)).Append(JsonValue.Create(NodeEmitter.DisplayName(config, names))).ToArray()));
        }

        var (exit, stdout, stderr) = PythonTestSupport.RunPython(Reader, dir, new Dictionary<string, string?> { ["CASES"] = cases.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.True(exit == 0, stderr);
        var actual = JsonNode.Parse(stdout)!.AsArray();
        for (var i = 0; i < cases; i++)
        {
            var e = expected[i]!.AsArray().Select(x => x!.GetValue<string>()).ToArray();
            var a = actual[i]!.AsObject();
            // Python answers with code points: JSON readers refuse lone surrogates, which must survive here.
            string S(string key) => FromCodePoints(a[key]!);
            Assert.Equal(e[0], S("script_doc"));
            Assert.Equal(e[0], S("run_doc"));
            Assert.Equal(e[3], S("text_default"));
            Assert.Equal(e[5], S("choice_default"));
            Assert.Equal(e[10], S("comfy_class"));
            Assert.Equal(e[11], S("comfy_pack"));
            Assert.Equal(e[1].Length == 0 ? "LOKI 🦊" : "LOKI 🦊/" + e[1], S("category"));
            Assert.Equal(e[0], S("description"));
            Assert.Equal(e[2], S("text_tooltip"));
            Assert.Equal(e[3], S("node_text_default"));
            Assert.Equal(new[] { e[5], e[12] }, a["choice_options"]!.AsArray().Select(x => FromCodePoints(x!)));
            Assert.Equal(e[7], S("placeholder"));
            Assert.Equal(e[13], S("display"));
            // JSON cannot carry a lone surrogate: System.Text.Json writes U+FFFD for it, and the file stays valid JSON.
            Assert.Equal(WellFormed(e[10]), S("info_name"));
            Assert.Equal(WellFormed(e[0]), S("info_description"));
        }
    }

    private static string WellFormed(string s)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                sb.Append(s[i]).Append(s[++i]);
            }
            else
            {
                sb.Append(char.IsSurrogate(s[i]) ? '\ufffd' : s[i]);
            }
        }

        return sb.ToString();
    }

    private static string FromCodePoints(JsonNode node)
    {
        var sb = new StringBuilder();
        foreach (var cp in node.AsArray().Select(x => x!.GetValue<int>()))
        {
            if (cp is >= 0xD800 and <= 0xDFFF)
            {
                sb.Append((char)cp);
            }
            else
            {
                sb.Append(char.ConvertFromUtf32(cp));
            }
        }

        return sb.ToString();
    }

    private const string Reader = """
        import ast, json, os
        out = []
        def call_args(tree, name):
            for node in ast.walk(tree):
                if isinstance(node, ast.Call) and getattr(node.func, "attr", None) == name:
                    return node
        for i in range(int(os.environ["CASES"])):
            r = {}
            src = open(f"{i}_script.py", encoding="utf-8").read()
            tree = ast.parse(src)
            r["script_doc"] = ast.get_docstring(tree, clean=False)
            run = next(n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == "run")
            r["run_doc"] = ast.get_docstring(run, clean=False)
            names = [a.arg for a in run.args.args]
            defaults = dict(zip(names[len(names) - len(run.args.defaults):], run.args.defaults))
            r["text_default"] = ast.literal_eval(defaults["text"])
            r["choice_default"] = ast.literal_eval(defaults["choice"])
            tree = ast.parse(open(f"{i}_comfy.py", encoding="utf-8").read())
            call = call_args(tree, "load_node")
            r["comfy_class"] = ast.literal_eval(call.args[0])
            r["comfy_pack"] = ast.literal_eval(call.keywords[0].value)
            tree = ast.parse(open(f"{i}_node.py", encoding="utf-8").read())
            cls = next(n for n in tree.body if isinstance(n, ast.ClassDef))
            attrs = {t.id: n.value for n in cls.body if isinstance(n, ast.Assign) for t in n.targets}
            r["category"] = ast.literal_eval(attrs["CATEGORY"])
            r["description"] = ast.literal_eval(attrs["DESCRIPTION"])
            fn = next(n for n in cls.body if isinstance(n, ast.FunctionDef) and n.name == "INPUT_TYPES")
            spec = ast.literal_eval(fn.body[0].value)
            text = spec["required"]["text"][1]
            r["text_tooltip"] = text.get("tooltip", "")
            r["node_text_default"] = text["default"]
            r["choice_options"] = spec["required"]["choice"][0]
            r["placeholder"] = spec["required"]["choice"][1]["placeholder"]
            tree = ast.parse(open(f"{i}_init.py", encoding="utf-8").read())
            display = next(n for n in tree.body if isinstance(n, ast.Assign) and n.targets[0].id == "NODE_DISPLAY_NAME_MAPPINGS")
            r["display"] = list(ast.literal_eval(display.value).values())[0]
            info = json.load(open(f"{i}_info.json", encoding="utf-8"))
            entry = list(info.values())[0]
            r["info_name"] = entry["name"]
            r["info_description"] = entry["description"]
            out.append({k: ([[ord(c) for c in x] for x in v] if isinstance(v, list) else [ord(c) for c in v]) for k, v in r.items()})
        print(json.dumps(out, ensure_ascii=True))
        """;
}
