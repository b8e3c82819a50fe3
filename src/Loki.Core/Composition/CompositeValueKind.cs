namespace Loki.Core.Composition;

/// <summary>Where a value of a composite script comes from.</summary>
public enum CompositeValueKind
{
    /// <summary>A literal number, text or boolean: a widget value in the flow.</summary>
    Constant,

    /// <summary>A parameter of <c>run()</c>: the flow's input marker of that name.</summary>
    Parameter,

    /// <summary>One named output of an earlier call: a link.</summary>
    Output,

    /// <summary>Every output of a call (<c>return NODE(...)</c>): the script's outputs by the same names.</summary>
    Result,
}
