// LOKI Build pipeline. From the repository root (as the README says):
//   dotnet tool restore && dotnet cake build/build.cake                 main job: library, smoke, pack, release zip
//   dotnet tool restore && dotnet cake build/build.cake --target=test   every test (C# + pytest), one summary line
// Targets: setup, build, library, test, smoke, smoke-cuda, package, verify, release, wheel, default.
// Options: --configuration=Release|Debug, --python=PATH (default $LOKI_PYTHON or /usr/bin/python3),
//          --pip-index-url=URL / --pip-find-links=DIR (pip resolution of the pack's requirements in `verify`).

using System.Diagnostics;
using System.Text.RegularExpressions;
using System.Xml.Linq;

var target = Argument("target", "default");
var configuration = Argument("configuration", "Release");
var python = Argument("python", EnvironmentVariable("LOKI_PYTHON") ?? "/usr/bin/python3");
var pipIndexUrl = Argument("pip-index-url", "");
var pipFindLinks = Argument("pip-find-links", "");
// The smoke run spread over N local Dask workers (the `loki run` dispatcher); empty: one node after the other.
var smokeWorkers = Argument("smoke-workers", EnvironmentVariable("LOKI_SMOKE_WORKERS") ?? "");

// Cake runs with the script's folder or the caller's folder as working directory depending on how it is started;
// find the repository root (the folder holding Loki.Build.sln) from either, so every path below is absolute.
DirectoryPath FindRoot()
{
    foreach (var start in new[] { Context.Environment.WorkingDirectory, MakeAbsolute(Directory(".")) })
    {
        for (var dir = start; dir != null; dir = dir.GetParent())
        {
            if (FileExists(dir.CombineWithFilePath("Loki.Build.sln")))
            {
                return dir;
            }
        }
    }

    throw new Exception("Loki.Build.sln not found above " + Context.Environment.WorkingDirectory);
}

var root = FindRoot();
var artifacts = root.Combine("artifacts");
var solution = root.CombineWithFilePath("Loki.Build.sln");
var library = root.Combine("nodes");
var libraryProject = library.CombineWithFilePath("Loki.Nodes.csproj");
var packFolder = artifacts.Combine("ComfyUI-LOKI");
var webFolder = root.Combine("src/web"); // the pack's web extension (WEB_DIRECTORY)
var testResults = artifacts.Combine("test-results");
var smokeReports = artifacts.Combine("smoke");
var comfyTool = FindComfyUITool();
var taskClock = new Stopwatch();
string testSummary = null; // "N passed, N failed, N skipped", printed last by Teardown

// ---- helpers --------------------------------------------------------------------------------------------------

int Run(string tool, string arguments, DirectoryPath workingDirectory = null, IDictionary<string, string> env = null, bool allowFail = false)
{
    var settings = new ProcessSettings { Arguments = arguments, WorkingDirectory = workingDirectory ?? root };
    if (env != null)
    {
        settings.EnvironmentVariables = env;
    }

    var code = StartProcess(tool, settings);
    if (code != 0 && !allowFail)
    {
        throw new Exception($"{tool} {arguments} exited with {code}");
    }

    return code;
}

(int Code, string Output) Capture(string tool, string arguments)
{
    try
    {
        var code = StartProcess(tool, new ProcessSettings { Arguments = arguments, WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true }, out var stdout, out var stderr);
        return (code, string.Join("\n", stdout.Concat(stderr)));
    }
    catch (Exception ex)
    {
        return (-1, ex.Message);
    }
}

// The `loki` command line, built by the `build` target.
int Loki(string arguments, bool allowFail = false) =>
    Run("dotnet", $"run --project \"{root.CombineWithFilePath("src/Loki.Cli/Loki.Cli.csproj")}\" -c {configuration} --no-build -- {arguments}", allowFail: allowFail);

// find_spec locates a module without importing it (importing torch alone takes seconds).
string[] MissingPythonModules(params string[] modules)
{
    var probe = Capture(python, "-c \"import importlib.util, sys; print(' '.join(m for m in sys.argv[1:] if importlib.util.find_spec(m) is None))\" " + string.Join(" ", modules));
    return probe.Code != 0 ? modules : probe.Output.Split(new[] { ' ', '\n' }, StringSplitOptions.RemoveEmptyEntries);
}

