using DisclosureCases.Domain.Calendar;
using static DisclosureCases.Domain.Calendar.ChineseDates;

namespace DisclosureCases.Domain.Periods;

/// <summary>
/// How a due date was reached, for the person who must trust it: the start day, the rule and its article, the days
/// skipped and why, the 调休 days counted, for day and month periods the nominal end and why it moved, the clock's
/// pauses and extension, and why the result is provisional. <see cref="Lines"/> are Simplified Chinese, e.g.
/// <code>
/// 起算日：2026-11-02（当日不计入）
/// 规则：答复期限 20个工作日（《政府信息公开条例》第三十三条第二款）
/// 跳过：2026-11-07 周六、2026-11-08 周日、…
/// 到期日：2026-11-30
/// </code>
/// The day lists are worked out when first read, so computing many due dates costs no more than the dates.
/// </summary>
public sealed class DeadlineExplanation
{
    enum Shape { WorkingDays, CalendarPeriod, Suspended }

    readonly StatutoryCalendar _calendar;
    readonly Shape _shape;
    readonly bool _provisional;
    readonly string? _countedNote;
    IReadOnlyList<SkippedDay>? _skipped;
    IReadOnlyList<CalendarEntry>? _adjusted;
    IReadOnlyList<string>? _lines;

    DeadlineExplanation(StatutoryCalendar calendar, Shape shape, DateOnly start, Period period, LegalBasis basis,
        DateOnly? due, DateOnly? nominal, int? counted, bool provisional, IReadOnlyList<string> steps,
        string? countedNote, string? suspension)
    {
        _calendar = calendar;
        _shape = shape;
        Start = start;
        Period = period;
        Basis = basis;
        Due = due;
        Nominal = nominal;
        CountedWorkingDays = counted;
        _provisional = provisional;
        Steps = steps;
        _countedNote = countedNote;
        Suspension = suspension;
    }

    internal static DeadlineExplanation ForWorkingDays(StatutoryCalendar calendar, DateOnly start, Period period,
        LegalBasis basis, DateOnly due, bool provisional) =>
        new(calendar, Shape.WorkingDays, start, period, basis, due, null, period.Amount, provisional, [], null, null);

    internal static DeadlineExplanation ForCalendarPeriod(StatutoryCalendar calendar, DateOnly start, Period period,
        LegalBasis basis, DateOnly nominal, DateOnly due, bool provisional) =>
        new(calendar, Shape.CalendarPeriod, start, period, basis, due, nominal, null, provisional, [], null, null);

    /// <summary>A clock that is stopped or paused: no due date, only what happened and what is left.</summary>
    internal static DeadlineExplanation Suspended(StatutoryCalendar calendar, DateOnly start, Period period,
        LegalBasis basis, IReadOnlyList<string> steps, string suspension) =>
        new(calendar, Shape.Suspended, start, period, basis, null, null, null, false, steps, null, suspension);

    /// <summary>
    /// The same computation told as a case clock: <paramref name="statutory"/> is the period the law states (20个工作日)
    /// while <see cref="CountedWorkingDays"/> may include an extension and paused days, described by
    /// <paramref name="countedNote"/>; <paramref name="steps"/> are the clock's events.
    /// </summary>
    internal DeadlineExplanation AsClock(Period statutory, IReadOnlyList<string> steps, string? countedNote) =>
        new(_calendar, _shape, Start, statutory, Basis, Due, Nominal, CountedWorkingDays, _provisional, steps,
            countedNote, Suspension);

    /// <summary>The day the period runs from; it is never counted itself.</summary>
    public DateOnly Start { get; }

    /// <summary>The period as the law states it (a clock's extension and pauses are in <see cref="Steps"/>).</summary>
    public Period Period { get; }

    /// <summary>The rule and article.</summary>
    public LegalBasis Basis { get; }

    /// <summary>The due date; null while a case clock is stopped or paused (see <see cref="Suspension"/>).</summary>
    public DateOnly? Due { get; }

