using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using DisclosureCases.Data;
using DisclosureCases.Domain.Cases;
using DisclosureCases.Domain.Clocks;
using DisclosureCases.Domain.Periods;
using DisclosureCases.Letters;
using DisclosureCases.Workflow;
using Microsoft.EntityFrameworkCore;

namespace DisclosureCases.Cases;

/// <summary>A file that leaves the system: its download name and its bytes.</summary>
public sealed record ArchiveFile(string FileName, byte[] Content);

/// <summary>One issued (or superseded) letter, re-rendered from its stored template version: byte-identical to what was issued.</summary>
public sealed record IssuedLetterFile(Letter Letter, byte[] Html, byte[] Docx);

/// <summary>
/// What the case file (<see cref="ArchiveExport"/>) and the evidence package (<see cref="Evidence.EvidencePackage"/>)
/// both put in a ZIP: the issued letters, the deadline statement, the ZIP itself and its SHA-256 sums.
/// </summary>
public static class CaseFiles
{
    /// <summary>
    /// A ZIP of <paramref name="entries"/> in the order given, every entry stamped with <paramref name="stamp"/> (in
    /// Beijing time, as a DOS timestamp): the same entries and stamp give the same bytes.
    /// </summary>
    public static byte[] Zip(IEnumerable<(string Name, byte[] Content)> entries, DateTimeOffset stamp)
    {
        var local = new DateTimeOffset(ShanghaiTime.Local(stamp), TimeSpan.FromHours(8));
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: Encoding.UTF8))
        {
            foreach (var (name, content) in entries)
            {
                var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
                entry.LastWriteTime = local;
                using var stream = entry.Open();
                stream.Write(content);
            }
        }
        return buffer.ToArray();
    }

    public static string Sha256(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    /// <summary>The download name of a case's file: its case number (or its id before registration), safe as a file name.</summary>
    public static string FileName(Case c, string suffix = "")
    {
        var name = c.CaseNumber ?? $"案件{c.Id}";
        foreach (var ch in Path.GetInvalidFileNameChars()) name = name.Replace(ch, '_');
        return $"{name}{suffix}.zip";
    }

    /// <summary>The case's issued and superseded letters, oldest first, each as HTML and DOCX.</summary>
    public static async Task<IReadOnlyList<IssuedLetterFile>> IssuedLettersAsync(DisclosureDbContext db, CaseLetters letters, int caseId,
        CancellationToken ct)
    {
        var issued = await db.Letters.AsNoTracking()
            .Where(l => l.CaseId == caseId && (l.Status == LetterStatus.Issued || l.Status == LetterStatus.Superseded))
            .OrderBy(l => l.Id).ToListAsync(ct);
        var files = new List<IssuedLetterFile>(issued.Count);
        foreach (var letter in issued)
        {
            var rendered = await letters.RenderIssuedAsync(letter, ct);
            files.Add(new IssuedLetterFile(letter, rendered.HtmlBytes(), rendered.Docx()));
        }
        return files;
    }

    /// <summary>One deadline of the statement: its heading (title and due date), its standing and its explanation lines.</summary>
    public sealed record DeadlineParagraph(string Heading, string Standing, IReadOnlyList<string> Explanation);

    /// <summary>
    /// Every deadline of the case with its due date, its standing on <paramref name="today"/> and how it was reached
    /// (start, rule and article, days skipped, pauses: <see cref="DeadlineExplanation"/>).
    /// </summary>
    public static IReadOnlyList<DeadlineParagraph> DeadlineStatement(Case c, WorkflowDefinition definition, PeriodCalculator calc, DateOnly today)
    {
        var clocks = CaseDeadlines.Compute(c, calc);
        var watched = CaseDeadlines.Watched(c, definition, clocks).Select(d => d.Key).ToHashSet();
        return clocks.Deadlines.Select(d =>
        {
            var due = d.Due is { } date ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "—";
            var heading = $"{d.Title}：{due}{(d.Provisional ? "（暂定：依赖尚未载入的年度节假日安排）" : "")}";
            var standing = $"状态：{CaseClocks.Standing(d, today, calc).Text}{(watched.Contains(d.Key) ? "（当前状态下关注的期限）" : "")}";
            IReadOnlyList<string> lines = d.Explanation is null ? ["说明：该日期由本机关在告知书中确定，不是推算所得"] : d.Explanation.Lines;
            return new DeadlineParagraph(heading, standing, lines);
        }).ToList();
    }
}
