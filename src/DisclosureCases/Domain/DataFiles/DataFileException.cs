namespace DisclosureCases.Domain.DataFiles;

/// <summary>
/// A data file could not be loaded. Carries every problem found, not just the first, so that one edit-and-retry cycle
/// fixes them all; <see cref="Exception.Message"/> is one <c>file:line: message</c> line per problem.
/// </summary>
public class DataFileException : Exception
{
    public DataFileException(IEnumerable<DataFileError> errors)
        : this(Sorted(errors))
    {
    }

    DataFileException(IReadOnlyList<DataFileError> sorted)
        : base(string.Join("\n", sorted))
    {
        if (sorted.Count == 0)
            throw new ArgumentException("A data file exception needs at least one error.", nameof(sorted));
        Errors = sorted;
    }

    /// <summary>The problems ordered by file and line; problems on the same line keep the order they were found in.</summary>
    public IReadOnlyList<DataFileError> Errors { get; }

    // OrderBy is stable, so two problems on one line stay in the order the validator reports them.
    static IReadOnlyList<DataFileError> Sorted(IEnumerable<DataFileError> errors) =>
        errors.OrderBy(e => e.Source, StringComparer.Ordinal).ThenBy(e => e.Line).ToList();
}