// Cake treats its message as a format string; literal text must not be read as placeholders.
void Say(string text) => Information(text.Replace("{", "{{").Replace("}", "}}"));

bool IsRoot() => Capture("id", "-u").Output.Trim() == "0";

// Debian packages of `names` that dpkg does not list as installed (all of them when dpkg is absent).
string[] MissingDebianPackages(string[] names)
{
    if (names.Length == 0)
    {
        return names;
    }

    var probe = Capture("dpkg-query", "-W -f=${Package}\\t${Status}\\n " + string.Join(" ", names));
    var installed = probe.Output.Split('\n').Select(l => l.Split('\t')).Where(p => p.Length == 2 && p[1].Trim() == "install ok installed").Select(p => p[0].Split(':')[0]).ToHashSet();
    return names.Where(n => !installed.Contains(n)).ToArray();
}

// The real ComfyUI 0.3.64 the tests and the smoke run use: $LOKI_COMFYUI_TOOL, else shared/tools/comfyui in a folder
// above the repository (CI clones the repository with shared/ beside it). Null when absent.
DirectoryPath FindComfyUITool()
{
    bool IsTool(DirectoryPath d) => FileExists(d.CombineWithFilePath("start-server.sh")) && FileExists(d.CombineWithFilePath("ComfyUI/nodes.py"));
    var overridden = EnvironmentVariable("LOKI_COMFYUI_TOOL");
    if (!string.IsNullOrEmpty(overridden))
    {
        return IsTool(Directory(overridden)) ? MakeAbsolute(Directory(overridden)) : null;
    }

    for (var dir = root; dir != null; dir = dir.GetParent())
    {
        var candidate = dir.Combine("shared/tools/comfyui");
        if (IsTool(candidate))
        {
            return candidate;
        }
    }

    return null;
}

int Smoke(DirectoryPath nodes, DirectoryPath pythonPath, FilePath report, string extra)
{
    var env = new Dictionary<string, string> { ["PYTHONPATH"] = pythonPath.FullPath, ["PYTHONDONTWRITEBYTECODE"] = "1" };
    // With the real ComfyUI beside the repository, the nodes that wrap ComfyUI nodes and the flows of ComfyUI nodes
    // run too: on a writable copy (the tool is read-only), its helper folders on PYTHONPATH as start-server.sh sets.
    DirectoryPath copy = null;
    if (comfyTool != null && string.IsNullOrEmpty(EnvironmentVariable("COMFYUI_PATH")))
    {
        copy = Directory(System.IO.Path.Combine(System.IO.Path.GetTempPath(), "loki-smoke-comfyui-" + Guid.NewGuid().ToString("N")));
        Run("cp", $"-r \"{comfyTool.FullPath}\" \"{copy.FullPath}\"");
        Run("chmod", $"-R u+w \"{copy.FullPath}\"");
        env["COMFYUI_PATH"] = copy.Combine("ComfyUI").FullPath;
        env["PYTHONPATH"] = string.Join(":", new[] { pythonPath.FullPath }.Concat(new[] { "stubs", "shims", "vendor" }.Select(d => copy.Combine(d).FullPath)));
        Say($"ComfyUI for the nodes that wrap ComfyUI nodes: a copy of {comfyTool.FullPath}");
    }

    try
    {
        return Run(python, $"-m loki_runtime.smoke --library \"{nodes.FullPath}\" --report \"{report.FullPath}\" --python \"{python}\" {extra}", env: env, allowFail: true);
    }
    finally
    {
        if (copy != null)
        {
            DeleteDirectory(copy, new DeleteDirectorySettings { Recursive = true, Force = true });
        }
    }
}

// ---- progress: one line per step with its duration (Cake also prints the task summary at the end) -------------

TaskSetup(ctx =>
{
    Information("");
    Say($"==> {ctx.Task.Name}: {ctx.Task.Description}");
    taskClock.Restart();
});

TaskTeardown(ctx =>
{
    Say($"<== {ctx.Task.Name} {(ctx.Successful ? "done" : "FAILED")} in {taskClock.Elapsed.TotalSeconds:0.0} s");
});

// The test total closes the run as one plain line (no colour codes), whatever happened; only Cake's task table follows.
Teardown(ctx =>
{
    if (testSummary != null)
    {
        System.Console.WriteLine(testSummary);
    }
});

