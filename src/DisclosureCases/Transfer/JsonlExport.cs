using System.Text.Json;
using DisclosureCases.Data;
using DisclosureCases.Domain.Audit;
using DisclosureCases.Domain.Cases;
using Microsoft.EntityFrameworkCore;

namespace DisclosureCases.Transfer;

/// <summary>
/// Writes cases as JSONL (docs/jsonl-format.md): one <see cref="TransferredCase"/> per line, UTF-8 without a byte-order
/// mark, <c>\n</c> after every line, in case-id order. Reads in batches so that memory stays flat however many cases
/// there are.
/// </summary>
public sealed class JsonlExport(Database database)
{
    const int BatchSize = 500;

    /// <summary>The file encoding: UTF-8 without a byte-order mark.</summary>
    public static readonly System.Text.Encoding Encoding = new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    /// <param name="agencyId">Only this agency's cases; null: every agency's.</param>
    /// <returns>The number of cases written.</returns>
    public async Task<int> ExportAsync(TextWriter output, int? agencyId, CancellationToken ct)
    {
        await using var db = database.CreateContext(agencyId is { } id ? AgencyScope.For(id) : AgencyScope.All);
        var agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, ct);
        var departments = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        var written = 0;
        var lastId = 0;
        while (true)
        {
            var batch = await db.Cases.AsNoTracking().Where(c => c.Id > lastId).OrderBy(c => c.Id).Take(BatchSize)
                .Include(c => c.ClockEvents).Include(c => c.Documents).Include(c => c.Mailings).AsSplitQuery()
                .ToListAsync(ct);
            if (batch.Count == 0) break;
            var ids = batch.Select(c => c.Id).ToList();
            var events = (await db.CaseEvents.AsNoTracking().Where(e => ids.Contains(e.CaseId)).ToListAsync(ct)).ToLookup(e => e.CaseId);
            var typical = (await db.TypicalCases.AsNoTracking().Where(t => ids.Contains(t.CaseId)).ToListAsync(ct)).ToLookup(t => t.CaseId);
            foreach (var c in batch)
            {
                var record = TransferredCase.From(c, agencies[c.AgencyId], c.DepartmentId is { } d ? departments.GetValueOrDefault(d) : null, events[c.Id], typical[c.Id]);
                await output.WriteAsync(JsonSerializer.Serialize(record, TransferredCase.Json));
                await output.WriteAsync('\n');
                written++;
            }
            lastId = batch[^1].Id;
        }
        await output.FlushAsync(ct);
        return written;
    }
}
