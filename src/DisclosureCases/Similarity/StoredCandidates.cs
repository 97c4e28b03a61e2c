namespace DisclosureCases.Similarity;

/// <summary>
/// A case's similar-case candidates, kept so that its page need not search a million cases on every view: the ids the
/// index search and the ranking put first when they were computed (<see cref="SimilarCases.StoredCount"/>), and the
/// newest case id the search then saw. A view ranks these again with everything current (outcomes, replies, typical
/// marks, the applicant's own cases) together with the matches among cases received since <see cref="UpToCaseId"/>.
/// Kept only for the text it was computed for (<see cref="TextHash"/>): once the description is edited it is ignored
/// until computed again. Filled by <c>SimilarCandidatesJob</c> and <c>disclosure similar fill</c>.
/// </summary>
public class StoredCandidates
{
    public int CaseId { get; set; }
    /// <summary><see cref="SimilarCases.TextHash"/> of the description the candidates were found for.</summary>
    public long TextHash { get; set; }
    /// <summary>The newest case id the search saw: newer cases are searched when the list is used.</summary>
    public int UpToCaseId { get; set; }
    /// <summary>Case ids, best first, four bytes each, little-endian (<see cref="SimilarCases.StoredCount"/> in 120 bytes).</summary>
    public byte[] CandidateIds { get; set; } = [];

    public static byte[] Pack(IEnumerable<int> ids)
    {
        var list = ids.ToList();
        var bytes = new byte[list.Count * 4];
        for (var i = 0; i < list.Count; i++)
            System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(i * 4, 4), list[i]);
        return bytes;
    }

    public static IEnumerable<int> Unpack(byte[] packed)
    {
        for (var i = 0; i + 4 <= packed.Length; i += 4)
            yield return System.Buffers.Binary.BinaryPrimitives.ReadInt32LittleEndian(packed.AsSpan(i, 4));
    }
    public DateTimeOffset ComputedAt { get; set; }
}
