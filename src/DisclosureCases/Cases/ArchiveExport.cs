using System.Globalization;
using System.Text;
using System.Text.Json;
using DisclosureCases.Data;
using DisclosureCases.Domain.Audit;
using DisclosureCases.Domain.Cases;
using DisclosureCases.Domain.Outcomes;
using DisclosureCases.Letters;
using DisclosureCases.Transfer;
using DisclosureCases.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace DisclosureCases.Cases;

/// <summary>
/// 案卷导出 (条例第45条: the case file holds every document and the full event trail and can be exported): a ZIP of
/// <list type="bullet">
/// <item><c>case.json</c> — the case in the JSONL record format (docs/jsonl-format.md) with Chinese labels for its
/// agency, state and outcome, and its 典型案例 marks (withdrawn ones too); its audit events are in the next file;</item>
/// <item><c>events.jsonl</c> — the full audit trail, one event a line with its hashes, in sequence order;</item>
/// <item><c>documents.json</c> — the case's document records;</item>
/// <item><c>letters/</c> — every issued letter (and every superseded one, which the record still cites) as printable HTML
/// and DOCX, re-rendered from the stored template version and merged data, byte-identical to what was issued;</item>
/// <item><c>deadlines.txt</c> — every deadline with its due date, standing and explanation;</item>
/// <item><c>manifest.json</c> — every other file with its size and SHA-256, and the audit head the export covers.</item>
/// </list>
/// The export reads the case as the <see cref="DisclosureDbContext"/> given sees it (a web request sees its own
/// agency only, so another agency's case is not found) and records who exported it as an <c>exported</c> audit event:
/// the chain is append-only, so the case's own data — archived or not — is untouched. The event moves the case's
/// concurrency version on, so an edit racing with the export is told to reload instead of colliding with it.
/// </summary>
public sealed class ArchiveExport(DisclosureDbContext db, WorkflowRegistry workflows, CalendarHolder calendar, OutcomeCatalog outcomes,
    CaseLetters letters, TimeProvider time)
{
    public const string Format = "disclosure-archive/1";

    /// <summary>Builds the case file of <paramref name="caseId"/>, or null when this context cannot see such a case.</summary>
    public async Task<ArchiveFile?> ExportAsync(int caseId, Actor actor, CancellationToken ct)
    {
        // A concurrent change between reading and recording means the ZIP may not match the head it names: build again.
        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            var c = await db.Cases
                .Include(x => x.ClockEvents).Include(x => x.Documents).Include(x => x.Mailings)
                .AsSplitQuery()
                .FirstOrDefaultAsync(x => x.Id == caseId, ct);
            if (c is null) return null;
            var events = await db.CaseEvents.AsNoTracking().Where(e => e.CaseId == caseId).OrderBy(e => e.Sequence).ToListAsync(ct);
            var typical = await db.TypicalCases.AsNoTracking().Where(t => t.CaseId == caseId).ToListAsync(ct);
            var agency = await db.Agencies.AsNoTracking().SingleAsync(a => a.Id == c.AgencyId, ct);
            var department = c.DepartmentId is { } d ? await db.Departments.Where(x => x.Id == d).Select(x => x.Name).FirstOrDefaultAsync(ct) : null;

            // Whole seconds: the manifest and the audit event then show the same instant.
            var now = time.GetUtcNow();
            now = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond));
            var letterFiles = await LetterFilesAsync(caseId, ct);
            var entries = Entries(c, agency, department, events, typical, letterFiles, actor, now);
            var content = Zip(entries, now);

            CaseRecord.Append(db, c, new CaseEvent
            {
                At = now,
                ActorId = actor.UserId,
                ActorName = actor.Name,
                Kind = CaseEventKinds.Exported,
                FromState = c.State,
                ToState = c.State,
                Summary = $"导出案卷（ZIP，{entries.Count}个文件）",
                Data = JsonSerializer.Serialize(new
                {
                    export = new
                    {
                        format = Format,
                        auditHead = c.AuditHead,
                        auditCount = c.AuditCount,
                        files = entries.Select(e => new { name = e.Name, sha256 = Sha256(e.Content) }),
                    },
                }, AuditJson.Options),
            });
            c.Version++;
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                continue;
            }
            return new ArchiveFile(FileName(c), content);
        }
    }

    /// <summary>The download name: the case number (or the id before registration), safe as a file name.</summary>
    public static string FileName(Case c) => CaseFiles.FileName(c);

    /// <summary>Issued and superseded letters, each as HTML and DOCX, named by order, document and 文号.</summary>
    async Task<List<(string Name, byte[] Content)>> LetterFilesAsync(int caseId, CancellationToken ct)
    {
        var files = new List<(string, byte[])>();
        var n = 0;
        foreach (var (letter, html, docx) in await CaseFiles.IssuedLettersAsync(db, letters, caseId, ct))
        {
            var name = $"letters/{++n:00}-{letter.DocumentId}{(letter.Status == LetterStatus.Superseded ? "-superseded" : "")}";
            files.Add((name + ".html", html));
            files.Add((name + ".docx", docx));
        }
        return files;
    }

    List<(string Name, byte[] Content)> Entries(Case c, Agency agency, string? department, IReadOnlyList<CaseEvent> events,
        IReadOnlyList<Similarity.TypicalCase> typical, IReadOnlyList<(string Name, byte[] Content)> letterFiles, Actor actor, DateTimeOffset now)
    {
        var definition = workflows.Get(c.WorkflowId, c.WorkflowVersion, c.WorkflowHash);
        var record = TransferredCase.From(c, agency, department, [], typical);
        record.Audit!.Events = null; // in events.jsonl
        var outcome = c.Outcome is { } code ? outcomes.Find(code) : null;
        var caseJson = JsonSerializer.SerializeToUtf8Bytes(new
        {
            format = Format,
            agency = new { code = agency.Code, name = agency.Name },
            state = new { name = c.State, title = definition.FindState(c.State)?.Title ?? c.State },
            outcome = outcome is null ? null : new { code = outcome.Code, label = outcome.Label, basis = outcome.Basis, reportRow = outcome.ReportRow },
            @case = record,
        }, TransferredCase.IndentedJson);

        var eventLines = new StringBuilder();
        foreach (var e in events)
            eventLines.Append(JsonSerializer.Serialize(EventRecord.From(e), TransferredCase.Json)).Append('\n');
        var documentsJson = JsonSerializer.SerializeToUtf8Bytes(record.Documents, TransferredCase.IndentedJson);

        var files = new List<(string Name, byte[] Content)>
        {
            ("case.json", caseJson),
            ("events.jsonl", Encoding.UTF8.GetBytes(eventLines.ToString())),
            ("documents.json", documentsJson),
            ("deadlines.txt", Encoding.UTF8.GetBytes(Deadlines(c, agency, definition, now))),
        };
        files.AddRange(letterFiles);
        var manifest = JsonSerializer.SerializeToUtf8Bytes(new
        {
            format = Format,
            agency = agency.Code,
            caseId = c.Id,
            caseNumber = c.CaseNumber,
            exportedAt = now,
            exportedBy = actor.Name,
            auditHead = c.AuditHead,
            auditCount = c.AuditCount,
            files = files.Select(f => new { name = f.Name, bytes = f.Content.Length, sha256 = Sha256(f.Content) }),
        }, TransferredCase.IndentedJson);
        files.Add(("manifest.json", manifest));
        return files;
    }

    string Deadlines(Case c, Agency agency, Workflow.WorkflowDefinition definition, DateTimeOffset now)
    {
        var today = ShanghaiTime.Today(time);
        var statement = CaseFiles.DeadlineStatement(c, definition, calendar.Calculator, today);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{agency.Name} 政府信息公开申请案卷 · 期限说明\n");
        text.Append(CultureInfo.InvariantCulture, $"文号：{c.CaseNumber ?? "（未登记）"}\n");
        text.Append(CultureInfo.InvariantCulture, $"收到申请之日：{c.ReceivedOn:yyyy-MM-dd}（{ReceiptDateRule.Explain(c.Channel, c.ReceivedOn)}）\n");
        text.Append(CultureInfo.InvariantCulture, $"状态：{definition.FindState(c.State)?.Title ?? c.State}\n");
        text.Append(CultureInfo.InvariantCulture, $"导出时间：{ShanghaiTime.Local(now):yyyy-MM-dd HH:mm}（北京时间），期限状态按 {today:yyyy-MM-dd} 计\n");
        if (statement.Count == 0)
            text.Append("\n本案没有计时事件，无期限。\n");
        foreach (var d in statement)
        {
            text.Append('\n').Append(d.Heading).Append('\n');
            text.Append("  ").Append(d.Standing).Append('\n');
            foreach (var line in d.Explanation)
                text.Append("  ").Append(line).Append('\n');
        }
        return text.ToString();
    }

    static byte[] Zip(IEnumerable<(string Name, byte[] Content)> entries, DateTimeOffset now) => CaseFiles.Zip(entries, now);

    static string Sha256(byte[] content) => CaseFiles.Sha256(content);
}
