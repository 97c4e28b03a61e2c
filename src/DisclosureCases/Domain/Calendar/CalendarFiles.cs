using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace DisclosureCases.Domain.Calendar;

/// <summary>
/// Reads <c>workflows/calendar/&lt;year&gt;.yaml</c> (format in that folder's README.md) and reports every problem with
/// its file and line. The whole folder is checked before anything is used: one bad file rejects the calendar, because a
/// deadline computed from half a calendar is worse than no deadline.
/// </summary>
static partial class CalendarFiles
{
    sealed record Problem(string File, int Line, string Message)
    {
        public override string ToString() => $"{File}:{Line}: {Message}";
    }

    public static StatutoryCalendar Load(string calendarDirectory)
    {
        var dir = Path.TrimEndingDirectorySeparator(Path.GetFullPath(calendarDirectory));
        // Names are shown relative to the folder holding workflows/, e.g. workflows/calendar/2026.yaml.
        var displayRoot = Path.GetDirectoryName(Path.GetDirectoryName(dir) ?? dir) ?? dir;
        string Display(string path) => Path.GetRelativePath(displayRoot, path).Replace('\\', '/');

        if (!Directory.Exists(dir))
            throw new CalendarDataException([$"{Display(dir)}: 节假日数据目录不存在"]);
        var paths = Directory.GetFiles(dir, "*.yaml").OrderBy(p => p, StringComparer.Ordinal).ToArray();
        if (paths.Length == 0)
            throw new CalendarDataException([$"{Display(dir)}: 没有节假日数据文件（每年一个 <年份>.yaml）"]);

        var problems = new List<Problem>();
        var files = new List<YearFile>();
        foreach (var path in paths)
        {
            var file = new YearFile(Display(path), Path.GetFileNameWithoutExtension(path), problems);
            file.Read(File.ReadAllText(path));
            files.Add(file);
        }

        // The same day claimed by two notices: the later file is the one to look at, the first is cited.
        var claimed = new Dictionary<DateOnly, (CalendarEntry Entry, YearFile File)>();
        foreach (var file in files)
            foreach (var (entry, line) in file.Entries)
            {
                if (claimed.TryGetValue(entry.Date, out var first) && first.File != file)
                    problems.Add(new(file.Name, line,
                        $"{ChineseDates.Iso(entry.Date)} 已由 {first.Entry.Source} 列出：同一天不能由两个年度的通知安排"));
                else
                    claimed.TryAdd(entry.Date, (entry, file));
            }

        // The loaded years must be contiguous: a gap would silently fall back to the weekend rule inside the range.
        var years = files.Where(f => f.Year is not null).OrderBy(f => f.Year).ToList();
        for (var i = 1; i < years.Count; i++)
            if (years[i].Year > years[i - 1].Year + 1)
                problems.Add(new(years[i].Name, years[i].YearLine,
                    $"缺少 {years[i - 1].Year + 1}—{years[i].Year - 1} 年的文件：已载入的年份必须连续"));

        if (problems.Count > 0 || years.Count == 0)
            throw new CalendarDataException(problems
                .OrderBy(p => p.File, StringComparer.Ordinal).ThenBy(p => p.Line)
                .Select(p => p.ToString()).Distinct().ToList());
        return StatutoryCalendar.Create(files.SelectMany(f => f.Entries.Select(e => e.Entry)),
            years[0].Year!.Value, years[^1].Year!.Value);
    }

