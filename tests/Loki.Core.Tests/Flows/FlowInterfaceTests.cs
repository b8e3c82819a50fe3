using Loki.Core.Diagnostics;
using Loki.Core.Flows.Interface;

namespace Loki.Core.Tests.Flows;

public class FlowInterfaceTests
{
    [Fact]
    public void Markers_declare_the_signature_and_take_types_from_what_they_feed()
    {
        var bag = new DiagnosticBag();
        var doc = FlowFixtures.Analyse(FlowFixtures.MarkerFlow, null, bag);

        Assert.Equal(FlowInterfaceSource.Markers, doc.Interface.Source);
        Assert.Equal(["image", "radius"], doc.Interface.Inputs.Select(i => i.Name));
        var radius = doc.Interface.Inputs[1];
        Assert.Equal("INT", radius.Type);
        Assert.Equal(3, radius.Default!.GetValue<long>());
        Assert.Equal(1, radius.Min);
        Assert.Equal(31, radius.Max);
        Assert.True(doc.Interface.Inputs[0].Required);
        var output = Assert.Single(doc.Interface.Outputs);
        Assert.Equal(("image", "IMAGE", "4"), (output.Name, output.Type, output.Source.NodeId));
        Assert.False(bag.HasErrors);
    }

    [Fact]
    public void Plain_workflow_gets_an_inferred_signature_with_seed_mode_from_the_ui()
    {
        var bag = new DiagnosticBag();
        var doc = FlowFixtures.Analyse(FlowFixtures.PlainFlow, FlowFixtures.PlainFlowUi, bag);

        Assert.Equal(FlowInterfaceSource.Inferred, doc.Interface.Source);
        Assert.Contains(bag.Items, d => d.Code == LokiCodes.FlowInterfaceInferred);
        Assert.Equal(["image", "seed"], doc.Interface.Inputs.Select(i => i.Name));
        Assert.Equal("IMAGE", doc.Interface.Inputs[0].Type);
        Assert.Equal(new FlowBinding("10", "image", 0), Assert.Single(doc.Interface.Inputs[0].Bindings));
        Assert.Equal("increment", doc.Interface.Inputs[1].Control);
        Assert.Equal(42, doc.Interface.Inputs[1].Default!.GetValue<long>());
        var output = Assert.Single(doc.Interface.Outputs);
        Assert.Equal(("image", "12", "13"), (output.Name, output.Source.NodeId, output.ReplacesNode));
    }

    [Fact]
    public void App_mode_names_inputs_by_widget_and_skips_bad_references()
    {
        const string ui = """
            {"nodes": [], "links": [], "version": 0.4,
             "extra": {"linearData": {"inputs": [["11", "strength"], [12, "radius"], ["99", "x"], ["12", "image"]], "outputs": ["13"]}}}
            """;
        var bag = new DiagnosticBag();
        var doc = FlowFixtures.Analyse(FlowFixtures.PlainFlow, ui, bag);

        Assert.Equal(FlowInterfaceSource.AppMode, doc.Interface.Source);
        Assert.Equal(["strength", "radius"], doc.Interface.Inputs.Select(i => i.Name));
        Assert.Equal(2, bag.Items.Count(d => d.Code == LokiCodes.FlowAppModeBadReference));
        Assert.Equal("image", Assert.Single(doc.Interface.Outputs).Name);
    }
}