// ---- targets --------------------------------------------------------------------------------------------------

Task("setup")
    .Description("checks and installs what the build needs: .NET tools, Python 3 with numpy, Pillow, pytest, torch, pip, aiohttp, setuptools, wheel, venv, distributed, tqdm; the Debian packages of shared/tools/comfyui/apt-packages.txt and the fonts the drawing library loads; npm packages of JS test folders")
    .Does(() =>
{
    Run("dotnet", "tool restore");
    // setuptools and wheel build the loki-runtime wheel offline; ensurepip (python3-venv) makes the test venvs.
    // distributed (Dask) runs `loki run` and its tests, tqdm draws its progress bar.
    var modules = new[] { "numpy", "PIL", "pytest", "torch", "pip", "aiohttp", "setuptools", "wheel", "ensurepip", "distributed", "tqdm" };
    var missing = MissingPythonModules(modules);
    // The real ComfyUI the tests run (shared/tools/comfyui) lists the Debian packages it needs.
    var comfyPackages = comfyTool == null ? new string[0] : MissingDebianPackages(System.IO.File.ReadAllText(comfyTool.CombineWithFilePath("apt-packages.txt").FullPath)
        .Split(new[] { ' ', '\n', '\r', '\t' }, StringSplitOptions.RemoveEmptyEntries));
    if (missing.Length == 0)
    {
        Say($"Python: {python} has {string.Join(", ", modules)}.");
    }

    if (comfyTool != null && comfyPackages.Length == 0)
    {
        Say($"ComfyUI for the tests: {comfyTool.FullPath} (its Debian packages are installed).");
    }
    else if (comfyTool == null)
    {
        Warning("shared/tools/comfyui not found beside the repository (or $LOKI_COMFYUI_TOOL): the tests that run the real ComfyUI skip, and the smoke run skips the nodes that wrap ComfyUI nodes.");
    }

    if (missing.Length > 0 || comfyPackages.Length > 0)
    {
        var packages = string.Join(" ", (missing.Length > 0 ? new[] { "python3", "python3-numpy", "python3-pil", "python3-pytest", "python3-torch", "python3-pip", "python3-aiohttp", "python3-setuptools", "python3-wheel", "python3-venv", "python3-distributed", "python3-tqdm" } : new string[0]).Concat(comfyPackages).Distinct());
        if (IsRoot() && FileExists("/usr/bin/apt-get"))
        {
            Say($"Missing (Python modules: {string.Join(", ", missing)}; ComfyUI's Debian packages: {string.Join(", ", comfyPackages)}): installing {packages} from Debian...");
            Run("bash", $"-c \"apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq {packages}\"");
            missing = MissingPythonModules(modules);
            if (missing.Length > 0)
            {
                throw new Exception($"still missing after apt-get: {string.Join(", ", missing)} (is {python} Debian's /usr/bin/python3?)");
            }
        }
        else if (missing.Length > 0)
        {
            throw new Exception($"Python modules missing: {string.Join(", ", missing)}. Install them as root with:\n" +
                $"    sudo apt-get install -y {packages}\n" +
                "or point the build at an interpreter that has them: --python=/path/to/python3 (or LOKI_PYTHON).");
        }
        else
        {
            Warning($"The real ComfyUI of the tests needs Debian packages that are not installed ({string.Join(", ", comfyPackages)}); not root or no apt-get, so install them yourself:\n" +
                $"    sudo apt-get install -y {packages}\n" +
                "Until then the tests that start ComfyUI fail with its import error.");
        }
    }

    var jsFolders = GetFiles($"{root.FullPath}/tests/**/package.json")
        .Where(f => !f.FullPath.Contains("/node_modules/"))
        .Select(f => f.GetDirectory())
        .Where(d => FileExists(d.CombineWithFilePath("package-lock.json")))
        .ToList();
    // The JS test folders (tests/js: the litegraph client that checks API -> UI output) skip their tests
    // without their packages, so a missing npm is a warning, not a failure.
    var hasNpm = jsFolders.Count > 0 && Capture("npm", "--version").Code == 0;
    foreach (var folder in jsFolders)
    {
        if (!hasNpm)
        {
            Warning("npm not found: skipping npm ci in " + root.GetRelativePath(folder) + " (install Node.js to run those checks)");
            continue;
        }

        Say($"npm ci in {root.GetRelativePath(folder)}");
        Run("npm", "ci --no-audit --no-fund", folder);
    }

    // The browser tests (tests/browser: the pack's web extension in the real ComfyUI frontend) drive Debian's chromium.
    if (!FileExists("/usr/bin/chromium"))
    {
        if (IsRoot() && FileExists("/usr/bin/apt-get"))
        {
            Say("chromium missing: installing it from Debian for the browser tests...");
            Run("bash", "-c \"apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium\"");
        }
        else
        {
            Warning("/usr/bin/chromium is missing and this is not root with apt-get: install it (sudo apt-get install -y chromium), the browser tests fail without it.");
        }
    }

    // Glamours, cards and flow thumbnails are drawn with fonts loaded from these Debian packages' files (Loki.Core.Rendering).
    var fontPackages = MissingDebianPackages(new[] { "fonts-dejavu-core", "fonts-noto-color-emoji" });
    if (fontPackages.Length > 0)
    {
        if (IsRoot() && FileExists("/usr/bin/apt-get"))
        {
            Say($"fonts missing ({string.Join(", ", fontPackages)}): installing them from Debian for the drawing library...");
            Run("bash", $"-c \"apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq {string.Join(" ", fontPackages)}\"");
        }
        else
        {
            Warning($"Debian font packages missing ({string.Join(", ", fontPackages)}): glamours and thumbnails cannot be drawn (LOKI7100); install them: sudo apt-get install -y {string.Join(" ", fontPackages)}");
        }
    }
});

