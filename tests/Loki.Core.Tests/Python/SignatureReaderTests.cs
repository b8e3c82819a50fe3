using Loki.Core.Config;
using Loki.Core.Diagnostics;
using Loki.Core.Python.Analysis;

namespace Loki.Core.Tests.Python;

/// <summary>Signatures, type hints, defaults and docstrings read statically by loki_pyast.</summary>
public sealed class SignatureReaderTests
{
    private const string Module = """
        from typing import Annotated, Literal, Optional
        import numpy as np
        from loki_runtime.types import Image, Mask, Range, Multiline

        def google(image: Image, radius: Annotated[int, Range(1, 31, 2)] = 3, mode: Literal["a", "b"] = "b",
                   note: Annotated[str, Multiline()] = "", mask: Optional[Mask] = None, *, strength: float = 0.5, **extra) -> tuple[Image, Mask]:
            '''Blurs an image.

            Args:
                image: The picture
                    to blur.
                radius (int): Radius in pixels.

            Returns:
                blurred: The result.
                edges: The edges.
            '''

        def numpy_style(a, b=2.5, flag=True, name="x"):
            '''Adds.

            Parameters
            ----------
            a : int
                First value.
            b : float, optional
                Second value.
            '''

        def rest_style(a, b):
            '''Does.

            :param int a: the a
            :param b: the b
            :type b: str
            '''

        class Tools:
            @staticmethod
            def scale(image: np.ndarray, factor: float = 2.0) -> np.ndarray:
                return image
        """;

    private static string File()
    {
        var dir = PythonTestSupport.NewFolder("sig");
        PythonTestSupport.Write(dir, ("mod.py", Module));
        return Path.Combine(dir, "mod.py");
    }

    [Fact]
    public async Task GoogleStyleAndAnnotations()
    {
        var fn = await StaticPythonReader.ReadFunctionAsync(PythonTestSupport.Python, File(), "google");
        Assert.Equal("Blurs an image.", fn.Summary);
        var p = fn.Parameters.ToDictionary(x => x.Name);
        Assert.Equal(PortTypes.Image, p["image"].Type!.Type);
        Assert.Equal("The picture to blur.", p["image"].Description);
        Assert.Equal((1.0, 31.0, 2.0), (p["radius"].Type!.Min!.Value, p["radius"].Type!.Max!.Value, p["radius"].Type!.Step!.Value));
        Assert.Equal(3, p["radius"].Default!.GetValue<int>());
        Assert.Equal(["a", "b"], p["mode"].Type!.Options.ToArray());
        Assert.True(p["note"].Type!.Multiline);
        Assert.True(p["mask"].Type!.Optional);
        Assert.Equal("keyword_only", p["strength"].Kind);
        Assert.Equal("var_keyword", p["extra"].Kind);
        Assert.Equal([PortTypes.Image, PortTypes.Mask], fn.ReturnTypes.Select(t => t.Type));
        Assert.Equal(["blurred", "edges"], fn.ReturnDocs.Select(r => r.Name));
    }

    [Fact]
    public async Task NumpyAndRestDocstringsGiveTypesAndDescriptions()
    {
        var file = File();
        var np = await StaticPythonReader.ReadFunctionAsync(PythonTestSupport.Python, file, "numpy_style");
        Assert.Equal(PortTypes.Int, np.Parameters[0].Type!.Type);
        Assert.Equal("Second value.", np.Parameters[1].Description);
        Assert.Equal(PortTypes.Float, np.Parameters[1].Type!.Type);
        var rest = await StaticPythonReader.ReadFunctionAsync(PythonTestSupport.Python, file, "rest_style");
        Assert.Equal((PortTypes.Int, "the a"), (rest.Parameters[0].Type!.Type, rest.Parameters[0].Description));
        Assert.Equal(PortTypes.String, rest.Parameters[1].Type!.Type);
    }

    [Fact]
    public async Task StaticMethodsAreFoundByQualifiedName()
    {
        var fn = await StaticPythonReader.ReadFunctionAsync(PythonTestSupport.Python, File(), "Tools.scale");
        Assert.Equal(["image", "factor"], fn.Parameters.Select(p => p.Name));
        Assert.True(fn.Parameters[0].Type!.Assumed);
    }

    [Fact]
    public async Task AMissingFunctionIsACodedError()
    {
        var ex = await Assert.ThrowsAsync<LokiException>(() => StaticPythonReader.ReadFunctionAsync(PythonTestSupport.Python, File(), "nope"));
        Assert.Equal(LokiCodes.FunctionNotFound, ex.Diagnostic.Code);
    }

    [Fact]
    public async Task ImportsAreSplitByOrigin()
    {
        var dir = PythonTestSupport.Write(PythonTestSupport.NewFolder("imp"),
            ("a.py", "import os, cv2\nfrom PIL import Image\nfrom . import b\nimport b\ntry:\n    import yaml\nexcept ImportError:\n    yaml = None\n"),
            ("b.py", "import numpy.linalg\n"));
        var scan = await StaticPythonReader.ScanImportsAsync(PythonTestSupport.Python, dir);
        Assert.Equal(["PIL", "cv2", "numpy", "yaml"], scan.ThirdParty.Select(t => t.Module));
        Assert.True(scan.ThirdParty.Single(t => t.Module == "yaml").Optional);
        Assert.Contains("os", scan.StandardLibrary);
        Assert.Contains("b", scan.Local);
        Assert.Equal("Pillow", DistributionCatalogue.Find("PIL"));
        Assert.Equal("opencv-python", DistributionCatalogue.Find("cv2"));
    }
}
