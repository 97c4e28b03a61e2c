namespace DisclosureCases.Domain.DataFiles;

/// <summary>How a data file is named in error messages.</summary>
public static class DataFileNames
{
    /// <summary>
    /// The file's folder and name with a forward slash, e.g. <c>/srv/app/workflows/outcomes.yaml</c> →
    /// <c>workflows/outcomes.yaml</c>: what a person sees in the checkout, the same on every machine and OS.
    /// A file with no parent folder is named by itself.
    /// </summary>
    public static string SourceName(string path)
    {
        var full = Path.GetFullPath(path);
        var folder = Path.GetFileName(Path.GetDirectoryName(full));
        var file = Path.GetFileName(full);
        return string.IsNullOrEmpty(folder) ? file : $"{folder}/{file}";
    }
}