Task("build")
    .Description("builds the solution (core, CLI, MSBuild tasks, generator, tests)")
    .IsDependentOn("setup")
    .Does(() =>
{
    DotNetBuild(solution.FullPath, new DotNetBuildSettings { Configuration = configuration });
});

Task("library")
    .Description("builds the node library in nodes/ (derives the missing layers of every node)")
    .IsDependentOn("build")
    .Does(() =>
{
    if (FileExists(libraryProject))
    {
        DotNetBuild(libraryProject.FullPath, new DotNetBuildSettings { Configuration = configuration });
    }
    else
    {
        Information("nodes/Loki.Nodes.csproj is absent: the pack is built from the node folders as they are.");
    }
});

Task("test")
    .Description("runs every test: dotnet test of the solution, pytest tests/python and the nodes' test layers; prints 'N passed, N failed, N skipped'")
    .IsDependentOn("build")
    .Does(() =>
{
    if (DirectoryExists(testResults))
    {
        DeleteDirectory(testResults, new DeleteDirectorySettings { Recursive = true, Force = true });
    }

    CreateDirectory(testResults);
    var dotnetCode = Run("dotnet", $"test \"{solution.FullPath}\" -c {configuration} --no-build --logger trx --logger \"console;verbosity=minimal\" --results-directory \"{testResults.FullPath}\"", allowFail: true);
    // The runtime's suites, then every node's own test layer (nodes/<n>/<n>_test.py), each with its own report.
    var pytestRuns = new[] { ("tests/python", testResults.CombineWithFilePath("pytest.xml")), ("nodes", testResults.CombineWithFilePath("pytest-nodes.xml")) }
        .Select(r => (r.Item2, Code: Run(python, $"-m pytest -q {r.Item1} --junitxml=\"{r.Item2.FullPath}\"", allowFail: true)))
        .ToList();

    int passed = 0, failed = 0, skipped = 0;
    foreach (var trx in GetFiles($"{testResults.FullPath}/**/*.trx"))
    {
        foreach (var result in XDocument.Load(trx.FullPath).Descendants().Where(e => e.Name.LocalName == "UnitTestResult"))
        {
            switch ((string)result.Attribute("outcome"))
            {
                case "Passed": passed++; break;
                case "NotExecuted": skipped++; break;
                default: failed++; break;
            }
        }
    }

    foreach (var (junit, pytestCode) in pytestRuns)
    {
        if (FileExists(junit))
        {
            foreach (var suite in XDocument.Load(junit.FullPath).Descendants().Where(e => e.Name.LocalName == "testsuite"))
            {
                int Attr(string name) => int.TryParse((string)suite.Attribute(name), out var v) ? v : 0;
                var bad = Attr("failures") + Attr("errors");
                passed += Attr("tests") - bad - Attr("skipped");
                failed += bad;
                skipped += Attr("skipped");
            }
        }
        else if (pytestCode != 0)
        {
            failed++; // pytest could not even start: count it, never hide it
        }
    }

    if (dotnetCode != 0 && failed == 0)
    {
        failed++; // a test host crash leaves no trx result for the failure
    }

    testSummary = $"{passed} passed, {failed} failed, {skipped} skipped";
    if (failed > 0)
    {
        throw new Exception($"{failed} test(s) failed");
    }
});

