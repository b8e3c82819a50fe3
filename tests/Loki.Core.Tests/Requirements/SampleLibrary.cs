namespace Loki.Core.Tests.Requirements;

/// <summary>A throw-away library of node folders in a temp folder, for tests.</summary>
internal sealed class SampleLibrary : IDisposable
{
    public SampleLibrary()
    {
        Root = Directory.CreateTempSubdirectory("loki-lib-").FullName;
        Library = Path.Combine(Root, "nodes");
        Directory.CreateDirectory(Library);
    }

    public string Root { get; }

    public string Library { get; }

    /// <summary>Creates <c>nodes/&lt;name&gt;/</c> with a script holding <paramref name="python"/> and an optional requirements file.</summary>
    public string Node(string name, string python = "", string? requirements = null)
    {
        var dir = Path.Combine(Library, name);
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, name + ".py"), python);
        if (requirements is not null)
        {
            File.WriteAllText(Path.Combine(dir, "requirements.txt"), requirements);
        }

        return dir;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
