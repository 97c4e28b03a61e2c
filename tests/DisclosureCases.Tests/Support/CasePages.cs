using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using DisclosureCases.Data;
using DisclosureCases.Domain.Cases;
using Microsoft.EntityFrameworkCore;

namespace DisclosureCases.Tests.Support;

/// <summary>Drives the case screens over HTTP the way a browser posts them.</summary>
public static partial class CasePages
{
    public static string Today => ShanghaiTime.Today(TimeProvider.System).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    public static string Tomorrow => ShanghaiTime.Today(TimeProvider.System).AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The intake form; <paramref name="arrivedOn"/> for an app on a test clock (default: the machine's today).</summary>
    public static Dictionary<string, string> Intake(string description = "静安区大宁路街道325街坊旧区改造项目的房屋征收决定及补偿方案",
        DateOnly? arrivedOn = null) => new()
    {
        ["Input.Channel"] = "InPerson",
        ["Input.ArrivedOn"] = arrivedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? Today,
        ["Input.ApplicantKind"] = "NaturalPerson",
        ["Input.ApplicantName"] = "刘志强",
        ["Input.IdType"] = "ResidentIdCard",
        ["Input.IdNumber"] = "11010519491231002X",
        ["Input.Phone"] = "13812345678",
        ["Input.Address"] = "上海市静安区共和新路1000号",
        ["Input.PostalCode"] = "200070",
        ["Input.Description"] = description,
        ["Input.ProvisionForm"] = "Paper",
        ["Input.DeliveryMethod"] = "Post",
    };

    /// <summary>Posts the intake form and returns the new case's id.</summary>
    public static async Task<int> ReceiveAsync(this HttpClient client, Dictionary<string, string>? fields = null)
    {
        var response = await client.PostFormAsync("/Cases/New", fields ?? Intake());
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return int.Parse(response.Headers.Location!.ToString().Split('/').Last(), CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"name=""version"" value=""(\d+)""")]
    private static partial Regex VersionPattern();

    /// <summary>The case's concurrency version as the case page renders it in its action forms.</summary>
    public static async Task<int> VersionAsync(this HttpClient client, int caseId)
    {
        var html = await client.GetStringAsync($"/Cases/{caseId}");
        var match = VersionPattern().Match(html);
        match.Success.ShouldBeTrue("the case page should offer at least one action");
        return int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    /// <summary>Takes an action on the case page; <paramref name="version"/> defaults to the one the page shows now.</summary>
    public static async Task<HttpResponseMessage> FireAsync(this HttpClient client, int caseId, string trigger,
        Dictionary<string, string>? fields = null, int? version = null)
    {
        var form = new Dictionary<string, string>
        {
            ["trigger"] = trigger,
            ["version"] = (version ?? await client.VersionAsync(caseId)).ToString(CultureInfo.InvariantCulture),
        };
        foreach (var (k, v) in fields ?? []) form["f." + k] = v;
        return await client.PostFormAsync($"/Cases/{caseId}?handler=Fire", form, formPageUrl: $"/Cases/{caseId}");
    }

    /// <summary>Fires and insists it was applied (a redirect back to the case).</summary>
    public static async Task FireOkAsync(this HttpClient client, int caseId, string trigger, Dictionary<string, string>? fields = null)
    {
        var response = await client.FireAsync(caseId, trigger, fields);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"{trigger}: {Refusal(await response.Content.ReadAsStringAsync())}");
    }

    [GeneratedRegex(@"<div class=""alert"" role=""alert"" id=""refusal"">([^<]*)</div>")]
    private static partial Regex RefusalPattern();

    public static string Refusal(string html) => RefusalPattern().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : "(no refusal shown)";

    public static async Task<DisclosureCases.Domain.Cases.Case> LoadCaseAsync(this AppFactory factory, int id)
    {
        await using var db = factory.Database.CreateContext(AgencyScope.All);
        return await db.Cases.AsNoTracking().Include(c => c.ClockEvents).Include(c => c.Documents).Include(c => c.Mailings)
            .AsSplitQuery().SingleAsync(c => c.Id == id);
    }

    public static async Task<string> UserIdAsync(this AppFactory factory, string userName)
    {
        await using var db = factory.Database.CreateContext(AgencyScope.All);
        return await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
    }
}
