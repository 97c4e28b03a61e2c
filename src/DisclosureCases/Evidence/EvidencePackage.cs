using System.Globalization;
using System.Text;
using System.Text.Json;
using DisclosureCases.Cases;
using DisclosureCases.Data;
using DisclosureCases.Domain.Audit;
using DisclosureCases.Domain.Cases;
using DisclosureCases.Domain.Outcomes;
using DisclosureCases.Letters;
using DisclosureCases.Transfer;
using DisclosureCases.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace DisclosureCases.Evidence;

/// <summary>
/// 证据清单: what the agency submits with its answer to a 行政复议 (行政复议法第48条) or 行政诉讼 (行政诉讼法第67条) about
/// one or several of its replies. A ZIP of numbered items — 证据1, 证据2, … continuous across the cases — each case
/// giving, in order:
/// <list type="number">
/// <item>the application as received (channel, dates, applicant, request);</item>
/// <item>its registration (case number, by whom and when);</item>
/// <item>every issued letter with its 文号 and 成文日期, as HTML and DOCX byte-identical to what was issued (a superseded
/// letter is marked as such);</item>
/// <item>the mailing proof (method, tracking number, posted, signed for, returns), when anything was posted;</item>
/// <item>the deadline statement (start, rule, article, days skipped, pauses: <see cref="Domain.Periods.DeadlineExplanation"/>);</item>
/// <item>the extract of the case's hash-chained record (HTML to read, JSONL to verify), from its first event.</item>
/// </list>
/// plus <c>index.html</c> (the printable 证据目录) and <c>SHA256SUMS</c> (<c>sha256sum -c</c>).
/// <para>
/// The package is a function of the recorded data: the record extract ends at the last event that is not itself a
/// package build, deadlines stand as of that event's day, and every ZIP entry carries that event's time. Building
/// again from unchanged data gives the same bytes, so the SHA-256 recorded on the case identifies what was submitted.
/// </para>
/// </summary>
public sealed class EvidencePackage(DisclosureDbContext db, WorkflowRegistry workflows, CalendarHolder calendar, OutcomeCatalog outcomes,
    CaseLetters letters, TimeProvider time)
{
    public const string Format = "disclosure-evidence/1";

    /// <summary>One numbered item of the 证据目录.</summary>
    public sealed record Item(int Number, string Title, string Source, string Date, string Purpose, IReadOnlyList<string> Files);

    /// <summary>
    /// Builds the package of <paramref name="caseIds"/> (in the order given) and records the build on each case's
    /// record. Null when this context cannot see one of the cases (another agency's, or none at all).
    /// </summary>
    public async Task<ArchiveFile?> BuildAsync(IReadOnlyList<int> caseIds, Actor actor, CancellationToken ct)
    {
        var ids = caseIds.Distinct().ToList();
        if (ids.Count == 0) return null;
        // A concurrent change between reading and recording means the package may not be the one recorded: build again.
        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            var loaded = await db.Cases
                .Include(x => x.ClockEvents).Include(x => x.Documents).Include(x => x.Mailings)
                .AsSplitQuery()
                .Where(x => ids.Contains(x.Id)).ToListAsync(ct);
            if (loaded.Count != ids.Count) return null;
            var cases = ids.Select(id => loaded.Single(c => c.Id == id)).ToList();

            var files = new List<(string Name, byte[] Content)>();
            var sections = new List<EvidenceIndex.Section>();
            var covered = new Dictionary<int, CaseEvent?>();
            var number = 0;
            foreach (var c in cases)
            {
                var events = await db.CaseEvents.AsNoTracking().Where(e => e.CaseId == c.Id).OrderBy(e => e.Sequence).ToListAsync(ct);
                var extract = Extract(events);
                covered[c.Id] = extract.LastOrDefault();
                var agency = await db.Agencies.AsNoTracking().SingleAsync(a => a.Id == c.AgencyId, ct);
                var department = c.DepartmentId is { } d ? await db.Departments.Where(x => x.Id == d).Select(x => x.Name).FirstOrDefaultAsync(ct) : null;
                var items = new List<Item>();
                await AddCaseAsync(c, agency, department, extract, items, files, () => ++number, ct);
                sections.Add(new EvidenceIndex.Section(c.CaseNumber ?? $"（未登记，案件编号{c.Id}）", agency.Name, c.Applicant.Name,
                    extract.Count, extract.LastOrDefault()?.Hash ?? "", items));
            }

            var stamp = covered.Values.Max(e => e?.At) ?? cases.Min(c => c.CreatedAt);
            var index = EvidenceIndex.Html(sections, ShanghaiTime.Local(stamp));
            files.Insert(0, ("index.html", index));
            var sums = new StringBuilder();
            foreach (var (name, content) in files)
                sums.Append(CaseFiles.Sha256(content)).Append("  ").Append(name).Append('\n');
            files.Add(("SHA256SUMS", Encoding.UTF8.GetBytes(sums.ToString())));
            var zip = CaseFiles.Zip(files, stamp);
            var packageHash = CaseFiles.Sha256(zip);

            foreach (var c in cases)
            {
                var section = sections[cases.IndexOf(c)];
                CaseRecord.Append(db, c, new CaseEvent
                {
                    At = time.GetUtcNow(),
                    ActorId = actor.UserId,
                    ActorName = actor.Name,
                    Kind = CaseEventKinds.Evidence,
                    FromState = c.State,
                    ToState = c.State,
                    Summary = cases.Count == 1
                        ? $"生成证据清单（证据{section.Items[0].Number}—证据{section.Items[^1].Number}）"
                        : $"生成证据清单（共{cases.Count}件申请，本案为证据{section.Items[0].Number}—证据{section.Items[^1].Number}）",
                    Data = JsonSerializer.Serialize(new
                    {
                        evidence = new
                        {
                            format = Format,
                            sha256 = packageHash,
                            cases = cases.Select(x => x.CaseNumber ?? x.Id.ToString(CultureInfo.InvariantCulture)),
                            covers = new { count = section.EventCount, head = section.Head },
                            items = section.Items.Select(i => new { number = i.Number, title = i.Title, source = i.Source }),
                        },
                    }, AuditJson.Options),
                });
                c.Version++;
            }
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                continue;
            }
            var fileName = cases.Count == 1 ? CaseFiles.FileName(cases[0], "-证据") : CaseFiles.FileName(cases[0], $"等{cases.Count}件-证据");
            return new ArchiveFile(fileName, zip);
        }
    }

    /// <summary>The record up to its last event that is not a package build: what the package covers.</summary>
    public static IReadOnlyList<CaseEvent> Extract(IReadOnlyList<CaseEvent> events)
    {
        var end = events.Count;
        while (end > 0 && events[end - 1].Kind == CaseEventKinds.Evidence) end--;
        return events.Take(end).ToList();
    }

    async Task AddCaseAsync(Case c, Agency agency, string? department, IReadOnlyList<CaseEvent> events, List<Item> items,
        List<(string Name, byte[] Content)> files, Func<int> next, CancellationToken ct)
    {
        var definition = workflows.Get(c.WorkflowId, c.WorkflowVersion, c.WorkflowHash);
        var asOf = events.Count > 0 ? DateOnly.FromDateTime(ShanghaiTime.Local(events[^1].At)) : c.ReceivedOn;
        var pages = new EvidencePages(agency.Name, c);

        void Add(string title, string source, string date, string purpose, params (string Suffix, byte[] Content)[] content)
        {
            var n = next();
            var names = content.Select(x => $"{n:00}-{x.Suffix}").ToList();
            files.AddRange(names.Zip(content, (name, x) => (name, x.Content)));
            items.Add(new Item(n, title, source, date, purpose, names));
        }

        Add($"政府信息公开申请（{EnumText.Of(c.Channel)}）", $"申请人：{c.Applicant.Name}", Day(c.ArrivedOn),
            $"证明申请人于{Day(c.ArrivedOn)}以{EnumText.Of(c.Channel)}方式提出申请及所申请的内容；收到申请之日为{Day(c.ReceivedOn)}（条例第三十一条）",
            ("application.html", pages.Application()));

        var registered = events.FirstOrDefault(e => e.Trigger == "register");
        Add("申请登记", c.CaseNumber ?? "（未登记）", registered is null ? "—" : Day(registered.At),
            registered is null ? "证明本申请尚未登记" : $"证明本机关于{Day(registered.At)}登记该申请并编号为{c.CaseNumber}，确定承办人",
            ("registration.html", pages.Registration(registered, department)));

        var issued = await CaseFiles.IssuedLettersAsync(db, letters, c.Id, ct);
        foreach (var (letter, html, docx) in issued)
        {
            var superseded = letter.Status == LetterStatus.Superseded;
            var by = superseded ? issued.FirstOrDefault(x => x.Letter.Id == letter.SupersededById)?.Letter.Number : null;
            var corrects = letter.SupersedesId is { } s ? issued.FirstOrDefault(x => x.Letter.Id == s)?.Letter.Number : null;
            var outcome = letter.Outcome is { } code ? outcomes.Find(code) : null;
            var purpose = $"证明本机关于{Day(letter.IssuedOn)}作出{letter.Title}（{letter.Number}）"
                + (outcome is null ? "" : $"，答复结果为“{outcome.Label}”{(outcome.Basis is null ? "" : $"（条例{outcome.Basis}）")}")
                + (corrects is null ? "" : $"，更正{corrects}")
                + (superseded ? $"；该文书已被{by ?? "更正文书"}更正取代，作为办理过程的证据提交" : "");
            var suffix = $"letter-{letter.DocumentId}{(superseded ? "-superseded" : "")}";
            Add(letter.Title + (superseded ? "（已被更正取代）" : ""), letter.Number ?? "—", Day(letter.IssuedOn), purpose,
                (suffix + ".html", html), (suffix + ".docx", docx));
        }

        if (c.Mailings.Count > 0)
        {
            var mailings = c.Mailings.OrderBy(m => m.Id).ToList();
            var tracking = string.Join("、", mailings.Select(m => m.TrackingNumber).Where(t => !string.IsNullOrEmpty(t)));
            var delivered = mailings.Where(m => m.DeliveredOn is not null).Select(m => m.DeliveredOn).LastOrDefault();
            var returned = mailings.LastOrDefault(m => m.ReturnedOn is not null);
            var purpose = delivered is { } on ? $"证明答复已于{Day(on)}送达申请人" : "证明答复的寄送情况";
            if (returned is not null) purpose += $"；邮件于{Day(returned.ReturnedOn)}被退回（{returned.ReturnReason ?? "原因未记录"}）";
            Add("送达及邮寄凭证", tracking.Length > 0 ? $"邮件号：{tracking}" : string.Join("、", mailings.Select(m => m.Method).Distinct()),
                Day(mailings.Select(m => m.PostedOn ?? m.DeliveredOn).FirstOrDefault(d => d is not null)), purpose,
                ("mailing.html", pages.Mailing(mailings)));
        }

        var statement = CaseFiles.DeadlineStatement(c, definition, calendar.Calculator, asOf);
        var articles = string.Join("、", statement.SelectMany(p => p.Explanation).Where(l => l.StartsWith("规则：", StringComparison.Ordinal))
            .Select(l => l.IndexOf('《') is var i and >= 0 ? l[i..].TrimEnd('）') : null).OfType<string>().Distinct());
        Add("期限计算说明", articles.Length > 0 ? articles : "《政府信息公开条例》", Day(asOf),
            $"证明各法定期限的起算日、计算规则、跳过的节假日和中止情况，及本机关在期限内办理（期限状态按{Day(asOf)}计）",
            ("deadlines.html", pages.Deadlines(statement, asOf)));

        var jsonl = new StringBuilder();
        foreach (var e in events)
            jsonl.Append(JsonSerializer.Serialize(EventRecord.From(e), TransferredCase.Json)).Append('\n');
        Add("办理过程记录（哈希链摘录）", events.Count > 0 ? $"本系统审计记录第1—{events.Count}条，末条哈希 {events[^1].Hash[..16]}…" : "本系统审计记录",
            events.Count > 0 ? $"{Day(events[0].At)}至{Day(events[^1].At)}" : "—",
            "证明办理全过程留痕（条例第四十五条）；每条记录带前一条的哈希，可逐条核验未被改动、删除或调换",
            ("events.html", pages.Events(events)), ("events.jsonl", Encoding.UTF8.GetBytes(jsonl.ToString())));
    }

    static string Day(DateOnly? date) => date is { } d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "—";

    static string Day(DateTimeOffset at) => ShanghaiTime.Local(at).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
