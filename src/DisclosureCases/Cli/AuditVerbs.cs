using System.CommandLine;
using DisclosureCases.Data;
using DisclosureCases.Domain.Audit;
using Microsoft.EntityFrameworkCore;

namespace DisclosureCases.Cli;

/// <summary><c>disclosure audit verify</c>: checks every case's event hash chain; exit code 1 when any is broken.</summary>
public static class AuditVerbs
{
    public static Command Build(CliConsole console, CliHost host)
    {
        var verify = new Command("verify", "逐案校验事件哈希链（全程留痕是否完整），含复议诉讼案件");
        verify.SetAction(async (_, ct) => await VerifyAsync(await host.DatabaseAsync(ct), console, ct));
        var audit = new Command("audit", "审计记录");
        audit.Subcommands.Add(verify);
        return audit;
    }

    public static async Task<int> VerifyAsync(Database database, CliConsole console, CancellationToken ct)
    {
        await using var db = database.CreateContext(AgencyScope.All);
        var broken = 0;
        var checkedCases = 0;
        var lastId = 0;
        while (true)
        {
            var batch = await db.Cases.AsNoTracking().Where(c => c.Id > lastId).OrderBy(c => c.Id).Take(500)
                .Select(c => new { c.Id, c.CaseNumber, c.AuditHead, c.AuditCount }).ToListAsync(ct);
            if (batch.Count == 0) break;
            var ids = batch.Select(c => c.Id).ToList();
            var events = (await db.CaseEvents.AsNoTracking().Where(e => ids.Contains(e.CaseId)).ToListAsync(ct)).ToLookup(e => e.CaseId);
            foreach (var c in batch)
            {
                var problems = AuditChain.Verify(events[c.Id], c.AuditHead, c.AuditCount);
                foreach (var p in problems)
                    await console.Out.WriteLineAsync($"案件 {c.CaseNumber ?? "#" + c.Id}：{p}");
                if (problems.Count > 0) broken++;
            }
            checkedCases += batch.Count;
            lastId = batch[^1].Id;
        }
        // 行政复议 / 行政诉讼 cases keep their own chains (docs/decisions/0007).
        var checkedReviews = 0;
        lastId = 0;
        while (true)
        {
            var batch = await db.ReviewCases.AsNoTracking().Where(r => r.Id > lastId).OrderBy(r => r.Id).Take(500)
                .Select(r => new { r.Id, r.BodyCaseNumber, r.AuditHead, r.AuditCount }).ToListAsync(ct);
            if (batch.Count == 0) break;
            var ids = batch.Select(r => r.Id).ToList();
            var events = (await db.ReviewEvents.AsNoTracking().Where(e => ids.Contains(e.ReviewCaseId)).ToListAsync(ct)).ToLookup(e => e.ReviewCaseId);
            foreach (var r in batch)
            {
                var problems = AuditChain.Verify(events[r.Id], r.AuditHead, r.AuditCount);
                foreach (var p in problems)
                    await console.Out.WriteLineAsync($"复议诉讼案件 {r.BodyCaseNumber ?? "#" + r.Id}：{p}");
                if (problems.Count > 0) broken++;
            }
            checkedReviews += batch.Count;
            lastId = batch[^1].Id;
        }
        await console.Out.WriteLineAsync(broken == 0
            ? $"审计链完整：已校验 {checkedCases} 件案件" + (checkedReviews > 0 ? $"、{checkedReviews} 件复议诉讼案件" : "")
            : $"审计链异常：{broken} / {checkedCases + checkedReviews} 件案件");
        return broken == 0 ? 0 : 1;
    }
}