Task("smoke")
    .Description("runs every node's examples through its LOKI Script and its LOKI Node and compares them (CPU; CUDA too when present)")
    .IsDependentOn("library")
    .Does(() =>
{
    var report = smokeReports.CombineWithFilePath("report.json");
    var code = Smoke(library, root.Combine("src/python"), report, string.IsNullOrEmpty(smokeWorkers) ? "" : $"--workers {smokeWorkers}");
    if (code != 0)
    {
        throw new Exception($"smoke run failed (exit {code}); see {root.GetRelativePath(report)}");
    }

    Say($"report: {root.GetRelativePath(report)}");
});

// Runnable on a bare GPU machine with only python3 + torch (+ numpy): no setup, no .NET build. It runs the built
// pack when artifacts/ComfyUI-LOKI exists (carry it there), else the library in nodes/ with the runtime in src/.
Task("smoke-cuda")
    .Description("runs the device: cuda nodes on CUDA and compares them with their CPU runs; fails without CUDA")
    .Does(() =>
{
    var usePack = DirectoryExists(packFolder.Combine("nodes"));
    var nodes = usePack ? packFolder.Combine("nodes") : library;
    var runtime = usePack ? packFolder : root.Combine("src/python");
    Say($"library: {root.GetRelativePath(nodes)}, runtime: {root.GetRelativePath(runtime)}");
    var code = Smoke(nodes, runtime, smokeReports.CombineWithFilePath("report-cuda.json"), "--device cuda --require-cuda");
    if (code != 0)
    {
        throw new Exception(code == 3 ? "CUDA is not available on this machine" : $"CUDA smoke run failed (exit {code})");
    }
});

Task("native")
    .Description("publishes the native loki (Native AOT) to artifacts/loki-native; installs clang and zlib1g-dev from Debian when missing and root")
    .Does(() =>
{
    // Native AOT links with clang; Debian ships it (issue 10: the fast start-up of one process per file).
    if (Capture("bash", "-c \"command -v clang\"").Code != 0 || !FileExists("/usr/include/zlib.h"))
    {
        if (!IsRoot() || !FileExists("/usr/bin/apt-get"))
        {
            throw new Exception("Native AOT needs clang and zlib1g-dev: sudo apt-get install -y clang zlib1g-dev");
        }

        Run("bash", "-c \"apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq clang zlib1g-dev\"");
    }

    Run("dotnet", $"publish \"{root.Combine("src/Loki.Cli").FullPath}\" -c Release -r linux-x64 -p:LokiNative=true -o \"{root.Combine("artifacts/loki-native").FullPath}\"");
});

Task("package")
    .Description("builds the ComfyUI-LOKI pack folder under artifacts/ (requirements verified on the way)")
    .IsDependentOn("library")
    .Does(() =>
{
    var code = Loki($"pack --library \"{library.FullPath}\" --runtime \"{root.Combine("src/python/loki_runtime").FullPath}\" --metadata \"{root.CombineWithFilePath("pack.json").FullPath}\" --web \"{webFolder.FullPath}\" --out \"{packFolder.FullPath}\" --no-zip", allowFail: true);
    if (code != 0)
    {
        throw new Exception("the pack was not built; the errors above name each node and line");
    }
});

