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

    /// <summary>
    /// The month's fees band by band for an applicant with <paramref name="count"/> applications in one calendar month:
    /// the free band, the first charged band, then one band per <see cref="BandSize"/> applications, each with its range,
    /// how many of the month's applications fall in it, the fee per application and the subtotal. Bands the month does
    /// not reach are left out; a month of no applications has no bands.
    /// </summary>
    public IReadOnlyList<FeeBand> Bands(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var bands = new List<FeeBand>();
        void Add(int from, int to)
        {
            if (count < from) return;
            var n = Math.Min(count, to) - from + 1;
            if (n > 0) bands.Add(new FeeBand(from, to, n, FeeFor(from)));
        }
        Add(1, Free);
        Add(Free + 1, FirstBandTo);
        for (var from = FirstBandTo + 1; from <= count; from += BandSize)
            Add(from, from + BandSize - 1);
        return bands;
    }

    /// <summary>The total of <see cref="Bands"/>: what the month's applications cost together.</summary>
    public decimal MonthTotal(int count) => Bands(count).Sum(b => b.Subtotal);

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

/// <summary>One band of the fee scale as a month fills it: applications <see cref="From"/>–<see cref="To"/> of the month cost
/// <see cref="UnitFee"/> each, and <see cref="Count"/> of them fell in it.</summary>
public sealed record FeeBand(int From, int To, int Count, decimal UnitFee)
{
    public decimal Subtotal => Count * UnitFee;

    /// <summary>The band as arithmetic, e.g. <c>第11–30件：20件 × 100元 = 2000元</c>.</summary>
    public string Arithmetic => UnitFee == 0
        ? $"第{From}–{To}件：{Count}件，免费"
        : $"第{From}–{To}件：{Count}件 × {Yuan(UnitFee)}元 = {Yuan(Subtotal)}元";

    static string Yuan(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