    /// <summary>For day and month periods: start + period, before moving to a working day.</summary>
    public DateOnly? Nominal { get; }

    /// <summary>For working-day periods: how many working days after <see cref="Start"/> the due date is.</summary>
    public int? CountedWorkingDays { get; }

    /// <summary>A case clock's events that changed the count (correction, consultation, extension), in order.</summary>
    public IReadOnlyList<string> Steps { get; }

    /// <summary>Why there is no due date: the clock is stopped or paused.</summary>
    public string? Suspension { get; }

    /// <summary>
    /// For a month period: the target month has no day with <see cref="Start"/>'s number, so its last day was taken
    /// (民法典第202条).
    /// </summary>
    public bool MonthEndClamped =>
        _shape == Shape.CalendarPeriod && Period.Unit == PeriodUnit.Months && Nominal!.Value.Day != Start.Day;

    /// <summary>For day and month periods whose nominal end is not a working day: what that day is, e.g. 国庆节 or 周日.</summary>
    public string? MovedBecause =>
        _shape == Shape.CalendarPeriod && Nominal != Due ? Reason(Nominal!.Value) : null;

    /// <summary>
    /// Days passed over: for working-day periods every non-working day in (start, due]; for day and month periods
    /// the non-working days from the nominal end to the due date.
    /// </summary>
    public IReadOnlyList<SkippedDay> Skipped => _skipped ??= Consulted()
        .Where(day => !_calendar.IsWorkingDay(day) && !(_shape == Shape.CalendarPeriod && day == Due))
        .Select(day => new SkippedDay(day, Reason(day)))
        .ToArray();

    /// <summary>For working-day periods, the 调休上班 weekend days that were counted as working days.</summary>
    public IReadOnlyList<CalendarEntry> AdjustedWorkdaysCounted => _adjusted ??= _shape == Shape.WorkingDays
        ? Consulted().Select(_calendar.EntryFor).OfType<CalendarEntry>()
            .Where(e => e.Kind == CalendarEntryKind.AdjustedWorkday).ToArray()
        : [];

    /// <summary>Why the due date is provisional (暂定), or null when it rests on loaded notices only.</summary>
    public string? ProvisionalReason
    {
        get
        {
            if (!_provisional)
                return null;
            var days = Consulted().ToArray();
            var uncovered = new List<string>();
            var before = days.Where(d => d < _calendar.FirstCoveredDay).ToArray();
            var after = days.Where(d => d > _calendar.LastCoveredDay).ToArray();
            foreach (var run in new[] { before, after }.Where(r => r.Length > 0))
                uncovered.Add(run.Length == 1 ? Iso(run[0]) : $"{Iso(run[0])}至{Iso(run[^1])}");
            return $"暂定：{string.Join("、", uncovered)} 所在年度的节假日安排尚未载入（已载入 {_calendar.FirstYear}—{_calendar.LastYear} 年），"
                + "这些日期只按周末推算；载入国务院办公厅相应年度的通知后须重新计算";
        }
    }

    /// <summary>The explanation, one statement a line, in Simplified Chinese.</summary>
    public IReadOnlyList<string> Lines => _lines ??= BuildLines();

    /// <summary><see cref="Lines"/> joined by line breaks.</summary>
    public override string ToString() => string.Join('\n', Lines);

    /// <summary>
    /// Equal when computed from the same inputs on calendars with the same <see cref="StatutoryCalendar.ContentHash"/>,
    /// so that <see cref="DueDate"/> and a case clock's deadline compare by value ("did this deadline change?").
    /// </summary>
    public override bool Equals(object? obj) =>
        obj is DeadlineExplanation other
        && _shape == other._shape && Start == other.Start && Period == other.Period && Basis == other.Basis
        && Due == other.Due && Nominal == other.Nominal && CountedWorkingDays == other.CountedWorkingDays
        && _provisional == other._provisional && _countedNote == other._countedNote && Suspension == other.Suspension
        && Steps.SequenceEqual(other.Steps) && _calendar.ContentHash == other._calendar.ContentHash;

