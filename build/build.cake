// LOKI Build pipeline. Run through the local tool: `dotnet tool restore && dotnet cake build/build.cake [--target=X]`.
// Targets: setup, build, test, smoke, smoke-cuda, package, release, default (build + smoke + package).

var target = Argument("target", "default");
var configuration = Argument("configuration", "Release");
var root = MakeAbsolute(Directory(".."));
var artifacts = root.Combine("artifacts");
var solution = root.CombineWithFilePath("Loki.Build.sln");

string Python() => EnvironmentVariable("LOKI_PYTHON") ?? "/usr/bin/python3";

int Run(string tool, string args, bool allowFail = false)
{
    var code = StartProcess(tool, new ProcessSettings { Arguments = args, WorkingDirectory = root });
    if (code != 0 && !allowFail)
    {
        throw new Exception($"{tool} {args} exited with {code}");
    }
    return code;
}

// Installs a folder's locked npm packages (tests/js: the litegraph client that checks API -> UI output).
// Without npm the tests that need it skip, so a missing npm is reported, not fatal.
void NpmCi(DirectoryPath folder)
{
    if (!System.IO.File.Exists(folder.CombineWithFilePath("package-lock.json").FullPath))
    {
        return;
    }
    try
    {
        var code = StartProcess("npm", new ProcessSettings { Arguments = "ci --no-audit --no-fund", WorkingDirectory = folder });
        if (code != 0)
        {
            throw new Exception($"npm ci in {folder} exited with {code}");
        }
    }
    catch (System.ComponentModel.Win32Exception)
    {
        Warning($"npm not found: skipping npm ci in {folder}; the litegraph checks will be skipped.");
    }
}

Task("setup")
    .Description("Checks and installs what the build needs: .NET tools, Python 3 with numpy, Pillow, pytest, torch.")
    .Does(() =>
{
    Run("dotnet", "tool restore");
    NpmCi(root.Combine("tests/js"));
    var probe = Run(Python(), "-c \"import numpy, PIL, pytest, torch\"", allowFail: true);
    if (probe == 0)
    {
        Information("Python packages: present.");
        return;
    }
    var isRoot = EnvironmentVariable("USER") == "root" || System.IO.File.Exists("/root/.bashrc") && EnvironmentVariable("HOME") == "/root";
    if (isRoot && System.IO.File.Exists("/usr/bin/apt-get"))
    {
        Information("Installing Python packages from Debian...");
        Run("bash", "-c \"apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3 python3-numpy python3-pil python3-pytest python3-torch\"");
    }
    else
    {
        throw new Exception("Python packages missing. Run as root: apt-get install -y python3 python3-numpy python3-pil python3-pytest python3-torch");
    }
});

Task("build")
    .IsDependentOn("setup")
    .Does(() =>
{
    DotNetBuild(solution.FullPath, new DotNetBuildSettings { Configuration = configuration });
});

Task("test")
    .IsDependentOn("build")
    .Does(() =>
{
    DotNetTest(solution.FullPath, new DotNetTestSettings { Configuration = configuration, NoBuild = true, Loggers = new[] { "console;verbosity=normal" } });
    Run(Python(), "-m pytest -q tests/python");
});

Task("default")
    .IsDependentOn("build");

RunTarget(target);
