using DisclosureCases.Domain.Clocks;
using DisclosureCases.Domain.Periods;
using static DisclosureCases.Domain.Calendar.ChineseDates;

namespace DisclosureCases.Domain.Reviews;

/// <summary>The keys of a review case's deadlines; workflow states name them under <c>deadlines:</c>.</summary>
public static class ReviewDeadlineKeys
{
    /// <summary>行政复议答复期限: the respondent's written answer and evidence (行政复议法第48、54条).</summary>
    public const string Answer = "review-answer";
    /// <summary>行政复议决定期限: the 复议机关's, watched so the agency knows when to expect it (第62条).</summary>
    public const string Decision = "review-decision";
    /// <summary>答辩期限: the defendant's 答辩状 and evidence (行政诉讼法第67条).</summary>
    public const string Defence = "defence";
    /// <summary>上诉期限: 15 days from a judgment, 10 from a ruling (行政诉讼法第85条): a window, not a duty.</summary>
    public const string Appeal = "appeal";
    /// <summary>报备期限: reporting to the 政务公开主管部门 (a setting, unverified in law).</summary>
    public const string Report = "review-report";

    public static readonly IReadOnlyList<string> All = [Answer, Decision, Defence, Appeal, Report];
}

/// <summary>A review case's deadline; a <see cref="Window"/> opens a chance (to appeal) rather than imposing a duty.</summary>
public sealed record ReviewDeadline(CaseDeadline Deadline, bool Window);

/// <summary>
/// The deadlines of a 行政复议 or 行政诉讼 case as a pure function of its dates (DOMAIN.md §6), each with its
/// <see cref="DeadlineExplanation"/>:
/// <list type="bullet">
/// <item>复议答复: 10 working days from receiving the copy, 5 in the simplified procedure (行政复议法第48、54、88条);</item>
/// <item>复议决定: 60 days from acceptance, 30 in the simplified procedure; an extension adds 30 days once, counted from
/// the end of the 60 (第62条);</item>
/// <item>答辩: 15 days from receiving the complaint copy (行政诉讼法第67条);</item>
/// <item>上诉: 15 days from service of a judgment, 10 of a ruling (第85条) — the agency's own window;</item>
/// <item>报备: the configured working days from receiving the copy (or from registering the case when no copy has come).</item>
/// </list>
/// A deadline appears once its start date is known.
/// </summary>
public static class ReviewDeadlines
{
    /// <param name="registeredOn">The day the case was registered here: the 报备 period's start while no copy has come.</param>
    /// <param name="reportWorkingDays">The 报备 period in working days (a setting; the law sets none that we have verified).</param>
    public static IReadOnlyList<ReviewDeadline> Compute(ReviewCase c, DateOnly registeredOn, int reportWorkingDays, PeriodCalculator calc)
    {
        var list = new List<ReviewDeadline>();
        if (c.Kind == ReviewKind.Reconsideration)
        {
            if (c.CopyReceivedOn is { } copy)
                list.Add(Duty(ReviewDeadlineKeys.Answer, "复议答复期限",
                    calc.Due(copy, c.Simplified ? Statutes.ReviewAnswerSimplified : Statutes.ReviewAnswer), c.AnswerSubmittedOn));
            if (c.AcceptedOn is { } accepted)
                list.Add(Duty(ReviewDeadlineKeys.Decision, "复议决定期限", DecisionDue(c, accepted, calc), c.DecidedOn));
        }
        else
        {
            if (c.CopyReceivedOn is { } copy)
                list.Add(Duty(ReviewDeadlineKeys.Defence, "答辩期限", calc.Due(copy, Statutes.Defence), c.AnswerSubmittedOn));
            if (c.ServedOn is { } served && c.JudgmentKind is { } judgment)
            {
                var due = calc.Due(served, judgment == JudgmentKind.Judgment ? Statutes.AppealAgainstJudgment : Statutes.AppealAgainstRuling);
                list.Add(new ReviewDeadline(new CaseDeadline(ReviewDeadlineKeys.Appeal, "上诉期限", due.Date, ClockStatus.Running,
                    due.Provisional, due.Explanation, 0), Window: true));
            }
        }
        var reportFrom = c.CopyReceivedOn ?? registeredOn;
        list.Add(Duty(ReviewDeadlineKeys.Report, "报备期限", calc.Due(reportFrom, ReportPeriod(reportWorkingDays)), c.ReportedOn));
        return list;
    }

    /// <summary>报备 period: a setting, cited as such.</summary>
    public static StatutoryPeriod ReportPeriod(int workingDays) =>
        new(Period.WorkingDays(workingDays), new LegalBasis("报备期限", "本系统设置，法律依据未经核实（向政务公开主管部门报备）"));

    /// <summary>复议决定期限: 60 (simplified 30) days from acceptance; +30 days once from the end of the 60 when extended.</summary>
    static DueDate DecisionDue(ReviewCase c, DateOnly accepted, PeriodCalculator calc)
    {
        if (c.Simplified)
            return calc.Due(accepted, Statutes.ReviewDecisionSimplified);
        var first = calc.Due(accepted, Statutes.ReviewDecision);
        if (c.DecisionExtendedOn is not { } extendedOn)
            return first;
        var extended = calc.Due(first.Date, Statutes.ReviewDecisionExtension);
        string[] steps =
        [
            $"{Iso(accepted)} 受理；决定期限60日，至 {Iso(first.Date)}（《行政复议法》第六十二条第一款）",
            $"{Iso(extendedOn)} 复议机关决定延长，自原期限届满之日起延长30日，只能延长一次",
        ];
        return extended with { Explanation = extended.Explanation.AsClock(Statutes.ReviewDecisionExtension.Period, steps, null) };
    }

    static ReviewDeadline Duty(string key, string title, DueDate due, DateOnly? metOn) =>
        new(new CaseDeadline(key, title, due.Date, metOn is null ? ClockStatus.Running : ClockStatus.Met, due.Provisional,
            due.Explanation, 0) { MetOn = metOn }, Window: false);

    /// <summary>The earliest running duty of the agency (not a window, not the 复议机关's decision): what the worklist sorts by.</summary>
    public static CaseDeadline? Next(IEnumerable<ReviewDeadline> deadlines) =>
        deadlines.Where(d => !d.Window && d.Deadline.Key != ReviewDeadlineKeys.Decision && d.Deadline.Status == ClockStatus.Running)
            .Select(d => d.Deadline)
            .OrderBy(d => d.Due).FirstOrDefault();
}
