using Loki.Core.Diagnostics;

namespace Loki.Core.Tests.Flows;

/// <summary>Bad flows fail at conversion time with a code, before anything runs.</summary>
public class FlowValidationTests
{
    public static TheoryData<string, string> BadFlows => new()
    {
        {
            LokiCodes.FlowCycle, """
            {"1": {"class_type": "LokiImageBlur", "inputs": {"image": ["2", 0], "radius": 1}},
             "2": {"class_type": "LokiImageInvert", "inputs": {"image": ["1", 0]}},
             "3": {"class_type": "LokiOutput", "inputs": {"name": "image", "value": ["2", 0]}}}
            """
        },
        {
            LokiCodes.FlowUnknownNodeType, """
            {"1": {"class_type": "LokiInput", "inputs": {"name": "image", "type": "IMAGE", "default": "", "min": "", "max": "", "description": ""}},
             "2": {"class_type": "SomePackMysteryNode", "inputs": {"image": ["1", 0]}},
             "3": {"class_type": "LokiOutput", "inputs": {"name": "image", "value": ["2", 0]}}}
            """
        },
        {
            LokiCodes.FlowMissingRequiredInput, """
            {"1": {"class_type": "LokiImageBlur", "inputs": {"radius": 2}},
             "2": {"class_type": "LokiOutput", "inputs": {"name": "image", "value": ["1", 0]}}}
            """
        },
        {
            LokiCodes.FlowValueOutOfRange, """
            {"1": {"class_type": "LokiInput", "inputs": {"name": "image", "type": "IMAGE", "default": "", "min": "", "max": "", "description": ""}},
             "2": {"class_type": "LokiImageBlur", "inputs": {"image": ["1", 0], "radius": 99}},
             "3": {"class_type": "LokiOutput", "inputs": {"name": "image", "value": ["2", 0]}}}
            """
        },
        {
            LokiCodes.FlowValueOutOfRange, """
            {"1": {"class_type": "LokiInput", "inputs": {"name": "image", "type": "IMAGE", "default": "", "min": "", "max": "", "description": ""}},
             "2": {"class_type": "LokiInput", "inputs": {"name": "radius", "type": "INT", "default": "40", "min": "", "max": "", "description": ""}},
             "3": {"class_type": "LokiImageBlur", "inputs": {"image": ["1", 0], "radius": ["2", 0]}},
             "4": {"class_type": "LokiOutput", "inputs": {"name": "image", "value": ["3", 0]}}}
            """
        },
        {
            LokiCodes.FlowValueNotInOptions, """
            {"1": {"class_type": "LokiInput", "inputs": {"name": "image", "type": "IMAGE", "default": "", "min": "", "max": "", "description": ""}},
             "2": {"class_type": "LokiImageNoise", "inputs": {"image": ["1", 0], "seed": 1, "strength": 0.5, "mode": "divide"}},
             "3": {"class_type": "LokiOutput", "inputs": {"name": "image", "value": ["2", 0]}}}
            """
        },
        {
            LokiCodes.FlowOutputUnconnected, """
            {"1": {"class_type": "LokiInput", "inputs": {"name": "image", "type": "IMAGE", "default": "", "min": "", "max": "", "description": ""}},
             "2": {"class_type": "LokiImageInvert", "inputs": {"image": ["1", 0]}},
             "3": {"class_type": "LokiOutput", "inputs": {"name": "image", "value": ["2", 0]}},
             "4": {"class_type": "LokiOutput", "inputs": {"name": "mask"}}}
            """
        },
        {
            LokiCodes.FlowDuplicateInputName, """
            {"1": {"class_type": "LokiInput", "inputs": {"name": "image", "type": "IMAGE", "default": "", "min": "", "max": "", "description": ""}},
             "2": {"class_type": "LokiInput", "inputs": {"name": "image", "type": "IMAGE", "default": "", "min": "", "max": "", "description": ""}},
             "3": {"class_type": "LokiImageInvert", "inputs": {"image": ["1", 0]}},
             "4": {"class_type": "LokiImageInvert", "inputs": {"image": ["2", 0]}},
             "5": {"class_type": "LokiOutput", "inputs": {"name": "a", "value": ["3", 0]}},
             "6": {"class_type": "LokiOutput", "inputs": {"name": "b", "value": ["4", 0]}}}
            """
        },
        {
            LokiCodes.FlowMarkerBad, """
            {"1": {"class_type": "LokiInput", "inputs": {"name": "image", "type": "IMAGE", "default": "", "min": "", "max": "", "description": ""}},
             "2": {"class_type": "LokiInput", "inputs": {"name": "radius", "type": "INT", "default": "three", "min": "", "max": "", "description": ""}},
             "3": {"class_type": "LokiImageBlur", "inputs": {"image": ["1", 0], "radius": ["2", 0]}},
             "4": {"class_type": "LokiOutput", "inputs": {"name": "image", "value": ["3", 0]}}}
            """
        },
        {
            LokiCodes.FlowBadLinkSlot, """
            {"1": {"class_type": "LokiInput", "inputs": {"name": "image", "type": "IMAGE", "default": "", "min": "", "max": "", "description": ""}},
             "2": {"class_type": "LokiImageInvert", "inputs": {"image": ["1", 0]}},
             "3": {"class_type": "LokiImageBlur", "inputs": {"image": ["2", 3], "radius": 2}},
             "4": {"class_type": "LokiOutput", "inputs": {"name": "image", "value": ["3", 0]}}}
            """
        },
        {
            LokiCodes.FlowNoOutputs, """
            {"1": {"class_type": "LokiInput", "inputs": {"name": "image", "type": "IMAGE", "default": "", "min": "", "max": "", "description": ""}},
             "2": {"class_type": "LokiImageInvert", "inputs": {"image": ["1", 0]}},
             "3": {"class_type": "LokiOutput", "inputs": {"name": "image"}}}
            """
        },
    };

    [Theory]
    [MemberData(nameof(BadFlows))]
    public void Bad_flow_gives_its_code_at_conversion_time(string code, string prompt)
    {
        var bag = new DiagnosticBag();
        var schemas = FlowFixtures.Schemas();
        var doc = FlowFixtures.Analyse(prompt, null, bag, schemas);
        var valid = doc.Validate(schemas, bag);

        Assert.False(valid && !bag.HasErrors);
        Assert.Contains(bag.Items, d => d.Code == code && d.IsError);
        Assert.All(bag.Items.Where(d => d.IsError), d => Assert.Equal("flow.json", d.File));
    }

    [Fact]
    public void A_good_flow_has_no_errors()
    {
        var bag = new DiagnosticBag();
        var schemas = FlowFixtures.Schemas();
        var doc = FlowFixtures.Analyse(FlowFixtures.MarkerFlow, null, bag, schemas);
        Assert.True(doc.Validate(schemas, bag));
        Assert.DoesNotContain(bag.Items, d => d.IsError);
    }
}
