namespace DisclosureCases.Jobs;

/// <summary>
/// A job that failed for good: its retries were exhausted or its error was not worth retrying. Open until an
/// administrator retries it from the dashboard (or dismisses it); the dashboard lists the open ones first.
/// </summary>
public class JobIncident
{
    public long Id { get; set; }
    public string JobName { get; set; } = "";
    public string JobGroup { get; set; } = "";
    /// <summary>The run whose failure raised it.</summary>
    public long RunId { get; set; }
    public int Attempts { get; set; }
    public string Error { get; set; } = "";
    public DateTimeOffset RaisedAt { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
    public string? ResolvedBy { get; set; }
    public string? Resolution { get; set; }
}