Task("wheel")
    .Description("builds the loki-runtime wheel (artifacts/loki_runtime-<version>-py3-none-any.whl) offline from src/python")
    .IsDependentOn("setup")
    .Does(() =>
{
    // From a clean copy: setuptools leaves build/ and *.egg-info beside its sources, and a stale build/lib would
    // ship modules deleted since. No index, no isolation: Debian's setuptools and wheel do the build.
    var staging = artifacts.Combine("loki-runtime-build");
    if (DirectoryExists(staging))
    {
        DeleteDirectory(staging, new DeleteDirectorySettings { Recursive = true, Force = true });
    }

    CreateDirectory(staging);
    CopyFiles(new[] { "pyproject.toml", "README.md" }.Select(f => root.CombineWithFilePath("src/python/" + f)), staging);
    CopyDirectory(root.Combine("src/python/loki_runtime"), staging.Combine("loki_runtime"));
    foreach (var cache in GetDirectories($"{staging.FullPath}/**/__pycache__"))
    {
        DeleteDirectory(cache, new DeleteDirectorySettings { Recursive = true, Force = true });
    }

    DeleteFiles($"{artifacts.FullPath}/loki_runtime-*.whl");
    // SOURCE_DATE_EPOCH fixes the zip timestamps: two builds of the same sources give the same wheel.
    var env = new Dictionary<string, string> { ["SOURCE_DATE_EPOCH"] = "315532800", ["PYTHONDONTWRITEBYTECODE"] = "1" };
    Run(python, $"-m pip wheel --no-deps --no-build-isolation --no-index --wheel-dir \"{artifacts.FullPath}\" \"{staging.FullPath}\"", env: env);
    DeleteDirectory(staging, new DeleteDirectorySettings { Recursive = true, Force = true });
    Say($"wheel: {string.Join(", ", GetFiles($"{artifacts.FullPath}/loki_runtime-*.whl").Select(f => root.GetRelativePath(f).FullPath))} (pip install it to run LOKI Scripts anywhere)");
});

Task("verify")
    .Description("verifies the library's requirements and, given --pip-index-url or --pip-find-links, resolves them with pip")
    .IsDependentOn("build")
    .Does(() =>
{
    var index = pipIndexUrl.Length > 0 ? $"--index-url \"{pipIndexUrl}\"" : pipFindLinks.Length > 0 ? $"--find-links \"{MakeAbsolute(Directory(pipFindLinks)).FullPath}\"" : "";
    if (Loki($"verify --library \"{library.FullPath}\" --python \"{python}\" {index}", allowFail: true) != 0)
    {
        throw new Exception("requirements verification failed; the errors above name each node and line");
    }
});

Task("release")
    .Description("writes the release archive artifacts/ComfyUI-LOKI-<version>.zip (reproducible) and its .sha256")
    .IsDependentOn("package")
    .Does(() =>
{
    var version = System.Text.Json.JsonDocument.Parse(System.IO.File.ReadAllText(root.CombineWithFilePath("pack.json").FullPath)).RootElement.GetProperty("version").GetString();
    var zip = artifacts.CombineWithFilePath($"ComfyUI-LOKI-{version}.zip");
    var code = Loki($"pack --library \"{library.FullPath}\" --runtime \"{root.Combine("src/python/loki_runtime").FullPath}\" --metadata \"{root.CombineWithFilePath("pack.json").FullPath}\" --web \"{webFolder.FullPath}\" --out \"{packFolder.FullPath}\" --zip \"{zip.FullPath}\"", allowFail: true);
    if (code != 0)
    {
        throw new Exception("the release archive was not written");
    }

    Say($"pack:    {root.GetRelativePath(packFolder)}/");
    Say($"archive: {root.GetRelativePath(zip)} (+ .sha256)");
});

Task("world")
    .Description("draws the whole library as one macro workflow: artifacts/world.png, which opens in ComfyUI (loki world)")
    .IsDependentOn("library")
    .Does(() =>
{
    var world = artifacts.CombineWithFilePath("world.png");
    if (Loki($"world --library \"{library.FullPath}\" --metadata \"{root.CombineWithFilePath("pack.json").FullPath}\" -o \"{world.FullPath}\"", allowFail: true) != 0)
    {
        throw new Exception("the World was not drawn; the errors above name each node");
    }
});

Task("default")
    .Description("the main job: build the library, smoke-test it, package the pack, write the release archive, the loki-runtime wheel and the World picture")
    .IsDependentOn("library")
    .IsDependentOn("smoke")
    .IsDependentOn("package")
    .IsDependentOn("release")
    .IsDependentOn("wheel")
    .IsDependentOn("world");

RunTarget(target);