    public override int GetHashCode() => HashCode.Combine(_shape, Start, Period, Basis, Due, Nominal, Steps.Count);

    IReadOnlyList<string> BuildLines()
    {
        var lines = new List<string>
        {
            $"起算日：{Iso(Start)}（当日不计入）",
            $"规则：{Basis.Rule} {Period.Describe()}（{Basis.Article}）",
        };
        lines.AddRange(Steps);
        if (_shape == Shape.Suspended)
        {
            lines.Add($"到期日：{Suspension}");
            return lines;
        }
        if (_countedNote is not null)
            lines.Add($"计入：起算日后第{CountedWorkingDays}个工作日（{_countedNote}）");
        if (_shape == Shape.CalendarPeriod)
            lines.AddRange(NominalLines());
        if (_shape == Shape.WorkingDays || Skipped.Count > 0)
            lines.Add("跳过：" + (Skipped.Count == 0 ? "无" : string.Join("、", DescribeSkipped())));
        if (AdjustedWorkdaysCounted.Count > 0)
            lines.Add("调休上班（计入）：" + string.Join("、",
                AdjustedWorkdaysCounted.Select(e => $"{Iso(e.Date)} {Weekday(e.Date)}（{e.Name}）")));
        lines.Add($"到期日：{Iso(Due!.Value)}");
        if (ProvisionalReason is { } provisional)
            lines.Add(provisional);
        return lines;
    }

    IEnumerable<string> NominalLines()
    {
        var nominal = Nominal!.Value;
        var entry = _calendar.EntryFor(nominal);
        yield return entry is { Kind: CalendarEntryKind.AdjustedWorkday }
            ? $"期间届满日：{Iso(nominal)}（{Weekday(nominal)}，{entry.Name}调休上班，按工作日对待）"
            : $"期间届满日：{Iso(nominal)}";
        if (MonthEndClamped)
            yield return $"月末：{nominal.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture)} 没有第{Start.Day}日，以该月最后一日 {Iso(nominal)} 为期间届满日（《民法典》第二百零二条）";
        if (MovedBecause is { } why)
        {
            var rule = Period.Unit == PeriodUnit.Months ? "《民法典》第二百零三条" : "《民事诉讼法》第八十五条";
            yield return $"顺延：{Iso(nominal)} 是{why}，不是工作日，期间届满日顺延至其后第一个工作日（{rule}）";
        }
    }

    /// <summary>Weekend days one by one; consecutive days of one holiday as a range.</summary>
    IEnumerable<string> DescribeSkipped()
    {
        var days = Skipped;
        for (var i = 0; i < days.Count; i++)
        {
            var entry = _calendar.EntryFor(days[i].Date);
            var j = i;
            while (entry is not null && j + 1 < days.Count && days[j + 1].Date == days[j].Date.AddDays(1)
                   && _calendar.EntryFor(days[j + 1].Date)?.Name == entry.Name)
                j++;
            yield return j == i
                ? $"{Iso(days[i].Date)} {days[i].Reason}"
                : $"{Iso(days[i].Date)}至{Iso(days[j].Date)} {days[i].Reason}（{j - i + 1}天）";
            i = j;
        }
    }

    /// <summary>The days the result depended on.</summary>
    IEnumerable<DateOnly> Consulted()
    {
        if (Due is not { } due)
            yield break;
        var from = _shape == Shape.WorkingDays ? Start.AddDays(1) : Nominal!.Value;
        for (var day = from; day <= due; day = day.AddDays(1))
            yield return day;
    }

    /// <summary>周六 / 周日 for a weekend day, the holiday's name for a holiday, 工作日 otherwise.</summary>
    string Reason(DateOnly day) => _calendar.EntryFor(day) is { Kind: CalendarEntryKind.Holiday } holiday
        ? holiday.Name
        : IsWeekend(day) && _calendar.EntryFor(day) is null ? Weekday(day) : "工作日";
}
