namespace DisclosureCases.Domain.DataFiles;

/// <summary>
/// One problem in a reviewed data file (<c>workflows/*.yaml</c>, <c>templates/catalog.yaml</c>), located so that the
/// person who edits the file can go straight to it.
/// </summary>
/// <param name="Source">The file as people name it, e.g. <c>workflows/application.yaml</c>.</param>
/// <param name="Line">1-based line; 1 when the problem concerns the file as a whole (e.g. it is empty).</param>
/// <param name="Message">What is wrong, in the file's own vocabulary.</param>
public sealed record DataFileError(string Source, int Line, string Message)
{
    /// <summary>The compiler-style form <c>workflows/application.yaml:42: message</c>.</summary>
    public override string ToString() => $"{Source}:{Line}: {Message}";
}