    [GeneratedRegex(@"^\d{4}$")]
    private static partial Regex YearName();

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\): ")]
    private static partial Regex YamlMarkPrefix();

    /// <summary>One year's file: its header, its entries with their lines, and the problems found in it.</summary>
    sealed class YearFile(string name, string baseName, List<Problem> problems)
    {
        static readonly string[] TopKeys = ["year", "notice", "holidays"];
        static readonly string[] HolidayKeys = ["name", "notice", "off", "work"];
        static readonly string[] RangeKeys = ["from", "to"];

        readonly Dictionary<DateOnly, int> _lineOf = [];

        public string Name { get; } = name;
        public int? Year { get; private set; }
        public int YearLine { get; private set; } = 1;
        public List<(CalendarEntry Entry, int Line)> Entries { get; } = [];

        void Add(int line, string message) => problems.Add(new(Name, line, message));
        static int LineOf(YamlNode node) => (int)node.Start.Line;

        public void Read(string text)
        {
            if (!Parses(text))
                return;
            var stream = new YamlStream();
            try
            {
                stream.Load(new StringReader(text));
            }
            catch (YamlException e) // the same key twice in one mapping
            {
                Add((int)e.Start.Line, "YAML 格式错误：" + YamlMarkPrefix().Replace(e.Message, ""));
                return;
            }
            if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
            {
                Add(1, "文件应当恰好包含一个映射，键为 year、notice、holidays");
                return;
            }

            var fileYear = YearName().IsMatch(baseName) ? int.Parse(baseName, CultureInfo.InvariantCulture) : (int?)null;
            if (fileYear is null)
                Add(1, $"文件名应为年份，如 2026.yaml（当前为 {baseName}.yaml）");

            var keys = Keys(root, TopKeys);
            if (Required(root, keys, "year") is { } yearNode)
            {
                YearLine = LineOf(yearNode);
                if (Scalar(yearNode, "year") is { } yearText)
                {
                    if (!YearName().IsMatch(yearText) || int.Parse(yearText, CultureInfo.InvariantCulture) < 2)
                        Add(YearLine, $"year 应为四位年份（当前为“{yearText}”）");
                    else if (fileYear is not null && int.Parse(yearText, CultureInfo.InvariantCulture) != fileYear)
                        Add(YearLine, $"year: {yearText} 与文件名 {baseName}.yaml 不一致");
                    else if (fileYear is not null)
                        Year = fileYear;
                }
            }
            var notice = Required(root, keys, "notice") is { } noticeNode ? Text(noticeNode, "notice") : null;
            if (Required(root, keys, "holidays") is not { } holidaysNode)
                return;
            if (holidaysNode is not YamlSequenceNode holidays)
            {
                Add(LineOf(holidaysNode), "holidays 应为列表，每项一个假日（- name: …）");
                return;
            }
            foreach (var item in holidays)
                ReadHoliday(item, notice);
        }

        /// <summary>
        /// Runs the YAML parser alone first so that every syntax error gets a line: YamlDotNet reports most as
        /// <see cref="YamlException"/> with a position, but some (a flow list left open at the end of the file) only as
        /// <see cref="InvalidOperationException"/>, which is then placed after the last event that did parse.
        /// </summary>
        bool Parses(string text)
        {
            var parser = new Parser(new StringReader(text));
            var lastGood = 1;
            try
            {
                while (parser.MoveNext())
                    lastGood = (int)parser.Current!.End.Line;
                return true;
            }
            catch (YamlException e)
            {
                Add((int)e.Start.Line, "YAML 格式错误：" + YamlMarkPrefix().Replace(e.Message, ""));
            }
            catch (InvalidOperationException)
            {
                Add(lastGood, "YAML 格式错误：此处之后无法解析（方括号、花括号或引号未闭合？）");
            }
            return false;
        }

        void ReadHoliday(YamlNode node, string? fileNotice)
        {
            if (node is not YamlMappingNode holiday)
            {
                Add(LineOf(node), "holidays 的每一项应为映射，键为 name、notice、off、work");
                return;
            }
            var keys = Keys(holiday, HolidayKeys);
            var name = Required(holiday, keys, "name") is { } nameNode ? Text(nameNode, "name") : null;
            var notice = keys.TryGetValue("notice", out var noticeNode) ? Text(noticeNode, "notice") : fileNotice;
            var offNode = Required(holiday, keys, "off");
            if (name is null || notice is null)
                return;
            if (offNode is not null)
                foreach (var (date, line) in Dates(offNode, "off", allowRange: true))
                    AddEntry(date, line, CalendarEntryKind.Holiday, name, notice);
            if (keys.TryGetValue("work", out var workNode))
                foreach (var (date, line) in Dates(workNode, "work", allowRange: false))
                    AddEntry(date, line, CalendarEntryKind.AdjustedWorkday, name, notice);
        }

        void AddEntry(DateOnly date, int line, CalendarEntryKind kind, string name, string notice)
        {
            var entry = new CalendarEntry(date, kind, name, notice, $"{Name}:{line}");
            if (_lineOf.TryGetValue(date, out var firstLine))
            {
                Add(line, $"{ChineseDates.Iso(date)} 重复列出（另见第 {firstLine} 行）");
                return;
            }
            _lineOf.Add(date, line);
            if (CalendarRules.AdjustedWorkdayOnAWeekday(entry) is { } weekday)
                Add(line, weekday);
            if (Year is { } year && (date < new DateOnly(year - 1, 12, 1) || date.Year > year))
                Add(line, $"{ChineseDates.Iso(date)} 不在 {year} 年通知的范围内（{year - 1}-12-01 至 {year}-12-31）");
            Entries.Add((entry, line));
        }

        /// <summary>A date, a <c>{from, to}</c> range (inclusive, <c>off</c> only) or a list of dates.</summary>
        IEnumerable<(DateOnly Date, int Line)> Dates(YamlNode node, string key, bool allowRange)
        {
            switch (node)
            {
                case YamlScalarNode:
                    if (Date(node, key) is { } single)
                        yield return (single, LineOf(node));
                    break;
                case YamlSequenceNode list:
                    foreach (var item in list)
                        if (item is YamlScalarNode && Date(item, key) is { } listed)
                            yield return (listed, LineOf(item));
                        else if (item is not YamlScalarNode)
                            Add(LineOf(item), $"{key} 的列表中应为日期（YYYY-MM-DD）");
                    break;
                case YamlMappingNode range when allowRange:
                    var keys = Keys(range, RangeKeys);
                    var fromNode = Required(range, keys, "from");
                    var toNode = Required(range, keys, "to");
                    if (fromNode is null || toNode is null || Date(fromNode, "from") is not { } from || Date(toNode, "to") is not { } to)
                        break;
                    if (from > to)
                    {
                        Add(LineOf(fromNode), $"from {ChineseDates.Iso(from)} 晚于 to {ChineseDates.Iso(to)}");
                        break;
                    }
                    for (var day = from; day <= to; day = day.AddDays(1))
                        yield return (day, LineOf(fromNode));
                    break;
                default:
                    Add(LineOf(node), allowRange
                        ? $"{key} 应为日期、{{from: …, to: …}} 范围或日期列表"
                        : $"{key} 应为日期或日期列表（[YYYY-MM-DD, …]）");
                    break;
            }
        }

        DateOnly? Date(YamlNode node, string key)
        {
            if (Scalar(node, key) is not { } text)
                return null;
            if (ChineseDates.TryParseIso(text, out var date))
                return date;
            Add(LineOf(node), $"{key} 的日期“{text}”无效：应为存在的日期，写作 YYYY-MM-DD");
            return null;
        }

        string? Scalar(YamlNode node, string key)
        {
            if (node is YamlScalarNode { Value: { } value })
                return value.Trim();
            Add(LineOf(node), $"{key} 应为单个值");
            return null;
        }

        string? Text(YamlNode node, string key)
        {
            var text = Scalar(node, key);
            if (text is "")
            {
                Add(LineOf(node), $"{key} 不能为空");
                return null;
            }
            return text;
        }

        /// <summary>The mapping's values by key; unknown keys are reported with the keys that are allowed.</summary>
        Dictionary<string, YamlNode> Keys(YamlMappingNode mapping, string[] allowed)
        {
            var result = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
            foreach (var (keyNode, value) in mapping.Children)
            {
                var key = (keyNode as YamlScalarNode)?.Value ?? "";
                if (!allowed.Contains(key))
                    Add(LineOf(keyNode), $"未知的键“{key}”（此处可用：{string.Join("、", allowed)}）");
                else
                    result[key] = value;
            }
            return result;
        }

        YamlNode? Required(YamlMappingNode mapping, Dictionary<string, YamlNode> keys, string key)
        {
            if (keys.TryGetValue(key, out var node))
                return node;
            Add(LineOf(mapping), $"缺少键“{key}”");
            return null;
        }
    }
}
