using Loki.Core.Diagnostics;
using Loki.Core.Requirements;

namespace Loki.Core.Tests.Requirements;

public class RequirementsVerifierTests
{
    [Fact]
    public void A_clean_library_passes_and_merges_sorted_and_deduplicated()
    {
        using var lib = new SampleLibrary();
        lib.Node("image_blur", "import numpy as np\nfrom PIL import Image\nimport json\n", "numpy>=1.24\nPillow\n");
        lib.Node("image_levels", "import numpy\n", "numpy>=1.25\n");
        lib.Node("text_join", "from loki_runtime import script\nimport torch\nimport folder_paths\n");

        var report = RequirementsVerifier.Verify(lib.Library);

        Assert.True(report.Ok, string.Join("\n", report.Diagnostics));
        Assert.Equal("numpy>=1.24,>=1.25\nPillow\n", report.MergedText);
        Assert.Equal(["image_blur", "image_levels"], report.Merged[0].Sources.Select(s => s.Node));
    }

    [Fact]
    public void A_missing_import_names_the_node_file_and_line()
    {
        using var lib = new SampleLibrary();
        var dir = lib.Node("yaml_reader", "import json\n\n\ndef run():\n    import yaml\n    return yaml\n", "numpy\n");

        var report = RequirementsVerifier.Verify(lib.Library);

        var d = Assert.Single(report.Diagnostics, x => x.IsError);
        Assert.Equal(LokiCodes.RequirementImportNotCovered, d.Code);
        Assert.Equal(Path.Combine(dir, "yaml_reader.py"), d.File);
        Assert.Equal(5, d.Line);
        Assert.Contains("'yaml_reader'", d.Message, StringComparison.Ordinal);
        Assert.Contains("PyYAML", d.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Optional_local_and_vendored_imports_need_no_requirement()
    {
        using var lib = new SampleLibrary();
        var dir = lib.Node("fancy", "try:\n    import cupy\nexcept ImportError:\n    cupy = None\nimport helpers\nimport vendored\nfrom . import fancy\n");
        File.WriteAllText(Path.Combine(dir, "helpers.py"), "import os\n");
        Directory.CreateDirectory(Path.Combine(dir, "src", "vendored"));
        File.WriteAllText(Path.Combine(dir, "src", "vendored", "__init__.py"), "");
        Directory.CreateDirectory(Path.Combine(dir, "tests"));
        File.WriteAllText(Path.Combine(dir, "tests", "test_fancy.py"), "import pytest\n");

        var report = RequirementsVerifier.Verify(lib.Library);

        Assert.True(report.Ok, string.Join("\n", report.Diagnostics));
    }

    [Fact]
    public void A_node_with_only_vendored_sources_is_checked_once_it_has_a_functionality_layer()
    {
        using var lib = new SampleLibrary();
        var dir = Path.Combine(lib.Library, "wrapped_later");
        Directory.CreateDirectory(Path.Combine(dir, "src"));
        File.WriteAllText(Path.Combine(dir, "src", "impl.py"), "import scipy\n");
        File.WriteAllText(Path.Combine(dir, "wrapped_later.md"), "# Wrapped later\n");
        Assert.True(RequirementsVerifier.Verify(lib.Library).Ok);

        File.WriteAllText(Path.Combine(dir, "wrapped_later.py"), "import impl\n");
        var d = Assert.Single(RequirementsVerifier.Verify(lib.Library).Diagnostics);
        Assert.Equal(LokiCodes.RequirementImportNotCovered, d.Code);
        Assert.Equal(Path.Combine(dir, "src", "impl.py"), d.File);
    }

    [Fact]
    public void Conflicting_pins_name_both_nodes_and_lines()
    {
        using var lib = new SampleLibrary();
        lib.Node("old_numpy", "", "Pillow\nnumpy==1.26.4\n");
        lib.Node("new_numpy", "", "numpy>=2.0\n");

        var report = RequirementsVerifier.Verify(lib.Library, checkImports: false);

        var d = Assert.Single(report.Diagnostics, x => x.Code == LokiCodes.RequirementConflict);
        Assert.Contains("'old_numpy'", d.Message, StringComparison.Ordinal);
        Assert.Contains("line 2", d.Message, StringComparison.Ordinal);
        Assert.Contains("'new_numpy'", d.Message, StringComparison.Ordinal);
        Assert.Contains("line 1", d.Message, StringComparison.Ordinal);
        Assert.False(report.Ok);
    }

    [Fact]
    public void Pinning_torch_is_an_error_and_listing_it_a_warning_left_out_of_the_pack()
    {
        using var lib = new SampleLibrary();
        var pinned = lib.Node("pins_torch", "", "numpy\ntorchvision>=0.16\n");
        lib.Node("lists_torch", "", "torch\n");

        var report = RequirementsVerifier.Verify(lib.Library, checkImports: false);

        var error = Assert.Single(report.Diagnostics, x => x.IsError);
        Assert.Equal(LokiCodes.RequirementPinsTorch, error.Code);
        Assert.Equal(Path.Combine(pinned, "requirements.txt"), error.File);
        Assert.Equal(2, error.Line);
        Assert.Contains("'pins_torch'", error.Message, StringComparison.Ordinal);
        Assert.Contains(report.Diagnostics, x => x.Code == LokiCodes.RequirementTorchListed && x.Severity == DiagnosticSeverity.Warning);
        Assert.Equal("numpy\n", report.MergedText);
    }

    [Fact]
    public void A_line_pip_cannot_parse_is_a_coded_error_naming_node_and_line()
    {
        using var lib = new SampleLibrary();
        var dir = lib.Node("broken", "", "numpy\n-e git+https://github.com/x/y.git#egg=y\nPillow=>9\n");

        var report = RequirementsVerifier.Verify(lib.Library, checkImports: false);

        Assert.Equal(
            [(LokiCodes.RequirementUnsupportedOption, 2), (LokiCodes.RequirementSyntax, 3)],
            report.Diagnostics.Select(d => (d.Code, d.Line)));
        Assert.All(report.Diagnostics, d => Assert.Equal(Path.Combine(dir, "requirements.txt"), d.File));
        Assert.All(report.Diagnostics, d => Assert.Contains("'broken'", d.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Two_opencv_variants_are_an_error()
    {
        using var lib = new SampleLibrary();
        lib.Node("a_cv", "", "opencv-python\n");
        lib.Node("b_cv", "", "opencv-python-headless\n");

        var report = RequirementsVerifier.Verify(lib.Library, checkImports: false);

        var d = Assert.Single(report.Diagnostics, x => x.IsError);
        Assert.Equal(LokiCodes.RequirementOpencvVariants, d.Code);
        Assert.Contains("'a_cv'", d.Message, StringComparison.Ordinal);
        Assert.Contains("'b_cv'", d.Message, StringComparison.Ordinal);
    }
}
