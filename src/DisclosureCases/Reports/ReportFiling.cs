namespace DisclosureCases.Reports;

/// <summary>
/// One step in the filing record of an agency's annual report for a year: <c>filed</c> (报送, which locks the year's
/// cases) or <c>unlocked</c> (an administrator reopens the year, with a reason). Rows are only ever added; the latest
/// decides whether the year is locked. A filing keeps the 表三 it filed (JSON), so later years can be checked against it.
/// </summary>
public class ReportFiling
{
    public const string Filed = "filed";
    public const string Unlocked = "unlocked";

    public int Id { get; set; }
    public int AgencyId { get; set; }
    public int Year { get; set; }
    public string Action { get; set; } = "";
    public DateTimeOffset At { get; set; }
    public string ActorId { get; set; } = "";
    public string ActorName { get; set; } = "";
    public string? Note { get; set; }
    /// <summary>The 表三 figures as filed (<see cref="AnnualReportExport.Json"/>); null for an unlock.</summary>
    public string? Snapshot { get; set; }
}
