using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace DisclosureCases.Domain.Audit;

/// <summary>The hash chain over a case's (or a review case's) events. The genesis link is the empty string.</summary>
public static class AuditChain
{
    /// <summary>SHA-256 (hex) over every recorded field of the event and the previous hash, unit-separated.</summary>
    public static string ComputeHash(IChainedEvent e)
    {
        var canonical = string.Join('\u001f',
            e.ChainKey,
            e.AgencyId.ToString(CultureInfo.InvariantCulture),
            e.Sequence.ToString(CultureInfo.InvariantCulture),
            e.At.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
            e.ActorId, e.ActorName, e.Kind, e.Trigger ?? "", e.FromState ?? "", e.ToState ?? "",
            e.Summary, e.Data, e.PreviousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    /// <summary>
    /// Links <paramref name="next"/> after the case's current head and returns the new head. The event's time is first
    /// cut to whole microseconds in UTC: the precision every supported database keeps (PostgreSQL's timestamptz), so
    /// the time read back is the time that was hashed.
    /// </summary>
    public static string Append(IChainedEvent next, string head, int count)
    {
        var utc = next.At.ToUniversalTime();
        next.At = new DateTimeOffset(utc.Ticks - utc.Ticks % 10, TimeSpan.Zero);
        next.Sequence = count + 1;
        next.PreviousHash = head;
        next.Hash = ComputeHash(next);
        return next.Hash;
    }

    /// <summary>
    /// Checks one case's events (any order; they are sorted by sequence) against the head and count the case row holds.
    /// Returns the problems found, in Chinese, or nothing when the chain is intact.
    /// </summary>
    public static IReadOnlyList<string> Verify(IEnumerable<IChainedEvent> events, string expectedHead, int expectedCount)
    {
        var problems = new List<string>();
        var previous = "";
        var expectedSequence = 1;
        foreach (var e in events.OrderBy(e => e.Sequence))
        {
            if (e.Sequence != expectedSequence)
                problems.Add($"事件序号不连续：应为 {expectedSequence}，实为 {e.Sequence}");
            if (e.PreviousHash != previous)
                problems.Add($"事件 {e.Sequence} 的前序哈希与上一事件不符");
            if (ComputeHash(e) != e.Hash)
                problems.Add($"事件 {e.Sequence} 的内容已被改动（哈希不符）");
            previous = e.Hash;
            expectedSequence = e.Sequence + 1;
        }
        if (expectedSequence - 1 != expectedCount)
            problems.Add($"事件数为 {expectedSequence - 1}，案件记录为 {expectedCount}");
        if (previous != expectedHead)
            problems.Add("最后一个事件的哈希与案件记录的链头不符");
        return problems;
    }
}
