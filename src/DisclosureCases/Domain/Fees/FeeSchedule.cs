using System.Globalization;
using DisclosureCases.Domain.DataFiles;

namespace DisclosureCases.Domain.Fees;

/// <summary>
/// 信息处理费 按件计收 (条例第42条; 国办函〔2020〕109号): what the n-th application of one applicant in one calendar month
/// costs. With the national figures: 1–10 free, 11–30 100元/件, 31–40 200元/件, 41–50 300元/件, and so on.
/// </summary>
public sealed record FeeSchedule(string Basis, int Free, int FirstBandTo, decimal FirstBandFee, int BandSize, decimal BandIncrement,
    int PaymentDays, bool PaymentDaysVerified)
{
    /// <summary>The fee for the applicant's <paramref name="nth"/> application of the month (1-based).</summary>
    public decimal FeeFor(int nth)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(nth, 1);
        if (nth <= Free) return 0m;
        if (nth <= FirstBandTo) return FirstBandFee;
        var bandsBeyond = (nth - FirstBandTo - 1) / BandSize + 1;
        return FirstBandFee + bandsBeyond * BandIncrement;
    }

    /// <summary>One sentence for the case page: which application of the month this is and what it costs, with the basis.</summary>
    public string Explain(int nth)
    {
        var fee = FeeFor(nth);
        return fee == 0
            ? $"本自然月该申请人第{nth}件申请，未超过{Free}件，不收费（{Basis}）"
            : $"本自然月该申请人第{nth}件申请，按件计收{fee.ToString("0.##", CultureInfo.InvariantCulture)}元（{Basis}）";
    }

    public static FeeSchedule Load(string path) => Parse(File.ReadAllText(path), DataFileNames.SourceName(path));

    /// <summary>Parses <c>workflows/fees.yaml</c>; every number must be present and sensible, each error with its line.</summary>
    public static FeeSchedule Parse(string text, string sourceName)
    {
        var reader = new YamlDataReader(sourceName);
        FeeSchedule? schedule = null;
        if (reader.LoadRoot(text, "basis", "free", "first-band-to", "first-band-fee", "band-size", "band-increment", "payment-days", "payment-days-verified") is { } root)
        {
            int Whole(string key, int min)
            {
                var value = root.Int(key);
                if (value is null) reader.Error(root.Blame(key), $"'{key}' is missing or not a whole number");
                else if (value < min) reader.Error(root.Blame(key), $"'{key}' must be at least {min}");
                return value ?? min;
            }
            var basis = root.RequiredString("basis") ?? "";
            var free = Whole("free", 0);
            var firstBandTo = Whole("first-band-to", 0);
            if (firstBandTo < free) reader.Error(root.Blame("first-band-to"), "'first-band-to' cannot be below 'free'");
            schedule = new FeeSchedule(basis, free, firstBandTo, Whole("first-band-fee", 0), Whole("band-size", 1), Whole("band-increment", 0),
                Whole("payment-days", 1), root.Bool("payment-days-verified", false));
        }
        reader.ThrowIfAny();
        return schedule!;
    }
}
