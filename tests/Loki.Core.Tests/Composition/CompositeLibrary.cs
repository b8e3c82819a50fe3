using Loki.Core.Config;
using Loki.Core.Diagnostics;
using Loki.Core.Tests.Python;
using Loki.Tests;

namespace Loki.Core.Tests.Composition;

/// <summary>
/// A throw-away library for composite tests: the runtime (<c>src/python/loki_runtime</c>) and copies of real library
/// nodes, beside which a test writes its own composite node folder.
/// </summary>
internal sealed class CompositeLibrary
{
    /// <summary>The real nodes the test composites call.</summary>
    public static readonly string[] Steps = ["image_levels", "image_sharpen", "text_overlay", "image_blur"];

    private CompositeLibrary(string root) => Root = root;

    /// <summary>The library root (holds <c>nodes/</c> and <c>src/python/loki_runtime</c>).</summary>
    public string Root { get; }

    /// <summary>A fresh library with the runtime and <see cref="Steps"/> copied from the repository.</summary>
    public static CompositeLibrary Create()
    {
        var root = PythonTestSupport.NewFolder("compose");
        FolderCopy.Copy(RepoPaths.InRepo("src", "python", "loki_runtime"), Path.Combine(root, "src", "python", "loki_runtime"));
        foreach (var step in Steps)
        {
            FolderCopy.Copy(RepoPaths.InRepo("nodes", step), Path.Combine(root, "nodes", step));
        }

        return new CompositeLibrary(root);
    }

    /// <summary>Writes node folder <paramref name="name"/> with its script and config; returns the script's path.</summary>
    public string Node(string name, string script, string config)
    {
        var dir = Directory.CreateDirectory(Path.Combine(Root, "nodes", name)).FullName;
        File.WriteAllText(Path.Combine(dir, name + ".py"), script);
        File.WriteAllText(Path.Combine(dir, name + ".json"), config);
        Directory.CreateDirectory(Path.Combine(dir, "examples"));
        File.Copy(RepoPaths.InRepo("nodes", "image_levels", "examples", "ramp.png"), Path.Combine(dir, "examples", "ramp.png"), overwrite: true);
        return Path.Combine(dir, name + ".py");
    }

    /// <summary>The config of node <paramref name="name"/> as the build reads it.</summary>
    public NodeConfig Config(string name) =>
        NodeConfigReader.ReadFile(Path.Combine(Root, "nodes", name, name + ".json"), new DiagnosticBag(), name)!;

    /// <summary>A composite script calling the library's nodes: the imports, the bindings, then <paramref name="body"/> as run()'s body.</summary>
    public static string Script(string signature, string body) =>
        "from loki_runtime import compose, script\n\n"
        + string.Concat(Steps.Select(s => $"{s} = compose.node(\"{s}\", __file__)\n"))
        + $"\n\n@script.entry(__file__)\ndef run({signature}):\n{body}\n";

    /// <summary>A config with one IMAGE input <c>image</c> (plus <paramref name="extraInputs"/>), one IMAGE output and one example.</summary>
    public static string Config(string name, string extraInputs = "", bool examples = true)
    {
        var example = examples ? "{\"name\": \"ramp\", \"inputs\": {\"image\": \"examples/ramp.png\"}}" : string.Empty;
        return "{\"node_name\": \"" + name + "\", \"description\": \"A composite under test.\", "
            + "\"inputs\": {\"image\": {\"type\": \"IMAGE\"}" + extraInputs + "}, "
            + "\"outputs\": {\"image\": {\"type\": \"IMAGE\"}}, \"examples\": [" + example + "]}";
    }
}
