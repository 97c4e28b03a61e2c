using System.Text.Json;
using DisclosureCases.Data;
using DisclosureCases.Domain.Cases;
using DisclosureCases.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Case = DisclosureCases.Domain.Cases.Case;

namespace DisclosureCases.Tests.Similarity;

/// <summary>One application of the evaluation set (eval-applications.jsonl, written by make-eval.py).</summary>
public sealed record EvalApplication(int Id, string Topic, string Text, string Applicant, string? Dup, int? SameApplicantOtherRequest);

public static class EvalSet
{
    public static IReadOnlyList<EvalApplication> Load()
    {
        var path = Path.Combine(RepoPaths.Root, "tests", "DisclosureCases.Tests", "Similarity", "eval-applications.jsonl");
        var options = new JsonSerializerOptions { PropertyNameCaseInsensitive = true };
        return File.ReadLines(path).Where(l => l.Length > 0).Select(l => JsonSerializer.Deserialize<EvalApplication>(l, options)!).ToList();
    }

    /// <summary>
    /// Stores the applications as answered cases of the demo agency, received on successive working days in their
    /// file order; returns the case id of each application id.
    /// </summary>
    public static async Task<Dictionary<int, int>> StoreAsync(Database database, IReadOnlyList<EvalApplication> applications)
    {
        await using var db = database.CreateContext(AgencyScope.All);
        var agency = await db.Agencies.OrderBy(a => a.Id).FirstAsync();
        var day = new DateOnly(2024, 1, 2);
        var cases = new List<(int, Case)>();
        foreach (var a in applications)
        {
            day = day.AddDays(1);
            var c = new Case
            {
                AgencyId = agency.Id, CaseNumber = $"评测〔2024〕第{a.Id:0000}号", WorkflowId = "application", WorkflowVersion = 1, WorkflowHash = "eval",
                State = "archived", Archived = true, Channel = Channel.Online, ArrivedOn = day, ReceivedOn = day,
                Applicant = new Applicant { Kind = ApplicantKind.NaturalPerson, Name = "申请人" + a.Applicant, IdType = IdDocumentType.Other, IdNumber = a.Applicant, Phone = "13800000000" },
                Description = a.Text, Outcome = "disclose", RepliedOn = day.AddDays(10), ClosedOn = day.AddDays(15),
                CreatedAt = DateTimeOffset.UnixEpoch, UpdatedAt = DateTimeOffset.UnixEpoch,
            };
            db.Cases.Add(c);
            cases.Add((a.Id, c));
        }
        await db.SaveChangesAsync();
        return cases.ToDictionary(x => x.Item1, x => x.Item2.Id);
    }
}
